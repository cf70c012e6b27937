// Live queries of the chair's dashboard (kept apart from hooks.ts so features do not
// collide): one round's records for the charts, and a base's history across rounds.
import { useLiveQuery } from 'dexie-react-hooks';
import type { HistoryRoundInput } from '../../shared/charts/history';
import type {
  Base,
  Expert,
  FinalDecision,
  IndicatorTemplate,
  Panel,
  Round,
  Scoresheet,
} from '../../shared/domain/types';
import type { PingguDatabase } from './database';
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

/** Everything the dashboard reads of one round. */
export type DashboardRecords = {
  round: Round;
  bases: Base[];
  scoresheets: Scoresheet[];
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
  const [bases, scoresheets, experts, panels, decisions, templates] = await Promise.all([
    listBases(database, roundId),
    listScoresheets(database, roundId),
    listExperts(database, roundId),
    listPanels(database, roundId),
    listDecisions(database, roundId),
    listTemplatesOfRound(database, round),
  ]);
  return { round, bases, scoresheets, experts, panels, decisions, templates };
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
      const [bases, scoresheets, decisions] = await Promise.all([
        listBases(database, roundId),
        listScoresheets(database, roundId),
        listDecisions(database, roundId),
      ]);
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
