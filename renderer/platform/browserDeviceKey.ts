// The device's Ed25519 key in a browser: a non-extractable CryptoKeyPair kept in its own
// IndexedDB database, 'pinggu-device', apart from the app's 'pinggu' database so that backups
// and database digests never contain it. Created on first use and then reused forever; a
// stored record that is not a usable key is reported, never replaced, because its fingerprint
// is the identity secretariats pinned. Creation stores the new key only if none is there, in
// one transaction, so two tabs starting at once still end with one key.
import { generateSigningKeyPair } from '../../shared/bundle/bundleCrypto';
import type { WebCryptoLike } from '../../shared/bundle/cryptoTypes';
import { isMatchingKeyPair, memoiseDeviceKey } from '../../shared/ipc/deviceSigning';
import type { DeviceKey, DeviceKeySource } from '../../shared/ipc/deviceSigning';
import { fail, ok } from '../../shared/ipc/result';
import type { DesktopResult } from '../../shared/ipc/result';

export const DEVICE_DATABASE_NAME = 'pinggu-device';
const DATABASE_VERSION = 1;
const STORE = 'keys';
const RECORD_KEY = 'device';

export type BrowserDeviceKeyDeps = {
  readonly indexedDB: IDBFactory;
  /** The page's globalThis.crypto. */
  readonly crypto: WebCryptoLike;
  /** ISO 8601 time, recorded as the key's creation time. */
  readonly now: () => string;
  /** Tests use their own; the app always uses DEVICE_DATABASE_NAME. */
  readonly databaseName?: string;
};

/** What the 'keys' store holds under 'device'. CryptoKeys are stored by structured clone. */
type StoredDeviceKey = {
  readonly privateKey: CryptoKey;
  readonly publicKey: CryptoKey;
  readonly publicKeyRaw: Uint8Array;
  readonly createdAt: string;
};

const storageFailed = (databaseName: string, detail: string): DesktopResult<never> =>
  fail(
    'ioFailed',
    `浏览器无法读取或保存本机签名密钥（浏览器数据库“${databaseName}”）。请确认没有使用无痕模式，且浏览器允许本站保存数据。`,
    detail,
  );

const corrupt = (databaseName: string, detail: string): DesktopResult<never> =>
  fail(
    'ioFailed',
    `浏览器中保存的本机签名密钥已损坏（浏览器数据库“${databaseName}”）。为保持本机身份（秘书处登记的密钥指纹）不变，评估通没有用新密钥替换它。请联系技术支持。`,
    detail,
  );

const noEd25519 = (): DesktopResult<never> =>
  fail(
    'unsupported',
    '此浏览器不支持 Ed25519 签名，无法生成本机签名密钥。请使用最新版的 Chrome 或 Edge。',
    'Ed25519 key generation failed',
  );

const openDatabase = (factory: IDBFactory, name: string): Promise<IDBDatabase> =>
  new Promise((resolve, reject) => {
    const request = factory.open(name, DATABASE_VERSION);
    request.onupgradeneeded = () => {
      request.result.createObjectStore(STORE);
    };
    request.onsuccess = () => {
      const db = request.result;
      // Never hold up a later version of this database opened by a newer build.
      db.onversionchange = () => db.close();
      resolve(db);
    };
    request.onerror = () => reject(request.error ?? new Error('open failed'));
  });

/** Runs one transaction; resolves with what `run` produced once it has committed. */
const inTransaction = <T>(
  db: IDBDatabase,
  mode: IDBTransactionMode,
  run: (store: IDBObjectStore, settle: (value: T) => void) => void,
): Promise<T> =>
  new Promise((resolve, reject) => {
    const transaction = db.transaction(STORE, mode);
    let value: { readonly settled: T } | undefined;
    transaction.oncomplete = () =>
      value === undefined
        ? reject(new Error('transaction ended without a value'))
        : resolve(value.settled);
    transaction.onerror = () => reject(transaction.error ?? new Error('transaction failed'));
    transaction.onabort = () => reject(transaction.error ?? new Error('transaction aborted'));
    run(transaction.objectStore(STORE), (settled) => {
      value = { settled };
    });
  });

const readRecord = (db: IDBDatabase): Promise<unknown> =>
  inTransaction<unknown>(db, 'readonly', (store, settle) => {
    const request = store.get(RECORD_KEY);
    request.onsuccess = () => settle(request.result);
  });

/** The stored record if there is one (even a broken one), otherwise `candidate`, now stored. */
const readOrAdd = (db: IDBDatabase, candidate: StoredDeviceKey): Promise<unknown> =>
  inTransaction<unknown>(db, 'readwrite', (store, settle) => {
    const request = store.get(RECORD_KEY);
    request.onsuccess = () => {
      if (request.result !== undefined) {
        settle(request.result);
        return;
      }
      store.add(candidate, RECORD_KEY);
      settle(candidate);
    };
  });

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

const toDeviceKey = async (
  crypto: WebCryptoLike,
  value: unknown,
): Promise<DeviceKey | undefined> => {
  if (!isRecord(value)) return undefined;
  const { privateKey, publicKeyRaw, createdAt } = value;
  if (
    !(privateKey instanceof CryptoKey) ||
    privateKey.type !== 'private' ||
    !(publicKeyRaw instanceof Uint8Array) ||
    typeof createdAt !== 'string'
  ) {
    return undefined;
  }
  const raw = new Uint8Array(publicKeyRaw);
  if (!(await isMatchingKeyPair(crypto, privateKey, raw))) return undefined;
  return { privateKey, publicKeyRaw: raw, createdAt };
};

const newStoredKey = async (deps: BrowserDeviceKeyDeps): Promise<StoredDeviceKey | undefined> => {
  try {
    // Non-extractable: no script, ours included, can ever read the private key out.
    const keys = await generateSigningKeyPair(deps.crypto, { extractable: false });
    if (!(keys.privateKey instanceof CryptoKey) || !(keys.publicKey instanceof CryptoKey)) {
      return undefined;
    }
    return {
      privateKey: keys.privateKey,
      publicKey: keys.publicKey,
      publicKeyRaw: keys.publicKeyRaw,
      createdAt: deps.now(),
    };
  } catch {
    return undefined;
  }
};

/** The device key from IndexedDB, created there on first use. */
export const loadOrCreateBrowserDeviceKey = async (
  deps: BrowserDeviceKeyDeps,
): Promise<DesktopResult<DeviceKey>> => {
  const name = deps.databaseName ?? DEVICE_DATABASE_NAME;
  let db: IDBDatabase;
  try {
    db = await openDatabase(deps.indexedDB, name);
  } catch {
    return storageFailed(name, 'device key database did not open');
  }
  try {
    let stored: unknown;
    try {
      stored = await readRecord(db);
      if (stored === undefined) {
        const candidate = await newStoredKey(deps);
        if (candidate === undefined) return noEd25519();
        stored = await readOrAdd(db, candidate);
      }
    } catch {
      return storageFailed(name, 'device key transaction failed');
    }
    const key = await toDeviceKey(deps.crypto, stored);
    return key === undefined ? corrupt(name, 'stored device key is not a usable key') : ok(key);
  } finally {
    db.close();
  }
};

/** loadOrCreateBrowserDeviceKey once per page: concurrent first calls share one load. */
export const createBrowserDeviceKeySource = (deps: BrowserDeviceKeyDeps): DeviceKeySource =>
  memoiseDeviceKey(() => loadOrCreateBrowserDeviceKey(deps));
