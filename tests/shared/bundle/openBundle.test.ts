import { zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { openBundle } from '../../../shared/bundle/bundle';
import type { OpenBundleOptions, OpenBundleResult } from '../../../shared/bundle/bundle';
import { generateSigningKeyPair } from '../../../shared/bundle/bundleCrypto';
import type { BundleError, BundleErrorCode } from '../../../shared/bundle/errors';
import { FORMAT_VERSION, LIMITS } from '../../../shared/bundle/format';
import { writeZip } from '../../../shared/bundle/zip';
import {
  craftBundle,
  jsonBytes,
  makeBundle,
  outerEntries,
  partsOf,
  stored,
  testCrypto,
} from '../../helpers/bundleBuilders';

const crypto = testCrypto;

async function refusal(
  bytes: Uint8Array,
  options: Partial<OpenBundleOptions> = {},
): Promise<BundleError> {
  const result: OpenBundleResult = await openBundle(bytes, { crypto, ...options });
  if (result.ok) throw new Error('the bundle was accepted');
  return result.error;
}

async function expectRefused(
  bytes: Uint8Array,
  code: BundleErrorCode,
  options: Partial<OpenBundleOptions> = {},
): Promise<BundleError> {
  const error = await refusal(bytes, options);
  expect(error.code).toBe(code);
  expect(error.message).toMatch(/[\u4e00-\u9fff]/);
  expect(error.message).toMatch(/。$/);
  expect(error.messageEn.length).toBeGreaterThan(10);
  return error;
}

let scores: Uint8Array;
let parts: ReturnType<typeof partsOf>;

beforeAll(async () => {
  scores = (await makeBundle('scores')).bytes;
  parts = partsOf(scores);
});

const rebuildOuter = (
  change: (entries: Array<[string, Uint8Array]>) => Array<[string, Uint8Array]>,
) => writeZip(stored(change([...outerEntries(scores)])));

describe('openBundle refuses files that are not bundles', () => {
  it('refuses a file that is not a zip', async () => {
    await expectRefused(new TextEncoder().encode('姓名,分数\n李明,90\n'), 'notZip');
  });

  it('refuses an empty file', async () => {
    await expectRefused(new Uint8Array(0), 'empty');
  });

  it('refuses a zip with no entries', async () => {
    await expectRefused(writeZip([]), 'empty');
  });

  it('refuses a bundle cut short while copying', async () => {
    const error = await expectRefused(scores.slice(0, scores.length >> 1), 'truncated');
    expect(error.message).toContain('不完整');
    await expectRefused(scores.slice(0, scores.length - 1), 'truncated');
  });

  it('refuses a file over the size limit before reading it', async () => {
    const limits = { ...LIMITS, maxFileBytes: 1024 };
    const error = await expectRefused(scores, 'tooLarge', { limits });
    expect(error.detail?.limit).toBe(1024);
  });

  it('refuses a zip with more entries than allowed', async () => {
    const many = Array.from({ length: 65 }, (_, i) => ({ name: `f${i}`, data: new Uint8Array(1) }));
    await expectRefused(writeZip(many), 'tooManyEntries');
  });

  it('says a foreign zip is not a Pinggu bundle', async () => {
    const foreign = zipSync({ 'word/document.xml': new TextEncoder().encode('<w/>') });
    const error = await expectRefused(foreign, 'missingEntry');
    expect(error.message).toContain('不是评估通数据包');
  });

  it('refuses a bundle re-packed by another zip program', async () => {
    const repacked = zipSync(Object.fromEntries(outerEntries(scores)), { level: 0 });
    await expectRefused(repacked, 'corrupt');
  });

  it('refuses a bundle whose container entries are compressed', async () => {
    const entries = [...outerEntries(scores)].map(([name, data]) => ({ name, data }));
    await expectRefused(writeZip(entries), 'unsupportedZip');
  });

  it('refuses anything that is not bytes without throwing', async () => {
    const notBytes: unknown = 'manifest.json';
    const result = await openBundle(notBytes as Uint8Array, { crypto });
    expect(result.ok).toBe(false);
  });
});

describe('openBundle refuses path tricks and unexpected entries', () => {
  it.each(['../manifest.json', '/etc/passwd', 'payload\\evil.json', 'C:/x.json', 'a//b', './x'])(
    'refuses the entry name %s',
    async (name) => {
      const bytes = rebuildOuter((entries) => [...entries, [name, new Uint8Array([1])]]);
      const error = await expectRefused(bytes, 'badEntryName');
      expect(error.detail?.path).toBe(name);
    },
  );

  it('refuses a duplicate entry', async () => {
    const bytes = rebuildOuter((entries) => [...entries, ['manifest.json', jsonBytes({})]]);
    await expectRefused(bytes, 'duplicateEntry');
  });

  it('refuses an entry outside the allow-list', async () => {
    const bytes = rebuildOuter((entries) => [...entries, ['readme.txt', new Uint8Array([65])]]);
    const error = await expectRefused(bytes, 'unknownEntry');
    expect(error.message).toContain('readme.txt');
  });

  it('refuses a payload entry that belongs to another kind', async () => {
    const bytes = await craftBundle({
      manifest: parts.manifest,
      payload: { ...parts.payload, 'decisions.json': [] },
    });
    const error = await expectRefused(bytes, 'unknownEntry');
    expect(error.detail?.path).toBe('decisions.json');
  });

  it('refuses a payload that lacks one of its entries', async () => {
    const { 'audit.json': _audit, ...rest } = parts.payload;
    const bytes = await craftBundle({ manifest: parts.manifest, payload: rest });
    const error = await expectRefused(bytes, 'missingEntry');
    expect(error.detail?.path).toBe('audit.json');
  });
});

describe('openBundle refuses altered bundles', () => {
  it('refuses a payload that does not match its hash', async () => {
    const other = (await makeBundle('scores')).bytes;
    const swapped = outerEntries(other).get('payload.zip') ?? new Uint8Array();
    const bytes = rebuildOuter((entries) =>
      entries.map(([name, data]) => [name, name === 'payload.zip' ? swapped : data]),
    );
    const error = await expectRefused(bytes, 'hashMismatch');
    expect(error.detail?.path).toBe('payload.zip');
  });

  it('refuses a manifest changed after signing', async () => {
    const manifest = { ...parts.manifest, deviceId: 'someone-else' };
    const edited = jsonBytes(manifest);
    const bytes = rebuildOuter((entries) =>
      entries.map(([name, data]) => [name, name === 'manifest.json' ? edited : data]),
    );
    await expectRefused(bytes, 'badSignature');
  });

  it('refuses a signature made with a key other than the one it names', async () => {
    const impostor = await generateSigningKeyPair(crypto);
    const forged = outerEntries(await craftBundle({ ...parts, signer: impostor }));
    const bytes = rebuildOuter((entries) =>
      entries.map(([name, data]) => {
        if (name !== 'signature.json') return [name, data];
        const real = JSON.parse(new TextDecoder().decode(data)) as Record<string, string>;
        const fake = JSON.parse(new TextDecoder().decode(forged.get(name))) as Record<
          string,
          string
        >;
        return [name, jsonBytes({ ...real, signature: fake.signature })];
      }),
    );
    await expectRefused(bytes, 'badSignature');
  });

  it('refuses a signature file whose fingerprint does not match its key', async () => {
    const bytes = rebuildOuter((entries) =>
      entries.map(([name, data]) => {
        if (name !== 'signature.json') return [name, data];
        const real = JSON.parse(new TextDecoder().decode(data)) as Record<string, string>;
        return [name, jsonBytes({ ...real, fingerprint: '0000-0000-0000-0000' })];
      }),
    );
    await expectRefused(bytes, 'badSignature');
  });

  it('refuses an unsigned bundle', async () => {
    const bytes = rebuildOuter((entries) => entries.filter(([name]) => name !== 'signature.json'));
    const error = await expectRefused(bytes, 'missingSignature');
    expect(error.message).toContain('没有签名');
  });

  it('refuses a manifest that is not in canonical form even when signed', async () => {
    const bytes = await craftBundle({
      ...parts,
      manifestBytes: (m) => new TextEncoder().encode(JSON.stringify(m, null, 2)),
    });
    await expectRefused(bytes, 'badManifest');
  });

  it('refuses a manifest missing a field, naming it', async () => {
    const { deviceId: _deviceId, ...manifest } = parts.manifest;
    const error = await expectRefused(await craftBundle({ ...parts, manifest }), 'badManifest');
    expect(error.detail?.field).toBe('deviceId');
  });

  it('refuses a score bundle without a panel', async () => {
    const { panelId: _panelId, ...manifest } = parts.manifest;
    await expectRefused(await craftBundle({ ...parts, manifest }), 'badManifest');
  });
});

describe('openBundle explains what the user must do', () => {
  it('asks to upgrade for a bundle from a newer version', async () => {
    const manifest = { ...parts.manifest, version: FORMAT_VERSION + 1, newField: true };
    const payload = { ...parts.payload, 'reviews.json': [] };
    const error = await expectRefused(await craftBundle({ manifest, payload }), 'newerVersion');
    expect(error.message).toContain('请升级评估通');
    expect(error.detail?.version).toBe(FORMAT_VERSION + 1);
  });

  it('asks to upgrade even when the newer bundle has new container entries', async () => {
    const manifest = { ...parts.manifest, version: FORMAT_VERSION + 2 };
    const bytes = await craftBundle({
      manifest,
      payload: parts.payload,
      extraOuter: [['attachments.zip', new Uint8Array([1, 2, 3])]],
    });
    await expectRefused(bytes, 'newerVersion');
  });

  it('names both kinds when the bundle is not the kind this screen takes', async () => {
    const round = (await makeBundle('round')).bytes;
    const error = await expectRefused(round, 'wrongKind', { expectedKinds: ['scores'] });
    expect(error.message).toBe('这是评审任务包，此处需要评分数据包。');
    expect(error.detail).toMatchObject({ kind: 'round', expectedKinds: ['scores'] });
  });

  it('asks for the passphrase, and refuses a wrong one', async () => {
    const { bytes } = await makeBundle('scores', { passphrase: '正确的口令' });
    await expectRefused(bytes, 'passphraseRequired');
    await expectRefused(bytes, 'passphraseRequired', { passphrase: '' });
    const error = await expectRefused(bytes, 'wrongPassphrase', { passphrase: '错误的口令' });
    expect(error.message).toContain('口令不正确');
  });
});

describe('openBundle turns unexpected failures into an error value', () => {
  it('reports an internal error when the platform crypto fails', async () => {
    const subtle = new Proxy(crypto.subtle, {
      get: (target, property) => {
        if (property === 'digest') return () => Promise.reject(new Error('disk unplugged'));
        const value: unknown = Reflect.get(target, property);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const broken = { subtle, getRandomValues: crypto.getRandomValues.bind(crypto) };
    const result = await openBundle(scores, { crypto: broken });
    expect(result.ok || result.error.code).toBe('internal');
  });
});
