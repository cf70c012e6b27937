import { access, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { createDeviceHandlers } from '../../../../electron/main/ipc/deviceHandlers';
import {
  isTrustedIpcEvent,
  registerIpcHandlers,
} from '../../../../electron/main/ipc/registerIpcHandlers';
import { createAppHandlers } from '../../../../electron/main/ipc/appHandlers';
import { createFileHandlers } from '../../../../electron/main/ipc/fileHandlers';
import { createSavedPaths } from '../../../../electron/main/services/savedPaths';
import { deviceKeyPath } from '../../../../electron/main/services/deviceKey';
import {
  importPrivateKeyPkcs8,
  publicKeyFingerprint,
  publicKeyFromBase64,
  signManifest,
  verifyManifestSignature,
} from '../../../../shared/bundle/bundleCrypto';
import { fromBase64 } from '../../../../shared/bundle/encoding';
import { FINGERPRINT_PATTERN } from '../../../../shared/bundle/manifest';
import { DESKTOP_CONTRACT } from '../../../../shared/ipc/contract';
import {
  deviceSignedMessage,
  MAX_SIGN_MESSAGE_BYTES,
  SIGNATURE_CONTEXT_BYTES,
} from '../../../../shared/ipc/deviceSigning';
import {
  countingClock,
  FIRST_CLOCK_TIME,
  sampleManifestBytes,
  testCrypto,
} from '../../../helpers/deviceKeys';
import {
  appFrameEvent,
  frameEvent,
  makeTempDir,
  recordingIpcMain,
  scriptedDialog,
} from '../../../helpers/desktop';
import { stubHandlers } from '../../../helpers/stubHandlers';

const setUp = async () => {
  const userDataDir = await makeTempDir();
  const handlers = createDeviceHandlers({ userDataDir, crypto: testCrypto, ...countingClock() });
  return { userDataDir, handlers };
};

const exists = (filePath: string): Promise<boolean> =>
  access(filePath).then(
    () => true,
    () => false,
  );

/** The PKCS#8 key as stored in the file, imported here to compare signatures. */
const privateKeyFromFile = async (userDataDir: string) => {
  const file: unknown = JSON.parse(await readFile(deviceKeyPath(userDataDir), 'utf8'));
  if (typeof file !== 'object' || file === null || !('privateKeyPkcs8' in file)) {
    throw new Error('key file without a private key');
  }
  const pkcs8 = typeof file.privateKeyPkcs8 === 'string' ? fromBase64(file.privateKeyPkcs8) : null;
  if (!pkcs8) throw new Error('key file with a malformed private key');
  return importPrivateKeyPkcs8(testCrypto, pkcs8);
};

describe('device:getIdentity in Electron', () => {
  it('reports the device public key, its fingerprint and creation time, matching the contract', async () => {
    const { handlers } = await setUp();
    const result = await handlers['device:getIdentity']();
    if (!result.ok) throw new Error(result.error.message);
    expect(DESKTOP_CONTRACT['device:getIdentity'].result.safeParse(result.value).success).toBe(
      true,
    );
    const publicKeyRaw = publicKeyFromBase64(result.value.publicKey);
    if (publicKeyRaw === undefined) throw new Error('public key is not 32 bytes of base64');
    expect(result.value.fingerprint).toMatch(FINGERPRINT_PATTERN);
    expect(result.value.fingerprint).toBe(await publicKeyFingerprint(testCrypto, publicKeyRaw));
    expect(result.value.createdAt).toBe(FIRST_CLOCK_TIME);
  });

  it('gives the same identity after a restart of the app', async () => {
    const { userDataDir, handlers } = await setUp();
    const before = await handlers['device:getIdentity']();
    const restarted = createDeviceHandlers({ userDataDir, crypto: testCrypto, ...countingClock() });
    expect(await restarted['device:getIdentity']()).toEqual(before);
  });
});

describe('device:signManifest in Electron', () => {
  it('signs context + manifest so that verifyManifestSignature accepts the manifest', async () => {
    const { userDataDir, handlers } = await setUp();
    const identity = await handlers['device:getIdentity']();
    if (!identity.ok) throw new Error(identity.error.message);
    const publicKeyRaw = publicKeyFromBase64(identity.value.publicKey);
    if (publicKeyRaw === undefined) throw new Error('bad public key');
    const manifest = sampleManifestBytes();

    const result = await handlers['device:signManifest']({
      message: deviceSignedMessage(manifest),
    });
    if (!result.ok) throw new Error(result.error.message);
    expect(DESKTOP_CONTRACT['device:signManifest'].result.safeParse(result.value).success).toBe(
      true,
    );
    const { signature } = result.value;
    expect(await verifyManifestSignature(testCrypto, publicKeyRaw, manifest, signature)).toBe(true);
    // Byte-identical to what bundleCrypto's signManifest makes with the same key.
    const stored = await privateKeyFromFile(userDataDir);
    expect(signature).toEqual(await signManifest(testCrypto, stored, manifest));
  });

  it('refuses a message without the signature context, before any key exists', async () => {
    const { userDataDir, handlers } = await setUp();
    const result = await handlers['device:signManifest']({ message: sampleManifestBytes() });
    expect(result).toMatchObject({ ok: false, error: { code: 'notAllowed' } });
    expect(await exists(deviceKeyPath(userDataDir))).toBe(false);
  });
});

describe('device channels over IPC', () => {
  const registered = async () => {
    const userDataDir = await makeTempDir();
    const ipcMain = recordingIpcMain();
    const refused: string[] = [];
    registerIpcHandlers(
      ipcMain,
      {
        ...stubHandlers(),
        ...createAppHandlers({ version: '0.1.0', dataFolder: userDataDir, isPackaged: true }),
        ...createFileHandlers({
          dialog: scriptedDialog({}),
          savedPaths: createSavedPaths(),
          showItemInFolder: () => undefined,
        }),
        ...createDeviceHandlers({ userDataDir, crypto: testCrypto, ...countingClock() }),
      },
      isTrustedIpcEvent,
      { refused: (channel) => refused.push(channel), unexpected: () => undefined },
    );
    return { userDataDir, ipcMain, refused };
  };

  it.each([
    ['a remote page', frameEvent('https://example.com/')],
    ['an iframe inside the app', frameEvent('app://pinggu/index.html', 'app://pinggu/index.html')],
  ])('refuse %s: nothing is signed and no key is created', async (_label, event) => {
    const { userDataDir, ipcMain, refused } = await registered();
    const message = deviceSignedMessage(sampleManifestBytes());
    expect(await ipcMain.invoke('device:signManifest', event, { message })).toMatchObject({
      ok: false,
      error: { code: 'untrustedSender' },
    });
    expect(await ipcMain.invoke('device:getIdentity', event)).toMatchObject({
      ok: false,
      error: { code: 'untrustedSender' },
    });
    expect(refused).toEqual(['device:signManifest', 'device:getIdentity']);
    expect(await exists(deviceKeyPath(userDataDir))).toBe(false);
  });

  it('sign for the app’s own frame', async () => {
    const { ipcMain } = await registered();
    const message = deviceSignedMessage(sampleManifestBytes());
    const result = await ipcMain.invoke('device:signManifest', appFrameEvent(), { message });
    expect(result).toMatchObject({ ok: true, value: { signature: expect.any(Uint8Array) } });
  });

  it('reject a message over the size limit, or not bytes at all, before any key is touched', async () => {
    const { userDataDir, ipcMain } = await registered();
    const tooLong = new Uint8Array(MAX_SIGN_MESSAGE_BYTES + 1);
    tooLong.set(SIGNATURE_CONTEXT_BYTES);
    for (const args of [
      [{ message: tooLong }],
      [{ message: Array.from(SIGNATURE_CONTEXT_BYTES) }],
      [{ message: deviceSignedMessage(new Uint8Array()), extra: true }],
      [],
    ]) {
      expect(await ipcMain.invoke('device:signManifest', appFrameEvent(), ...args)).toMatchObject({
        ok: false,
        error: { code: 'invalidArguments' },
      });
    }
    expect(await exists(deviceKeyPath(userDataDir))).toBe(false);
  });
});
