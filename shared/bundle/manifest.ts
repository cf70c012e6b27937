// manifest.json and signature.json: their schemas and types. The manifest describes the
// bundle and pins the payload container's size and SHA-256; signature.json carries the
// Ed25519 signature over the manifest's exact bytes and the signer's public key.
import { z } from 'zod';
import {
  ENCRYPTED_PAYLOAD_ENTRY,
  FORMAT_NAME,
  FORMAT_VERSION,
  IV_BYTES,
  KIND_SINCE_VERSION,
  PBKDF2_MAX_ITERATIONS,
  PBKDF2_MIN_ITERATIONS,
  PLAIN_PAYLOAD_ENTRY,
  SALT_BYTES,
} from './format';
import { fromBase64 } from './encoding';
import { idSchema, timestampSchema } from './schemas';

const base64Bytes = (length: number) =>
  z
    .string()
    .length(Math.ceil(length / 3) * 4)
    .regex(/^[A-Za-z0-9+/]+={0,2}$/)
    .refine((text) => fromBase64(text)?.length === length, `not ${length} bytes of base64`);

export const SHA256_HEX = /^[0-9a-f]{64}$/;

export const encryptionSchema = z.strictObject({
  algorithm: z.literal('AES-GCM'),
  kdf: z.literal('PBKDF2-SHA256'),
  iterations: z.int().min(PBKDF2_MIN_ITERATIONS).max(PBKDF2_MAX_ITERATIONS),
  salt: base64Bytes(SALT_BYTES),
  iv: base64Bytes(IV_BYTES),
});

export type EncryptionParams = z.infer<typeof encryptionSchema>;

export const manifestEntrySchema = z.strictObject({
  path: z.enum([PLAIN_PAYLOAD_ENTRY, ENCRYPTED_PAYLOAD_ENTRY]),
  bytes: z.int().min(0),
  sha256: z.string().regex(SHA256_HEX),
});

export type ManifestEntry = z.infer<typeof manifestEntrySchema>;

const common = {
  format: z.literal(FORMAT_NAME),
  /** Any version this reader understands; newer ones are refused before this schema runs. */
  version: z.int().min(1).max(FORMAT_VERSION),
  deviceId: idSchema,
  appVersion: z.string().min(1).max(64),
  createdAt: timestampSchema,
  encryption: encryptionSchema.optional(),
  entries: z.array(manifestEntrySchema).length(1),
};

/** A round bundle goes to one panel; a score bundle comes back from one. */
const roundManifest = z.strictObject({
  ...common,
  kind: z.literal('round'),
  roundId: idSchema,
  panelId: idSchema,
});

const scoresManifest = z.strictObject({
  ...common,
  kind: z.literal('scores'),
  roundId: idSchema,
  panelId: idSchema,
});

const resultManifest = z.strictObject({ ...common, kind: z.literal('result'), roundId: idSchema });

/** A backup spans every round; roundId, when present, is the round that was open. */
const backupManifest = z.strictObject({
  ...common,
  kind: z.literal('backup'),
  roundId: idSchema.optional(),
});

/**
 * The department's roster for the next round (format version 3 on). The secretariat's round
 * wizard creates the round from it, so roundId is optional: when present, the id the
 * department gave that round. Never a panelId.
 */
const registryManifest = z.strictObject({
  ...common,
  version: z.int().min(KIND_SINCE_VERSION.registry).max(FORMAT_VERSION),
  kind: z.literal('registry'),
  roundId: idSchema.optional(),
});

export const manifestSchema = z
  .discriminatedUnion('kind', [
    roundManifest,
    scoresManifest,
    resultManifest,
    backupManifest,
    registryManifest,
  ])
  .refine(
    (m) => (m.encryption !== undefined) === (m.entries[0]?.path === ENCRYPTED_PAYLOAD_ENTRY),
    {
      message: 'an encrypted bundle carries payload.enc, a plain one payload.zip',
      path: ['entries'],
    },
  );

export type BundleManifest = z.infer<typeof manifestSchema>;
export type ManifestOf<K extends BundleManifest['kind']> = Extract<BundleManifest, { kind: K }>;

/** The fields every manifest starts with, read before the version is known. */
export const manifestEnvelopeSchema = z.looseObject({
  format: z.literal(FORMAT_NAME),
  version: z.int().min(1),
  kind: z.string(),
});

export const FINGERPRINT_PATTERN = /^[0-9A-F]{4}(?:-[0-9A-F]{4}){3}$/;

export const signatureFileSchema = z.strictObject({
  algorithm: z.literal('Ed25519'),
  /** Raw 32-byte Ed25519 public key. */
  publicKey: base64Bytes(32),
  /** Derived from publicKey (bundleCrypto.ts); carried so a person can read it from the file. */
  fingerprint: z.string().regex(FINGERPRINT_PATTERN),
  /** Ed25519 over SIGNATURE_CONTEXT followed by the bytes of manifest.json. */
  signature: base64Bytes(64),
});

export type SignatureFile = z.infer<typeof signatureFileSchema>;
