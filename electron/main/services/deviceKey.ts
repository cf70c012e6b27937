// The device's Ed25519 key in Electron: keys/device-ed25519.json in the user-data folder,
// created on first use and then reused forever. Its fingerprint is the device's identity that
// secretariats pin, so an unreadable or corrupt file is reported (with its path), never
// silently replaced by a new key. The file is written to a temporary name (mode 0600, folder
// 0700 on POSIX; Windows keeps the user-data folder per user) and linked into place only if no
// key exists yet, so two racing first runs end with one key, and a crash never leaves half a
// key behind. In memory the private key is imported non-extractable.
import { randomUUID } from 'node:crypto';
import { chmod, link, mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import {
  exportPrivateKeyPkcs8,
  generateSigningKeyPair,
  importPrivateKeyPkcs8,
  publicKeyFromBase64,
  publicKeyToBase64,
} from '../../../shared/bundle/bundleCrypto';
import type { WebCryptoLike } from '../../../shared/bundle/cryptoTypes';
import { fromBase64, toBase64 } from '../../../shared/bundle/encoding';
import { isMatchingKeyPair, memoiseDeviceKey } from '../../../shared/ipc/deviceSigning';
import type { DeviceKey, DeviceKeySource } from '../../../shared/ipc/deviceSigning';
import { fail, ok } from '../../../shared/ipc/result';
import type { DesktopResult } from '../../../shared/ipc/result';

export const DEVICE_KEY_FOLDER = 'keys';
export const DEVICE_KEY_FILE_NAME = 'device-ed25519.json';
const KEY_FILE_FORMAT = 'pinggu-device-key';
/** A key file is a few hundred bytes; anything far larger is not one. */
const MAX_KEY_FILE_BYTES = 16 * 1024;

export type DeviceKeyDeps = {
  /** Node's globalThis.crypto (WebCrypto with Ed25519). */
  readonly crypto: WebCryptoLike;
  /** ISO 8601 time, recorded as the key's creation time. */
  readonly now: () => string;
};

const keyFileSchema = z.object({
  format: z.literal(KEY_FILE_FORMAT),
  version: z.literal(1),
  algorithm: z.literal('Ed25519'),
  /** Standard base64 of the raw 32-byte public key. */
  publicKey: z.string(),
  /** Standard base64 of the PKCS#8 private key. */
  privateKeyPkcs8: z.string(),
  createdAt: z.string().min(1),
});

type KeyFile = z.output<typeof keyFileSchema>;

export const deviceKeyPath = (userDataDir: string): string =>
  path.join(userDataDir, DEVICE_KEY_FOLDER, DEVICE_KEY_FILE_NAME);

const KEEP_IDENTITY =
  '为保持本机身份（秘书处登记的密钥指纹）不变，评估通没有用新密钥替换它。请从备份恢复该文件；如确需改用新密钥，请将该文件移走后重新操作，并把新的指纹告知秘书处。';

const unreadable = (filePath: string, detail: string): DesktopResult<never> =>
  fail('ioFailed', `无法读取本机签名密钥文件“${filePath}”。${KEEP_IDENTITY}`, detail);

const corrupt = (filePath: string, detail: string): DesktopResult<never> =>
  fail('ioFailed', `本机签名密钥文件“${filePath}”已损坏，无法使用。${KEEP_IDENTITY}`, detail);

const notSaved = (filePath: string, detail: string): DesktopResult<never> =>
  fail(
    'ioFailed',
    `无法在“${path.dirname(filePath)}”中保存本机签名密钥，请确认该文件夹可以写入后重试。`,
    detail,
  );

const errorCode = (error: unknown): string =>
  typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : 'unknown';

type ReadOutcome =
  | { readonly kind: 'missing' }
  | { readonly kind: 'read'; readonly text: string }
  | { readonly kind: 'failed'; readonly result: DesktopResult<never> };

const readKeyFile = async (filePath: string): Promise<ReadOutcome> => {
  try {
    const info = await stat(filePath);
    if (!info.isFile()) {
      return { kind: 'failed', result: unreadable(filePath, 'device key path is not a file') };
    }
    if (info.size > MAX_KEY_FILE_BYTES) {
      return { kind: 'failed', result: corrupt(filePath, 'device key file is too large') };
    }
    return { kind: 'read', text: await readFile(filePath, 'utf8') };
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'failed', result: unreadable(filePath, `device key read failed: ${code}`) };
  }
};

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

const keyFromFile = async (
  crypto: WebCryptoLike,
  filePath: string,
  text: string,
): Promise<DesktopResult<DeviceKey>> => {
  const parsed = keyFileSchema.safeParse(parseJson(text));
  if (!parsed.success) return corrupt(filePath, 'device key file does not match its schema');
  const publicKeyRaw = publicKeyFromBase64(parsed.data.publicKey);
  const pkcs8 = fromBase64(parsed.data.privateKeyPkcs8);
  if (publicKeyRaw === undefined || pkcs8 === undefined) {
    return corrupt(filePath, 'device key file has malformed base64');
  }
  let privateKey;
  try {
    privateKey = await importPrivateKeyPkcs8(crypto, pkcs8);
  } catch {
    return corrupt(filePath, 'device private key does not import');
  }
  if (!(await isMatchingKeyPair(crypto, privateKey, publicKeyRaw))) {
    return corrupt(filePath, 'device private and public keys do not match');
  }
  return ok({ privateKey, publicKeyRaw, createdAt: parsed.data.createdAt });
};

const newKeyFile = async (deps: DeviceKeyDeps): Promise<KeyFile> => {
  const keys = await generateSigningKeyPair(deps.crypto, { extractable: true });
  const pkcs8 = await exportPrivateKeyPkcs8(deps.crypto, keys.privateKey);
  return {
    format: KEY_FILE_FORMAT,
    version: 1,
    algorithm: 'Ed25519',
    publicKey: publicKeyToBase64(keys.publicKeyRaw),
    privateKeyPkcs8: toBase64(pkcs8),
    createdAt: deps.now(),
  };
};

/** Best effort: makes a finished rename or link survive a power cut (POSIX only). */
const syncFolder = async (folder: string): Promise<void> => {
  try {
    const handle = await open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Windows cannot open a folder this way; NTFS journals the rename anyway.
  }
};

/**
 * Puts contents at filePath unless a file is already there (another first run won the race);
 * either way the caller then reads whatever filePath holds.
 */
export const writeKeyFileIfAbsent = async (
  filePath: string,
  contents: string,
): Promise<DesktopResult<null>> => {
  const folder = path.dirname(filePath);
  const tempPath = path.join(folder, `.${path.basename(filePath)}.${randomUUID()}.tmp`);
  try {
    await mkdir(folder, { recursive: true, mode: 0o700 });
    // mkdir's mode applies only to a folder it creates; tighten an existing one too.
    if (process.platform !== 'win32') await chmod(folder, 0o700).catch(() => undefined);
    const handle = await open(tempPath, 'wx', 0o600);
    try {
      await handle.writeFile(contents, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      // A hard link never replaces an existing file, unlike rename.
      await link(tempPath, filePath);
    } catch (error) {
      if (errorCode(error) !== 'EEXIST') {
        // A file system without hard links (FAT): check, then rename.
        const exists = await stat(filePath).then(
          () => true,
          () => false,
        );
        if (!exists) await rename(tempPath, filePath);
      }
    }
    await syncFolder(folder);
    return ok(null);
  } catch (error) {
    return notSaved(filePath, `device key write failed: ${errorCode(error)}`);
  } finally {
    await rm(tempPath, { force: true }).catch(() => undefined);
  }
};

/**
 * The device key from userDataDir/keys/device-ed25519.json, created there if the file does
 * not exist. Any other problem with the file is an 'ioFailed' result naming the file.
 */
export const loadOrCreateDeviceKey = async (
  userDataDir: string,
  deps: DeviceKeyDeps,
): Promise<DesktopResult<DeviceKey>> => {
  const filePath = deviceKeyPath(userDataDir);
  let outcome = await readKeyFile(filePath);
  if (outcome.kind === 'missing') {
    const written = await writeKeyFileIfAbsent(
      filePath,
      `${JSON.stringify(await newKeyFile(deps), null, 2)}\n`,
    );
    if (!written.ok) return written;
    outcome = await readKeyFile(filePath);
  }
  switch (outcome.kind) {
    case 'read':
      return keyFromFile(deps.crypto, filePath, outcome.text);
    case 'failed':
      return outcome.result;
    case 'missing':
      return unreadable(filePath, 'device key file vanished after it was written');
  }
};

/** loadOrCreateDeviceKey once per process: concurrent first calls share one load. */
export const createDeviceKeySource = (userDataDir: string, deps: DeviceKeyDeps): DeviceKeySource =>
  memoiseDeviceKey(() => loadOrCreateDeviceKey(userDataDir, deps));
