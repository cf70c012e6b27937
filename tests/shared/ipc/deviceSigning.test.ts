import { describe, expect, it } from 'vitest';
import {
  publicKeyFingerprint,
  signManifest,
  SIGNATURE_CONTEXT,
  verifyManifestSignature,
} from '../../../shared/bundle/bundleCrypto';
import { fromBase64, utf8Encode } from '../../../shared/bundle/encoding';
import { FINGERPRINT_PATTERN } from '../../../shared/bundle/manifest';
import {
  createDeviceSigningHandlers,
  deviceSignedMessage,
  memoiseDeviceKey,
  NOT_A_MANIFEST_MESSAGE,
  SIGNATURE_CONTEXT_BYTES,
  startsWithSignatureContext,
} from '../../../shared/ipc/deviceSigning';
import type { DeviceKey } from '../../../shared/ipc/deviceSigning';
import { fail } from '../../../shared/ipc/result';
import type { DesktopResult } from '../../../shared/ipc/result';
import { countingKeySource, sampleManifestBytes, testCrypto } from '../../helpers/deviceKeys';

describe('the device-signed message', () => {
  it('is the signature context followed by the manifest bytes, as signManifest signs', () => {
    const manifest = sampleManifestBytes();
    const message = deviceSignedMessage(manifest);
    expect(message.subarray(0, SIGNATURE_CONTEXT_BYTES.length)).toEqual(
      utf8Encode(SIGNATURE_CONTEXT),
    );
    expect(message.subarray(SIGNATURE_CONTEXT_BYTES.length)).toEqual(manifest);
    expect(startsWithSignatureContext(message)).toBe(true);
  });

  it.each([
    ['an empty message', new Uint8Array()],
    ['a bare manifest', sampleManifestBytes()],
    ['the context cut short', SIGNATURE_CONTEXT_BYTES.subarray(0, 5)],
    ['another context', utf8Encode('pinggu-bundle manifest?{"kind":"round"}')],
    ['the context after a leading byte', new Uint8Array([0, ...SIGNATURE_CONTEXT_BYTES])],
  ])('does not accept %s as a manifest message', (_label, message) => {
    expect(startsWithSignatureContext(message)).toBe(false);
  });
});

describe('device signing handlers', () => {
  it('sign a manifest so that verifyManifestSignature accepts it, byte for byte as signManifest', async () => {
    const device = await countingKeySource();
    const handlers = createDeviceSigningHandlers(testCrypto, device.source);
    const manifest = sampleManifestBytes();
    const result = await handlers['device:signManifest']({
      message: deviceSignedMessage(manifest),
    });
    if (!result.ok) throw new Error(result.error.message);
    const { signature } = result.value;
    expect(signature).toHaveLength(64);
    expect(
      await verifyManifestSignature(testCrypto, device.publicKeyRaw, manifest, signature),
    ).toBe(true);
    // Ed25519 is deterministic: the same key and message give the same signature.
    expect(signature).toEqual(await signManifest(testCrypto, device.privateKey, manifest));
    const other = sampleManifestBytes('round-other');
    expect(await verifyManifestSignature(testCrypto, device.publicKeyRaw, other, signature)).toBe(
      false,
    );
  });

  it('refuse a message without the signature context and never touch the key', async () => {
    const device = await countingKeySource();
    const handlers = createDeviceSigningHandlers(testCrypto, device.source);
    const result = await handlers['device:signManifest']({ message: sampleManifestBytes() });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'notAllowed',
        message: NOT_A_MANIFEST_MESSAGE,
        detail: 'message lacks the signature context',
      },
    });
    expect(device.loads()).toBe(0);
  });

  it('report the public key in base64 with its fingerprint and creation time', async () => {
    const device = await countingKeySource();
    const handlers = createDeviceSigningHandlers(testCrypto, device.source);
    const result = await handlers['device:getIdentity']();
    if (!result.ok) throw new Error(result.error.message);
    expect(fromBase64(result.value.publicKey)).toEqual(device.publicKeyRaw);
    expect(result.value.fingerprint).toMatch(FINGERPRINT_PATTERN);
    expect(result.value.fingerprint).toBe(
      await publicKeyFingerprint(testCrypto, device.publicKeyRaw),
    );
    expect(result.value.createdAt).toBe('2024-05-11T08:00:00.000Z');
  });

  it('pass a key failure through as the same typed error', async () => {
    const handlers = createDeviceSigningHandlers(testCrypto, async () =>
      fail('ioFailed', '密钥文件已损坏', 'corrupt'),
    );
    const expected = {
      ok: false,
      error: { code: 'ioFailed', message: '密钥文件已损坏', detail: 'corrupt' },
    };
    expect(await handlers['device:getIdentity']()).toEqual(expected);
    expect(
      await handlers['device:signManifest']({ message: deviceSignedMessage(new Uint8Array()) }),
    ).toEqual(expected);
  });
});

describe('memoiseDeviceKey', () => {
  const deferredLoad = () => {
    let loads = 0;
    const resolvers: ((result: DesktopResult<DeviceKey>) => void)[] = [];
    const load = () => {
      loads += 1;
      return new Promise<DesktopResult<DeviceKey>>((resolve) => resolvers.push(resolve));
    };
    return { load, loads: () => loads, resolvers };
  };

  it('shares one load between concurrent first calls and keeps its key', async () => {
    const device = await countingKeySource();
    const key = await device.source();
    const deferred = deferredLoad();
    const getKey = memoiseDeviceKey(deferred.load);
    const first = getKey();
    const second = getKey();
    expect(deferred.loads()).toBe(1);
    deferred.resolvers[0]?.(key);
    expect(await first).toBe(key);
    expect(await second).toBe(key);
    expect(await getKey()).toBe(key);
    expect(deferred.loads()).toBe(1);
  });

  it('tries again after a failed load instead of remembering the failure', async () => {
    const device = await countingKeySource();
    const results: DesktopResult<DeviceKey>[] = [
      fail('ioFailed', '无法读取'),
      await device.source(),
    ];
    let loads = 0;
    const getKey = memoiseDeviceKey(async () => results[loads++] ?? fail('internal', 'x'));
    expect((await getKey()).ok).toBe(false);
    expect((await getKey()).ok).toBe(true);
    expect((await getKey()).ok).toBe(true);
    expect(loads).toBe(2);
  });

  it('tries again after a load that threw', async () => {
    let loads = 0;
    const getKey = memoiseDeviceKey(() => {
      loads += 1;
      if (loads === 1) throw new Error('disk gone');
      return Promise.resolve(fail('ioFailed', '无法读取'));
    });
    await expect(getKey()).rejects.toThrow('disk gone');
    expect(await getKey()).toMatchObject({ ok: false, error: { code: 'ioFailed' } });
    expect(loads).toBe(2);
  });
});
