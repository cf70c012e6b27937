// Live queries of the secretariat's progress, conflicts and results tabs (kept apart from
// hooks.ts so features do not collide). Plain async query functions over Dexie, so tests can
// call them and useLiveQuery can track them; `undefined` while loading.
import { useLiveQuery } from 'dexie-react-hooks';
import type {
  AuditEntry,
  Base,
  BundleImportRecord,
  ConflictRecord,
  Expert,
  FinalDecision,
  IndicatorTemplate,
  Panel,
  Scoresheet,
} from '../../shared/domain/types';
import { countedRecords } from '../../shared/domain/roundChanges';
import type { VoidedSheet } from '../../shared/domain/roundChanges';
import { isOpenConflict } from '../../shared/sync/conflictRecords';
import { SCORE_CHANGES } from '../../shared/secretariat/resultsChecks';
import type { PingguDatabase } from './database';
import { db as appDatabase } from './instance';
import { listAuditOfRoundEntries } from './repositories/audit';
import {
  listAuditOfEntity,
  listBases,
  listDecisions,
  listExperts,
  listPanels,
  listScoresheets,
} from './queries';

// ---- conflicts ------------------------------------------------------------------------------

export type ConflictRecords = {
  conflicts: ConflictRecord[];
  bases: Base[];
  experts: Expert[];
  imports: BundleImportRecord[];
  /** The round's conflict resolutions ('scoresheet.resolveConflict' entries). */
  audit: AuditEntry[];
};

export async function loadConflictRecords(
  db: PingguDatabase,
  roundId: string,
): Promise<ConflictRecords> {
  const [conflicts, bases, experts, imports, audit] = await Promise.all([
    db.conflicts.where('roundId').equals(roundId).toArray(),
    listBases(db, roundId),
    listExperts(db, roundId),
    db.bundleImports.where('roundId').equals(roundId).toArray(),
    listAuditOfRoundEntries(db, roundId, (entry) => entry.action === 'scoresheet.resolveConflict'),
  ]);
  return { conflicts, bases, experts, imports, audit };
}

export async function countOpenConflicts(db: PingguDatabase, roundId: string): Promise<number> {
  const conflicts = await db.conflicts.where('roundId').equals(roundId).toArray();
  return conflicts.filter(isOpenConflict).length;
}

export function useConflictRecords(
  roundId: string,
  database: PingguDatabase = appDatabase,
): ConflictRecords | undefined {
  return useLiveQuery(() => loadConflictRecords(database, roundId), [database, roundId]);
}

export function useOpenConflictCount(
  roundId: string,
  database: PingguDatabase = appDatabase,
): number | undefined {
  return useLiveQuery(() => countOpenConflicts(database, roundId), [database, roundId]);
}

/** A template by id (a conflict's sheets name theirs); `null` when it is not stored. */
export function useTemplate(
  templateId: string | undefined,
  database: PingguDatabase = appDatabase,
): IndicatorTemplate | null | undefined {
  return useLiveQuery(
    async () =>
      templateId === undefined ? undefined : ((await database.templates.get(templateId)) ?? null),
    [database, templateId],
  );
}

// ---- results and decisions ------------------------------------------------------------------

export type ResultsRecords = {
  /** The round's bases, those withdrawn by a change (轮次变更) left out. */
  bases: Base[];
  panels: Panel[];
  /** The sheets every statistic counts: those voided by a change left out (see `voided`). */
  scoresheets: Scoresheet[];
  /** Sheets voided by a change, with it: shown with their reason, never counted. */
  voided: VoidedSheet[];
  decisions: FinalDecision[];
  openConflicts: number;
  /** The round's audit entries of score changes (imports, resolved conflicts). */
  scoreChanges: AuditEntry[];
};

export async function loadResultsRecords(
  db: PingguDatabase,
  roundId: string,
): Promise<ResultsRecords> {
  const [bases, panels, sheets, decisions, openConflicts, scoreChanges, changes, assignments] =
    await Promise.all([
      listBases(db, roundId),
      listPanels(db, roundId),
      listScoresheets(db, roundId),
      listDecisions(db, roundId),
      countOpenConflicts(db, roundId),
      listAuditOfRoundEntries(db, roundId, (entry) => SCORE_CHANGES.has(entry.action)),
      db.roundChanges.where('roundId').equals(roundId).toArray(),
      db.assignments.where('roundId').equals(roundId).toArray(),
    ]);
  const counted = countedRecords(bases, sheets, changes, assignments);
  return {
    bases: counted.bases,
    panels,
    scoresheets: counted.scoresheets,
    voided: counted.voided,
    decisions,
    openConflicts,
    scoreChanges,
  };
}

export function useResultsRecords(
  roundId: string,
  database: PingguDatabase = appDatabase,
): ResultsRecords | undefined {
  return useLiveQuery(() => loadResultsRecords(database, roundId), [database, roundId]);
}

/** A base's audit entries (its decisions), oldest first. */
export function useBaseAudit(
  baseId: string,
  database: PingguDatabase = appDatabase,
): AuditEntry[] | undefined {
  return useLiveQuery(() => listAuditOfEntity(database, baseId), [database, baseId]);
}
