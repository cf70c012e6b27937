// Import of scoresheets from score bundles, as a plan of writes: pure, so the import preview
// and the one Dexie transaction that applies it see the same result.
//
// Per logical sheet (same round, expert and base, whatever the ids), the state is the set of
// copies no other copy supersedes (frontier.ts). A copy that descends from everything here
// replaces it; an older or identical copy changes nothing; a concurrent copy with different
// content is kept in a conflict record next to the winner, which the winner rule picks
// (recused > submitted > draft, then later HLC, device id, canonical JSON). Because the state
// is a function of the set of copies ever imported, bundle order and repeats never matter.
import type { ConflictRecord, Scoresheet } from '../domain/types';
import { isSettledByPerson } from './conflictRecords';
import { logicalKey, sameContent, versionKey } from './content';
import { settle } from './settle';
import type { Settlement } from './settle';
import { compareVersions } from './versions';

export type ImportOutcome = 'new' | 'updated' | 'unchanged' | 'conflict' | 'refused';

export type ImportReason =
  /** This exact copy is already here (or appears earlier in the same import). */
  | 'sameVersion'
  /** A newer copy of this sheet is already here. */
  | 'olderVersion'
  /** A newer copy of this sheet in the same import replaces it. */
  | 'supersededInImport'
  /** Concurrent with the copy here but says the same thing: recorded, nothing to resolve. */
  | 'sameContent'
  /** Concurrent and different: kept in a conflict record; the copy here stays. */
  | 'keptAsConflict'
  /** Concurrent and different: it becomes the copy shown; the other is kept in a conflict. */
  | 'wonConflict'
  /** Its id already names a sheet of another expert or base. */
  | 'idBelongsToAnotherSheet';

export type SheetImportSummary = {
  sheetId: string;
  roundId: string;
  baseId: string;
  expertId: string;
  outcome: ImportOutcome;
  reason?: ImportReason;
};

export type ImportCounts = {
  added: number;
  updated: number;
  unchanged: number;
  conflicts: number;
  refused: number;
};

export type ReconcileDeps = {
  /** Timestamp recorded on new conflict records. */
  now: string;
  /** The BundleImportRecord id, recorded on new conflict records. */
  importId: string;
};

export type ReconcilePlan = {
  /** Sheets to write (new winners). */
  toPut: Scoresheet[];
  /** Sheet ids to remove: another id's copy of the same expert and base won (it is kept). */
  toDelete: string[];
  /** Records to add: open conflicts, and identical concurrent copies recorded as settled. */
  newConflicts: ConflictRecord[];
  /** Records to overwrite: the copy shown next to the kept one changed. */
  updatedConflicts: ConflictRecord[];
  /** Records to remove: their kept copy became the winner or was superseded. */
  conflictsToDelete: string[];
  /** One entry per incoming copy, in input order. */
  summary: SheetImportSummary[];
  counts: ImportCounts;
};

type Outcome = Pick<SheetImportSummary, 'outcome' | 'reason'>;

const REFUSED: Outcome = { outcome: 'refused', reason: 'idBelongsToAnotherSheet' };

/**
 * `local`: the stored sheets, at least every sheet of each expert and base the import
 * touches. `existingConflicts`: the stored conflict records (at least those of the same).
 */
export function reconcileScoresheets(
  local: readonly Scoresheet[],
  incoming: readonly Scoresheet[],
  existingConflicts: readonly ConflictRecord[],
  deps: ReconcileDeps,
): ReconcilePlan {
  const live = existingConflicts.filter((record) => !isSettledByPerson(record));
  const owners = sheetOwners(local, live, incoming);
  const storedByKey = groupBy(local, logicalKey);
  const liveByKey = groupBy(live, (record) => logicalKey(record.local));
  const accepted = groupBy(
    incoming.flatMap((sheet, index) =>
      owners.get(sheet.id) === logicalKey(sheet) ? [{ sheet, index }] : [],
    ),
    ({ sheet }) => logicalKey(sheet),
  );

  const outcomes = new Map<number, Outcome>();
  const settlements: Settlement[] = [];
  for (const [key, entries] of accepted) {
    const copies = entries.map(({ sheet }) => sheet);
    const settlement = settle(storedByKey.get(key) ?? [], liveByKey.get(key) ?? [], copies, deps);
    settlements.push(settlement);
    describe(settlement, copies).forEach((outcome, i) => {
      const entry = entries[i];
      if (entry) outcomes.set(entry.index, outcome);
    });
  }

  const summary = incoming.map((sheet, index): SheetImportSummary => ({
    sheetId: sheet.id,
    roundId: sheet.roundId,
    baseId: sheet.baseId,
    expertId: sheet.expertId,
    ...(outcomes.get(index) ?? REFUSED),
  }));
  const count = (outcome: ImportOutcome): number =>
    summary.filter((entry) => entry.outcome === outcome).length;
  const all = <T>(pick: (s: Settlement) => T[]): T[] => settlements.flatMap(pick);
  return {
    toPut: all((s) => s.toPut),
    toDelete: all((s) => s.toDelete),
    newConflicts: all((s) => s.newConflicts),
    updatedConflicts: all((s) => s.updatedConflicts),
    conflictsToDelete: all((s) => s.conflictsToDelete),
    summary,
    counts: {
      added: count('new'),
      updated: count('updated'),
      unchanged: count('unchanged'),
      conflicts: count('conflict'),
      refused: count('refused'),
    },
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/**
 * Which logical sheet each id belongs to. Stored data decides; an id new to this database
 * that the import uses for several experts or bases belongs to the smallest key, so the
 * choice does not depend on the order of the copies.
 */
function sheetOwners(
  local: readonly Scoresheet[],
  live: readonly ConflictRecord[],
  incoming: readonly Scoresheet[],
): Map<string, string> {
  const owners = new Map<string, string>();
  const known = [...local, ...live.flatMap((record) => [record.local, record.incoming])];
  for (const sheet of known) if (!owners.has(sheet.id)) owners.set(sheet.id, logicalKey(sheet));
  const fresh = new Map<string, string>();
  for (const sheet of incoming) {
    if (owners.has(sheet.id)) continue;
    const key = logicalKey(sheet);
    const current = fresh.get(sheet.id);
    if (current === undefined || key < current) fresh.set(sheet.id, key);
  }
  for (const [id, key] of fresh) owners.set(id, key);
  return owners;
}

/** What happened to each incoming copy of one logical sheet (same order as `copies`). */
function describe(settlement: Settlement, copies: readonly Scoresheet[]): Outcome[] {
  const { previous, next } = settlement;
  const [winner, ...kept] = next;
  // A sheet new here, alone in the bundle (most of an import): what the steps below conclude,
  // without building its version key (the whole sheet's canonical JSON).
  if (previous.length === 0 && copies.length === 1 && next.length === 1 && winner === copies[0]) {
    return [{ outcome: 'new' }];
  }
  const before = new Set(previous.map(versionKey));
  const after = new Set(next.map(versionKey));
  const seen = new Set<string>();
  const openAfter = winner !== undefined && kept.some((copy) => !sameContent(copy, winner));
  return copies.map((copy): Outcome => {
    const key = versionKey(copy);
    const repeat = seen.has(key);
    seen.add(key);
    if (repeat || before.has(key)) return { outcome: 'unchanged', reason: 'sameVersion' };
    if (!after.has(key) || winner === undefined) {
      const here = previous.map((p) => compareVersions(p, copy));
      if (here.includes('equal')) return { outcome: 'unchanged', reason: 'sameVersion' };
      if (here.includes('descends')) return { outcome: 'unchanged', reason: 'olderVersion' };
      return { outcome: 'unchanged', reason: 'supersededInImport' };
    }
    if (key !== versionKey(winner)) {
      return sameContent(copy, winner)
        ? { outcome: 'unchanged', reason: 'sameContent' }
        : { outcome: 'conflict', reason: 'keptAsConflict' };
    }
    if (openAfter) return { outcome: 'conflict', reason: 'wonConflict' };
    const shownBefore = previous[0];
    if (shownBefore === undefined) return { outcome: 'new' };
    return sameContent(copy, shownBefore)
      ? { outcome: 'updated', reason: 'sameContent' }
      : { outcome: 'updated' };
  });
}
