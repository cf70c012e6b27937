// Live read of the 后补助 settings (settings row 'fundingSettings', fundingRepository.ts).
import { useLiveQuery } from 'dexie-react-hooks';
import type { PingguDatabase } from './database';
import { db as appDatabase } from './instance';
import { readFundingSettings } from './repositories/fundingRepository';
import type { FundingSettings } from './repositories/fundingRepository';

/** The stored 后补助 settings; `undefined` while loading. */
export function useFundingSettings(
  database: PingguDatabase = appDatabase,
): FundingSettings | undefined {
  return useLiveQuery(() => readFundingSettings(database), [database]);
}
