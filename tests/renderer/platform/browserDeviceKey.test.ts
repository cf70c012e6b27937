import { describe, expect, it } from 'vitest';
import {
  createBrowserDeviceKeySource,
  DEVICE_DATABASE_NAME,
  loadOrCreateBrowserDeviceKey,
} from '../../../renderer/platform/browserDeviceKey';
import type { BrowserDeviceKeyDeps } from '../../../renderer/platform/browserDeviceKey';
import { createBrowserDesktopApi } from '../../../renderer/platform/browserDesktopApi';
import type { BrowserHost } from '../../../renderer/platform/browserHost';
import {
  generateSigningKeyPair,
  publicKeyFromBase64,
  signManifest,
  verifyManifestSignature,
} from '../../../shared/bundle/bundleCrypto';
import { DEFAULT_DATABASE_NAME } from '../../../renderer/db/database';
import { deviceSignedMessage } from '../../../shared/ipc/deviceSigning';
import {
  countingClock,
  FIRST_CLOCK_TIME,
  freshIndexedDb,
  readStoredDeviceRecord,
  sampleManifestBytes,
  testCrypto,
  writeStoredDeviceRecord,
} from '../../helpers/deviceKeys';

const depsOn = (
  indexedDB = freshIndexedDb(),
): BrowserDeviceKeyDeps & { clock: ReturnType<typeof countingClock> } => {
  const clock = countingClock();
  return { indexedDB, crypto: testCrypto, now: clock.now, clock };
};

const expectKey = async (deps: BrowserDeviceKeyDeps) => {
  const loaded = await loadOrCreateBrowserDeviceKey(deps);
  if (!loaded.ok) throw new Error(loaded.error.message);
  return loaded.value;
};

const storedPrivateKey = async (deps: BrowserDeviceKeyDeps): Promise<CryptoKey> => {
  const record = await readStoredDeviceRecord(deps.indexedDB, DEVICE_DATABASE_NAME);
  if (typeof record !== 'object' || record === null || !('privateKey' in record)) {
    throw new Error('no stored device key');
  }
  const { privateKey } = record;
  if (!(privateKey instanceof CryptoKey)) throw new Error('stored private key is not a CryptoKey');
  return privateKey;
};

const noHost: BrowserHost = {
  isProduction: true,
  pickFiles: async () => null,
  download: () => undefined,
};

describe('the browser device key', () => {
  it('lives in its own IndexedDB database, pinggu-device, never in the app database', async () => {
    const deps = depsOn();
    await expectKey(deps);
    expect(DEVICE_DATABASE_NAME).toBe('pinggu-device');
    expect(DEVICE_DATABASE_NAME).not.toBe(DEFAULT_DATABASE_NAME);
    const databases = await deps.indexedDB.databases();
    expect(databases.map((db) => db.name)).toEqual(['pinggu-device']);
  });

  it('is created once and reused after a reload of the page', async () => {
    const deps = depsOn();
    const first = await expectKey(deps);
    // A reload: a new source over the same IndexedDB, with a clock that has moved on.
    const reloaded = createBrowserDeviceKeySource({ ...depsOn(deps.indexedDB) });
    const again = await reloaded();
    if (!again.ok) throw new Error(again.error.message);
    expect(again.value.publicKeyRaw).toEqual(first.publicKeyRaw);
    expect(again.value.createdAt).toBe(FIRST_CLOCK_TIME);
  });

  it('keeps a private key that no script can export', async () => {
    const deps = depsOn();
    const key = await expectKey(deps);
    expect(key.privateKey.extractable).toBe(false);
    const stored = await storedPrivateKey(deps);
    expect(stored.extractable).toBe(false);
    expect(stored.algorithm.name).toBe('Ed25519');
    await expect(testCrypto.subtle.exportKey('pkcs8', stored)).rejects.toThrow();
    await expect(testCrypto.subtle.exportKey('jwk', stored)).rejects.toThrow();
  });

  it('creates exactly one key when two first calls arrive together', async () => {
    const deps = depsOn();
    const getKey = createBrowserDeviceKeySource(deps);
    const [a, b] = await Promise.all([getKey(), getKey()]);
    if (!a.ok || !b.ok) throw new Error('expected both calls to succeed');
    expect(a.value).toBe(b.value);
    expect(deps.clock.calls()).toBe(1);
  });

  it('ends with one key when two tabs create it at the same time', async () => {
    const indexedDB = freshIndexedDb();
    const [a, b] = await Promise.all([
      loadOrCreateBrowserDeviceKey(depsOn(indexedDB)),
      loadOrCreateBrowserDeviceKey(depsOn(indexedDB)),
    ]);
    if (!a.ok || !b.ok) throw new Error('expected both loads to succeed');
    expect(a.value.publicKeyRaw).toEqual(b.value.publicKeyRaw);
    const reloaded = await expectKey(depsOn(indexedDB));
    expect(reloaded.publicKeyRaw).toEqual(a.value.publicKeyRaw);
  });
});

describe('a damaged browser device key', () => {
  it.each([
    ['a string', async () => 'not a key'],
    [
      'a record without a CryptoKey',
      async () => ({
        privateKey: 'x',
        publicKeyRaw: new Uint8Array(32),
        createdAt: FIRST_CLOCK_TIME,
      }),
    ],
    [
      'a private key stored with another public key',
      async () => {
        const keys = await generateSigningKeyPair(testCrypto);
        const other = await generateSigningKeyPair(testCrypto);
        return {
          privateKey: keys.privateKey,
          publicKey: other.publicKey,
          publicKeyRaw: other.publicKeyRaw,
          createdAt: FIRST_CLOCK_TIME,
        };
      },
    ],
  ])('holding %s gives a typed error and is not replaced', async (_label, record) => {
    const deps = depsOn();
    const planted = await record();
    await writeStoredDeviceRecord(deps.indexedDB, DEVICE_DATABASE_NAME, planted);
    const result = await loadOrCreateBrowserDeviceKey(deps);
    expect(result).toMatchObject({ ok: false, error: { code: 'ioFailed' } });
    if (!result.ok) {
      expect(result.error.message).toContain('已损坏');
      expect(result.error.message).toContain('pinggu-device');
    }
    expect(await readStoredDeviceRecord(deps.indexedDB, DEVICE_DATABASE_NAME)).toEqual(planted);
    expect(deps.clock.calls()).toBe(0);
  });
});

describe('device signing in the browser DesktopApi', () => {
  it('signs context + manifest so that verifyManifestSignature accepts it, as signManifest would', async () => {
    const deps = depsOn();
    const api = createBrowserDesktopApi(noHost, createBrowserDeviceKeySource(deps));
    const identity = await api.device.getIdentity();
    if (!identity.ok) throw new Error(identity.error.message);
    const publicKeyRaw = publicKeyFromBase64(identity.value.publicKey);
    if (publicKeyRaw === undefined) throw new Error('bad public key');
    expect(identity.value.createdAt).toBe(FIRST_CLOCK_TIME);

    const manifest = sampleManifestBytes();
    const signed = await api.device.signManifest({ message: deviceSignedMessage(manifest) });
    if (!signed.ok) throw new Error(signed.error.message);
    expect(
      await verifyManifestSignature(testCrypto, publicKeyRaw, manifest, signed.value.signature),
    ).toBe(true);
    expect(signed.value.signature).toEqual(
      await signManifest(testCrypto, await storedPrivateKey(deps), manifest),
    );
  });

  it('refuses a message without the signature context and creates no key', async () => {
    const deps = depsOn();
    const api = createBrowserDesktopApi(noHost, createBrowserDeviceKeySource(deps));
    const result = await api.device.signManifest({ message: sampleManifestBytes() });
    expect(result).toMatchObject({ ok: false, error: { code: 'notAllowed' } });
    expect(await deps.indexedDB.databases()).toEqual([]);
  });
});
