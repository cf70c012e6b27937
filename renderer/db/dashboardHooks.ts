// Live queries of the chair's dashboard (kept apart from hooks.ts so features do not
// collide): one round's records for the charts, and a base's history across rounds.
import { useLiveQuery } from 'dexie-react-hooks';
import type { HistoryRoundInput } from '../../shared/charts/history';
import { countedRecords } from '../../shared/domain/roundChanges';
import type { VoidedSheet } from '../../shared/domain/roundChanges';
import type {
  Assignment,
  Base,
  Expert,
  FinalDecision,
  IndicatorTemplate,
  Panel,
  Round,
  RoundChange,
  Scoresheet,
} from '../../shared/domain/types';
import type { PingguDatabase, RegistryHistoryRecord } from './database';
import { db as appDatabase } from './instance';
import {
  getRound,
  listBaseHistory,
  listBases,
  listDecisions,
  listExperts,
  listPanels,
  listScoresheets,
  listTemplatesOfRound,
} from './queries';

/**
 * Everything the dashboard reads of one round: bases withdrawn and sheets voided by a change
 * (轮次变更) left out, so no chart counts them.
 */
export type DashboardRecords = {
  round: Round;
  bases: Base[];
  scoresheets: Scoresheet[];
  /** Sheets voided by a change, with it (never counted). */
  voided: VoidedSheet[];
  /** Bases withdrawn from the round (in no chart; named in the list of voided sheets). */
  withdrawn: Base[];
  experts: Expert[];
  panels: Panel[];
  decisions: FinalDecision[];
  templates: IndicatorTemplate[];
};

export async function loadDashboardRecords(
  database: PingguDatabase,
  roundId: string,
): Promise<DashboardRecords | null> {
  const round = await getRound(database, roundId);
  if (!round) return null;
  const [allBases, sheets, experts, panels, decisions, templates, counting] = await Promise.all([
    listBases(database, roundId),
    listScoresheets(database, roundId),
    listExperts(database, roundId),
    listPanels(database, roundId),
    listDecisions(database, roundId),
    listTemplatesOfRound(database, round),
    loadCounting(database, roundId),
  ]);
  const { bases, scoresheets, voided, withdrawn } = countedRecords(
    allBases,
    sheets,
    counting.changes,
    counting.assignments,
  );
  return { round, bases, scoresheets, voided, withdrawn, experts, panels, decisions, templates };
}

/** A round's changes and assignments: what decides which of its sheets count. */
async function loadCounting(
  database: PingguDatabase,
  roundId: string,
): Promise<{ changes: RoundChange[]; assignments: Assignment[] }> {
  const [changes, assignments] = await Promise.all([
    database.roundChanges.where('roundId').equals(roundId).toArray(),
    database.assignments.where('roundId').equals(roundId).toArray(),
  ]);
  return { changes, assignments };
}

/** The round's records; `null` when the round does not exist, `undefined` while loading. */
export function useDashboardRecords(
  roundId: string | undefined,
  database: PingguDatabase = appDatabase,
): DashboardRecords | null | undefined {
  return useLiveQuery(
    () => (roundId === undefined ? undefined : loadDashboardRecords(database, roundId)),
    [database, roundId],
  );
}

/**
 * Every round holding a base with this registry code, with all of that round's bases,
 * sheets and decisions (each round's results need its whole pool), for baseHistory.
 */
export async function loadBaseHistoryInputs(
  database: PingguDatabase,
  code: string,
): Promise<HistoryRoundInput[]> {
  const sameBase = await listBaseHistory(database, code);
  const roundIds = [...new Set(sameBase.map((base) => base.roundId))];
  const inputs = await Promise.all(
    roundIds.map(async (roundId): Promise<HistoryRoundInput | null> => {
      const round = await getRound(database, roundId);
      if (!round) return null;
      const [allBases, sheets, decisions, counting] = await Promise.all([
        listBases(database, roundId),
        listScoresheets(database, roundId),
        listDecisions(database, roundId),
        loadCounting(database, roundId),
      ]);
      const { bases, scoresheets } = countedRecords(
        allBases,
        sheets,
        counting.changes,
        counting.assignments,
      );
      return { round, bases, scoresheets, decisions };
    }),
  );
  return inputs.filter((input): input is HistoryRoundInput => input !== null);
}

export function useBaseHistoryInputs(
  code: string | undefined,
  database: PingguDatabase = appDatabase,
): HistoryRoundInput[] | undefined {
  return useLiveQuery(
    () => (code === undefined ? undefined : loadBaseHistoryInputs(database, code)),
    [database, code],
  );
}

/**
 * A base's lines in earlier rounds as registry bundles brought them to this laptop (the
 * registryHistory table, by registry code), for the 历年评估 chart next to the rounds here.
 */
export function loadRegistryHistoryLines(
  database: PingguDatabase,
  code: string,
): Promise<RegistryHistoryRecord[]> {
  return database.registryHistory.where('code').equals(code).toArray();
}

export function useRegistryHistoryLines(
  code: string | undefined,
  database: PingguDatabase = appDatabase,
): RegistryHistoryRecord[] | undefined {
  return useLiveQuery(
    () => (code === undefined ? undefined : loadRegistryHistoryLines(database, code)),
    [database, code],
  );
}
