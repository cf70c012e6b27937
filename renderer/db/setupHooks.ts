// Hooks for the round-setup screens (wizard, indicator systems, panels and experts): the
// stored templates, and which panels already had their round bundle issued. `undefined`
// while loading, like hooks.ts.
import { useLiveQuery } from 'dexie-react-hooks';
import type { IndicatorTemplate } from '../../shared/domain/types';
import type { PingguDatabase } from './database';
import { db as appDatabase } from './instance';
import { getIssuedBundles } from './repositories/issueRepository';
import type { IssuedBundle } from './repositories/issueRepository';

/** Every stored template (those of all rounds, every version), by name. */
export function useStoredTemplates(
  database: PingguDatabase = appDatabase,
): IndicatorTemplate[] | undefined {
  return useLiveQuery(
    async () =>
      (await database.templates.toArray()).sort(
        (a, b) => a.name.localeCompare(b.name, 'zh-CN') || a.version - b.version,
      ),
    [database],
  );
}

/** The latest round bundle issued to each panel of the round, by panel id. */
export function useIssuedBundles(
  roundId: string | undefined,
  database: PingguDatabase = appDatabase,
): Record<string, IssuedBundle> | undefined {
  return useLiveQuery(
    () => (roundId === undefined ? undefined : getIssuedBundles(database, roundId)),
    [database, roundId],
  );
}
