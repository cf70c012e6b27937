import { liveQuery } from 'dexie';
import type { DBCore, Middleware } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDatabase } from '../../../renderer/db/database';
import type { PingguDatabase } from '../../../renderer/db/database';
import { listScoresheets } from '../../../renderer/db/queries';
import { readCachedRoundRecords } from '../../../renderer/db/roundCacheHooks';
import { putIssuedRound, uniqueDatabaseName } from '../../helpers/db';
import { issuedRound, ROUND_ID, submittedSheet } from '../../helpers/roundChangeBuilders';

/** Counts the reads of the scoresheets table that reach IndexedDB (below Dexie's cache). */
function countingReads(): { middleware: Middleware<DBCore>; reads: () => number } {
  let reads = 0;
  return {
    reads: () => reads,
    middleware: {
      stack: 'dbcore',
      name: 'countScoresheetReads',
      level: -1,
      create: (core) => ({
        ...core,
        table: (name) => {
          const table = core.table(name);
          if (name !== 'scoresheets') return table;
          return {
            ...table,
            query: (req) => {
              reads += 1;
              return table.query(req);
            },
          };
        },
      }),
    },
  };
}

/** The first value a live query yields, and its subscription (left open). */
function firstValue<T>(query: () => Promise<T>): Promise<{ value: T; stop: () => void }> {
  return new Promise((resolve, reject) => {
    const subscription = liveQuery(query).subscribe({
      next: (value) => resolve({ value, stop: () => subscription.unsubscribe() }),
      error: reject,
    });
  });
}

let db: PingguDatabase;
let counter: ReturnType<typeof countingReads>;

// Three sheets; the round has 2 panels, 4 experts, 4 bases and 8 assignments (issuedRound).
beforeEach(async () => {
  counter = countingReads();
  db = createDatabase(uniqueDatabaseName());
  db.use(counter.middleware);
  await db.open();
  const records = issuedRound();
  records.scoresheets.push(
    submittedSheet(records, 'p1-e2', 'b01', { x: 8 }),
    submittedSheet(records, 'p1-e2', 'b02', { x: 6 }),
    submittedSheet(records, 'p1-e1', 'b01', { x: 10 }),
  );
  await putIssuedRound(db, records);
});

afterEach(async () => {
  await db.delete();
});

describe('useCachedRoundRecords (readCachedRoundRecords in a live query)', () => {
  it('reads the round’s sheets, assignments, bases, experts and panels', async () => {
    const records = issuedRound();
    const expected =
      3 +
      records.assignments.length +
      records.bases.length +
      records.experts.length +
      records.panels.length;
    const held = await firstValue(() => readCachedRoundRecords(db, ROUND_ID));
    expect(held.value).toBe(expected);
    held.stop();
  });

  it('without it, a screen’s live query reads the sheets from IndexedDB', async () => {
    const screen = await firstValue(() => listScoresheets(db, ROUND_ID));
    expect(screen.value).toHaveLength(3);
    expect(counter.reads()).toBe(1);
    screen.stop();
  });

  it('while held, a screen’s live query of the sheets comes from the cache', async () => {
    const held = await firstValue(() => readCachedRoundRecords(db, ROUND_ID));
    expect(counter.reads()).toBe(1);
    const screen = await firstValue(() => listScoresheets(db, ROUND_ID));
    expect(screen.value).toHaveLength(3);
    expect(counter.reads()).toBe(1);
    screen.stop();
    held.stop();
  });
});
