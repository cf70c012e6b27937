// What an import needs to know about this database, read with Dexie calls only, so the same
// readers serve the preview (outside any transaction) and the commit (inside its one
// read-write transaction, where the plan is computed again from what is stored then).
import type { OpenedBundle } from '../../../shared/bundle/bundle';
import type { ResultPayload, RoundPayload } from '../../../shared/bundle/payload';
import type {
  Assignment,
  AuditEntry,
  Base,
  ConflictRecord,
  Expert,
  FinalDecision,
  IndicatorTemplate,
  Panel,
  Round,
  Scoresheet,
  TrustedKey,
} from '../../../shared/domain/types';
import type { PingguDatabase } from '../database';

export type ScoresState = {
  round: Round | undefined;
  pins: TrustedKey[];
  bases: Base[];
  experts: Expert[];
  panels: Panel[];
  /**
   * The stored sheets the merge needs (reconcileScoresheets): every sheet of each expert and
   * base the bundle carries, and any sheet stored under one of its sheet ids. Reading only
   * these keeps the cost of an import proportional to the bundle, not to the whole round.
   */
  sheets: Scoresheet[];
  /** Every conflict record of the round (few; merge needs at least those it touches). */
  conflicts: ConflictRecord[];
  /** Audit entries of the incoming sheets' ids, so imported entries are not added twice. */
  audit: AuditEntry[];
};

/** A sheet's expert and base: the (expert, base) pair the [expertId+baseId] index answers. */
export type SheetPair = readonly [expertId: string, baseId: string];

async function readTouchedSheets(
  db: PingguDatabase,
  roundId: string,
  sheetIds: readonly string[],
  pairs: readonly SheetPair[],
): Promise<Scoresheet[]> {
  if (sheetIds.length === 0 && pairs.length === 0) return [];
  const [byId, byPair] = await Promise.all([
    db.scoresheets.bulkGet([...sheetIds]),
    pairs.length === 0
      ? Promise.resolve([])
      : db.scoresheets
          .where('[expertId+baseId]')
          .anyOf(pairs.map(([expertId, baseId]) => [expertId, baseId]))
          .toArray(),
  ]);
  const found = new Map<string, Scoresheet>();
  // By pair: only this round's (base ids are per round, but a pair says nothing of the round).
  for (const sheet of byPair) if (sheet.roundId === roundId) found.set(sheet.id, sheet);
  // By id: whatever round it is in, so an id that already names another sheet is refused.
  for (const sheet of byId) if (sheet !== undefined) found.set(sheet.id, sheet);
  return [...found.values()];
}

export async function readScoresState(
  db: PingguDatabase,
  roundId: string,
  sheetIds: readonly string[],
  pairs: readonly SheetPair[] = [],
): Promise<ScoresState> {
  const [round, pins, bases, experts, panels, sheets, conflicts, audit] = await Promise.all([
    db.rounds.get(roundId),
    db.trustedKeys.where('roundId').equals(roundId).toArray(),
    db.bases.where('roundId').equals(roundId).toArray(),
    db.experts.where('roundId').equals(roundId).toArray(),
    db.panels.where('roundId').equals(roundId).toArray(),
    readTouchedSheets(db, roundId, sheetIds, pairs),
    db.conflicts.where('roundId').equals(roundId).toArray(),
    sheetIds.length === 0
      ? Promise.resolve([])
      : db.auditLog
          .where('entityId')
          .anyOf([...sheetIds])
          .toArray(),
  ]);
  return { round, pins, bases, experts, panels, sheets, conflicts, audit };
}

/** Records of one round, per table. */
export type RoundRecordsOf = {
  bases: Base[];
  panels: Panel[];
  experts: Expert[];
  assignments: Assignment[];
  scoresheets: Scoresheet[];
  decisions: FinalDecision[];
};

export type RosterState = {
  round: Round | undefined;
  pins: TrustedKey[];
  /** Stored templates under the bundle's template ids. */
  templates: Map<string, IndicatorTemplate>;
  /** Stored records under the bundle's ids, whatever round they belong to. */
  byId: RoundRecordsOf;
  /** Every stored record of the bundle's round. */
  own: RoundRecordsOf;
};

type WithRoster = RoundPayload | ResultPayload;

const present = <T>(records: ReadonlyArray<T | undefined>): T[] =>
  records.filter((r): r is T => r !== undefined);

const ids = (records: ReadonlyArray<{ id: string }>): string[] => records.map((r) => r.id);

export async function readRosterState(
  db: PingguDatabase,
  roundId: string,
  payload: WithRoster,
): Promise<RosterState> {
  const sheets = 'scoresheets' in payload ? payload.scoresheets : [];
  const decisions = 'decisions' in payload ? payload.decisions : [];
  const [round, pins, templates] = await Promise.all([
    db.rounds.get(roundId),
    db.trustedKeys.where('roundId').equals(roundId).toArray(),
    db.templates.bulkGet(ids(payload.templates)),
  ]);
  const byId: RoundRecordsOf = {
    bases: present(await db.bases.bulkGet(ids(payload.bases))),
    panels: present(await db.panels.bulkGet(ids(payload.panels))),
    experts: present(await db.experts.bulkGet(ids(payload.experts))),
    assignments: present(await db.assignments.bulkGet(ids(payload.assignments))),
    scoresheets: present(await db.scoresheets.bulkGet(ids(sheets))),
    decisions: present(await db.decisions.bulkGet(ids(decisions))),
  };
  const own: RoundRecordsOf = {
    bases: await db.bases.where('roundId').equals(roundId).toArray(),
    panels: await db.panels.where('roundId').equals(roundId).toArray(),
    experts: await db.experts.where('roundId').equals(roundId).toArray(),
    assignments: await db.assignments.where('roundId').equals(roundId).toArray(),
    scoresheets: await db.scoresheets.where('roundId').equals(roundId).toArray(),
    decisions: await db.decisions.where('roundId').equals(roundId).toArray(),
  };
  return {
    round,
    pins,
    templates: new Map(present(templates).map((t) => [t.id, t])),
    byId,
    own,
  };
}

/** The state of whichever kind the bundle is (backups need none: they replace everything). */
export type LocalState =
  | { kind: 'scores'; state: ScoresState }
  | { kind: 'round' | 'result'; state: RosterState }
  | { kind: 'backup' };

export async function readLocalState(
  db: PingguDatabase,
  opened: OpenedBundle,
): Promise<LocalState> {
  switch (opened.kind) {
    case 'scores': {
      const sheets = opened.payload.scoresheets;
      const pairs = sheets.map((s): SheetPair => [s.expertId, s.baseId]);
      return {
        kind: 'scores',
        state: await readScoresState(
          db,
          opened.manifest.roundId,
          sheets.map((s) => s.id),
          pairs,
        ),
      };
    }
    case 'round':
    case 'result':
      return {
        kind: opened.kind,
        state: await readRosterState(db, opened.manifest.roundId, opened.payload),
      };
    case 'backup':
      return { kind: 'backup' };
  }
}
