// Hashing, device keys, manifest signatures and passphrase encryption, all through an
// injected WebCrypto (cryptoTypes.ts).
//
// Signing: Ed25519 over SIGNATURE_CONTEXT followed by the exact bytes of manifest.json,
// which createBundle writes as canonical JSON (canonicalJson.ts). The context string keeps
// a device key's bundle signatures from ever being valid for anything else it may sign.
//
// Fingerprint: SHA-256 of the raw 32-byte public key; the first 8 bytes (16 hex digits),
// upper case, in four groups of four: `3F2A-9C01-77BE-D410`. 64 bits is plenty for a person
// comparing it with the fingerprint printed on a panel's signed paper summary.
//
// Encryption: AES-256-GCM with a key from PBKDF2-SHA256 (at least 600,000 iterations) over
// the passphrase (Unicode NFC, UTF-8), a fresh random 16-byte salt and 12-byte IV per
// bundle, and the bundle's identity as additional data (encryptionContext), so an
// encrypted payload cannot be moved into another bundle's container.
import { canonicalJson } from './canonicalJson';
import type { CryptoBytes, CryptoKeyLike, CryptoKeyPairLike, WebCryptoLike } from './cryptoTypes';
import { asCryptoBytes, concatBytes, fromBase64, toBase64, toHex, utf8Encode } from './encoding';
import { FORMAT_NAME, IV_BYTES, PBKDF2_MIN_ITERATIONS, SALT_BYTES } from './format';
import type { EncryptionParams } from './manifest';

export const SIGNATURE_CONTEXT = 'pinggu-bundle manifest\n';
const ED25519 = { name: 'Ed25519' } as const;

export async function sha256(crypto: WebCryptoLike, data: Uint8Array): Promise<CryptoBytes> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', asCryptoBytes(data)));
}

export async function sha256Hex(crypto: WebCryptoLike, data: Uint8Array): Promise<string> {
  return toHex(await sha256(crypto, data));
}

// ---- device keys --------------------------------------------------------------------------

export type SigningKeyPair = {
  privateKey: CryptoKeyLike;
  publicKey: CryptoKeyLike;
  /** The raw 32-byte public key, as carried in signature.json. */
  publicKeyRaw: CryptoBytes;
};

/**
 * What createBundle signs with: a WebCrypto private key, or a function that signs the exact
 * message (manifestSignatureMessage: SIGNATURE_CONTEXT, then the manifest bytes) somewhere
 * else, e.g. in Electron's main process over IPC, so the key never reaches the renderer.
 */
export type BundleSigner =
  | { privateKey: CryptoKeyLike; publicKeyRaw: Uint8Array }
  | { signMessage: (message: Uint8Array) => Promise<Uint8Array>; publicKeyRaw: Uint8Array };

const isKeyPair = (value: CryptoKeyPairLike | CryptoKeyLike): value is CryptoKeyPairLike =>
  'privateKey' in value && 'publicKey' in value;

/**
 * A new Ed25519 key pair. The private key is non-extractable unless asked for (Electron
 * stores it as PKCS#8 in the user-data folder; the browser keeps the key object itself).
 */
export async function generateSigningKeyPair(
  crypto: WebCryptoLike,
  options: { extractable?: boolean } = {},
): Promise<SigningKeyPair> {
  const generated = await crypto.subtle.generateKey(ED25519, options.extractable ?? false, [
    'sign',
    'verify',
  ]);
  if (!isKeyPair(generated)) throw new Error('Ed25519 key generation returned a single key');
  const publicKeyRaw = await exportPublicKeyRaw(crypto, generated.publicKey);
  return { privateKey: generated.privateKey, publicKey: generated.publicKey, publicKeyRaw };
}

export async function exportPublicKeyRaw(
  crypto: WebCryptoLike,
  publicKey: CryptoKeyLike,
): Promise<CryptoBytes> {
  return new Uint8Array(await crypto.subtle.exportKey('raw', publicKey));
}

export async function exportPrivateKeyPkcs8(
  crypto: WebCryptoLike,
  privateKey: CryptoKeyLike,
): Promise<CryptoBytes> {
  return new Uint8Array(await crypto.subtle.exportKey('pkcs8', privateKey));
}

export async function importPrivateKeyPkcs8(
  crypto: WebCryptoLike,
  pkcs8: Uint8Array,
  options: { extractable?: boolean } = {},
): Promise<CryptoKeyLike> {
  return crypto.subtle.importKey(
    'pkcs8',
    asCryptoBytes(pkcs8),
    ED25519,
    options.extractable ?? false,
    ['sign'],
  );
}

export async function importPublicKeyRaw(
  crypto: WebCryptoLike,
  publicKeyRaw: Uint8Array,
): Promise<CryptoKeyLike> {
  return crypto.subtle.importKey('raw', asCryptoBytes(publicKeyRaw), ED25519, true, ['verify']);
}

export const publicKeyToBase64 = (publicKeyRaw: Uint8Array): string => toBase64(publicKeyRaw);

export const publicKeyFromBase64 = (text: string): CryptoBytes | undefined => {
  const raw = fromBase64(text);
  return raw?.length === 32 ? raw : undefined;
};

/** `ABCD-EF01-2345-6789`: the first 16 hex digits of SHA-256(raw public key), upper case. */
export async function publicKeyFingerprint(
  crypto: WebCryptoLike,
  publicKeyRaw: Uint8Array,
): Promise<string> {
  const hex = (await sha256Hex(crypto, publicKeyRaw)).slice(0, 16).toUpperCase();
  return hex.match(/.{4}/g)?.join('-') ?? hex;
}

// ---- manifest signatures --------------------------------------------------------------

/** The bytes Ed25519 actually signs for a manifest: SIGNATURE_CONTEXT, then the manifest. */
export const manifestSignatureMessage = (manifestBytes: Uint8Array): CryptoBytes =>
  concatBytes([utf8Encode(SIGNATURE_CONTEXT), manifestBytes]);

export async function signManifest(
  crypto: WebCryptoLike,
  privateKey: CryptoKeyLike,
  manifestBytes: Uint8Array,
): Promise<CryptoBytes> {
  return new Uint8Array(
    await crypto.subtle.sign(ED25519, privateKey, manifestSignatureMessage(manifestBytes)),
  );
}

/** False for a wrong signature, and for a public key or signature that is not well formed. */
export async function verifyManifestSignature(
  crypto: WebCryptoLike,
  publicKeyRaw: Uint8Array,
  manifestBytes: Uint8Array,
  signature: Uint8Array,
): Promise<boolean> {
  if (publicKeyRaw.length !== 32 || signature.length !== 64) return false;
  try {
    const key = await importPublicKeyRaw(crypto, publicKeyRaw);
    return await crypto.subtle.verify(
      ED25519,
      key,
      asCryptoBytes(signature),
      manifestSignatureMessage(manifestBytes),
    );
  } catch {
    return false;
  }
}

// ---- passphrase encryption ------------------------------------------------------------

/** The fields that identify a bundle, bound to its ciphertext as AES-GCM additional data. */
export type EncryptionContext = {
  version: number;
  kind: string;
  roundId?: string;
  panelId?: string;
};

export const encryptionContextBytes = (context: EncryptionContext): CryptoBytes =>
  utf8Encode(canonicalJson({ format: FORMAT_NAME, ...context }));

async function deriveKey(
  crypto: WebCryptoLike,
  passphrase: string,
  salt: CryptoBytes,
  iterations: number,
): Promise<CryptoKeyLike> {
  const material = await crypto.subtle.importKey(
    'raw',
    utf8Encode(passphrase.normalize('NFC')),
    { name: 'PBKDF2' },
    false,
    ['deriveKey'],
  );
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', salt, iterations, hash: 'SHA-256' },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

export async function encryptPayload(
  crypto: WebCryptoLike,
  passphrase: string,
  plaintext: Uint8Array,
  context: EncryptionContext,
  iterations: number = PBKDF2_MIN_ITERATIONS,
): Promise<{ params: EncryptionParams; ciphertext: CryptoBytes }> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const key = await deriveKey(crypto, passphrase, salt, iterations);
  const additionalData = encryptionContextBytes(context);
  const ciphertext = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData },
    key,
    asCryptoBytes(plaintext),
  );
  return {
    params: {
      algorithm: 'AES-GCM',
      kdf: 'PBKDF2-SHA256',
      iterations,
      salt: toBase64(salt),
      iv: toBase64(iv),
    },
    ciphertext: new Uint8Array(ciphertext),
  };
}

/** The plaintext, or undefined when the passphrase (or anything authenticated) is wrong. */
export async function decryptPayload(
  crypto: WebCryptoLike,
  passphrase: string,
  params: EncryptionParams,
  ciphertext: Uint8Array,
  context: EncryptionContext,
): Promise<CryptoBytes | undefined> {
  const salt = fromBase64(params.salt);
  const iv = fromBase64(params.iv);
  if (salt?.length !== SALT_BYTES || iv?.length !== IV_BYTES) return undefined;
  const key = await deriveKey(crypto, passphrase, salt, params.iterations);
  try {
    const plaintext = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv, additionalData: encryptionContextBytes(context) },
      key,
      asCryptoBytes(ciphertext),
    );
    return new Uint8Array(plaintext);
  } catch {
    return undefined;
  }
}
