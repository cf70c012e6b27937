import { describe, expect, it } from 'vitest';
import { BUNDLE_HEAD_BYTES, readBundleHead } from '../../../shared/ipc/bundleHead';
import { CREATED_AT, makeBundle, testSigner } from '../../helpers/bundleBuilders';
import { publicKeyFingerprint } from '../../../shared/bundle/bundleCrypto';

describe('readBundleHead', () => {
  it('reads kind, time, round and signer fingerprint from the first bytes of a bundle', async () => {
    const { bytes, input } = await makeBundle('backup');
    const signer = await testSigner();
    expect(readBundleHead(bytes.subarray(0, BUNDLE_HEAD_BYTES))).toEqual({
      kind: 'backup',
      createdAt: CREATED_AT,
      roundId: input.roundId ?? null,
      fingerprint: await publicKeyFingerprint(globalThis.crypto, signer.publicKeyRaw),
    });
  });

  it('reads encrypted bundles too (the manifest and signature are never encrypted)', async () => {
    const { bytes } = await makeBundle('scores', { passphrase: '口令' });
    expect(readBundleHead(bytes)?.kind).toBe('scores');
  });

  it('returns null for something that is not a bundle, or is cut short', async () => {
    const { bytes } = await makeBundle('backup');
    expect(readBundleHead(new TextEncoder().encode('hello'))).toBeNull();
    expect(readBundleHead(new Uint8Array())).toBeNull();
    expect(readBundleHead(bytes.subarray(0, 200))).toBeNull();
  });
});
