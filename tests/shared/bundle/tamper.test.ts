// Tampering: change one byte of a valid bundle, anywhere, and it must be refused. Every
// byte is covered by a fixed zip-profile value, a CRC, the payload's SHA-256 in the manifest
// or the manifest's signature, so there is no position where a change goes unnoticed. The
// CRCs catch accidents; a deliberate change that recomputes them meets the hash and the
// signature, which the second half checks.
import { beforeAll, describe, expect, it } from 'vitest';
import { openBundle } from '../../../shared/bundle/bundle';
import type { BundleErrorCode } from '../../../shared/bundle/errors';
import { BUNDLE_KINDS } from '../../../shared/bundle/format';
import { writeZip } from '../../../shared/bundle/zip';
import { mulberry32 } from '../../../shared/demo/random';
import type { BundleKind } from '../../../shared/domain/types';
import { makeBundle, outerEntries, stored, testCrypto } from '../../helpers/bundleBuilders';

const PASSPHRASE = '篡改测试';

/** Opens a copy with byte `position` XOR-ed with `mask` (1–255); returns the error code or 'accepted'. */
async function openAltered(
  bytes: Uint8Array,
  position: number,
  mask: number,
): Promise<BundleErrorCode | 'accepted'> {
  const copy = bytes.slice();
  copy[position] = (copy[position] ?? 0) ^ mask;
  const result = await openBundle(copy, { crypto: testCrypto, passphrase: PASSPHRASE });
  return result.ok ? 'accepted' : result.error.code;
}

const bundles = new Map<BundleKind | 'encrypted', Uint8Array>();

beforeAll(async () => {
  for (const kind of BUNDLE_KINDS) bundles.set(kind, (await makeBundle(kind)).bytes);
  bundles.set('encrypted', (await makeBundle('scores', { passphrase: PASSPHRASE })).bytes);
});

const bundle = (key: BundleKind | 'encrypted'): Uint8Array => {
  const bytes = bundles.get(key);
  if (!bytes) throw new Error(`no ${key} bundle`);
  return bytes;
};

describe('a bundle altered anywhere is refused', () => {
  it('refuses every single-bit flip at every position of a score bundle', async () => {
    const bytes = bundle('scores');
    const accepted: string[] = [];
    const codes = new Set<string>();
    for (let position = 0; position < bytes.length; position += 1) {
      for (let bit = 0; bit < 8; bit += 1) {
        const code = await openAltered(bytes, position, 1 << bit);
        if (code === 'accepted') accepted.push(`${position}:${bit}`);
        codes.add(code);
      }
    }
    expect(accepted).toEqual([]);
    expect(codes.has('internal')).toBe(false);
  });

  it.each([...BUNDLE_KINDS, 'encrypted' as const])(
    'refuses a %s bundle with a byte changed at any of 60 random positions',
    async (key) => {
      const bytes = bundle(key);
      const random = mulberry32(0x5eed + bytes.length);
      const outcomes: string[] = [];
      for (let i = 0; i < 60; i += 1) {
        const position = Math.floor(random() * bytes.length);
        const mask = 1 + Math.floor(random() * 255);
        outcomes.push(await openAltered(bytes, position, mask));
      }
      expect(outcomes.filter((code) => code === 'accepted' || code === 'internal')).toEqual([]);
    },
  );

  it.each([...BUNDLE_KINDS, 'encrypted' as const])(
    'refuses a %s bundle altered inside an entry even with the zip checksums recomputed',
    async (key) => {
      const entries = [...outerEntries(bundle(key))];
      const random = mulberry32(0xc0ffee + entries.length);
      const outcomes: string[] = [];
      for (let i = 0; i < 40; i += 1) {
        const target = Math.floor(random() * entries.length);
        const altered = entries.map(([name, data], index): [string, Uint8Array] => {
          if (index !== target) return [name, data];
          const copy = data.slice();
          const position = Math.floor(random() * copy.length);
          copy[position] = (copy[position] ?? 0) ^ (1 + Math.floor(random() * 255));
          return [name, copy];
        });
        const result = await openBundle(writeZip(stored(altered)), {
          crypto: testCrypto,
          passphrase: PASSPHRASE,
        });
        outcomes.push(result.ok ? 'accepted' : result.error.code);
      }
      expect(outcomes.filter((code) => code === 'accepted' || code === 'internal')).toEqual([]);
      expect(outcomes).toContain('hashMismatch');
    },
  );
});
