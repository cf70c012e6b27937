// Loads the built-in demo (current round plus history rounds) in one transaction and
// removes it again. The demo is generated before the transaction opens: inside it only
// Dexie calls are awaited.
import { generateDemoDataset } from '../../../shared/demo/demoRound';
import type { DemoRound } from '../../../shared/demo/demoRound';
import type { PingguDatabase } from '../database';
import { appendAudit } from './audit';
import type { Clock } from './audit';
import { fail, ok } from './errors';
import type { RepositoryResult } from './errors';
import { deleteRound, roundTables } from './roundRepository';

export type DemoLoadDeps = Clock & {
  /** Demo seed; the default gives the documented demo. */
  seed?: number;
  /** Also load the 2019 and 2021 history rounds (default true). */
  withHistory?: boolean;
  actor?: string;
};

export type DemoLoadSummary = {
  currentRoundId: string;
  roundIds: string[];
  bases: number;
  experts: number;
  assignments: number;
  scoresheets: number;
  decisions: number;
};

const DEMO_ACTOR = '演示数据';

// The demo writes and deletes whole rounds (removeDemoRound runs deleteRound inside).
const allTables = roundTables;

export async function isDemoLoaded(db: PingguDatabase): Promise<boolean> {
  const rounds = await db.rounds.toArray();
  return rounds.some((r) => r.isDemo === true);
}

/**
 * Writes the demo rounds and makes the current demo round the one the app opens on.
 * Refuses with 'demoAlreadyLoaded' while any demo round is in the database.
 */
export function loadDemoRound(
  db: PingguDatabase,
  deps: DemoLoadDeps,
): Promise<RepositoryResult<DemoLoadSummary>> {
  const dataset = generateDemoDataset({
    ...(deps.seed === undefined ? {} : { seed: deps.seed }),
    ...(deps.withHistory === undefined ? {} : { withHistory: deps.withHistory }),
  });
  const rounds: DemoRound[] = [...dataset.history, dataset.current];
  const all = <T>(pick: (r: DemoRound) => readonly T[]): T[] => rounds.flatMap((r) => [...pick(r)]);
  const current = dataset.current.round;

  return db.transaction('rw', allTables(db), async () => {
    if (await isDemoLoaded(db)) {
      return fail<DemoLoadSummary>(
        'demoAlreadyLoaded',
        '演示数据已经载入；如需重新载入，请先移除演示数据。',
      );
    }
    // Built-in templates may be stored already (other rounds use them); add only the rest.
    const templates = [...new Map(all((r) => r.templates).map((t) => [t.id, t])).values()];
    const stored = await db.templates.bulkGet(templates.map((t) => t.id));
    const missing = templates.filter((_, i) => stored[i] === undefined);

    await db.rounds.bulkAdd(rounds.map((r) => r.round));
    if (missing.length > 0) await db.templates.bulkAdd(missing);
    await db.bases.bulkAdd(all((r) => r.bases));
    await db.panels.bulkAdd(all((r) => r.panels));
    await db.experts.bulkAdd(all((r) => r.experts));
    await db.assignments.bulkAdd(all((r) => r.assignments));
    await db.scoresheets.bulkAdd(all((r) => r.scoresheets));
    await db.decisions.bulkAdd(all((r) => r.decisions));
    await db.settings.put({ key: 'currentRoundId', value: current.id });

    const summary: DemoLoadSummary = {
      currentRoundId: current.id,
      roundIds: rounds.map((r) => r.round.id),
      bases: all((r) => r.bases).length,
      experts: all((r) => r.experts).length,
      assignments: all((r) => r.assignments).length,
      scoresheets: all((r) => r.scoresheets).length,
      decisions: all((r) => r.decisions).length,
    };
    await appendAudit(
      db,
      {
        roundId: current.id,
        action: 'demo.load',
        entityId: current.id,
        actor: deps.actor ?? DEMO_ACTOR,
        detail: `${rounds.length} 个轮次，${summary.bases} 个基地，${summary.scoresheets} 张评分表`,
      },
      deps,
    );
    return ok(summary);
  });
}

/** Deletes every demo round with all its records, in one transaction. */
export function removeDemoRound(
  db: PingguDatabase,
  deps: Clock & { actor?: string },
): Promise<RepositoryResult<string[]>> {
  return db.transaction('rw', allTables(db), async () => {
    const demoRounds = (await db.rounds.toArray()).filter((r) => r.isDemo === true);
    if (demoRounds.length === 0) return fail<string[]>('demoNotLoaded', '没有可移除的演示数据。');
    for (const round of demoRounds) {
      const result = await deleteRound(db, round.id, deps.actor ?? DEMO_ACTOR, deps);
      if (!result.ok) return fail<string[]>(result.error.code, result.error.message);
    }
    return ok(demoRounds.map((r) => r.id));
  });
}
