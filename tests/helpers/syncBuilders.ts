// Builders for merge tests: laptops with their own hybrid logical clock, edits that stamp a
// sheet the way the domain does once it bumps the version vector, and an in-memory store that
// applies import and resolution plans exactly as the database transaction would.
import { createHlc, formatHlc } from '../../shared/domain/hlc';
import type { EditStamp, ScoresheetEditResult } from '../../shared/domain/scoresheet';
import type { ConflictRecord, Scoresheet } from '../../shared/domain/types';
import { isOpenConflict, isSettledByPerson } from '../../shared/sync/conflictRecords';
import { syncStateDigest } from '../../shared/sync/digest';
import { reconcileScoresheets } from '../../shared/sync/mergeScoresheets';
import type { ReconcilePlan } from '../../shared/sync/mergeScoresheets';
import { planResolution } from '../../shared/sync/resolveConflict';
import type { ResolutionChoice, ResolutionPlan } from '../../shared/sync/resolveConflict';
import { bumpVersion } from '../../shared/sync/versions';

export const T0 = Date.parse('2024-05-10T09:00:00.000Z');
export const iso = (ms: number): string => new Date(ms).toISOString();

/** A fresh draft of expert-1 for base-1, as laptop-1 creates it. */
export function freshSheet(overrides: Partial<Scoresheet> = {}): Scoresheet {
  const deviceId = overrides.deviceId ?? 'laptop-1';
  return {
    id: 'sheet-1',
    roundId: 'round-1',
    baseId: 'base-1',
    expertId: 'expert-1',
    templateId: 'tpl-A1',
    templateVersion: 1,
    scores: {},
    comments: {},
    overallComment: '',
    status: 'draft',
    revision: 0,
    hlc: formatHlc({ ms: T0, counter: 0, deviceId }),
    deviceId,
    updatedAt: iso(T0),
    versions: {},
    ...overrides,
  };
}

export type Laptop = {
  deviceId: string;
  stamp(): EditStamp;
  /** Moves the clock past a timestamp seen in an imported copy; returns a new timestamp. */
  receive(hlc: string): string;
};

/** A laptop whose wall clock advances one second per reading, from `startMs`. */
export function laptop(deviceId: string, startMs = T0): Laptop {
  let wall = startMs;
  const tick = (): number => (wall += 1000);
  const clock = createHlc(deviceId, tick);
  return {
    deviceId,
    stamp: () => {
      const hlc = clock.now();
      return { now: iso(wall), hlc, deviceId };
    },
    receive: (hlc) => clock.receive(hlc),
  };
}

/** One saved edit: the changes, then revision, clock, device and version vector bumped. */
export function edit(sheet: Scoresheet, device: Laptop, changes: Partial<Scoresheet>): Scoresheet {
  const stamp = device.stamp();
  return {
    ...sheet,
    ...changes,
    revision: sheet.revision + 1,
    hlc: stamp.hlc,
    deviceId: stamp.deviceId,
    updatedAt: stamp.now,
    versions: bumpVersion(sheet, stamp.deviceId),
  };
}

/** A domain edit with the version bump added, as the wired `edited` helper will do it. */
export function versioned(before: Scoresheet, result: ScoresheetEditResult): Scoresheet {
  if (!result.ok) throw new Error(`edit refused: ${result.error.code}`);
  if (!result.changed) return result.sheet;
  return { ...result.sheet, versions: bumpVersion(before, result.sheet.deviceId) };
}

// ---- an in-memory store ------------------------------------------------------------------

export type SyncDb = { sheets: Map<string, Scoresheet>; conflicts: Map<string, ConflictRecord> };

export const emptyDb = (): SyncDb => ({ sheets: new Map(), conflicts: new Map() });

export function cloneDb(db: SyncDb): SyncDb {
  return { sheets: new Map(db.sheets), conflicts: new Map(db.conflicts) };
}

type Writes = Pick<
  ReconcilePlan,
  'toPut' | 'toDelete' | 'newConflicts' | 'updatedConflicts' | 'conflictsToDelete'
>;

export function applyWrites(db: SyncDb, plan: Writes): void {
  for (const id of plan.toDelete) db.sheets.delete(id);
  for (const sheet of plan.toPut) db.sheets.set(sheet.id, sheet);
  for (const id of plan.conflictsToDelete) db.conflicts.delete(id);
  for (const record of [...plan.newConflicts, ...plan.updatedConflicts]) {
    db.conflicts.set(record.id, record);
  }
}

export function writeCount(plan: Writes): number {
  return (
    plan.toPut.length +
    plan.toDelete.length +
    plan.newConflicts.length +
    plan.updatedConflicts.length +
    plan.conflictsToDelete.length
  );
}

export function importInto(
  db: SyncDb,
  incoming: readonly Scoresheet[],
  importId = 'import-1',
  now = iso(T0 + 86_400_000),
): ReconcilePlan {
  const plan = reconcileScoresheets([...db.sheets.values()], incoming, [...db.conflicts.values()], {
    now,
    importId,
  });
  applyWrites(db, plan);
  return plan;
}

export function resolveIn(
  db: SyncDb,
  conflict: ConflictRecord,
  choice: ResolutionChoice,
  resolver: Laptop,
): ResolutionPlan {
  const hlc = resolver.receive(conflict.incoming.hlc);
  const stamp = resolver.stamp();
  const plan = planResolution(
    conflict,
    choice,
    { sheets: [...db.sheets.values()], conflicts: [...db.conflicts.values()] },
    { now: stamp.now, hlc: hlc > stamp.hlc ? hlc : stamp.hlc, deviceId: resolver.deviceId },
  );
  if (plan.ok) {
    applyWrites(db, plan);
    db.conflicts.set(plan.resolvedConflict.id, plan.resolvedConflict);
  }
  return plan;
}

export const openConflicts = (db: SyncDb): ConflictRecord[] =>
  [...db.conflicts.values()].filter(isOpenConflict);

/** Records merge maintains: open ones and identical copies it settled itself. */
export const liveConflicts = (db: SyncDb): ConflictRecord[] =>
  [...db.conflicts.values()].filter((record) => !isSettledByPerson(record));

export const dbDigest = (db: SyncDb): string =>
  syncStateDigest([...db.sheets.values()], [...db.conflicts.values()]);
