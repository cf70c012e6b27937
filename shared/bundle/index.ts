// Bundles (.pgb) in one import: the format's names and limits, writing and opening bundles,
// device keys and fingerprints, the record schemas, and the typed errors. Pure TypeScript:
// WebCrypto is passed in (`crypto: globalThis.crypto` in Chromium and Node 20).
export * from './format';
export * from './errors';
export * from './cryptoTypes';
export { canonicalJson, CanonicalJsonError } from './canonicalJson';
export {
  decryptPayload,
  encryptPayload,
  exportPrivateKeyPkcs8,
  exportPublicKeyRaw,
  generateSigningKeyPair,
  importPrivateKeyPkcs8,
  importPublicKeyRaw,
  manifestSignatureMessage,
  publicKeyFingerprint,
  publicKeyFromBase64,
  publicKeyToBase64,
  sha256,
  sha256Hex,
  signManifest,
  SIGNATURE_CONTEXT,
  verifyManifestSignature,
} from './bundleCrypto';
export type { BundleSigner, EncryptionContext, SigningKeyPair } from './bundleCrypto';
export { createBundle, openBundle } from './bundle';
export type {
  CreateBundleInput,
  OpenBundleOptions,
  OpenBundleResult,
  OpenedBundle,
  SignerInfo,
} from './bundle';
export {
  FINGERPRINT_PATTERN,
  manifestSchema,
  signatureFileSchema,
  encryptionSchema,
} from './manifest';
export type { BundleManifest, EncryptionParams, ManifestOf, SignatureFile } from './manifest';
export type {
  BackupPayload,
  BackupSetting,
  BundlePayload,
  PayloadByKind,
  RegistryPayload,
  ResultPayload,
  RoundPayload,
  ScoresPayload,
} from './payload';
export { PAYLOAD_ENTRY_SCHEMAS, PAYLOAD_SCHEMAS } from './payload';
export * from './schemas';
export { BUNDLE_MIGRATIONS, migratePayload } from './migrations';
export type { BundleMigration, MigrationResult, RawPayload } from './migrations';
export { readZipSafely, writeZip, isSafeEntryName } from './zip';
export type { ZipContents, ZipEntryInput, ZipReadOptions, ZipReadResult } from './zip';
