// The key pins of a round (trustedKeys table) as a live query, for the secretariat's list of
// trusted panel keys, its trust file and its printout.
import { useLiveQuery } from 'dexie-react-hooks';
import type { TrustedKey } from '../../shared/domain/types';
import type { PingguDatabase } from './database';
import { db as appDatabase } from './instance';

/** The round's pins, any role; undefined while loading (or while roundId is). */
export function useRoundPins(
  roundId: string | undefined,
  database: PingguDatabase = appDatabase,
): TrustedKey[] | undefined {
  return useLiveQuery<TrustedKey[] | undefined>(
    () =>
      roundId === undefined
        ? undefined
        : database.trustedKeys.where('roundId').equals(roundId).toArray(),
    [database, roundId],
  );
}
