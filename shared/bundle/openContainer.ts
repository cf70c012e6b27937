// The container steps of openBundle: reading manifest.json (envelope and version first, so
// a bundle from a newer app says "please upgrade" rather than "invalid"), then checking
// signature.json against the manifest's exact bytes.
import { canonicalJson } from './canonicalJson';
import { publicKeyFingerprint, verifyManifestSignature } from './bundleCrypto';
import type { WebCryptoLike } from './cryptoTypes';
import { bytesEqual, fromBase64, utf8Encode } from './encoding';
import { bundleError } from './errors';
import type { BundleError } from './errors';
import { FORMAT_VERSION, MANIFEST_ENTRY, MAX_MANIFEST_BYTES, MAX_SIGNATURE_BYTES } from './format';
import { parseJsonBytes } from './json';
import { manifestEnvelopeSchema, manifestSchema, signatureFileSchema } from './manifest';
import type { BundleManifest } from './manifest';
import { fieldPath, firstIssueField } from './validation';

export type SignerInfo = {
  /** The raw Ed25519 public key, base64. */
  publicKey: string;
  /** `ABCD-EF01-2345-6789` (bundleCrypto.ts). */
  fingerprint: string;
};

type Step<T> = { ok: true; value: T } | { ok: false; error: BundleError };

const badManifest = (field?: string): Step<never> => ({
  ok: false,
  error: bundleError(
    'badManifest',
    field === undefined || field === ''
      ? { path: MANIFEST_ENTRY }
      : { path: MANIFEST_ENTRY, field },
  ),
});

/** Canonical JSON is the only spelling createBundle writes: anything else was not written by it. */
const isCanonical = (value: unknown, bytes: Uint8Array): boolean =>
  bytesEqual(utf8Encode(canonicalJson(value)), bytes);

export function readManifest(
  bytes: Uint8Array,
  unknownNames: readonly string[],
): Step<BundleManifest> {
  if (bytes.length > MAX_MANIFEST_BYTES) return badManifest();
  const parsed = parseJsonBytes(bytes);
  if (!parsed.ok)
    return badManifest(parsed.reason === 'forbiddenKey' ? fieldPath(parsed.path) : undefined);
  const envelope = manifestEnvelopeSchema.safeParse(parsed.value);
  if (!envelope.success) return badManifest(firstIssueField(envelope.error));
  if (envelope.data.version > FORMAT_VERSION) {
    return { ok: false, error: bundleError('newerVersion', { version: envelope.data.version }) };
  }
  const [unknown] = unknownNames;
  if (unknown !== undefined)
    return { ok: false, error: bundleError('unknownEntry', { path: unknown }) };
  const manifest = manifestSchema.safeParse(parsed.value);
  if (!manifest.success) return badManifest(firstIssueField(manifest.error));
  if (!isCanonical(parsed.value, bytes)) return badManifest();
  return { ok: true, value: manifest.data };
}

const badSignature: Step<never> = { ok: false, error: bundleError('badSignature') };

export async function checkSignature(
  crypto: WebCryptoLike,
  bytes: Uint8Array | undefined,
  manifestBytes: Uint8Array,
): Promise<Step<SignerInfo>> {
  if (bytes === undefined) return { ok: false, error: bundleError('missingSignature') };
  if (bytes.length > MAX_SIGNATURE_BYTES) return badSignature;
  const parsed = parseJsonBytes(bytes);
  if (!parsed.ok) return badSignature;
  const file = signatureFileSchema.safeParse(parsed.value);
  if (!file.success || !isCanonical(parsed.value, bytes)) return badSignature;
  const publicKey = fromBase64(file.data.publicKey);
  const signature = fromBase64(file.data.signature);
  if (!publicKey || !signature) return badSignature;
  const fingerprint = await publicKeyFingerprint(crypto, publicKey);
  if (fingerprint !== file.data.fingerprint) return badSignature;
  const valid = await verifyManifestSignature(crypto, publicKey, manifestBytes, signature);
  return valid
    ? { ok: true, value: { publicKey: file.data.publicKey, fingerprint } }
    : badSignature;
}
