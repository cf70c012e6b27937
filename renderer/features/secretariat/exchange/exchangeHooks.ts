// Live reads of the exchange tab: the round's issue data, what was issued to each panel, the
// open conflicts, and this device's signing-key fingerprint. `undefined` while loading.
import { useLiveQuery } from 'dexie-react-hooks';
import type { PingguDatabase } from '../../../db/database';
import { db as appDatabase } from '../../../db/instance';
import { getIssuedBundles } from '../../../db/repositories/issueRepository';
import type { IssuedBundle } from '../../../db/repositories/issueRepository';
import { readIssueData } from './issueRoundBundles';
import type { IssueData } from './issueRoundBundles';

export function useIssueData(
  roundId: string | undefined,
  database: PingguDatabase = appDatabase,
): IssueData | null | undefined {
  return useLiveQuery(
    () => (roundId === undefined ? undefined : readIssueData(database, roundId)),
    [database, roundId],
  );
}

export function useIssuedBundles(
  roundId: string | undefined,
  database: PingguDatabase = appDatabase,
): Record<string, IssuedBundle> | undefined {
  return useLiveQuery(
    () => (roundId === undefined ? undefined : getIssuedBundles(database, roundId)),
    [database, roundId],
  );
}

/** Conflicts of the round nobody has resolved yet. */
export function countOpenConflicts(database: PingguDatabase, roundId: string): Promise<number> {
  return database.conflicts
    .where('roundId')
    .equals(roundId)
    .filter((c) => c.resolvedAt === undefined)
    .count();
}

export function useOpenConflictCount(
  roundId: string | undefined,
  database: PingguDatabase = appDatabase,
): number | undefined {
  return useLiveQuery(
    () => (roundId === undefined ? undefined : countOpenConflicts(database, roundId)),
    [database, roundId],
  );
}
