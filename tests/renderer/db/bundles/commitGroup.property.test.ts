// A group of score bundles committed in one transaction (commitImportGroup: every bundle's
// reads issued together at the group's start, the pins and conflicts of the ones before it
// applied in memory, a bundle that reads what an earlier one wrote read again; the writes
// awaited once) ends exactly as committing the same bundles one after another, each in its own
// transaction (commitImport): the same results, the same records in every table. The
// bundles overlap on purpose: two laptops of one panel scoring the same pairs, the same
// laptop twice, a bundle signed by another key, the same file twice; some are committed
// before the group, so the group meets stored sheets, pins and conflicts.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitImport, commitImportGroup } from '../../../../renderer/db/bundles/commitImport';
import { prepareImport } from '../../../../renderer/db/bundles/prepareImport';
import type { CommitOptions, PreparedImport } from '../../../../renderer/db/bundles/types';
import type { PingguDatabase } from '../../../../renderer/db/database';
import { TABLE_NAMES } from '../../../../renderer/db/schema';
import { createDatabase } from '../../../../renderer/db/database';
import { openTestDatabase, uniqueDatabaseName } from '../../../helpers/db';
import {
  buildExchangeRound,
  laptopScoresBundle,
  putExchangeRound,
} from '../../../helpers/exchangeBuilders';
import type { ExchangeRound } from '../../../helpers/exchangeBuilders';
import { testCrypto } from '../../../helpers/importBuilders';

let round: ExchangeRound;
let pool: Uint8Array[] = [];

beforeAll(async () => {
  const source = await openTestDatabase();
  round = buildExchangeRound({ status: 'issued' });
  await putExchangeRound(source, round);
  const [shenyang, dalian] = round.panels;
  const shenyangFirst = round.experts.find((e) => e.panelId === shenyang.id)?.id ?? '';
  const dalianFirst = round.experts.find((e) => e.panelId === dalian.id)?.id ?? '';
  pool = [
    // 0, 1: two laptops of 沈阳组, each with every sheet of the panel (the same pairs).
    await laptopScoresBundle(source, round, shenyang.id, { deviceId: 'laptop-1' }),
    await laptopScoresBundle(source, round, shenyang.id, { deviceId: 'laptop-2' }),
    // 2: 大连组.
    await laptopScoresBundle(source, round, dalian.id, { deviceId: 'laptop-3' }),
    // 3: laptop-1 again, one expert's sheets only (scored anew: other sheets, same pairs).
    await laptopScoresBundle(source, round, shenyang.id, {
      deviceId: 'laptop-1',
      expertIds: [shenyangFirst],
    }),
    // 4: laptop-1's device id, signed by another key (a changed key).
    await laptopScoresBundle(source, round, shenyang.id, {
      deviceId: 'laptop-1',
      signerName: 'laptop-1-replaced',
    }),
    // 5: 大连组, one expert, from a fourth laptop.
    await laptopScoresBundle(source, round, dalian.id, {
      deviceId: 'laptop-4',
      expertIds: [dalianFirst],
    }),
  ];
  await source.delete();
}, 120_000);

const opened: PingguDatabase[] = [];
afterAll(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

/** The secretariat's database, counting its read-write transactions (middleware, before open). */
async function secretariat(): Promise<{ db: PingguDatabase; writes: { count: number } }> {
  const db = createDatabase(uniqueDatabaseName());
  const writes = countWriteTransactions(db);
  await db.open();
  opened.push(db);
  await putExchangeRound(db, round);
  return { db, writes };
}

async function prepare(db: PingguDatabase, index: number): Promise<PreparedImport> {
  const bytes = pool[index];
  if (bytes === undefined) throw new Error(`no bundle ${index}`);
  const result = await prepareImport(db, bytes, `评分包-${index}.pgb`, {
    crypto: testCrypto,
    expectedKinds: ['scores'],
    roundId: round.round.id,
  });
  if (!result.ok) throw new Error(result.error.messageEn);
  return result.prepared;
}

/** Commit options with their own id counter, so two databases get the same ids. */
function depsFrom(prefix: string) {
  let n = 0;
  return (acceptNewKey: boolean): CommitOptions => ({
    actor: '秘书处 王芳',
    clock: { now: () => '2024-05-13T09:00:00.000Z' },
    newId: () => `${prefix}-${(n += 1)}`,
    acceptNewKey,
  });
}

/** Every table, every record, in primary-key order. */
async function contents(db: PingguDatabase): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const name of TABLE_NAMES) out[name] = await db.table(name).toArray();
  return out;
}

/** Counts the read-write transactions begun on `db` (registered before it opens). */
function countWriteTransactions(db: PingguDatabase): { count: number } {
  const counter = { count: 0 };
  db.use({
    stack: 'dbcore',
    name: 'countWriteTransactions',
    create: (down) => ({
      ...down,
      transaction: (stores, mode, options) => {
        if (mode === 'readwrite') counter.count += 1;
        return down.transaction(stores, mode, options);
      },
    }),
  });
  return counter;
}

type Scenario = { before: number[]; group: Array<{ bundle: number; accept: boolean }> };

const scenarioArb: fc.Arbitrary<Scenario> = fc.record({
  before: fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 2 }),
  group: fc.array(fc.record({ bundle: fc.integer({ min: 0, max: 5 }), accept: fc.boolean() }), {
    minLength: 2,
    maxLength: 5,
  }),
});

async function run(scenario: Scenario, grouped: boolean) {
  const { db, writes } = await secretariat();
  const before = depsFrom('before');
  for (const index of scenario.before) {
    await commitImport(db, await prepare(db, index), before(true));
  }
  // Every file previewed against the database as it is before the group, as the screen does.
  const members: Array<{ prepared: PreparedImport; options: CommitOptions }> = [];
  const deps = depsFrom('import');
  for (const { bundle, accept } of scenario.group) {
    members.push({ prepared: await prepare(db, bundle), options: deps(accept) });
  }
  writes.count = 0;
  const results = grouped
    ? await commitImportGroup(db, members)
    : await (async () => {
        const out = [];
        for (const m of members) out.push(await commitImport(db, m.prepared, m.options));
        return out;
      })();
  return { results, tables: await contents(db), writeTransactions: writes.count };
}

describe('a group of score bundles in one transaction', () => {
  it('ends as committing them one by one: same results, same records', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (scenario) => {
        const group = await run(scenario, true);
        const oneByOne = await run(scenario, false);
        expect(group.results).toEqual(oneByOne.results);
        expect(group.tables).toEqual(oneByOne.tables);
        // The group really was one transaction (not the file-by-file fallback).
        expect(group.writeTransactions).toBe(1);
        for (const db of opened.splice(0)) await db.delete();
      }),
      { numRuns: 40, seed: 1507 },
    );
  }, 240_000);

  it('writes what a hand count says for two laptops of one panel and the same file twice', async () => {
    // 沈阳组: 3 experts × 2 bases = 6 sheets a laptop. laptop-1 adds 6; laptop-2's 6 are the
    // same pairs under other ids, scored separately: each pair has two sheets, so each becomes
    // a conflict or replaces, never a seventh sheet per pair. The same file again adds nothing.
    const { db } = await secretariat();
    const deps = depsFrom('hand');
    const members = [
      { prepared: await prepare(db, 0), options: deps(true) },
      { prepared: await prepare(db, 0), options: deps(true) },
      { prepared: await prepare(db, 2), options: deps(true) },
    ];
    const results = await commitImportGroup(db, members);
    const counts = results.map((r) => (r.ok ? r.result.counts.added : -1));
    expect(counts).toEqual([6, 0, 2]);
    expect(await db.scoresheets.count()).toBe(8);
    expect(await db.bundleImports.count()).toBe(3);
    // Two devices pinned (laptop-1 of 沈阳组, laptop-3 of 大连组), each once.
    expect(await db.trustedKeys.count()).toBe(2);
  });
});
