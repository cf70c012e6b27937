// Opening a bundle from untrusted bytes. The pipeline, each step refusing with a typed error:
//   read the outer zip (size, entry count, names, profile)  → manifest.json: envelope and
//   version ("newerVersion" before anything version-specific) → strict manifest schema and
//   canonical bytes → container entries exactly as listed → payload hash → signature →
//   expected kind → decrypt (passphrase) → inner zip (limits counted while inflating,
//   allow-list of the kind) → JSON (no __proto__ & co.) → migrations → zod validation.
// openBundle never throws: anything unexpected becomes an 'internal' error. It does not
// decide whether the signer is trusted; the caller pins keys by fingerprint.
import type { BundleKind } from '../domain/types';
import { sha256Hex } from './bundleCrypto';
import type { WebCryptoLike } from './cryptoTypes';
import { bundleError } from './errors';
import type { BundleError } from './errors';
import {
  CONTAINER_ENTRIES,
  LIMITS,
  MANIFEST_ENTRY,
  PAYLOAD_KEY_BY_ENTRY,
  payloadEntryName,
  payloadKeysFor,
  SIGNATURE_ENTRY,
} from './format';
import type { BundleLimits, PayloadKey } from './format';
import type { BundleManifest, ManifestOf } from './manifest';
import { migratePayload } from './migrations';
import { checkSignature, readManifest } from './openContainer';
import type { SignerInfo } from './openContainer';
import { parsePayloadEntry, payloadContainerBytes } from './openPayload';
import type { PayloadByKind } from './payload';
import { validatePayload } from './validation';
import { readZipSafely } from './zip';

export type { SignerInfo } from './openContainer';

export type OpenBundleOptions = {
  crypto: WebCryptoLike;
  /** Kinds this caller takes; any other is a 'wrongKind' error. Default: any kind. */
  expectedKinds?: readonly BundleKind[];
  /** Needed for encrypted bundles; ignored for plain ones. */
  passphrase?: string;
  limits?: BundleLimits;
};

export type OpenedBundle = {
  [K in BundleKind]: {
    ok: true;
    kind: K;
    manifest: ManifestOf<K>;
    payload: PayloadByKind[K];
    signer: SignerInfo;
  };
}[BundleKind];

export type OpenBundleResult = OpenedBundle | { ok: false; error: BundleError };

type Failure = { ok: false; error: BundleError };
const failure = (error: BundleError): Failure => ({ ok: false, error });

const CONTAINER_NAMES: ReadonlySet<string> = new Set(CONTAINER_ENTRIES);
const PAYLOAD_NAMES: ReadonlySet<string> = new Set(PAYLOAD_KEY_BY_ENTRY.keys());

export async function openBundle(
  bytes: Uint8Array,
  options: OpenBundleOptions,
): Promise<OpenBundleResult> {
  try {
    return await open(bytes, options);
  } catch {
    return failure(bundleError('internal'));
  }
}

async function open(bytes: unknown, options: OpenBundleOptions): Promise<OpenBundleResult> {
  const limits = options.limits ?? LIMITS;
  if (!(bytes instanceof Uint8Array)) return failure(bundleError('notZip'));
  const outer = readZipSafely(bytes, {
    limits,
    allowedNames: CONTAINER_NAMES,
    unknownNames: 'list',
    allowDeflate: false,
  });
  if (!outer.ok) return outer;
  const { entries, unknownNames } = outer.value;

  const manifestBytes = entries.get(MANIFEST_ENTRY);
  if (!manifestBytes) return failure(bundleError('missingEntry', { path: MANIFEST_ENTRY }));
  const read = readManifest(manifestBytes, unknownNames);
  if (!read.ok) return read;
  const manifest = read.value;

  const [listed] = manifest.entries;
  if (!listed) return failure(bundleError('badManifest', { field: 'entries' }));
  for (const name of entries.keys()) {
    if (name !== MANIFEST_ENTRY && name !== SIGNATURE_ENTRY && name !== listed.path) {
      return failure(bundleError('unknownEntry', { path: name }));
    }
  }
  const container = entries.get(listed.path);
  if (!container) return failure(bundleError('missingEntry', { path: listed.path }));
  if (
    container.length !== listed.bytes ||
    (await sha256Hex(options.crypto, container)) !== listed.sha256
  ) {
    return failure(bundleError('hashMismatch', { path: listed.path }));
  }

  const signer = await checkSignature(options.crypto, entries.get(SIGNATURE_ENTRY), manifestBytes);
  if (!signer.ok) return signer;

  if (options.expectedKinds && !options.expectedKinds.includes(manifest.kind)) {
    const detail = { kind: manifest.kind, expectedKinds: options.expectedKinds };
    return failure(bundleError('wrongKind', detail));
  }

  const innerBytes = await payloadContainerBytes(options, manifest, container);
  if (!innerBytes.ok) return innerBytes;
  const raw = readPayloadZip(innerBytes.value, manifest, limits);
  if (!raw.ok) return raw;

  const migrated = migratePayload(raw.value, manifest.version, { kind: manifest.kind });
  // A missing step is a bug (migrations.test.ts checks every version has one).
  if (!migrated.ok) return failure(bundleError('internal'));
  return validated(manifest, migrated.payload, signer.value);
}

/** The inner zip's entries, exactly the kind's list, each parsed as JSON. */
function readPayloadZip(
  bytes: Uint8Array,
  manifest: BundleManifest,
  limits: BundleLimits,
): { ok: true; value: Partial<Record<PayloadKey, unknown>> } | Failure {
  const inner = readZipSafely(bytes, { limits, allowedNames: PAYLOAD_NAMES, allowDeflate: true });
  if (!inner.ok) return inner;
  const keys: readonly PayloadKey[] = payloadKeysFor(manifest.kind, manifest.version);
  for (const name of inner.value.entries.keys()) {
    const key = PAYLOAD_KEY_BY_ENTRY.get(name);
    if (key === undefined || !keys.includes(key)) {
      return failure(bundleError('unknownEntry', { path: name }));
    }
  }
  const raw: Partial<Record<PayloadKey, unknown>> = {};
  for (const key of keys) {
    const data = inner.value.entries.get(payloadEntryName(key));
    if (!data) return failure(bundleError('missingEntry', { path: payloadEntryName(key) }));
    const parsed = parsePayloadEntry(key, data);
    if (!parsed.ok) return parsed;
    raw[key] = parsed.value;
  }
  return { ok: true, value: raw };
}

/** Validates the payload for the manifest's kind; the switch keeps kind and payload paired. */
function validated(
  manifest: BundleManifest,
  raw: Partial<Record<PayloadKey, unknown>>,
  signer: SignerInfo,
): OpenBundleResult {
  switch (manifest.kind) {
    case 'round': {
      const v = validatePayload('round', manifest.roundId, raw);
      return v.ok ? { ok: true, kind: 'round', manifest, payload: v.payload, signer } : v;
    }
    case 'scores': {
      const v = validatePayload('scores', manifest.roundId, raw);
      return v.ok ? { ok: true, kind: 'scores', manifest, payload: v.payload, signer } : v;
    }
    case 'result': {
      const v = validatePayload('result', manifest.roundId, raw);
      return v.ok ? { ok: true, kind: 'result', manifest, payload: v.payload, signer } : v;
    }
    case 'backup': {
      const v = validatePayload('backup', manifest.roundId, raw);
      return v.ok ? { ok: true, kind: 'backup', manifest, payload: v.payload, signer } : v;
    }
    case 'registry': {
      const v = validatePayload('registry', manifest.roundId, raw);
      return v.ok ? { ok: true, kind: 'registry', manifest, payload: v.payload, signer } : v;
    }
  }
}
