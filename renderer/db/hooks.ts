// React hooks over queries.ts. Each re-renders when the data it read changes, and returns
// `undefined` while loading. Hooks taking a roundId also return `undefined` while that id
// is itself still loading (undefined), so screens can chain them without conditional hooks.
import { useLiveQuery } from 'dexie-react-hooks';
import type { Assignment, Base, Expert, Panel, Round, Scoresheet } from '../../shared/domain/types';
import type { PingguDatabase } from './database';
import { db as appDatabase } from './instance';
import {
  getCurrentRound,
  getRoundOverview,
  listAssignments,
  listBases,
  listExperts,
  listPanels,
  listRounds,
  listScoresheets,
} from './queries';
import type { RoundOverview } from './queries';

/** The current round; `null` when none is chosen. */
export function useCurrentRound(database: PingguDatabase = appDatabase): Round | null | undefined {
  return useLiveQuery(() => getCurrentRound(database), [database]);
}

export function useRounds(database: PingguDatabase = appDatabase): Round[] | undefined {
  return useLiveQuery(() => listRounds(database), [database]);
}

function useRoundQuery<T>(
  roundId: string | undefined,
  database: PingguDatabase,
  query: (db: PingguDatabase, roundId: string) => Promise<T>,
): T | undefined {
  return useLiveQuery(
    () => (roundId === undefined ? undefined : query(database, roundId)),
    [database, roundId, query],
  );
}

export function useRoundOverview(
  roundId: string | undefined,
  database: PingguDatabase = appDatabase,
): RoundOverview | undefined {
  return useRoundQuery(roundId, database, getRoundOverview);
}

export function useBases(
  roundId: string | undefined,
  database: PingguDatabase = appDatabase,
): Base[] | undefined {
  return useRoundQuery(roundId, database, listBases);
}

export function usePanels(
  roundId: string | undefined,
  database: PingguDatabase = appDatabase,
): Panel[] | undefined {
  return useRoundQuery(roundId, database, listPanels);
}

export function useExperts(
  roundId: string | undefined,
  database: PingguDatabase = appDatabase,
): Expert[] | undefined {
  return useRoundQuery(roundId, database, listExperts);
}

export function useScoresheets(
  roundId: string | undefined,
  database: PingguDatabase = appDatabase,
): Scoresheet[] | undefined {
  return useRoundQuery(roundId, database, listScoresheets);
}

export function useAssignments(
  roundId: string | undefined,
  database: PingguDatabase = appDatabase,
): Assignment[] | undefined {
  return useRoundQuery(roundId, database, listAssignments);
}
