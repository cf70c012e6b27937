// Live reads of the department's registry (省厅基地库). The registry is never stored as such:
// it is the pure fold (shared/registry/fold.ts) over the stored approvals (批建) and accepted
// rounds, recomputed whenever either table changes and memoised on their contents.
import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { buildRegistry } from '../../shared/registry/fold';
import type { AcceptedRound, RegistryApproval, RegistryState } from '../../shared/registry/types';
import type { PingguDatabase } from './database';
import { db as appDatabase } from './instance';

/** The stored inputs of the fold. */
export type RegistryInputs = {
  approvals: RegistryApproval[];
  rounds: AcceptedRound[];
};

/** Approvals by code and accepted rounds by round id, read in one transaction. */
export async function loadRegistryInputs(db: PingguDatabase): Promise<RegistryInputs> {
  return db.transaction('r', db.registryApprovals, db.registryRounds, async () => {
    const [approvals, rounds] = await Promise.all([
      db.registryApprovals.orderBy('code').toArray(),
      db.registryRounds.orderBy('roundId').toArray(),
    ]);
    return { approvals, rounds };
  });
}

/** The stored approvals and accepted rounds; `undefined` while loading. */
export function useRegistryInputs(
  database: PingguDatabase = appDatabase,
): RegistryInputs | undefined {
  return useLiveQuery(() => loadRegistryInputs(database), [database]);
}

/** The registry after every approval and accepted round; `undefined` while loading. */
export function useRegistryState(
  database: PingguDatabase = appDatabase,
): RegistryState | undefined {
  const inputs = useRegistryInputs(database);
  return useMemo(
    () => (inputs === undefined ? undefined : buildRegistry(inputs.approvals, inputs.rounds)),
    [inputs],
  );
}

/** The accepted rounds, newest year first (then latest closing first). */
export function useAcceptedRounds(
  database: PingguDatabase = appDatabase,
): AcceptedRound[] | undefined {
  const inputs = useRegistryInputs(database);
  return useMemo(
    () =>
      inputs === undefined
        ? undefined
        : [...inputs.rounds].sort((a, b) =>
            a.year !== b.year
              ? b.year - a.year
              : a.closedAt !== b.closedAt
                ? a.closedAt < b.closedAt
                  ? 1
                  : -1
                : a.roundId < b.roundId
                  ? -1
                  : 1,
          ),
    [inputs],
  );
}
