// The registry bundle (format version 3): the department's roster for the next round, with
// each base's status and history. Round trip with and without a round id, the manifest rules
// (no panel, not before version 3), the registry's own cross-record rules, and the sentence
// every other screen gives when a registry bundle is dropped on it.
import { beforeAll, describe, expect, it } from 'vitest';
import { createBundle, openBundle } from '../../../shared/bundle/bundle';
import type { CreateBundleInput } from '../../../shared/bundle/bundle';
import { BundleWriteError } from '../../../shared/bundle/errors';
import type { BundleError } from '../../../shared/bundle/errors';
import { FORMAT_VERSION, KIND_LABELS, payloadKeysFor } from '../../../shared/bundle/format';
import { manifestSchema } from '../../../shared/bundle/manifest';
import { PAYLOAD_SCHEMAS } from '../../../shared/bundle/payload';
import type { RegistryPayload } from '../../../shared/registry/types';
import {
  craftBundle,
  makeBundle,
  partsOf,
  sampleInput,
  sampleRegistryPayload,
  testCrypto,
  testSigner,
} from '../../helpers/bundleBuilders';

const crypto = testCrypto;

let registryBytes: Uint8Array;

beforeAll(async () => {
  registryBytes = (await makeBundle('registry')).bytes;
});

/** The sample payload with its bases changed by `edit`. */
function withBases(edit: (bases: RegistryPayload['registry']['bases']) => unknown[]): unknown {
  const payload = sampleRegistryPayload();
  return {
    registry: { ...payload.registry, bases: edit(structuredClone(payload.registry.bases)) },
  };
}

/** createBundle's input for a registry bundle of this payload (checked by createBundle). */
async function registryInput(payload: unknown): Promise<CreateBundleInput> {
  return {
    kind: 'registry',
    deviceId: 'department',
    appVersion: '0.1.0',
    createdAt: '2025-01-10T02:00:00.000Z',
    signer: await testSigner(),
    crypto,
    payload: payload as RegistryPayload,
  };
}

async function writeRefusal(payload: unknown): Promise<BundleError> {
  try {
    await createBundle(await registryInput(payload));
  } catch (error) {
    if (error instanceof BundleWriteError) return error.error;
    throw error;
  }
  throw new Error('the registry bundle was written');
}

describe('the registry bundle', () => {
  it('opens with exactly its payload, without a round or a panel', async () => {
    const opened = await openBundle(registryBytes, { crypto });
    if (!opened.ok) throw new Error(opened.error.messageEn);
    expect(opened.kind).toBe('registry');
    expect(opened.payload).toEqual(sampleRegistryPayload());
    expect(opened.manifest.version).toBe(FORMAT_VERSION);
    expect(Object.keys(opened.manifest)).not.toContain('roundId');
    expect(Object.keys(opened.manifest)).not.toContain('panelId');
    expect(Object.keys(partsOf(registryBytes).payload)).toEqual(['registry.json']);
  });

  it('carries the round id the department gave the round, when it gives one', async () => {
    const input = sampleInput('registry', { signer: await testSigner() });
    const opened = await openBundle(await createBundle({ ...input, roundId: 'round-2025' }), {
      crypto,
    });
    expect(opened.ok && opened.manifest.roundId).toBe('round-2025');
  });

  it('exists from format version 3 on: a registry manifest of version 2 is refused', async () => {
    const parts = partsOf(registryBytes);
    const bytes = await craftBundle({ ...parts, manifest: { ...parts.manifest, version: 2 } });
    const opened = await openBundle(bytes, { crypto });
    expect(opened.ok || opened.error.code).toBe('badManifest');
    expect(opened.ok || opened.error.detail?.field).toBe('version');
  });

  it('refuses a panel in its manifest', () => {
    const { manifest } = partsOf(registryBytes);
    expect(manifestSchema.safeParse(manifest).success).toBe(true);
    expect(manifestSchema.safeParse({ ...manifest, panelId: 'panel-1' }).success).toBe(false);
    expect(manifestSchema.safeParse({ ...manifest, version: 2 }).success).toBe(false);
  });

  it('holds registry.json only: an entry of another kind is refused', async () => {
    const parts = partsOf(registryBytes);
    expect(payloadKeysFor('registry', FORMAT_VERSION)).toEqual(['registry']);
    const bytes = await craftBundle({ ...parts, payload: { ...parts.payload, 'bases.json': [] } });
    const opened = await openBundle(bytes, { crypto });
    expect(opened.ok || opened.error.code).toBe('unknownEntry');
  });
});

describe('registry.json', () => {
  it('accepts the sample and every optional field left out', () => {
    expect(PAYLOAD_SCHEMAS.registry.safeParse(sampleRegistryPayload()).success).toBe(true);
    const bare = withBases((bases) =>
      bases.map(({ previousType: _p, rectifyUntil: _r, legacyType: _l, ...base }) => ({
        ...base,
        status: 'active',
      })),
    );
    expect(PAYLOAD_SCHEMAS.registry.safeParse(bare).success).toBe(true);
  });

  it.each([
    ['an unknown status', withBases(([a, b]) => [{ ...a, status: 'closed' }, b])],
    [
      'a date that is not YYYY-MM-DD',
      withBases(([a, b]) => [a, { ...b, rectifyUntil: '2024-7-15' }]),
    ],
    ['an unknown field', withBases(([a, b]) => [{ ...a, note: '' }, b])],
    ['a category not in the plan', withBases(([a, b]) => [{ ...a, category: 'D' }, b])],
    [
      'a history line without its method',
      withBases(([a, b]) => {
        const [line] = a?.history ?? [];
        const { method: _m, ...rest } = line ?? { method: 'mean' };
        return [{ ...a, history: [rest] }, b];
      }),
    ],
  ])('refuses %s', (_label, payload) => {
    expect(PAYLOAD_SCHEMAS.registry.safeParse(payload).success).toBe(false);
  });

  it('refuses a base code listed twice, naming the base', async () => {
    const error = await writeRefusal(withBases(([a, b]) => [a, { ...b, code: a?.code }]));
    expect(error.code).toBe('schema');
    expect(error.detail).toMatchObject({ path: 'registry.json', index: 1, field: 'code' });
    expect(error.message).toBe(
      '数据包中“基地库名单”第 2 条记录（LN-A1-001）的字段“code”与前面的基地重复。',
    );
  });

  it('refuses a merge target on a base that is not merged', async () => {
    const stray = await writeRefusal(withBases(([a, b]) => [{ ...a, mergedInto: 'LN-X' }, b]));
    expect(stray.detail).toMatchObject({ index: 0, record: 'LN-A1-001', field: 'mergedInto' });
    expect(stray.message).toContain('只能用于已并入的基地');
    const payload = withBases(([a, b]) => [{ ...a, status: 'merged', mergedInto: 'LN-X' }, b]);
    const bytes = await createBundle(await registryInput(payload));
    expect((await openBundle(bytes, { crypto })).ok).toBe(true);
  });

  it('refuses a rectification deadline on a base not under rectification', async () => {
    const error = await writeRefusal(withBases(([a, b]) => [a, { ...b, status: 'active' }]));
    expect(error.detail).toMatchObject({ index: 1, record: 'LN-B4-017', field: 'rectifyUntil' });
  });
});

describe('a registry bundle where another kind is expected', () => {
  it('says what it is and where to use it', async () => {
    const opened = await openBundle(registryBytes, {
      crypto,
      expectedKinds: ['round', 'scores', 'result', 'backup'],
    });
    expect(opened.ok || opened.error.code).toBe('wrongKind');
    expect(opened.ok || opened.error.message).toBe(
      `这是${KIND_LABELS.registry.zh}，不能在此导入，请在秘书处「新建评估轮次」中使用。`,
    );
    expect(opened.ok || opened.error.messageEn).toContain('registry bundle');
  });

  it('is what the round wizard asks for', async () => {
    const opened = await openBundle(registryBytes, { crypto, expectedKinds: ['registry'] });
    expect(opened.ok && opened.kind).toBe('registry');
  });
});
