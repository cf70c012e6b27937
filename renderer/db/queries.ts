// Read-only queries the screens run. Plain async functions over Dexie (so useLiveQuery can
// track them); only Dexie calls inside, no other awaits.
import { countedRecords } from '../../shared/domain/roundChanges';
import type {
  Assignment,
  AuditEntry,
  Base,
  BaseTypeCode,
  ConflictRecord,
  Expert,
  FinalDecision,
  IndicatorTemplate,
  Panel,
  Round,
  RoundChange,
  Scoresheet,
} from '../../shared/domain/types';
import { isOpenConflict } from '../../shared/sync/conflictRecords';
import type { PingguDatabase } from './database';
import { listAuditOfEntities, listAuditOfRoundEntries } from './repositories/audit';

const TYPE_ORDER: readonly BaseTypeCode[] = ['A1', 'B1', 'B2', 'B3', 'B4', 'B5', 'C1', 'C2', 'C3'];

// One collator each, made once: localeCompare with a locale makes one per call, which sorting
// a 1,000-base round's 700 experts calls thousands of times. Same order as localeCompare.
const defaultCollator = new Intl.Collator();
const chineseCollator = new Intl.Collator('zh-CN');

function byCode<T extends { code: string }>(a: T, b: T): number {
  return defaultCollator.compare(a.code, b.code);
}

function byName<T extends { name: string }>(a: T, b: T): number {
  return chineseCollator.compare(a.name, b.name);
}

// ---- rounds -----------------------------------------------------------------------------

/** All rounds, newest year first. */
export async function listRounds(db: PingguDatabase): Promise<Round[]> {
  const rounds = await db.rounds.toArray();
  return rounds.sort((a, b) => b.year - a.year || b.createdAt.localeCompare(a.createdAt));
}

/** Every record of a round in the tables a report or a result bundle is made of. */
export type RoundTables = {
  bases: Base[];
  panels: Panel[];
  experts: Expert[];
  assignments: Assignment[];
  scoresheets: Scoresheet[];
  decisions: FinalDecision[];
  conflicts: ConflictRecord[];
  changes: RoundChange[];
};

/** The round's records of those tables, the reads issued together (in the caller's transaction). */
export async function readRoundTables(db: PingguDatabase, roundId: string): Promise<RoundTables> {
  const [bases, panels, experts, assignments, scoresheets, decisions, conflicts, changes] =
    await Promise.all([
      db.bases.where('roundId').equals(roundId).toArray(),
      db.panels.where('roundId').equals(roundId).toArray(),
      db.experts.where('roundId').equals(roundId).toArray(),
      db.assignments.where('roundId').equals(roundId).toArray(),
      db.scoresheets.where('roundId').equals(roundId).toArray(),
      db.decisions.where('roundId').equals(roundId).toArray(),
      db.conflicts.where('roundId').equals(roundId).toArray(),
      db.roundChanges.where('roundId').equals(roundId).toArray(),
    ]);
  return { bases, panels, experts, assignments, scoresheets, decisions, conflicts, changes };
}

export function getRound(db: PingguDatabase, roundId: string): Promise<Round | undefined> {
  return db.rounds.get(roundId);
}

/** The round the app opens on; `null` when none is chosen or it no longer exists. */
export async function getCurrentRound(db: PingguDatabase): Promise<Round | null> {
  const setting = await db.settings.get('currentRoundId');
  if (setting?.key !== 'currentRoundId') return null;
  return (await db.rounds.get(setting.value)) ?? null;
}

export async function listTemplatesOfRound(
  db: PingguDatabase,
  round: Round,
): Promise<IndicatorTemplate[]> {
  const ids = [...new Set(Object.values(round.templateByType))].filter(
    (id): id is string => id !== undefined,
  );
  const templates = await db.templates.bulkGet(ids);
  return templates.filter((t): t is IndicatorTemplate => t !== undefined);
}

// ---- bases, panels, experts, assignments -------------------------------------------------

/** Bases of a round in type order, then by code. */
export async function listBases(db: PingguDatabase, roundId: string): Promise<Base[]> {
  const bases = await db.bases.where('roundId').equals(roundId).toArray();
  return bases.sort(
    (a, b) => TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type) || byCode(a, b),
  );
}

export async function listBasesOfType(
  db: PingguDatabase,
  roundId: string,
  type: BaseTypeCode,
): Promise<Base[]> {
  const bases = await db.bases.where('[roundId+type]').equals([roundId, type]).toArray();
  return bases.sort(byCode);
}

/** The same base (by registry code) in every round that has it, for history charts. */
export function listBaseHistory(db: PingguDatabase, code: string): Promise<Base[]> {
  return db.bases.where('code').equals(code).toArray();
}

export async function listPanels(db: PingguDatabase, roundId: string): Promise<Panel[]> {
  const panels = await db.panels.where('roundId').equals(roundId).toArray();
  return panels.sort(byName);
}

export async function listExperts(db: PingguDatabase, roundId: string): Promise<Expert[]> {
  const experts = await db.experts.where('roundId').equals(roundId).toArray();
  return experts.sort((a, b) => defaultCollator.compare(a.panelId, b.panelId) || byName(a, b));
}

export function listAssignments(db: PingguDatabase, roundId: string): Promise<Assignment[]> {
  return db.assignments.where('roundId').equals(roundId).toArray();
}

export function listAssignmentsOfExpert(
  db: PingguDatabase,
  roundId: string,
  expertId: string,
): Promise<Assignment[]> {
  return db.assignments.where('[roundId+expertId]').equals([roundId, expertId]).toArray();
}

export function listAssignmentsOfBase(db: PingguDatabase, baseId: string): Promise<Assignment[]> {
  return db.assignments.where('baseId').equals(baseId).toArray();
}

// ---- scoresheets, decisions, conflicts, audit -------------------------------------------

/**
 * A round's sheets. Outside an explicit transaction on purpose: in a live query, Dexie's query
 * cache then keeps them for the next screen (3 s after the last subscriber), and copying the
 * cached 7,000 sheets of a 1,000-base round is cheaper than reading them again.
 */
export function listScoresheets(db: PingguDatabase, roundId: string): Promise<Scoresheet[]> {
  return db.scoresheets.where('roundId').equals(roundId).toArray();
}

export function listScoresheetsOfBase(db: PingguDatabase, baseId: string): Promise<Scoresheet[]> {
  return db.scoresheets.where('baseId').equals(baseId).toArray();
}

export function listScoresheetsOfExpert(
  db: PingguDatabase,
  expertId: string,
): Promise<Scoresheet[]> {
  return db.scoresheets.where('[expertId+baseId]').between([expertId], [expertId, []]).toArray();
}

/** The sheet an expert keeps for a base, if one was started. */
export function findScoresheet(
  db: PingguDatabase,
  expertId: string,
  baseId: string,
): Promise<Scoresheet | undefined> {
  return db.scoresheets.where('[expertId+baseId]').equals([expertId, baseId]).first();
}

export function listDecisions(db: PingguDatabase, roundId: string): Promise<FinalDecision[]> {
  return db.decisions.where('roundId').equals(roundId).toArray();
}

export async function listOpenConflicts(
  db: PingguDatabase,
  roundId: string,
): Promise<ConflictRecord[]> {
  const conflicts = await db.conflicts.where('roundId').equals(roundId).toArray();
  return conflicts.filter(isOpenConflict);
}

/**
 * Audit entries of one record (a scoresheet, a base's decision), oldest first: its own rows
 * and its entries in import groups (repositories/audit.ts).
 */
export function listAuditOfEntity(db: PingguDatabase, entityId: string): Promise<AuditEntry[]> {
  return listAuditOfEntities(db, [entityId]);
}

export function listAuditOfRound(db: PingguDatabase, roundId: string): Promise<AuditEntry[]> {
  return listAuditOfRoundEntries(db, roundId);
}

// ---- round overview -----------------------------------------------------------------------

export type SheetState = 'submitted' | 'draft' | 'recused' | 'notStarted';

export type SheetStateCounts = Record<SheetState, number>;

export type RoundOverview = {
  roundId: string;
  bases: number;
  panels: number;
  experts: number;
  /** Expected sheets: one per (expert, base) assignment. */
  assignments: number;
  sheets: SheetStateCounts;
  basesByType: Record<BaseTypeCode, number>;
  /** Bases not yet given to a panel. */
  basesWithoutPanel: number;
};

/**
 * The state of one expected sheet. A recusal on either the assignment or the sheet wins:
 * such a sheet may never be scored.
 */
export function sheetState(
  assignment: Assignment | undefined,
  sheet: Scoresheet | undefined,
): SheetState {
  if (assignment?.recusal || sheet?.recusal) return 'recused';
  if (!sheet) return 'notStarted';
  return sheet.status === 'submitted' ? 'submitted' : 'draft';
}

export type RoundRecords = {
  bases: readonly Base[];
  panels: readonly Panel[];
  experts: readonly Expert[];
  assignments: readonly Assignment[];
  scoresheets: readonly Scoresheet[];
};

/** Counts for the round dashboard, from the round's records (pure, so tests can use it). */
export function summariseRound(roundId: string, records: RoundRecords): RoundOverview {
  const pairKey = (expertId: string, baseId: string): string => `${expertId}\u0000${baseId}`;
  const sheetByPair = new Map(records.scoresheets.map((s) => [pairKey(s.expertId, s.baseId), s]));
  const sheets: SheetStateCounts = { submitted: 0, draft: 0, recused: 0, notStarted: 0 };
  const assignedPairs = new Set<string>();
  for (const a of records.assignments) {
    const key = pairKey(a.expertId, a.baseId);
    assignedPairs.add(key);
    sheets[sheetState(a, sheetByPair.get(key))] += 1;
  }
  // A sheet without an assignment (e.g. imported before the roster changed) still counts.
  for (const s of records.scoresheets) {
    if (!assignedPairs.has(pairKey(s.expertId, s.baseId))) sheets[sheetState(undefined, s)] += 1;
  }
  const basesByType: Record<BaseTypeCode, number> = {
    A1: 0,
    B1: 0,
    B2: 0,
    B3: 0,
    B4: 0,
    B5: 0,
    C1: 0,
    C2: 0,
    C3: 0,
  };
  for (const b of records.bases) basesByType[b.type] += 1;
  return {
    roundId,
    bases: records.bases.length,
    panels: records.panels.length,
    experts: records.experts.length,
    assignments: records.assignments.length,
    sheets,
    basesByType,
    basesWithoutPanel: records.bases.filter((b) => b.panelId === undefined).length,
  };
}

export async function getRoundOverview(
  db: PingguDatabase,
  roundId: string,
): Promise<RoundOverview> {
  const [allBases, panels, experts, assignments, sheets, changes] = await Promise.all([
    db.bases.where('roundId').equals(roundId).toArray(),
    db.panels.where('roundId').equals(roundId).toArray(),
    db.experts.where('roundId').equals(roundId).toArray(),
    db.assignments.where('roundId').equals(roundId).toArray(),
    db.scoresheets.where('roundId').equals(roundId).toArray(),
    db.roundChanges.where('roundId').equals(roundId).toArray(),
  ]);
  // Withdrawn bases and voided sheets (轮次变更) are left out of the counts, as everywhere.
  const { bases, scoresheets } = countedRecords(allBases, sheets, changes, assignments);
  return summariseRound(roundId, { bases, panels, experts, assignments, scoresheets });
}
