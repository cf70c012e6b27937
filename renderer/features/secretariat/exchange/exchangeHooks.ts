// Live reads of the exchange tab: the round's issue data. What was issued to each panel
// (useIssuedBundles, renderer/db/setupHooks.ts) and the open conflicts (useOpenConflictCount,
// renderer/db/resultsHooks.ts) are shared with the other tabs. `undefined` while loading.
import { useLiveQuery } from 'dexie-react-hooks';
import type { PingguDatabase } from '../../../db/database';
import { db as appDatabase } from '../../../db/instance';
import { readIssueRecords } from './issueRoundBundles';
import type { IssueData } from './issueRoundBundles';

export function useIssueData(
  roundId: string | undefined,
  database: PingguDatabase = appDatabase,
): IssueData | null | undefined {
  return useLiveQuery(
    () => (roundId === undefined ? undefined : readIssueRecords(database, roundId)),
    [database, roundId],
  );
}
