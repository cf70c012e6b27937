// Drill: an import aborted at a random record leaves the database exactly as it was. 200
// seeded runs over five real imports (scores updating and adding sheets, 50 new sheets, a
// re-issued round, a result archive, a backup restored over data): each run picks an
// import, a way to fail (a Dexie hook throwing at the k-th record, or the k-th IndexedDB
// write request failing and aborting the transaction) and k at random over the writes that
// import really makes (counted by a dry run on a copy). The digest of every table must not
// move. Afterwards each import commits cleanly to the state of one that never failed.
// PINGGU_DRILL_SEED=<seed> reproduces a run; fast-check prints the seed of a failure.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitImport } from '../../../../renderer/db/bundles/commitImport';
import { dataDigest, databaseDigest } from '../../../../renderer/db/bundles/digest';
import type { PreparedImport } from '../../../../renderer/db/bundles/types';
import type { PingguDatabase } from '../../../../renderer/db/database';
import { importScenarios } from '../../../helpers/importScenarios';
import { confirmingDeps, prepared } from '../../../helpers/importBuilders';
import { cloneOf, drillSeed, failAtRequest, failAtWrite } from '../../../helpers/storageFaults';
import type { WriteFault } from '../../../helpers/storageFaults';

const SEED = drillSeed(20_261_126);
const RUNS = 200;
const STYLES = ['hook', 'request'] as const;
type Style = (typeof STYLES)[number];

type Drill = {
  name: string;
  db: PingguDatabase;
  ready: PreparedImport;
  /** Writes of a clean commit: records (hooks) and IndexedDB requests. */
  writes: Record<Style, number>;
  before: string;
  /** Data digest after a clean commit on a copy. */
  after: string;
};

let drills: Drill[] = [];

const inject = ({ db }: { db: PingguDatabase }, style: Style, k: number): WriteFault =>
  style === 'hook'
    ? failAtWrite(db, k)
    : failAtRequest(db.name, k, () => new DOMException('injected failure', 'UnknownError'));

/** Commits on a copy with a counter listening: how many writes the import makes. */
async function dryRun(db: PingguDatabase, ready: PreparedImport, style: Style) {
  const copy = await cloneOf(db);
  // Counted apart: with a deleting hook subscribed, Dexie clears a table record by record.
  const counter = inject({ db: copy }, style, Number.POSITIVE_INFINITY);
  const result = await commitImport(copy, ready, confirmingDeps(ready)).finally(counter.off);
  if (!result.ok) throw new Error(`dry run refused: ${result.error.messageEn}`);
  const after = await dataDigest(copy);
  await copy.delete();
  return { writes: counter.writes(), after };
}

beforeAll(async () => {
  drills = [];
  for (const scenario of await importScenarios()) {
    const ready = await prepared(scenario.db, scenario.bytes);
    const hooks = await dryRun(scenario.db, ready, 'hook');
    const requests = await dryRun(scenario.db, ready, 'request');
    expect(requests.after).toBe(hooks.after);
    const writes = { hook: hooks.writes, request: requests.writes };
    const before = await databaseDigest(scenario.db);
    drills.push({ ...scenario, ready, writes, before, after: hooks.after });
  }
}, 120_000);

afterAll(async () => {
  await Promise.all(drills.map((d) => d.db.delete()));
});

describe('drill: an import aborted at a random record', () => {
  it('really writes enough records in every import for the drill to mean something', () => {
    expect(drills.map((d) => d.name)).toHaveLength(5);
    for (const drill of drills) {
      expect(drill.writes.hook, drill.name).toBeGreaterThan(5);
      expect(drill.writes.request, drill.name).toBeGreaterThan(5);
    }
    const largest = Math.max(...drills.map((d) => d.writes.hook));
    expect(largest).toBeGreaterThanOrEqual(100);
  });

  it(`leaves every table as it was, in ${RUNS} seeded runs (seed ${SEED})`, async () => {
    const runs = new Map<string, number>();
    const arbitrary = fc
      .record({ drill: fc.nat(drills.length - 1), style: fc.constantFrom(...STYLES) })
      .chain(({ drill, style }) =>
        fc.record({
          drill: fc.constant(drill),
          style: fc.constant(style),
          k: fc.integer({ min: 1, max: drills[drill]?.writes[style] ?? 1 }),
        }),
      );
    await fc.assert(
      fc.asyncProperty(arbitrary, async ({ drill: index, style, k }) => {
        const drill = drills[index];
        if (!drill) throw new Error(`no drill ${index}`);
        const fault = inject(drill, style, k);
        const result = await commitImport(
          drill.db,
          drill.ready,
          confirmingDeps(drill.ready),
        ).finally(fault.off);
        expect(fault.fired(), `${drill.name}: write ${k} reached`).toBe(true);
        expect(result.ok).toBe(false);
        if (!result.ok) {
          expect(result.error.code).toBe('internal');
          expect(result.error.message).toContain('数据库未作任何更改');
        }
        expect(await databaseDigest(drill.db), `${drill.name}, ${style} at ${k}`).toBe(
          drill.before,
        );
        const bucket = `${drill.name} / ${style}`;
        runs.set(bucket, (runs.get(bucket) ?? 0) + 1);
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    // Every import met both ways of failing.
    expect(runs.size).toBe(drills.length * STYLES.length);
    expect([...runs.values()].reduce((a, b) => a + b, 0)).toBe(RUNS);
  }, 300_000);

  it('then commits each import cleanly, to the state of an import that never failed', async () => {
    for (const drill of drills) {
      const result = await commitImport(drill.db, drill.ready, confirmingDeps(drill.ready));
      expect(result.ok, drill.name).toBe(true);
      expect(await databaseDigest(drill.db)).not.toBe(drill.before);
      expect(await dataDigest(drill.db), drill.name).toBe(drill.after);
    }
  });
});
