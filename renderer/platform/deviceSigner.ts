// This device's bundle signer: the public key and a sign function that goes through the
// DesktopApi, so in Electron the private key never leaves the main process and in the
// browser it stays a non-extractable WebCrypto key.
import type { BundleSigner } from '../../shared/bundle/bundleCrypto';
import { publicKeyFromBase64 } from '../../shared/bundle/bundleCrypto';
import type { DesktopApi } from '../../shared/ipc/contract';
import type { DesktopError } from '../../shared/ipc/result';

export type DeviceSigner = BundleSigner & { fingerprint: string };

export type DeviceSignerResult =
  { ok: true; signer: DeviceSigner } | { ok: false; error: DesktopError };

/** Thrown inside createBundle when signing fails; carries the desktop error for the UI. */
export class DeviceSigningError extends Error {
  readonly error: DesktopError;
  constructor(error: DesktopError) {
    super(error.message);
    this.name = 'DeviceSigningError';
    this.error = error;
  }
}

export const getDeviceSigner = async (api: DesktopApi): Promise<DeviceSignerResult> => {
  const identity = await api.device.getIdentity();
  if (!identity.ok) return identity;
  const publicKeyRaw = publicKeyFromBase64(identity.value.publicKey);
  if (!publicKeyRaw) {
    return {
      ok: false,
      error: { code: 'internal', message: '本机签名密钥的公钥格式不正确。' },
    };
  }
  return {
    ok: true,
    signer: {
      publicKeyRaw,
      fingerprint: identity.value.fingerprint,
      signMessage: async (message) => {
        const signed = await api.device.signManifest({ message });
        if (!signed.ok) throw new DeviceSigningError(signed.error);
        return signed.value.signature;
      },
    },
  };
};
