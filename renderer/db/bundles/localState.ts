// What an import needs to know about this database, read with Dexie calls only, so the same
// readers serve the preview (outside any transaction) and the commit (inside its one
// read-write transaction, where the plan is computed again from what is stored then).
import type { ImportableBundle } from './types';
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
  RoundChange,
  Scoresheet,
  TrustedKey,
} from '../../../shared/domain/types';
import type { PingguDatabase } from '../database';
import { listAuditOfEntities } from '../repositories/audit';
import { readReceivedRoundBundles } from './receivedRoundBundles';
import type { ReceivedRoundBundles } from './receivedRoundBundles';

export type ScoresState = {
  round: Round | undefined;
  pins: TrustedKey[];
  /** The round's bases the bundle's sheets name (those not found are not in the round). */
  bases: Base[];
  /** The round's experts the bundle's sheets name. */
  experts: Expert[];
  /** The bundle's panel, when it is one of the round's. */
  panels: Panel[];
  /** The round's assignments of the experts the bundle's sheets name. */
  assignments: Assignment[];
  /**
   * The stored sheets the merge needs (reconcileScoresheets): every sheet of each expert and
   * base the bundle carries, and any sheet stored under one of its sheet ids. Reading only
   * these keeps the cost of an import proportional to the bundle, not to the whole round.
   */
  sheets: Scoresheet[];
  /** Every conflict record of the round (few; merge needs at least those it touches). */
  conflicts: ConflictRecord[];
  /** Stored audit entries of the sheets whose entries the bundle carries (to add them once). */
  audit: AuditEntry[];
  /** The round's changes (轮次变更): a sheet of a pair they void is taken as voided. None: []. */
  changes?: RoundChange[];
};

/** A sheet's expert and base: the (expert, base) pair the [expertId+baseId] index answers. */
export type SheetPair = readonly [expertId: string, baseId: string];

/** What a score bundle names, which is all the import reads of this database. */
export type ScoresQuery = {
  roundId: string;
  panelId: string;
  sheetIds: readonly string[];
  pairs: readonly SheetPair[];
  /** Ids of the sheets the bundle carries audit entries for. */
  auditEntityIds: readonly string[];
};

const distinct = (values: Iterable<string>): string[] => [...new Set(values)];

/**
 * Every request here is a single get or getAll, issued together: a cursor that jumps from key
 * to key (Dexie's anyOf) waits for the database once per key, which made the reads of an
 * import cost more than its writes. The sheets of the bundle's few bases are read with one
 * getAll each and kept when their (expert, base) pair is one the bundle carries.
 */
async function readTouchedSheets(
  db: PingguDatabase,
  roundId: string,
  sheetIds: readonly string[],
  pairs: readonly SheetPair[],
  sheetBaseIds: ReadonlySet<string> | undefined,
): Promise<Scoresheet[]> {
  const wanted = new Set(pairs.map(([expertId, baseId]) => pairKey(expertId, baseId)));
  const bases = distinct(pairs.map((p) => p[1])).filter(
    (baseId) => sheetBaseIds === undefined || sheetBaseIds.has(baseId),
  );
  const [byId, ...byBase] = await Promise.all([
    sheetIds.length > 0 ? db.scoresheets.bulkGet([...sheetIds]) : [],
    ...bases.map((baseId) => db.scoresheets.where('baseId').equals(baseId).toArray()),
  ]);
  const found = new Map<string, Scoresheet>();
  // By pair: only this round's (base ids are per round, but a pair says nothing of the round).
  for (const sheet of byBase.flat()) {
    if (sheet.roundId === roundId && wanted.has(pairKey(sheet.expertId, sheet.baseId))) {
      found.set(sheet.id, sheet);
    }
  }
  // By id: whatever round it is in, so an id that already names another sheet is refused.
  for (const sheet of byId ?? []) if (sheet !== undefined) found.set(sheet.id, sheet);
  return [...found.values()];
}

const pairKey = (expertId: string, baseId: string): string => `${expertId}\u0000${baseId}`;

const ofRound = <T extends { roundId: string }>(
  records: ReadonlyArray<T | undefined>,
  roundId: string,
): T[] => records.filter((r): r is T => r !== undefined && r.roundId === roundId);

/**
 * What every score bundle of a round reads of it, whatever its sheets: read once for many
 * bundles (a batch's previews, a group's commit) instead of once each.
 */
export type RoundReads = {
  round: Round | undefined;
  pins: TrustedKey[];
  /** The round's panels. */
  panels: Panel[];
  conflicts: ConflictRecord[];
  changes: RoundChange[];
};

export async function readRoundReads(db: PingguDatabase, roundId: string): Promise<RoundReads> {
  const tables = [db.rounds, db.trustedKeys, db.panels, db.conflicts, db.roundChanges];
  return db.transaction('r', tables, async () => {
    const [round, pins, panels, conflicts, changes] = await Promise.all([
      db.rounds.get(roundId),
      db.trustedKeys.where('roundId').equals(roundId).toArray(),
      db.panels.where('roundId').equals(roundId).toArray(),
      db.conflicts.where('roundId').equals(roundId).toArray(),
      db.roundChanges.where('roundId').equals(roundId).toArray(),
    ]);
    return { round, pins, panels, conflicts, changes };
  });
}

/**
 * The records under `ids` (undefined where none), as bulkGet returns them, in two requests
 * rather than one per id: the panel's records by the [roundId+panelId] index, then by id those
 * not among them (a record moved to another panel, or of another round).
 */
async function byPanelThenId<T extends { id: string }>(
  table: {
    where: (index: string) => { equals: (key: string[]) => { toArray: () => Promise<T[]> } };
    bulkGet: (keys: string[]) => Promise<Array<T | undefined>>;
  },
  roundId: string,
  panelId: string,
  ids: readonly string[],
): Promise<Array<T | undefined>> {
  const found = new Map<string, T>();
  for (const r of await table.where('[roundId+panelId]').equals([roundId, panelId]).toArray()) {
    found.set(r.id, r);
  }
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length > 0) {
    const rest = await table.bulkGet(missing);
    rest.forEach((r, i) => {
      const id = missing[i];
      if (r !== undefined && id !== undefined) found.set(id, r);
    });
  }
  return ids.map((id) => found.get(id));
}

/** Reads made once for many bundles, which readScoresState then does not repeat. */
export type SharedReads = {
  /** The round's reads (readRoundReads) of the bundle's round, or their pending read. */
  round?: RoundReads | Promise<RoundReads>;
  /**
   * The bases that hold any stored sheet, read once for a batch's previews: the sheets of
   * the bundle's other bases are not read (there are none). Never given to a commit.
   */
  sheetBaseIds?: ReadonlySet<string>;
};

/** Reads in one read-only transaction (or the caller's), so the state is one snapshot. */
export async function readScoresState(
  db: PingguDatabase,
  query: ScoresQuery,
  shared: SharedReads = {},
): Promise<ScoresState> {
  const { roundId, panelId, sheetIds, pairs, auditEntityIds } = query;
  const tables = [
    db.rounds,
    db.trustedKeys,
    db.bases,
    db.experts,
    db.panels,
    db.assignments,
    db.scoresheets,
    db.conflicts,
    db.auditLog,
    db.roundChanges,
  ];
  const expertIds = distinct(pairs.map((p) => p[0]));
  const baseIds = distinct(pairs.map((p) => p[1]));
  const given = shared.round;
  return db.transaction('r', tables, async () => {
    const [roundReads, bases, experts, assignments, sheets, audit] = await Promise.all([
      given ?? readRoundReads(db, roundId),
      byPanelThenId(db.bases, roundId, panelId, baseIds),
      byPanelThenId(db.experts, roundId, panelId, expertIds),
      Promise.all(
        expertIds.map((expertId) =>
          db.assignments.where('[roundId+expertId]').equals([roundId, expertId]).toArray(),
        ),
      ),
      readTouchedSheets(db, roundId, sheetIds, pairs, shared.sheetBaseIds),
      listAuditOfEntities(db, auditEntityIds),
    ]);
    const { round, pins, panels, conflicts, changes } = roundReads;
    return {
      round,
      pins,
      bases: ofRound(bases, roundId),
      experts: ofRound(experts, roundId),
      panels: panels.filter((p) => p.id === panelId),
      assignments: assignments.flat(),
      sheets,
      conflicts,
      audit,
      changes,
    };
  });
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
  /** The newest round bundle taken here for each round and panel (receivedRoundBundles). */
  received: ReceivedRoundBundles;
  /** Stored round changes: under the bundle's change ids (any round), and the round's own. */
  changes: { byId: RoundChange[]; own: RoundChange[] };
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
  const [round, pins, templates, received, changesById, ownChanges] = await Promise.all([
    db.rounds.get(roundId),
    db.trustedKeys.where('roundId').equals(roundId).toArray(),
    db.templates.bulkGet(ids(payload.templates)),
    readReceivedRoundBundles(db),
    db.roundChanges.bulkGet(ids(payload.changes)),
    db.roundChanges.where('roundId').equals(roundId).toArray(),
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
    received,
    changes: { byId: present(changesById), own: ownChanges },
  };
}

/** The bundle's sheet ids not stored here at all (ReadOptions.absentSheetIds), from a full read. */
export function absentSheetIdsOf(
  opened: ImportableBundle,
  local: LocalState,
): ReadonlySet<string> | undefined {
  if (opened.kind !== 'scores' || local.kind !== 'scores') return undefined;
  const stored = new Set(local.state.sheets.map((s) => s.id));
  return new Set(opened.payload.scoresheets.map((s) => s.id).filter((id) => !stored.has(id)));
}

/** The state of whichever kind the bundle is (backups need none: they replace everything). */
export type LocalState =
  | { kind: 'scores'; state: ScoresState }
  | { kind: 'round' | 'result'; state: RosterState }
  | { kind: 'backup' };

export type ReadOptions = {
  /**
   * Sheet ids of the bundle the preview found nowhere in this database: the commit does not
   * look them up by id again (one request each, most of an import's reads). It writes those
   * sheets with add, not put (commitImport), so if one of them has since been written under
   * another expert or base, the database refuses the write and the commit is made again with
   * every id read. One written since for the same expert and base is read with that pair.
   */
  absentSheetIds?: ReadonlySet<string>;
  /** Reads made once for many bundles (SharedReads). */
  shared?: SharedReads;
};

export async function readLocalState(
  db: PingguDatabase,
  opened: ImportableBundle,
  options: ReadOptions = {},
): Promise<LocalState> {
  switch (opened.kind) {
    case 'scores': {
      const { scoresheets, audit } = opened.payload;
      const sheetIds = new Set(scoresheets.map((s) => s.id));
      const absent = options.absentSheetIds;
      const query: ScoresQuery = {
        roundId: opened.manifest.roundId,
        panelId: opened.manifest.panelId,
        sheetIds: absent ? [...sheetIds].filter((id) => !absent.has(id)) : [...sheetIds],
        pairs: scoresheets.map((s): SheetPair => [s.expertId, s.baseId]),
        auditEntityIds: audit.map((e) => e.entityId).filter((id) => sheetIds.has(id)),
      };
      return { kind: 'scores', state: await readScoresState(db, query, options.shared) };
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
