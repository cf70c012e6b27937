// Fuzzing openBundle with 2,300 damaged bundles: it must never throw, and must answer with
// either a typed error (a known code other than 'internal', a Chinese and an English
// message) or a valid payload. Damage that is not re-signed can only ever be accepted when
// it leaves the content exactly as it was. Seeds are fixed so a failure reproduces.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { openBundle } from '../../../shared/bundle/bundle';
import type { OpenBundleResult } from '../../../shared/bundle/bundle';
import { isBundleErrorCode } from '../../../shared/bundle/errors';
import { BUNDLE_KINDS } from '../../../shared/bundle/format';
import { PAYLOAD_SCHEMAS } from '../../../shared/bundle/payload';
import type { BundleKind } from '../../../shared/domain/types';
import {
  craftBundle,
  makeBundle,
  outerEntries,
  partsOf,
  testCrypto,
} from '../../helpers/bundleBuilders';
import {
  applyByteMutation,
  applyContainerMutation,
  byteMutation,
  containerMutation,
  hostileEntry,
  hostileValue,
  withField,
} from '../../helpers/bundleMutations';

const PASSPHRASE = '模糊测试';
type Key = BundleKind | 'encrypted';
const KEYS: Key[] = [...BUNDLE_KINDS, 'encrypted'];

type Original = { bytes: Uint8Array; payload: unknown; parts?: ReturnType<typeof partsOf> };
const originals = new Map<Key, Original>();

beforeAll(async () => {
  for (const kind of BUNDLE_KINDS) {
    const { bytes, input } = await makeBundle(kind);
    originals.set(kind, { bytes, payload: input.payload, parts: partsOf(bytes) });
  }
  const encrypted = await makeBundle('scores', { passphrase: PASSPHRASE });
  originals.set('encrypted', { bytes: encrypted.bytes, payload: encrypted.input.payload });
});

const original = (key: Key): Original => {
  const found = originals.get(key);
  if (!found) throw new Error(`no ${key} bundle`);
  return found;
};

const open = (bytes: Uint8Array): Promise<OpenBundleResult> =>
  openBundle(bytes, { crypto: testCrypto, passphrase: PASSPHRASE });

/** A typed refusal, or a valid payload (equal to `unchanged` when given). */
function expectTypedOutcome(result: OpenBundleResult, unchanged?: unknown): void {
  if (result.ok) {
    expect(PAYLOAD_SCHEMAS[result.kind].safeParse(result.payload).success).toBe(true);
    if (unchanged !== undefined) expect(result.payload).toEqual(unchanged);
    return;
  }
  expect(isBundleErrorCode(result.error.code)).toBe(true);
  expect(result.error.code).not.toBe('internal');
  expect(result.error.message).toMatch(/[\u4e00-\u9fff]/);
  expect(result.error.messageEn.length).toBeGreaterThan(0);
}

const plainKind = fc.constantFrom(...BUNDLE_KINDS);
const settings = (seed: number, numRuns: number) => ({ seed, numRuns, endOnFailure: true });

describe('openBundle under fuzzing never throws and always answers with a type', () => {
  it('survives 1,000 bundles with flipped bits, cuts, insertions and overwrites', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...KEYS), byteMutation, async (key, mutation) => {
        const { bytes, payload } = original(key);
        expectTypedOutcome(await open(applyByteMutation(bytes, mutation)), payload);
      }),
      settings(1, 1000),
    );
  });

  it('survives 300 bundles whose container entries are moved, dropped or swapped', async () => {
    await fc.assert(
      fc.asyncProperty(
        plainKind,
        plainKind,
        containerMutation,
        async (kind, otherKind, mutation) => {
          const { bytes, payload } = original(kind);
          const mutated = applyContainerMutation(bytes, original(otherKind).bytes, mutation);
          const result = await open(mutated);
          expectTypedOutcome(result, payload);
        },
      ),
      settings(2, 300),
    );
  });

  it('survives 300 re-signed manifests with edited, removed or added fields', async () => {
    await fc.assert(
      fc.asyncProperty(
        plainKind,
        fc.oneof(
          fc.constantFrom(
            'format',
            'version',
            'kind',
            'roundId',
            'panelId',
            'deviceId',
            'createdAt',
            'entries',
            'encryption',
          ),
          fc.string(),
        ),
        fc.option(hostileValue, { nil: undefined }),
        async (kind, field, value) => {
          const { bytes, payload } = original(kind);
          const { manifest } = partsOf(bytes);
          const container = outerEntries(bytes).get('payload.zip');
          const edited = withField(manifest, field, value);
          const crafted = await craftBundle({ manifest: edited, container, keepEntries: true });
          expectTypedOutcome(await open(crafted), payload);
        },
      ),
      settings(3, 300),
    );
  });

  it('survives 300 re-signed payloads with edited, removed or added record fields', async () => {
    await fc.assert(
      fc.asyncProperty(
        plainKind,
        fc.nat(),
        fc.nat(),
        fc.oneof(
          fc.constantFrom('id', 'roundId', 'scores', 'hlc', 'revision', 'status', 'name'),
          fc.string(),
        ),
        fc.option(hostileValue, { nil: undefined }),
        async (kind, entryPick, recordPick, field, value) => {
          const parts = original(kind).parts ?? partsOf(original(kind).bytes);
          const names = Object.keys(parts.payload);
          const name = names[entryPick % names.length] ?? 'x';
          const entry = parts.payload[name];
          const edit = (record: unknown) =>
            typeof record === 'object' && record !== null && !Array.isArray(record)
              ? withField({ ...record }, field, value)
              : record;
          const changed = Array.isArray(entry)
            ? entry.map((record, i) => (i === recordPick % entry.length ? edit(record) : record))
            : edit(entry);
          const crafted = await craftBundle({
            manifest: parts.manifest,
            payload: { ...parts.payload, [name]: changed },
          });
          expectTypedOutcome(await open(crafted));
        },
      ),
      settings(4, 300),
    );
  });

  it('survives 300 re-signed payload zips with flipped bits', async () => {
    await fc.assert(
      fc.asyncProperty(plainKind, byteMutation, async (kind, mutation) => {
        const { bytes, payload } = original(kind);
        const { manifest } = partsOf(bytes);
        const inner = outerEntries(bytes).get('payload.zip') ?? new Uint8Array();
        const crafted = await craftBundle({
          manifest,
          container: applyByteMutation(inner, mutation),
        });
        expectTypedOutcome(await open(crafted), payload);
      }),
      settings(5, 300),
    );
  });

  it('survives 100 re-signed payload entries of deep nesting, huge strings and noise', async () => {
    await fc.assert(
      fc.asyncProperty(plainKind, fc.nat(), hostileEntry, async (kind, pick, entry) => {
        const parts = original(kind).parts ?? partsOf(original(kind).bytes);
        const names = Object.keys(parts.payload);
        const name = names[pick % names.length] ?? 'x';
        const crafted = await craftBundle({
          manifest: parts.manifest,
          payload: { ...parts.payload, [name]: entry },
        });
        expectTypedOutcome(await open(crafted));
      }),
      settings(6, 100),
    );
  });
});
