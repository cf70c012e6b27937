// Changes to a round's assignment records, shared by the automatic plan and the manual
// edits: the records each (expert, base) pair should have, the difference from what is
// stored, and the writes that carry it out. Pure.
import type {
  Assignment,
  Base,
  Expert,
  Panel,
  Recusal,
  RecusalSource,
  Scoresheet,
} from '../domain/types';
import { compareIds } from '../domain/aggregation';
import type { BaseMove } from './assignment';
import {
  conflictChecker,
  declarationsFromRecords,
  findConflictsOfInterest,
  pairKey,
} from './conflicts';
import type { ConflictChecker, ConflictOfInterest } from './conflicts';

export type RoundAssignmentRecords = {
  bases: readonly Base[];
  panels: readonly Panel[];
  experts: readonly Expert[];
  assignments: readonly Assignment[];
  scoresheets: readonly Scoresheet[];
};

export type PlannedRecusal = { reason: string; source: RecusalSource };

/** One (expert, base) record as the plan wants it. */
export type PlannedPair = {
  panelId: string;
  expertId: string;
  baseId: string;
  recusal?: PlannedRecusal;
};

export type AssignmentChanges = {
  moves: BaseMove[];
  add: PlannedPair[];
  /** Existing records rewritten (another panel, or a recusal added, changed or lifted). */
  update: { before: Assignment; after: PlannedPair }[];
  remove: Assignment[];
};

export type AssignmentWarning =
  /** Conflicts on pairs whose expert already started the sheet: the sheet becomes 回避. */
  | { code: 'startedSheetsRecused'; count: number }
  /** Declared recusals recorded by the secretariat for bases leaving a panel. */
  | { code: 'declarationsDropped'; count: number }
  /** Started sheets kept although their expert is no longer in the base's panel. */
  | { code: 'startedOutsidePanel'; count: number };

/** Pairs whose expert started a sheet that is not a recusal: scoring began there. */
export function startedPairs(scoresheets: readonly Scoresheet[]): Set<string> {
  return new Set(scoresheets.filter((s) => !s.recusal).map((s) => pairKey(s.expertId, s.baseId)));
}

/** The conflicts of a round's records asked pair by pair, declarations included. */
export function roundConflictChecker(records: RoundAssignmentRecords): ConflictChecker {
  return conflictChecker(
    records.bases,
    records.experts,
    declarationsFromRecords(records.assignments, records.scoresheets),
  );
}

/** The conflicts of a round's records, declarations included. */
export function roundConflicts(records: RoundAssignmentRecords): ConflictOfInterest[] {
  return findConflictsOfInterest(
    records.bases,
    records.experts,
    declarationsFromRecords(records.assignments, records.scoresheets),
  );
}

/** The recusal a conflicted pair is recorded with: the stored one when it still applies. */
export function recusalFor(
  conflicts: readonly ConflictOfInterest[],
  existing: Recusal | undefined,
): PlannedRecusal | undefined {
  const same = conflicts.find(
    (c) => existing !== undefined && c.source === existing.source && c.reason === existing.reason,
  );
  const chosen = same ?? conflicts.find((c) => c.kind === 'institution') ?? conflicts[0];
  return chosen ? { reason: chosen.reason, source: chosen.source } : undefined;
}

/** Same record content: panel and recusal (its time aside). */
export function isSamePair(a: Assignment, p: PlannedPair): boolean {
  return (
    a.panelId === p.panelId &&
    a.recusal?.source === p.recusal?.source &&
    a.recusal?.reason === p.recusal?.reason
  );
}

/** Records per pair, first by id; the others are duplicates. */
export function groupByPair(assignments: readonly Assignment[]): {
  byPair: Map<string, Assignment>;
  duplicates: Assignment[];
} {
  const byPair = new Map<string, Assignment>();
  const duplicates: Assignment[] = [];
  for (const a of [...assignments].sort((x, y) => compareIds(x.id, y.id))) {
    const key = pairKey(a.expertId, a.baseId);
    if (byPair.has(key)) duplicates.push(a);
    else byPair.set(key, a);
  }
  return { byPair, duplicates };
}

/**
 * Changes that turn `existing` records into `desired` (pairKey → record). Records of pairs not
 * desired are removed, except where the expert started a sheet (never dropped by a re-run);
 * duplicates of a pair beyond the first are removed too.
 */
export function diffRecords(
  desired: ReadonlyMap<string, PlannedPair>,
  existing: readonly Assignment[],
  scoresheets: readonly Scoresheet[],
): { changes: Omit<AssignmentChanges, 'moves'>; warnings: AssignmentWarning[] } {
  const started = startedPairs(scoresheets);
  const declaredOnSheet = new Set(
    scoresheets.filter((s) => s.recusal).map((s) => pairKey(s.expertId, s.baseId)),
  );
  const { byPair, duplicates } = groupByPair(existing);
  const changes: Omit<AssignmentChanges, 'moves'> = { add: [], update: [], remove: [] };
  let startedRecused = 0;
  let declarationsDropped = 0;
  let startedOutside = 0;
  for (const [key, want] of [...desired.entries()].sort(([a], [b]) => compareIds(a, b))) {
    const have = byPair.get(key);
    if (want.recusal && started.has(key) && !have?.recusal) startedRecused += 1;
    if (!have) changes.add.push(want);
    else if (!isSamePair(have, want)) changes.update.push({ before: have, after: want });
  }
  for (const [key, have] of byPair) {
    if (desired.has(key)) continue;
    if (started.has(key)) {
      startedOutside += 1; // kept: an expert's work is never dropped by a re-run
      continue;
    }
    // A recusal declared on the scoring laptop stays on its sheet; only ours is lost.
    const isDeclared = have.recusal !== undefined && have.recusal.source !== 'institution';
    if (isDeclared && !declaredOnSheet.has(key)) declarationsDropped += 1;
    changes.remove.push(have);
  }
  changes.remove.push(...duplicates.filter((d) => !started.has(pairKey(d.expertId, d.baseId))));
  changes.remove.sort((a, b) => compareIds(a.id, b.id));

  const warnings: AssignmentWarning[] = [];
  if (startedRecused > 0) warnings.push({ code: 'startedSheetsRecused', count: startedRecused });
  if (declarationsDropped > 0)
    warnings.push({ code: 'declarationsDropped', count: declarationsDropped });
  if (startedOutside > 0) warnings.push({ code: 'startedOutsidePanel', count: startedOutside });
  return { changes, warnings };
}

export function hasChanges(changes: AssignmentChanges): boolean {
  return (
    changes.moves.length + changes.add.length + changes.update.length + changes.remove.length > 0
  );
}

/** A canonical text of the changes: the preview and the applied plan must agree on it. */
export function changesSignature(changes: AssignmentChanges): string {
  const pair = (p: PlannedPair): string =>
    [p.panelId, p.expertId, p.baseId, p.recusal?.source ?? '', p.recusal?.reason ?? ''].join('|');
  return JSON.stringify([
    changes.moves.map((m) => [m.baseId, m.from ?? '', m.to]),
    changes.add.map(pair),
    changes.update.map((u) => [u.before.id, pair(u.after)]),
    changes.remove.map((a) => a.id),
  ]);
}

export type RecordWrites = {
  /** Assignments to put (added and rewritten). */
  put: Assignment[];
  /** Assignment ids to delete. */
  remove: string[];
  /** Bases to put with their new panel. */
  bases: Base[];
};

/** The records that carry out a set of changes; new records get ids and recusal times. */
export function writesForChanges(
  changes: AssignmentChanges,
  bases: readonly Base[],
  roundId: string,
  deps: { now: () => string; newId: () => string },
): RecordWrites {
  const at = deps.now();
  const recusalOf = (p: PlannedPair, before?: Assignment): Recusal | undefined => {
    if (!p.recusal) return undefined;
    const kept = before?.recusal;
    const isSame = kept?.source === p.recusal.source && kept.reason === p.recusal.reason;
    return isSame && kept ? kept : { ...p.recusal, at };
  };
  const record = (p: PlannedPair, id: string, before?: Assignment): Assignment => {
    const recusal = recusalOf(p, before);
    return {
      id,
      roundId,
      panelId: p.panelId,
      expertId: p.expertId,
      baseId: p.baseId,
      ...(recusal ? { recusal } : {}),
    };
  };
  const baseById = new Map(bases.map((b) => [b.id, b]));
  return {
    put: [
      ...changes.update.map((u) => record(u.after, u.before.id, u.before)),
      ...changes.add.map((p) => record(p, deps.newId())),
    ],
    remove: changes.remove.map((a) => a.id),
    bases: changes.moves.flatMap((m) => {
      const base = baseById.get(m.baseId);
      return base ? [{ ...base, panelId: m.to }] : [];
    }),
  };
}
