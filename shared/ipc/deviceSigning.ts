// The device key's two desktop channels, identical on both platforms: Electron's main
// process keeps the key in the user-data folder, the browser in IndexedDB, and each hands a
// DeviceKeySource to createDeviceSigningHandlers.
//
// Domain separation: the device key signs only messages that start with the bytes of
// SIGNATURE_CONTEXT, i.e. exactly what bundleCrypto's signManifest signs (context followed by
// the manifest bytes). A compromised page therefore cannot make the device key vouch for
// anything that is not a bundle manifest, and a signature made here is one that
// verifyManifestSignature(publicKey, manifestBytes, signature) accepts.
import { publicKeyFingerprint, publicKeyToBase64, SIGNATURE_CONTEXT } from '../bundle/bundleCrypto';
import type { CryptoBytes, CryptoKeyLike, WebCryptoLike } from '../bundle/cryptoTypes';
import { asCryptoBytes, concatBytes, utf8Encode } from '../bundle/encoding';
import { MAX_MANIFEST_BYTES } from '../bundle/format';
import type { DesktopHandlers } from './contract';
import { fail, ok } from './result';
import type { DesktopError, DesktopResult } from './result';

const ED25519 = { name: 'Ed25519' } as const;

export const SIGNATURE_CONTEXT_BYTES: CryptoBytes = utf8Encode(SIGNATURE_CONTEXT);

/** The context plus the largest manifest createBundle writes. */
export const MAX_SIGN_MESSAGE_BYTES = SIGNATURE_CONTEXT_BYTES.length + MAX_MANIFEST_BYTES;

export const NOT_A_MANIFEST_MESSAGE =
  '本机签名密钥只用于签名评估数据包的清单，此签名请求不是数据包清单，已被拒绝。';

/** The device's key as both platforms hold it in memory once loaded. */
export type DeviceKey = {
  /** Ed25519, usable for 'sign'; never extractable in memory. */
  readonly privateKey: CryptoKeyLike;
  /** The raw 32-byte public key. */
  readonly publicKeyRaw: CryptoBytes;
  /** ISO 8601, when the key was first created on this device. */
  readonly createdAt: string;
};

/** Loads the device key, creating it on first use. */
export type DeviceKeySource = () => Promise<DesktopResult<DeviceKey>>;

export type DeviceSigningHandlers = Pick<
  DesktopHandlers,
  'device:getIdentity' | 'device:signManifest'
>;

/** The message device:signManifest expects for manifestBytes: context, then the manifest. */
export const deviceSignedMessage = (manifestBytes: Uint8Array): CryptoBytes =>
  concatBytes([SIGNATURE_CONTEXT_BYTES, manifestBytes]);

export const startsWithSignatureContext = (message: Uint8Array): boolean =>
  message.length >= SIGNATURE_CONTEXT_BYTES.length &&
  SIGNATURE_CONTEXT_BYTES.every((byte, index) => message[index] === byte);

/**
 * One load at a time, then the loaded key forever. Two calls before the first load finishes
 * share its promise, so a first run creates exactly one key. A failed load is not kept: the
 * next call tries again (after the user restored an unreadable key file, say).
 */
export const memoiseDeviceKey = (load: DeviceKeySource): DeviceKeySource => {
  let pending: Promise<DesktopResult<DeviceKey>> | undefined;
  return () => {
    if (pending === undefined) {
      // Through an async function, so even a load that throws synchronously is a rejection.
      const attempt = (async () => load())().then(
        (result) => {
          if (!result.ok && pending === attempt) pending = undefined;
          return result;
        },
        (error: unknown) => {
          if (pending === attempt) pending = undefined;
          throw error;
        },
      );
      pending = attempt;
    }
    return pending;
  };
};

// A fixed message outside the manifest domain; its signature never leaves the process.
const SELF_TEST_MESSAGE = utf8Encode('pinggu-device-key self-test\n');

/** Whether privateKey signs for publicKeyRaw: a stored key pair that got mixed up is corrupt. */
export const isMatchingKeyPair = async (
  crypto: WebCryptoLike,
  privateKey: CryptoKeyLike,
  publicKeyRaw: Uint8Array,
): Promise<boolean> => {
  if (publicKeyRaw.length !== 32) return false;
  try {
    const publicKey = await crypto.subtle.importKey(
      'raw',
      asCryptoBytes(publicKeyRaw),
      ED25519,
      true,
      ['verify'],
    );
    const signature = await crypto.subtle.sign(ED25519, privateKey, SELF_TEST_MESSAGE);
    return await crypto.subtle.verify(
      ED25519,
      publicKey,
      new Uint8Array(signature),
      SELF_TEST_MESSAGE,
    );
  } catch {
    return false;
  }
};

const failWith = <T>(error: DesktopError): DesktopResult<T> => ({ ok: false, error });

export const createDeviceSigningHandlers = (
  crypto: WebCryptoLike,
  getDeviceKey: DeviceKeySource,
): DeviceSigningHandlers => ({
  'device:getIdentity': async () => {
    const key = await getDeviceKey();
    if (!key.ok) return failWith(key.error);
    const { publicKeyRaw, createdAt } = key.value;
    return ok({
      publicKey: publicKeyToBase64(publicKeyRaw),
      fingerprint: await publicKeyFingerprint(crypto, publicKeyRaw),
      createdAt,
    });
  },

  'device:signManifest': async ({ message }) => {
    // Checked before the key is even loaded: a refused request has no side effect.
    if (!startsWithSignatureContext(message)) {
      return fail('notAllowed', NOT_A_MANIFEST_MESSAGE, 'message lacks the signature context');
    }
    const key = await getDeviceKey();
    if (!key.ok) return failWith(key.error);
    const signature = await crypto.subtle.sign(
      ED25519,
      key.value.privateKey,
      asCryptoBytes(message),
    );
    return ok({ signature: new Uint8Array(signature) });
  },
});
