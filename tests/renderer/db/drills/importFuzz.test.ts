// Drill: at least 10,000 damaged bundles through the WHOLE import pipeline, prepareImport +
// commitImport, against one fake-indexeddb database holding a secretariat's round. Damage:
// bit flips, cuts, insertions (plain and encrypted bundles); outer entries moved, dropped,
// swapped between kinds, renamed (`../` included); manifests and records edited and
// re-signed (wrong types, huge strings, removed and unknown fields, `__proto__` in the
// text); payload entries swapped between kinds, renamed to unsafe names, duplicated,
// bloated, given `__proto__`/`constructor`/`prototype` keys, replaced by values of the wrong
// type; zip bombs whose headers lie about their size (16 MiB and 1 GiB of zeros). Every
// bundle is refused with a typed error (never 'internal', never an exception) or, when the
// damage happens to be harmless, accepted consistently (same payload, and for unsigned
// damage the same database as the undamaged bundle gives); the database digest is checked
// every 100 bundles, after every accepted one and at the end, Object.prototype is checked
// for pollution, and process memory is sampled after each bundle against stated bounds.
// Counts: PINGGU_FUZZ_RUNS (default 10,000; `npm run fuzz -- --runs N`), PINGGU_DRILL_SEED.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restoreBackup } from '../../../../renderer/db/bundles/backup';
import { commitImport } from '../../../../renderer/db/bundles/commitImport';
import { dataDigest, databaseDigest } from '../../../../renderer/db/bundles/digest';
import { isImportErrorCode } from '../../../../renderer/db/bundles/importErrors';
import type { ImportError } from '../../../../renderer/db/bundles/importErrors';
import { prepareImport } from '../../../../renderer/db/bundles/prepareImport';
import type { PingguDatabase } from '../../../../renderer/db/database';
import { openBundle } from '../../../../shared/bundle/bundle';
import type { OpenedBundle } from '../../../../shared/bundle/bundle';
import { BUNDLE_KINDS } from '../../../../shared/bundle/format';
import { craftBundle, jsonBytes, outerEntries, partsOf } from '../../../helpers/bundleBuilders';
import {
  applyByteMutation,
  applyContainerMutation,
  byteMutation,
  containerMutation,
  hostileEntry,
  hostileValue,
  withField,
} from '../../../helpers/bundleMutations';
import { commitDeps, testCrypto } from '../../../helpers/importBuilders';
import {
  applyBombMutation,
  applyStructureMutation,
  bombMutation,
  payloadZip,
  structureMutation,
  withForbiddenKey,
} from '../../../helpers/pipelineMutations';
import { cloneOf, drillSeed } from '../../../helpers/storageFaults';
import { FUZZ_FILE_NAME, FUZZ_PASSPHRASE, fuzzSetUp } from '../../../helpers/fuzzSetUp';
import type { FuzzKey, FuzzOriginal } from '../../../helpers/fuzzSetUp';

const MIB = 1024 * 1024;
const TOTAL = Math.max(1, Number(process.env.PINGGU_FUZZ_RUNS ?? 10_000) || 10_000);
const SEED = drillSeed(8_6);
const CHECK_EVERY = 100;
/** Generous, for a loaded machine and long runs: the drill states counts, not times. */
const TIMEOUT = Math.max(600_000, TOTAL * 100);
/**
 * Stated bounds. A bomb stating 128 MiB (the per-entry limit) is legitimately inflated that
 * far before it is refused, plus up to 16 MiB more from the last 16 KiB slice of input; the
 * 1 GiB bombs must never be inflated whole, nor anything like them.
 */
const HEAP_BOUND = 512 * MIB;
const BUFFERS_BOUND = 384 * MIB;

// Bombs are few because each costs ~0.1 s: the reader inflates in 16 KiB slices of input,
// and one slice of a 1,000:1 bomb is 16 MiB before the byte counter sees any of it.
const SHARES = {
  bytes: 0.49,
  container: 0.08,
  manifest: 0.12,
  records: 0.1,
  payloadZip: 0.1,
  structure: 0.1,
  bombs: 0.01,
} as const;
const count = (share: number): number => Math.max(1, Math.ceil(TOTAL * share));

let db: PingguDatabase;
let baseline = '';
let baselineBackup: OpenedBundle;
let originals = new Map<FuzzKey, FuzzOriginal>();
const tally = { runs: 0, accepted: 0, refused: new Map<string, number>() };
const peak = { heapUsed: 0, arrayBuffers: 0 };

beforeAll(async () => {
  const set = await fuzzSetUp();
  db = set.db;
  originals = set.originals;
  baseline = await databaseDigest(db);
  const backup = await openBundle(set.baselineBackup, { crypto: testCrypto });
  if (!backup.ok) throw new Error(backup.error.messageEn);
  baselineBackup = backup;
}, 120_000);

afterAll(async () => {
  await db.delete();
});

const original = (key: FuzzKey): FuzzOriginal => {
  const found = originals.get(key);
  if (!found) throw new Error(`no ${key} bundle`);
  return found;
};

/** Bombs with a known answer: stopped while inflating, by the stated size, or as ZIP64. */
const FIXED_BOMBS: ReadonlyArray<readonly [16 | 1024, number, string]> = [
  [16, 1000, 'zipBomb'],
  [1024, 1000, 'zipBomb'],
  [16, 2 * MIB, 'zipBomb'],
  [1024, 2 * MIB, 'zipBomb'],
  [16, 16 * MIB, 'zipBomb'],
  [1024, 128 * MIB + 1, 'tooLarge'],
  [1024, 0xffffffff, 'unsupportedZip'],
];

let lastRefusal = '';

function expectTyped(error: ImportError, where: string): void {
  expect(isImportErrorCode(error.code), `${where}: ${error.code}`).toBe(true);
  expect(error.code, where).not.toBe('internal');
  expect(error.message, where).toMatch(/[\u4e00-\u9fff]/);
  expect(error.messageEn.length, where).toBeGreaterThan(0);
  const code = error.code;
  tally.refused.set(code, (tally.refused.get(code) ?? 0) + 1);
  lastRefusal = code;
}

/** What an accepted bundle must give: the original's payload, and its database state. */
type Expectation = { payload?: unknown; clean?: string; refused?: boolean };

async function checkpoint(where: string): Promise<void> {
  expect(await databaseDigest(db), `${where}, seed ${SEED}`).toBe(baseline);
  expect(Reflect.get({}, 'polluted'), 'Object.prototype polluted').toBeUndefined();
}

/** One bundle through prepare and commit; the database is back at the baseline after it. */
async function feed(bytes: Uint8Array, label: string, expected: Expectation = {}) {
  tally.runs += 1;
  const where = `${label} #${tally.runs}`;
  const prepared = await prepareImport(db, bytes, FUZZ_FILE_NAME, {
    crypto: testCrypto,
    expectedKinds: BUNDLE_KINDS,
    passphrase: FUZZ_PASSPHRASE,
  });
  if (!prepared.ok) expectTyped(prepared.error, where);
  else {
    expect(expected.refused, `${where}: accepted`).not.toBe(true);
    const { opened } = prepared.prepared;
    if (expected.payload !== undefined) expect(opened.payload, where).toEqual(expected.payload);
    const committed = await commitImport(db, prepared.prepared, commitDeps());
    if (!committed.ok) expectTyped(committed.error, where);
    else {
      tally.accepted += 1;
      if (expected.clean !== undefined) expect(await dataDigest(db), where).toBe(expected.clean);
      const restored = await restoreBackup(db, baselineBackup);
      expect(restored.ok, where).toBe(true);
      await checkpoint(`${where}: restored`);
    }
  }
  const memory = process.memoryUsage();
  peak.heapUsed = Math.max(peak.heapUsed, memory.heapUsed);
  peak.arrayBuffers = Math.max(peak.arrayBuffers, memory.arrayBuffers);
  if (tally.runs % CHECK_EVERY === 0) await checkpoint(`after ${where}`);
}

const settings = (offset: number, numRuns: number) => ({
  seed: SEED + offset,
  numRuns,
  endOnFailure: true,
});

const FORBIDDEN = ['__proto__', 'constructor', 'prototype'] as const;
const ALL_KEYS: FuzzKey[] = ['scores', 'encrypted', 'round', 'result', 'backup'];
const PLAIN_KEYS: FuzzKey[] = ['scores', 'round', 'result', 'backup'];
const anyKey = fc.constantFrom(...ALL_KEYS);
const plainKey = fc.constantFrom(...PLAIN_KEYS);

/** Re-signs `container` (or the payload entries) under the original's manifest. */
const resigned = (key: FuzzKey, parts: { container?: Uint8Array; manifest?: object }) =>
  craftBundle({
    manifest: { ...original(key).manifest, ...parts.manifest },
    ...(parts.container === undefined ? {} : { container: parts.container }),
  });

describe(`drill: ${TOTAL.toLocaleString('en')}+ damaged bundles through prepareImport + commitImport (seed ${SEED})`, () => {
  it(
    `refuses or consistently accepts ${count(SHARES.bytes)} bundles with flipped bits, cuts and insertions`,
    async () => {
      await fc.assert(
        fc.asyncProperty(anyKey, byteMutation, async (key, m) => {
          const o = original(key);
          await feed(applyByteMutation(o.bytes, m), `bytes ${m.type}`, o);
        }),
        settings(1, count(SHARES.bytes)),
      );
    },
    TIMEOUT,
  );

  it(
    `… ${count(SHARES.container)} bundles whose outer entries are moved, dropped, renamed or swapped`,
    async () => {
      await fc.assert(
        fc.asyncProperty(plainKey, plainKey, containerMutation, async (key, other, m) => {
          const o = original(key);
          const mutated = applyContainerMutation(o.bytes, original(other).bytes, m);
          await feed(mutated, `container ${m.type}`, o);
        }),
        settings(2, count(SHARES.container)),
      );
    },
    TIMEOUT,
  );

  it(
    `… ${count(SHARES.manifest)} re-signed manifests with edited, removed or added fields`,
    async () => {
      const fields = ['format', 'version', 'kind', 'roundId', 'panelId', 'deviceId', 'createdAt'];
      await fc.assert(
        fc.asyncProperty(
          plainKey,
          fc.oneof(fc.constantFrom(...fields, 'entries', 'encryption', ...FORBIDDEN), fc.string()),
          fc.option(hostileValue, { nil: undefined }),
          async (key, field, value) => {
            const o = original(key);
            const container = outerEntries(o.bytes).get('payload.zip');
            // A forbidden key can only be written into the text (an object would take it as
            // its prototype); the signature then covers the polluted text.
            const forbidden = FORBIDDEN.some((k) => k === field);
            const manifest = forbidden ? o.manifest : withField(o.manifest, field, value);
            const bytes = await craftBundle({
              manifest,
              container,
              keepEntries: true,
              ...(forbidden
                ? { manifestBytes: (m) => withForbiddenKey(jsonBytes(m), field, 'first') }
                : {}),
            });
            await feed(bytes, `manifest ${field}`, { payload: o.payload });
          },
        ),
        settings(3, count(SHARES.manifest)),
      );
    },
    TIMEOUT,
  );

  it(
    `… ${count(SHARES.records)} re-signed payloads with edited, removed or added record fields`,
    async () => {
      const fields = ['id', 'roundId', 'baseId', 'scores', 'hlc', 'revision', 'status', 'name'];
      await fc.assert(
        fc.asyncProperty(
          plainKey,
          fc.nat(),
          fc.nat(),
          fc.oneof(fc.constantFrom(...fields), fc.string()),
          fc.option(hostileValue, { nil: undefined }),
          async (key, entryPick, recordPick, field, value) => {
            const { manifest, payload } = partsOf(original(key).bytes);
            const names = Object.keys(payload);
            const name = names[entryPick % names.length] ?? 'x';
            const entry = payload[name];
            const edit = (record: unknown) =>
              typeof record === 'object' && record !== null && !Array.isArray(record)
                ? withField({ ...record }, field, value)
                : record;
            const changed = Array.isArray(entry)
              ? entry.map((record, i) => (i === recordPick % entry.length ? edit(record) : record))
              : edit(entry);
            const bytes = await craftBundle({ manifest, payload: { ...payload, [name]: changed } });
            await feed(bytes, `record ${name}.${field}`);
          },
        ),
        settings(4, count(SHARES.records)),
      );
    },
    TIMEOUT,
  );

  it(
    `… ${count(SHARES.payloadZip)} re-signed payload zips with flipped bits, cuts and insertions`,
    async () => {
      await fc.assert(
        fc.asyncProperty(plainKey, byteMutation, async (key, m) => {
          const o = original(key);
          const inner = outerEntries(o.bytes).get('payload.zip') ?? new Uint8Array();
          const bytes = await resigned(key, { container: applyByteMutation(inner, m) });
          await feed(bytes, `payload zip ${m.type}`, { payload: o.payload });
        }),
        settings(5, count(SHARES.payloadZip)),
      );
    },
    TIMEOUT,
  );

  it(
    `… ${count(SHARES.structure)} re-signed payloads with swapped, unsafe, duplicated, polluting or mistyped entries`,
    async () => {
      const raws = PLAIN_KEYS.map((key) => original(key).raw);
      await fc.assert(
        fc.asyncProperty(plainKey, structureMutation, async (key, m) => {
          const payload = applyStructureMutation(original(key).raw, raws, m);
          const bytes = await resigned(key, { container: payloadZip(payload) });
          await feed(bytes, `structure ${m.type}`);
        }),
        settings(6, count(SHARES.structure)),
      );
    },
    TIMEOUT,
  );

  it(
    `… ${count(SHARES.bombs) + FIXED_BOMBS.length} re-signed payloads carrying zip bombs that lie about their size, deep nesting or noise`,
    async () => {
      // First one bomb of each kind of lie, each with the refusal it must get.
      for (const [mebibytes, stated, code] of FIXED_BOMBS) {
        const m = { entry: 0, mebibytes, stated, extra: 0 };
        const container = applyBombMutation(original('scores').raw, m);
        const label = `bomb ${mebibytes} MiB stated ${stated}`;
        await feed(await resigned('scores', { container }), label, { refused: true });
        expect(lastRefusal, label).toBe(code);
      }
      await fc.assert(
        fc.asyncProperty(
          plainKey,
          fc.oneof({ weight: 3, arbitrary: bombMutation }, hostileEntry),
          fc.nat(),
          async (key, m, pick) => {
            const raw = original(key).raw;
            if (m instanceof Uint8Array) {
              const index = pick % raw.length;
              const payload = raw.map(([name, data], i): [string, Uint8Array] => [
                name,
                i === index ? m : data,
              ]);
              await feed(await resigned(key, { container: payloadZip(payload) }), 'hostile entry');
            } else {
              const container = applyBombMutation(raw, m);
              const label = `bomb ${m.mebibytes} MiB stated ${m.stated}`;
              await feed(await resigned(key, { container }), label, { refused: true });
            }
          },
        ),
        settings(7, count(SHARES.bombs)),
      );
    },
    TIMEOUT,
  );

  it('ends with the database exactly as it began, within the stated memory bounds', async () => {
    await checkpoint('at the end');
    expect(tally.runs).toBeGreaterThanOrEqual(TOTAL);
    // Each original bundle still imports (the drill was not refusing everything).
    for (const key of ALL_KEYS) {
      const copy = await cloneOf(db);
      const prepared = await prepareImport(copy, original(key).bytes, FUZZ_FILE_NAME, {
        crypto: testCrypto,
        expectedKinds: BUNDLE_KINDS,
        passphrase: FUZZ_PASSPHRASE,
      });
      expect(prepared.ok, key).toBe(true);
      await copy.delete();
    }
    expect(peak.heapUsed).toBeLessThan(HEAP_BOUND);
    expect(peak.arrayBuffers).toBeLessThan(BUFFERS_BOUND);
    const refused = [...tally.refused.values()].reduce((a, b) => a + b, 0);
    expect(refused + tally.accepted).toBe(tally.runs);
    console.info(
      `import fuzz: ${tally.runs} bundles, ${refused} refused (${[...tally.refused]
        .map(([code, n]) => `${code} ${n}`)
        .join(', ')}), ${tally.accepted} accepted; peak heap ${Math.round(
        peak.heapUsed / MIB,
      )} MiB, array buffers ${Math.round(peak.arrayBuffers / MIB)} MiB; seed ${SEED}`,
    );
  });
});
