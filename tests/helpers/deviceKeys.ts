// Builders for device-key tests: a clock that counts, a manifest as createBundle would write
// it, raw reads of the browser key store, and a counting in-memory key source.
import { IDBFactory } from 'fake-indexeddb';
import { generateSigningKeyPair } from '../../shared/bundle/bundleCrypto';
import { canonicalJson } from '../../shared/bundle/canonicalJson';
import { utf8Encode } from '../../shared/bundle/encoding';
import type { DeviceKeySource } from '../../shared/ipc/deviceSigning';
import { ok } from '../../shared/ipc/result';

export const testCrypto = globalThis.crypto;

/** ISO times one minute apart, starting at a fixed moment: 'first created' is observable. */
export const countingClock = (): { now: () => string; readonly calls: () => number } => {
  let calls = 0;
  return {
    now: () => new Date(Date.UTC(2024, 4, 11, 8, calls++, 0)).toISOString(),
    calls: () => calls,
  };
};

export const FIRST_CLOCK_TIME = '2024-05-11T08:00:00.000Z';

/** manifest.json bytes in the shape createBundle writes them (canonical JSON, Chinese text). */
export const sampleManifestBytes = (roundId = 'round-2024-辽宁'): Uint8Array<ArrayBuffer> =>
  utf8Encode(
    canonicalJson({
      format: 'pinggu-bundle',
      version: 1,
      kind: 'scores',
      roundId,
      panelId: 'panel-大连',
      entries: [{ path: 'scoresheets.json', size: 42, sha256: 'ab'.repeat(32) }],
    }),
  );

/** An IndexedDB of its own, so a test sees only the databases it created. */
export const freshIndexedDb = (): IDBFactory => new IDBFactory();

/** The raw record the browser key store keeps, read straight from IndexedDB. */
export const readStoredDeviceRecord = (factory: IDBFactory, databaseName: string) =>
  new Promise<unknown>((resolve, reject) => {
    const request = factory.open(databaseName);
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const db = request.result;
      const get = db.transaction('keys', 'readonly').objectStore('keys').get('device');
      get.onsuccess = () => {
        db.close();
        resolve(get.result);
      };
      get.onerror = () => reject(get.error);
    };
  });

/** Writes `value` as the stored device record, creating the database as version 1 would. */
export const writeStoredDeviceRecord = (
  factory: IDBFactory,
  databaseName: string,
  value: unknown,
) =>
  new Promise<void>((resolve, reject) => {
    const request = factory.open(databaseName, 1);
    request.onupgradeneeded = () => request.result.createObjectStore('keys');
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const db = request.result;
      const transaction = db.transaction('keys', 'readwrite');
      transaction.objectStore('keys').put(value, 'device');
      transaction.oncomplete = () => {
        db.close();
        resolve();
      };
      transaction.onerror = () => reject(transaction.error);
    };
  });

/** An in-memory device key that counts how often it was asked for. */
export const countingKeySource = async (): Promise<{
  source: DeviceKeySource;
  loads: () => number;
  publicKeyRaw: Uint8Array;
  privateKey: CryptoKey;
}> => {
  const keys = await generateSigningKeyPair(testCrypto);
  if (!(keys.privateKey instanceof CryptoKey)) throw new Error('expected a CryptoKey');
  let loads = 0;
  return {
    source: async () => {
      loads += 1;
      return ok({
        privateKey: keys.privateKey,
        publicKeyRaw: keys.publicKeyRaw,
        createdAt: FIRST_CLOCK_TIME,
      });
    },
    loads: () => loads,
    publicKeyRaw: keys.publicKeyRaw,
    privateKey: keys.privateKey,
  };
};
