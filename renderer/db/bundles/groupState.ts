// What the score bundles of one group transaction (commitImportGroup) wrote so far, so that a
// bundle's state read at the group's start can stand in for the state it would read after the
// bundles before it.
//
// The reads of a score bundle (localState.ts readScoresState) are: the round, its pins, the
// bundle's bases, experts, panel and their assignments, the sheets under its ids and of its
// bases, the round's conflicts, the stored audit of its sheets, the round's changes. The
// writes of a score bundle (commitImport.ts writeScores) are: sheets (put, added, deleted),
// conflicts (put, deleted), one audit record, one pin, one bundleImports row. So, inside the
// group's transaction (read-write on every table: no other window writes meanwhile), the
// state a bundle would read after the ones before it equals the state read at the start,
//   - with the pins and conflicts they wrote applied (both read whole for the round, and
//     written here only: withGroupWrites applies them exactly as the database would), and
//   - provided none of them wrote a sheet under one of its ids or on one of its bases, nor an
//     audit entry about one of its sheets (touchesGroupWrites); when one did, the bundle is
//     read again after those writes.
// Nothing else a score bundle reads is written by one. Tested against committing the bundles
// one by one (tests/renderer/db/bundles/commitGroup.property.test.ts).
import type { ConflictRecord, TrustedKey } from '../../../shared/domain/types';
import type { Analysis } from './analyse';
import type { LocalState } from './localState';
import type { ImportableBundle } from './types';

export type GroupWrites = {
  /** Ids of the sheets written or deleted. */
  sheetIds: Set<string>;
  /** Bases of those sheets. */
  baseIds: Set<string>;
  /** Records the audit entries written are about. */
  auditEntityIds: Set<string>;
  /** Pins written, in order. */
  pins: TrustedKey[];
  /** Conflicts written (the record) or deleted (null), in order. */
  conflicts: Array<[id: string, record: ConflictRecord | null]>;
};

export const emptyGroupWrites = (): GroupWrites => ({
  sheetIds: new Set(),
  baseIds: new Set(),
  auditEntityIds: new Set(),
  pins: [],
  conflicts: [],
});

/** Records what a score bundle's commit writes (writeScores, and its pin). */
export function noteGroupWrites(
  written: GroupWrites,
  analysis: Extract<Analysis, { kind: 'scores' }>,
  auditEntityIds: readonly string[],
  pin: TrustedKey | undefined,
): void {
  const { merge } = analysis.plan;
  const storedBase = new Map(analysis.state.sheets.map((s) => [s.id, s.baseId]));
  for (const sheet of merge.toPut) {
    written.sheetIds.add(sheet.id);
    written.baseIds.add(sheet.baseId);
  }
  for (const id of merge.toDelete) {
    written.sheetIds.add(id);
    const baseId = storedBase.get(id);
    // A sheet deleted is one read here, so its base is known; were it not, every base counts.
    written.baseIds.add(baseId ?? ANY_BASE);
  }
  for (const id of auditEntityIds) written.auditEntityIds.add(id);
  for (const id of merge.conflictsToDelete) written.conflicts.push([id, null]);
  for (const c of [...merge.newConflicts, ...merge.updatedConflicts]) {
    written.conflicts.push([c.id, c]);
  }
  if (pin !== undefined) written.pins.push(pin);
}

const ANY_BASE = '\u0000any base';

/** Whether a score bundle reads a sheet or audit entry the group has written. */
export function touchesGroupWrites(written: GroupWrites, opened: ImportableBundle): boolean {
  if (opened.kind !== 'scores') return true;
  if (written.baseIds.has(ANY_BASE)) return true;
  return opened.payload.scoresheets.some(
    (sheet) =>
      written.sheetIds.has(sheet.id) ||
      written.auditEntityIds.has(sheet.id) ||
      written.baseIds.has(sheet.baseId),
  );
}

/** IndexedDB's order of records read by an index of equal keys: by primary key. */
const byId = <T extends { id: string }>(a: T, b: T): number =>
  a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/**
 * The state read at the group's start with the pins and conflicts of `roundId` the group wrote
 * since, as a read now would return them (ordered by id, as the roundId index returns them).
 */
export function withGroupWrites(
  local: LocalState,
  written: GroupWrites,
  roundId: string,
): LocalState {
  if (local.kind !== 'scores') return local;
  if (written.pins.length === 0 && written.conflicts.length === 0) return local;
  const pins = new Map(local.state.pins.map((p) => [p.id, p]));
  for (const pin of written.pins) {
    if (pin.roundId === roundId) pins.set(pin.id, pin);
    else pins.delete(pin.id);
  }
  const conflicts = new Map(local.state.conflicts.map((c) => [c.id, c]));
  for (const [id, record] of written.conflicts) {
    if (record !== null && record.roundId === roundId) conflicts.set(id, record);
    else conflicts.delete(id);
  }
  return {
    kind: 'scores',
    state: {
      ...local.state,
      pins: [...pins.values()].sort(byId),
      conflicts: [...conflicts.values()].sort(byId),
    },
  };
}
