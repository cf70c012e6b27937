import { describe, expect, it } from 'vitest';
import { createBundle, openBundle } from '../../../shared/bundle';
import { createBrowserDesktopApi } from '../../../renderer/platform/browserDesktopApi';
import { createBrowserDeviceKeySource } from '../../../renderer/platform/browserDeviceKey';
import type { BrowserHost } from '../../../renderer/platform/browserHost';
import { getDeviceSigner } from '../../../renderer/platform/deviceSigner';
import { sampleInput, testCrypto } from '../../helpers/bundleBuilders';
import { countingClock, freshIndexedDb } from '../../helpers/deviceKeys';

const host: BrowserHost = {
  isProduction: true,
  pickFiles: async () => null,
  download: () => undefined,
};

const browserApi = () =>
  createBrowserDesktopApi(
    host,
    createBrowserDeviceKeySource({
      indexedDB: freshIndexedDb(),
      crypto: testCrypto,
      now: countingClock().now,
    }),
  );

describe('getDeviceSigner', () => {
  it('signs bundles with the device key, and readers see the device fingerprint', async () => {
    const api = browserApi();
    const result = await getDeviceSigner(api);
    if (!result.ok) throw new Error(result.error.message);
    const bytes = await createBundle(sampleInput('scores', { signer: result.signer }));
    const opened = await openBundle(bytes, { crypto: testCrypto });
    if (!opened.ok) throw new Error(opened.error.messageEn);
    expect(opened.signer.fingerprint).toBe(result.signer.fingerprint);
    const identity = await api.device.getIdentity();
    expect(identity.ok && identity.value.fingerprint).toBe(result.signer.fingerprint);
  });

  it('keeps the same identity for every bundle of this device', async () => {
    const api = browserApi();
    const first = await getDeviceSigner(api);
    const second = await getDeviceSigner(api);
    if (!first.ok || !second.ok) throw new Error('no signer');
    expect(second.signer.fingerprint).toBe(first.signer.fingerprint);
    expect(Array.from(second.signer.publicKeyRaw)).toEqual(Array.from(first.signer.publicKeyRaw));
  });
});
