// The live records the closing card reads: what closing checks (closingRepository's
// loadClosingRecords) and the names its list shows, in one read-only transaction.
import { useLiveQuery } from 'dexie-react-hooks';
import type { Expert, Panel } from '../../../../shared/domain/types';
import type { ClosingRecords } from '../../../../shared/secretariat/closing';
import type { PingguDatabase } from '../../../db/database';
import { db as appDatabase } from '../../../db/instance';
import { closingTables, loadClosingRecords } from '../../../db/repositories/closingRepository';

export type ClosingData = {
  records: ClosingRecords;
  experts: Expert[];
  panels: Panel[];
};

export function readClosingData(db: PingguDatabase, roundId: string): Promise<ClosingData> {
  return db.transaction('r', [...closingTables(db), db.panels], async () => {
    const [records, experts, panels] = await Promise.all([
      loadClosingRecords(db, roundId),
      db.experts.where('roundId').equals(roundId).toArray(),
      db.panels.where('roundId').equals(roundId).toArray(),
    ]);
    return { records, experts, panels };
  });
}

/** `undefined` while loading. */
export function useClosingData(
  roundId: string,
  database: PingguDatabase = appDatabase,
): ClosingData | undefined {
  return useLiveQuery(() => readClosingData(database, roundId), [database, roundId]);
}
