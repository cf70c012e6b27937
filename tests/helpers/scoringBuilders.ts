// Helpers for the scoring screen's tests: a round with nothing scored yet, saver deps, and
// timers the test fires by hand (so debounce is tested without waiting on the clock).
import type { PingguDatabase } from '../../renderer/db/database';
import type { SheetKey } from '../../renderer/db/repositories/scoresheetRepository';
import type { SheetDeps } from '../../renderer/features/scoring/sheetDeps';
import type { SaverTimers } from '../../renderer/features/scoring/sheetSaver';
import { buildRoundRecords, testSheetDeps } from './builders';
import type { RoundRecords } from './builders';
import { putRoundRecords } from './db';

/** The small test round with every assignment still not started. */
export async function putUnscoredRound(db: PingguDatabase): Promise<RoundRecords> {
  const records = { ...buildRoundRecords(), scoresheets: [] };
  await putRoundRecords(db, records);
  return records;
}

export function firstKey(r: RoundRecords): SheetKey {
  const [assignment] = r.assignments;
  if (!assignment) throw new Error('no assignment built');
  return { roundId: r.round.id, expertId: assignment.expertId, baseId: assignment.baseId };
}

/** Deps for one window: one HLC for its whole life, like getSheetDeps. */
export function windowDeps(deviceId = 'laptop-test'): () => Promise<SheetDeps> {
  const deps: SheetDeps = { ...testSheetDeps(deviceId), observe: () => undefined };
  return () => Promise.resolve(deps);
}

export type ManualTimers = { timers: SaverTimers; fireAll: () => void; running: () => number };

export function manualTimers(): ManualTimers {
  const jobs = new Map<number, () => void>();
  let next = 0;
  return {
    timers: {
      set: (run) => {
        next += 1;
        jobs.set(next, run);
        return next;
      },
      clear: (handle) => {
        if (typeof handle === 'number') jobs.delete(handle);
      },
    },
    fireAll: () => {
      const due = [...jobs.values()];
      jobs.clear();
      for (const run of due) run();
    },
    running: () => jobs.size,
  };
}
