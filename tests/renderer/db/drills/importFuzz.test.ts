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
import { databaseDigest } from '../../../../renderer/db/bundles/digest';
import { openBundle } from '../../../../shared/bundle/bundle';
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
import { createFeeder } from '../../../helpers/fuzzFeed';
import type { Expectation, Feeder } from '../../../helpers/fuzzFeed';
import { FUZZ_PASSPHRASE, fuzzSetUp } from '../../../helpers/fuzzSetUp';
import type { FuzzKey, FuzzOriginal, FuzzStage } from '../../../helpers/fuzzSetUp';
import { importBundle, testCrypto } from '../../../helpers/importBuilders';
import {
  applyBombMutation,
  applyStructureMutation,
  bombMutation,
  payloadZip,
  structureMutation,
  withForbiddenKey,
} from '../../../helpers/pipelineMutations';
import { cloneOf, drillSeed } from '../../../helpers/storageFaults';

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

let stage: FuzzStage;
let feeder: Feeder;

beforeAll(async () => {
  stage = await fuzzSetUp();
  const backup = await openBundle(stage.baselineBackup, { crypto: testCrypto });
  if (!backup.ok) throw new Error(backup.error.messageEn);
  const baseline = await databaseDigest(stage.db);
  feeder = createFeeder({ db: stage.db, baseline, backup, checkEvery: CHECK_EVERY, seed: SEED });
}, 120_000);

afterAll(async () => {
  await stage.db.delete();
});

const feed = (bytes: Uint8Array, label: string, expected?: Expectation) =>
  feeder.feed(bytes, label, expected);

const original = (key: FuzzKey): FuzzOriginal => {
  const found = stage.originals.get(key);
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
        expect(feeder.tally.last, label).toBe(code);
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
    const { tally, peak } = feeder;
    await feeder.checkpoint('at the end');
    expect(tally.runs).toBeGreaterThanOrEqual(TOTAL);
    // Each original bundle still imports (the drill was not refusing everything).
    for (const key of ALL_KEYS) {
      const copy = await cloneOf(stage.db);
      await importBundle(copy, original(key).bytes, { prepare: { passphrase: FUZZ_PASSPHRASE } });
      await copy.delete();
    }
    expect(peak.heapUsed).toBeLessThan(HEAP_BOUND);
    expect(peak.arrayBuffers).toBeLessThan(BUFFERS_BOUND);
    const refused = [...tally.refused.values()].reduce((a, b) => a + b, 0);
    expect(refused + tally.accepted).toBe(tally.runs);
    const codes = [...tally.refused].map(([code, n]) => `${code} ${n}`).join(', ');
    const mib = (bytes: number) => Math.round(bytes / MIB);
    console.info(
      `import fuzz: ${tally.runs} bundles, ${refused} refused (${codes}), ${tally.accepted} accepted; ` +
        `peak heap ${mib(peak.heapUsed)} MiB, array buffers ${mib(peak.arrayBuffers)} MiB; seed ${SEED}`,
    );
  });
});
