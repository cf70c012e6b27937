import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createDeviceKeySource,
  deviceKeyPath,
  loadOrCreateDeviceKey,
  writeKeyFileIfAbsent,
} from '../../../../electron/main/services/deviceKey';
import {
  exportPrivateKeyPkcs8,
  generateSigningKeyPair,
  publicKeyToBase64,
} from '../../../../shared/bundle/bundleCrypto';
import { toBase64 } from '../../../../shared/bundle/encoding';
import { countingClock, FIRST_CLOCK_TIME, testCrypto } from '../../../helpers/deviceKeys';
import { makeTempDir } from '../../../helpers/desktop';

const keyFileOf = async (userDataDir: string): Promise<unknown> =>
  JSON.parse(await readFile(deviceKeyPath(userDataDir), 'utf8'));

const publicKeyOf = async (userDataDir: string): Promise<unknown> => {
  const file = await keyFileOf(userDataDir);
  return typeof file === 'object' && file !== null && 'publicKey' in file
    ? file.publicKey
    : undefined;
};

const expectKey = async (result: ReturnType<typeof loadOrCreateDeviceKey>) => {
  const loaded = await result;
  if (!loaded.ok) throw new Error(loaded.error.message);
  return loaded.value;
};

/** Every file under dir (relative paths), to prove nothing was added or replaced. */
const listFiles = async (dir: string): Promise<string[]> =>
  (await readdir(dir, { recursive: true })).map(String).sort();

describe('the Electron device key', () => {
  it('is created on first use in keys/device-ed25519.json under the user-data folder', async () => {
    const userData = await makeTempDir();
    const key = await expectKey(
      loadOrCreateDeviceKey(userData, { crypto: testCrypto, ...countingClock() }),
    );
    expect(deviceKeyPath(userData)).toBe(path.join(userData, 'keys', 'device-ed25519.json'));
    expect(await keyFileOf(userData)).toMatchObject({
      format: 'pinggu-device-key',
      version: 1,
      algorithm: 'Ed25519',
      publicKey: publicKeyToBase64(key.publicKeyRaw),
      privateKeyPkcs8: expect.stringMatching(/^[A-Za-z0-9+/]+=*$/),
      createdAt: FIRST_CLOCK_TIME,
    });
    expect(await listFiles(userData)).toEqual(['keys', path.join('keys', 'device-ed25519.json')]);
  });

  it('is reused after a restart: same public key, same creation time, file unchanged', async () => {
    const userData = await makeTempDir();
    const clock = countingClock();
    const first = await expectKey(
      loadOrCreateDeviceKey(userData, { crypto: testCrypto, ...clock }),
    );
    const fileBefore = await readFile(deviceKeyPath(userData));
    // A restart: a new source over the same folder, with a clock that has moved on.
    const restarted = createDeviceKeySource(userData, { crypto: testCrypto, ...countingClock() });
    const again = await restarted();
    if (!again.ok) throw new Error(again.error.message);
    expect(again.value.publicKeyRaw).toEqual(first.publicKeyRaw);
    expect(again.value.createdAt).toBe(FIRST_CLOCK_TIME);
    expect(await readFile(deviceKeyPath(userData))).toEqual(fileBefore);
  });

  it('keeps the private key non-extractable in memory', async () => {
    const userData = await makeTempDir();
    const key = await expectKey(
      loadOrCreateDeviceKey(userData, { crypto: testCrypto, ...countingClock() }),
    );
    expect(key.privateKey.extractable).toBe(false);
    await expect(exportPrivateKeyPkcs8(testCrypto, key.privateKey)).rejects.toThrow();
  });

  it('creates exactly one key when two first calls arrive together', async () => {
    const userData = await makeTempDir();
    const clock = countingClock();
    const getKey = createDeviceKeySource(userData, { crypto: testCrypto, ...clock });
    const [a, b] = await Promise.all([getKey(), getKey()]);
    if (!a.ok || !b.ok) throw new Error('expected both calls to succeed');
    expect(a.value).toBe(b.value);
    expect(clock.calls()).toBe(1);
    expect(await publicKeyOf(userData)).toBe(publicKeyToBase64(a.value.publicKeyRaw));
    expect(await listFiles(userData)).toEqual(['keys', path.join('keys', 'device-ed25519.json')]);
  });

  it('ends with one key even when two separate loaders race on the same folder', async () => {
    const userData = await makeTempDir();
    const deps = { crypto: testCrypto, ...countingClock() };
    const [a, b] = await Promise.all([
      loadOrCreateDeviceKey(userData, deps),
      loadOrCreateDeviceKey(userData, deps),
    ]);
    if (!a.ok || !b.ok) throw new Error('expected both loads to succeed');
    expect(a.value.publicKeyRaw).toEqual(b.value.publicKeyRaw);
    expect(await publicKeyOf(userData)).toBe(publicKeyToBase64(a.value.publicKeyRaw));
    expect(await listFiles(userData)).toEqual(['keys', path.join('keys', 'device-ed25519.json')]);
  });

  it('is never overwritten by a second first run that lost the race', async () => {
    const userData = await makeTempDir();
    const winner = await expectKey(
      loadOrCreateDeviceKey(userData, { crypto: testCrypto, ...countingClock() }),
    );
    const before = await readFile(deviceKeyPath(userData));
    // What a loser does after finding no file and generating its own key: write if absent.
    expect(await writeKeyFileIfAbsent(deviceKeyPath(userData), '{"loser":true}')).toEqual({
      ok: true,
      value: null,
    });
    expect(await readFile(deviceKeyPath(userData))).toEqual(before);
    expect(await listFiles(userData)).toEqual(['keys', path.join('keys', 'device-ed25519.json')]);
    const reloaded = await expectKey(
      loadOrCreateDeviceKey(userData, { crypto: testCrypto, ...countingClock() }),
    );
    expect(reloaded.publicKeyRaw).toEqual(winner.publicKeyRaw);
  });

  it.runIf(process.platform !== 'win32')(
    'is readable by the user only: file 0600, folder 0700',
    async () => {
      const userData = await makeTempDir();
      await expectKey(loadOrCreateDeviceKey(userData, { crypto: testCrypto, ...countingClock() }));
      expect((await stat(deviceKeyPath(userData))).mode & 0o777).toBe(0o600);
      expect((await stat(path.join(userData, 'keys'))).mode & 0o777).toBe(0o700);
    },
  );
});

describe('a damaged Electron device key', () => {
  const otherKeyFile = async () => {
    const keys = await generateSigningKeyPair(testCrypto, { extractable: true });
    const other = await generateSigningKeyPair(testCrypto);
    return {
      format: 'pinggu-device-key',
      version: 1,
      algorithm: 'Ed25519',
      // The public key of another pair: the file no longer describes one key.
      publicKey: publicKeyToBase64(other.publicKeyRaw),
      privateKeyPkcs8: toBase64(await exportPrivateKeyPkcs8(testCrypto, keys.privateKey)),
      createdAt: FIRST_CLOCK_TIME,
    };
  };

  const plantKeyFile = async (contents: string) => {
    const userData = await makeTempDir();
    await mkdir(path.join(userData, 'keys'));
    await writeFile(deviceKeyPath(userData), contents);
    return userData;
  };

  it.each([
    ['not JSON', async () => '{"format":"pinggu-device-key", trunc'],
    ['JSON of another shape', async () => JSON.stringify({ hello: 'world' })],
    [
      'a private key that is not base64',
      async () => JSON.stringify({ ...(await otherKeyFile()), privateKeyPkcs8: '***' }),
    ],
    [
      'a private key that is not PKCS#8',
      async () => JSON.stringify({ ...(await otherKeyFile()), privateKeyPkcs8: 'AAECAw==' }),
    ],
    [
      'a private key that does not match its public key',
      async () => JSON.stringify(await otherKeyFile()),
    ],
  ])(
    'holding %s gives a typed error naming the file, and is left untouched',
    async (_label, contents) => {
      const userData = await plantKeyFile(await contents());
      const before = await readFile(deviceKeyPath(userData));
      const filesBefore = await listFiles(userData);
      const result = await loadOrCreateDeviceKey(userData, {
        crypto: testCrypto,
        ...countingClock(),
      });
      expect(result).toMatchObject({ ok: false, error: { code: 'ioFailed' } });
      if (result.ok) return;
      expect(result.error.message).toContain(deviceKeyPath(userData));
      expect(result.error.message).toContain('已损坏');
      expect(result.error.message).toContain('没有用新密钥替换');
      expect(await readFile(deviceKeyPath(userData))).toEqual(before);
      expect(await listFiles(userData)).toEqual(filesBefore);
    },
  );

  it('that cannot be read (a folder in its place) gives a typed error and is not replaced', async () => {
    const userData = await makeTempDir();
    await mkdir(deviceKeyPath(userData), { recursive: true });
    const result = await loadOrCreateDeviceKey(userData, {
      crypto: testCrypto,
      ...countingClock(),
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'ioFailed' } });
    if (!result.ok)
      expect(result.error.message).toContain(
        `无法读取本机签名密钥文件“${deviceKeyPath(userData)}”`,
      );
    expect((await stat(deviceKeyPath(userData))).isDirectory()).toBe(true);
  });

  it('is read again on the next call, so restoring the file from a backup fixes signing', async () => {
    const userData = await makeTempDir();
    const original = await expectKey(
      loadOrCreateDeviceKey(userData, { crypto: testCrypto, ...countingClock() }),
    );
    const backup = await readFile(deviceKeyPath(userData));
    await writeFile(deviceKeyPath(userData), 'garbage');
    const getKey = createDeviceKeySource(userData, { crypto: testCrypto, ...countingClock() });
    expect(await getKey()).toMatchObject({ ok: false, error: { code: 'ioFailed' } });
    await writeFile(deviceKeyPath(userData), backup);
    const restored = await getKey();
    if (!restored.ok) throw new Error(restored.error.message);
    expect(restored.value.publicKeyRaw).toEqual(original.publicKeyRaw);
  });
});
