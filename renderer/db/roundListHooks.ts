// Every round on this computer, archived or not, as the home page lists them (全部评估轮次):
// the round with its number of bases. Kept apart from hooks.ts so features do not collide.
import { useLiveQuery } from 'dexie-react-hooks';
import type { Round } from '../../shared/domain/types';
import type { PingguDatabase } from './database';
import { db as appDatabase } from './instance';
import { listRounds } from './queries';

export type RoundSummary = {
  round: Round;
  /** Bases of the round (withdrawn ones included: they are still records of it). */
  bases: number;
};

/** Every round with its number of bases, newest year first (as listRounds orders them). */
export async function listRoundSummaries(db: PingguDatabase): Promise<RoundSummary[]> {
  const rounds = await listRounds(db);
  const counts = await Promise.all(
    rounds.map((round) => db.bases.where('roundId').equals(round.id).count()),
  );
  return rounds.map((round, i) => ({ round, bases: counts[i] ?? 0 }));
}

/** The rounds on this computer with their bases; `undefined` while loading. */
export function useRoundSummaries(
  database: PingguDatabase = appDatabase,
): RoundSummary[] | undefined {
  return useLiveQuery(() => listRoundSummaries(database), [database]);
}
