// Drill: the disk fills up. IndexedDB answers a write with QuotaExceededError (the k-th
// write request of the transaction fails and aborts it, k random; also from a Dexie hook)
// during an import of every kind and during the scoresheet's autosave. The user reads one
// Chinese sentence saying so, every earlier record is kept (the digest of every table does
// not move), and once there is space again the same import or save goes through, and so do
// the saves after it. PINGGU_DRILL_SEED=<seed> reproduces a run.
import fc from 'fast-check';
import i18next from 'i18next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zhCN } from '../../../../renderer/app/i18n/zh-CN';
import { commitImport } from '../../../../renderer/db/bundles/commitImport';
import { dataDigest, databaseDigest } from '../../../../renderer/db/bundles/digest';
import type { PingguDatabase } from '../../../../renderer/db/database';
import { findScoresheet } from '../../../../renderer/db/queries';
import { SheetSaver } from '../../../../renderer/features/scoring/sheetSaver';
import type { SaveStatus } from '../../../../renderer/features/scoring/sheetSaver';
import { openTestDatabase } from '../../../helpers/db';
import { confirmingDeps, prepared } from '../../../helpers/importBuilders';
import { importScenarios } from '../../../helpers/importScenarios';
import type { ImportScenario } from '../../../helpers/importScenarios';
import { firstKey, putUnscoredRound, windowDeps } from '../../../helpers/scoringBuilders';
import {
  cloneOf,
  drillSeed,
  failAtRequest,
  failAtWrite,
  quotaExceeded,
} from '../../../helpers/storageFaults';

const SEED = drillSeed(8_3);
const IMPORT_RUNS = 30;
const SAVE_RUNS = 20;

/** One sentence: no sentence end before the last character. */
const ONE_SENTENCE = /^[^。！？!?]+[。！？]?$/;

let scenarios: ImportScenario[] = [];

beforeAll(async () => {
  scenarios = await importScenarios();
}, 120_000);

afterAll(async () => {
  await Promise.all(scenarios.map((s) => s.db.delete()));
});

/** Requests a clean commit of the scenario makes, and the data digest it ends with. */
async function cleanCommit(scenario: ImportScenario) {
  const copy = await cloneOf(scenario.db);
  const counter = failAtRequest(copy.name, Number.POSITIVE_INFINITY);
  const ready = await prepared(copy, scenario.bytes);
  const result = await commitImport(copy, ready, confirmingDeps(ready)).finally(counter.off);
  expect(result.ok).toBe(true);
  const after = await dataDigest(copy);
  await copy.delete();
  return { writes: counter.writes(), after };
}

describe('drill: the disk fills up during an import', () => {
  it(`says so in one sentence, keeps every record, and imports once there is space (${IMPORT_RUNS} runs, seed ${SEED})`, async () => {
    const clean = await Promise.all(scenarios.map(cleanCommit));
    const before = await Promise.all(scenarios.map((s) => databaseDigest(s.db)));
    const kinds = new Set<string>();
    await fc.assert(
      fc.asyncProperty(
        fc.nat(scenarios.length - 1),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.boolean(),
        async (index, at, fromHook) => {
          const scenario = scenarios[index];
          const { writes } = clean[index] ?? { writes: 0 };
          if (!scenario) throw new Error(`no scenario ${index}`);
          const k = 1 + Math.floor(at * writes);
          const ready = await prepared(scenario.db, scenario.bytes, {}, '沈阳一组.pgb');
          const fault = fromHook
            ? failAtWrite(scenario.db, k, quotaExceeded)
            : failAtRequest(scenario.db.name, k, quotaExceeded);
          const result = await commitImport(scenario.db, ready, confirmingDeps(ready)).finally(
            fault.off,
          );
          expect(fault.fired()).toBe(true);
          if (result.ok) throw new Error(`${scenario.name}: imported despite a full disk`);
          expect(result.error.code).toBe('quota');
          expect(result.error.message).toMatch(ONE_SENTENCE);
          expect(result.error.message).toContain('文件“沈阳一组.pgb”：磁盘空间不足');
          expect(result.error.message).toContain('原有的数据完好无损');
          expect(result.error.messageEn).toContain('the disk is full');
          expect(await databaseDigest(scenario.db), scenario.name).toBe(before[index]);
          kinds.add(ready.opened.kind);
        },
      ),
      { seed: SEED, numRuns: IMPORT_RUNS, endOnFailure: true },
    );
    expect([...kinds].sort()).toEqual(['backup', 'result', 'round', 'scores']);

    for (const [i, scenario] of scenarios.entries()) {
      const ready = await prepared(scenario.db, scenario.bytes);
      const result = await commitImport(scenario.db, ready, confirmingDeps(ready));
      expect(result.ok, scenario.name).toBe(true);
      expect(await dataDigest(scenario.db), scenario.name).toBe(clean[i]?.after);
    }
  }, 300_000);
});

const i18n = i18next.createInstance();

/** What the scoresheet shows under a failed save (SaveStateView's text), in Chinese. */
async function shownText(status: SaveStatus): Promise<string> {
  if (!i18n.isInitialized) {
    await i18n.init({
      resources: { 'zh-CN': { translation: zhCN } },
      lng: 'zh-CN',
      interpolation: { escapeValue: false },
    });
  }
  if (status.kind !== 'failed') return `(${status.kind})`;
  const reason =
    status.reason === 'quota'
      ? i18n.t('scoring.save.quota')
      : i18n.t('scoring.save.other', { detail: status.detail });
  return i18n.t('scoring.save.failed', { reason });
}

type Snapshot = Map<string, Map<string, unknown>>;

/** Every record of every table, by table and primary key. */
async function snapshot(db: PingguDatabase): Promise<Snapshot> {
  const tables = await Promise.all(
    db.tables.map(async (table) => {
      const keyPath = table.schema.primKey.keyPath;
      const byKey = new Map<string, unknown>();
      for (const record of await table.toArray()) {
        const key: unknown = typeof keyPath === 'string' ? Reflect.get(record, keyPath) : record;
        byKey.set(JSON.stringify(key), record);
      }
      return [table.name, byKey] as const;
    }),
  );
  return new Map(tables);
}

/** Records added since `earlier`, as [table, record]; fails if an earlier one changed. */
async function addedSince(db: PingguDatabase, earlier: Snapshot): Promise<[string, unknown][]> {
  const added: [string, unknown][] = [];
  for (const [table, now] of await snapshot(db)) {
    const before = earlier.get(table) ?? new Map<string, unknown>();
    for (const [key, record] of before) expect(now.get(key), `${table} ${key}`).toEqual(record);
    for (const [key, record] of now) if (!before.has(key)) added.push([table, record]);
  }
  return added;
}

describe('drill: the disk fills up during autosave', () => {
  let db: PingguDatabase;

  beforeAll(async () => {
    db = await openTestDatabase();
  });

  afterAll(async () => {
    await db.delete();
  });

  it(`says so in one sentence, keeps what was saved, and the next saves work (${SAVE_RUNS} runs, seed ${SEED})`, async () => {
    let firstSaves = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.boolean(),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.integer({ min: 0, max: 10 }),
        async (isFirstSave, at, points) => {
          const r = await putUnscoredRound(db);
          const key = firstKey(r);
          const saver = new SheetSaver({ db, key, actor: '李明', deps: windowDeps() });
          saver.observe((await findScoresheet(db, key.expertId, key.baseId)) ?? null);
          const stored = async () => (await findScoresheet(db, key.expertId, key.baseId))?.scores;
          if (!isFirstSave) {
            saver.schedule({ kind: 'score', indicatorId: 'A1.1.1', value: 1 });
            await saver.flush();
            expect(saver.getStatus().kind).toBe('saved');
          }
          // How many write requests this save makes, counted on a copy.
          const copy = await cloneOf(db);
          const counter = failAtRequest(copy.name, Number.POSITIVE_INFINITY);
          const twin = new SheetSaver({ db: copy, key, actor: '李明', deps: windowDeps() });
          twin.observe((await findScoresheet(copy, key.expertId, key.baseId)) ?? null);
          twin.schedule({ kind: 'score', indicatorId: 'A1.1.2', value: points });
          await twin.flush().finally(counter.off);
          await copy.delete();
          const k = 1 + Math.floor(at * counter.writes());

          const before = await databaseDigest(db);
          const earlier = await snapshot(db);
          const fault = failAtRequest(db.name, k, quotaExceeded);
          saver.schedule({ kind: 'score', indicatorId: 'A1.1.2', value: points });
          await saver.flush().finally(fault.off);
          expect(fault.fired()).toBe(true);
          const status = saver.getStatus();
          expect(status).toMatchObject({ kind: 'failed', reason: 'quota' });
          const text = await shownText(status);
          expect(text).toMatch(ONE_SENTENCE);
          expect(text).toContain('磁盘空间已满');
          // Nothing was written: a first save starts the sheet and writes the edit in one
          // transaction, so a full disk leaves no empty draft either.
          expect(await addedSince(db, earlier)).toEqual([]);
          expect(await databaseDigest(db)).toBe(before);
          expect(saver.hasUnsavedChanges()).toBe(true);

          // Space again: Retry writes the same edit, and the next edit saves as usual.
          await saver.flush();
          expect(saver.getStatus().kind).toBe('saved');
          expect(await stored()).toEqual({
            ...(isFirstSave ? {} : { 'A1.1.1': 1 }),
            'A1.1.2': points,
          });
          saver.schedule({ kind: 'score', indicatorId: 'A1.1.3', value: 2 });
          await saver.flush();
          expect(saver.getStatus().kind).toBe('saved');
          expect((await stored())?.['A1.1.3']).toBe(2);
          if (isFirstSave) firstSaves += 1;
        },
      ),
      { seed: SEED, numRuns: SAVE_RUNS, endOnFailure: true },
    );
    // Both the save that creates the sheet and a later one met a full disk.
    expect(firstSaves).toBeGreaterThan(0);
    expect(firstSaves).toBeLessThan(SAVE_RUNS);
  }, 300_000);
});
