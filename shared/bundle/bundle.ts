// Writing a bundle. Layout (docs/bundle-format.md has the full story):
//
//   x.pgb  (zip, every entry stored: the file's bytes are all checked on reading)
//   ├── manifest.json   canonical JSON: kind, round, panel, device, app version, time,
//   │                   encryption parameters, and size + SHA-256 of the payload container
//   ├── signature.json  Ed25519 public key, its fingerprint, signature over manifest.json
//   └── payload.zip     the payload entries (<key>.json, canonical JSON), deflated
//       or payload.enc  the same payload.zip encrypted with AES-256-GCM
//
// The payload is one inner zip so that encryption covers one blob, the manifest's single
// hash covers every payload byte (deflate's padding bits included), and the reader applies
// the same limits and allow-list to the payload whether or not it was encrypted.
//
// createBundle validates what it is given with the same schemas openBundle uses and throws
// BundleWriteError rather than write a bundle no reader would accept.
import type { BundleKind } from '../domain/types';
import { canonicalJson } from './canonicalJson';
import {
  encryptPayload,
  manifestSignatureMessage,
  publicKeyFingerprint,
  sha256Hex,
  signManifest,
  verifyManifestSignature,
} from './bundleCrypto';
import type { BundleSigner } from './bundleCrypto';
import type { WebCryptoLike } from './cryptoTypes';
import { toBase64, utf8Encode } from './encoding';
import { bundleError, BundleWriteError } from './errors';
import type { BundleError } from './errors';
import {
  ENCRYPTED_PAYLOAD_ENTRY,
  FORMAT_NAME,
  FORMAT_VERSION,
  LIMITS,
  MANIFEST_ENTRY,
  MAX_MANIFEST_BYTES,
  PAYLOAD_KEYS_BY_KIND,
  payloadEntryName,
  PBKDF2_MAX_ITERATIONS,
  PBKDF2_MIN_ITERATIONS,
  PLAIN_PAYLOAD_ENTRY,
  SIGNATURE_ENTRY,
} from './format';
import { manifestSchema } from './manifest';
import type { BundleManifest, SignatureFile } from './manifest';
import type { PayloadByKind } from './payload';
import { firstIssueField, validatePayload } from './validation';
import { writeZip } from './zip';
import type { ZipEntryInput } from './zip';

export { openBundle } from './openBundle';
export type { OpenBundleOptions, OpenBundleResult, OpenedBundle, SignerInfo } from './openBundle';

type CommonInput = {
  deviceId: string;
  appVersion: string;
  /** ISO 8601 instant, from the caller's clock. */
  createdAt: string;
  signer: BundleSigner;
  /** Encrypts the payload when given; must not be empty. Never stored anywhere. */
  passphrase?: string;
  /** PBKDF2 iterations; at least (and by default) 600,000. */
  iterations?: number;
  crypto: WebCryptoLike;
};

export type CreateBundleInput =
  | (CommonInput & {
      kind: 'round';
      roundId: string;
      panelId: string;
      payload: PayloadByKind['round'];
    })
  | (CommonInput & {
      kind: 'scores';
      roundId: string;
      panelId: string;
      payload: PayloadByKind['scores'];
    })
  | (CommonInput & { kind: 'result'; roundId: string; payload: PayloadByKind['result'] })
  | (CommonInput & { kind: 'backup'; roundId?: string; payload: PayloadByKind['backup'] })
  | (CommonInput & { kind: 'registry'; roundId?: string; payload: PayloadByKind['registry'] });

const refuse = (error: BundleError): never => {
  throw new BundleWriteError(error);
};

export async function createBundle(input: CreateBundleInput): Promise<Uint8Array> {
  const { crypto, kind } = input;
  const roundId = input.roundId;
  const panelId = 'panelId' in input ? input.panelId : undefined;

  const validated = validatePayload(kind, roundId, input.payload);
  if (!validated.ok) return refuse(validated.error);
  const innerZip = writeZip(payloadEntries(kind, validated.payload), { ratioLimits: LIMITS });

  let container: { path: string; data: Uint8Array };
  let encryption: BundleManifest['encryption'];
  if (input.passphrase === undefined) {
    container = { path: PLAIN_PAYLOAD_ENTRY, data: innerZip };
  } else {
    if (input.passphrase === '') return refuse(bundleError('passphraseRequired'));
    const context = { version: FORMAT_VERSION, kind, roundId, panelId };
    const iterations = input.iterations ?? PBKDF2_MIN_ITERATIONS;
    const iterationsValid =
      Number.isInteger(iterations) &&
      iterations >= PBKDF2_MIN_ITERATIONS &&
      iterations <= PBKDF2_MAX_ITERATIONS;
    if (!iterationsValid) {
      const detail = { path: MANIFEST_ENTRY, field: 'encryption.iterations' };
      return refuse(bundleError('badManifest', detail));
    }
    const sealed = await encryptPayload(crypto, input.passphrase, innerZip, context, iterations);
    container = { path: ENCRYPTED_PAYLOAD_ENTRY, data: sealed.ciphertext };
    encryption = sealed.params;
  }
  if (container.data.length > LIMITS.maxEntryBytes) {
    return refuse(bundleError('tooLarge', { path: container.path, limit: LIMITS.maxEntryBytes }));
  }

  const manifest = {
    format: FORMAT_NAME,
    version: FORMAT_VERSION,
    kind,
    roundId,
    panelId,
    deviceId: input.deviceId,
    appVersion: input.appVersion,
    createdAt: input.createdAt,
    encryption,
    entries: [
      {
        path: container.path,
        bytes: container.data.length,
        sha256: await sha256Hex(crypto, container.data),
      },
    ],
  };
  const checked = manifestSchema.safeParse(JSON.parse(canonicalJson(manifest)));
  if (!checked.success) {
    const field = firstIssueField(checked.error);
    return refuse(bundleError('badManifest', { path: MANIFEST_ENTRY, field }));
  }
  const manifestBytes = utf8Encode(canonicalJson(manifest));
  if (manifestBytes.length > MAX_MANIFEST_BYTES) {
    return refuse(bundleError('badManifest', { path: MANIFEST_ENTRY }));
  }

  const signatureFile = await sign(crypto, input.signer, manifestBytes);
  const bundle = writeZip([
    { name: MANIFEST_ENTRY, data: manifestBytes, compress: false },
    { name: SIGNATURE_ENTRY, data: utf8Encode(canonicalJson(signatureFile)), compress: false },
    { name: container.path, data: container.data, compress: false },
  ]);
  if (bundle.length > LIMITS.maxFileBytes) {
    return refuse(bundleError('tooLarge', { limit: LIMITS.maxFileBytes }));
  }
  return bundle;
}

/** One inner-zip entry per payload key of the kind, as canonical JSON. */
function payloadEntries(kind: BundleKind, payload: object): ZipEntryInput[] {
  let total = 0;
  return PAYLOAD_KEYS_BY_KIND[kind].map((key) => {
    const name = payloadEntryName(key);
    const data = utf8Encode(canonicalJson(Reflect.get(payload, key)));
    total += data.length;
    if (data.length > LIMITS.maxEntryBytes || total > LIMITS.maxTotalBytes) {
      refuse(bundleError('tooLarge', { path: name, limit: LIMITS.maxEntryBytes }));
    }
    return { name, data };
  });
}

/** Signs, then checks the signature with the public key the bundle will carry. */
async function sign(
  crypto: WebCryptoLike,
  signer: BundleSigner,
  manifestBytes: Uint8Array,
): Promise<SignatureFile> {
  const signature =
    'privateKey' in signer
      ? await signManifest(crypto, signer.privateKey, manifestBytes)
      : await signer.signMessage(manifestSignatureMessage(manifestBytes));
  const verified = await verifyManifestSignature(
    crypto,
    signer.publicKeyRaw,
    manifestBytes,
    signature,
  );
  if (!verified) refuse(bundleError('badSignature'));
  return {
    algorithm: 'Ed25519',
    publicKey: toBase64(signer.publicKeyRaw),
    fingerprint: await publicKeyFingerprint(crypto, signer.publicKeyRaw),
    signature: toBase64(signature),
  };
}
