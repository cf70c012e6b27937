// The payload steps of openBundle: turning the verified container entry into the inner
// zip's bytes (decrypting payload.enc with the passphrase) and parsing one payload entry.
import type { BundleKind } from '../domain/types';
import { decryptPayload } from './bundleCrypto';
import type { WebCryptoLike } from './cryptoTypes';
import { bundleError, schemaError } from './errors';
import type { BundleError } from './errors';
import { PAYLOAD_LABELS, payloadEntryName } from './format';
import type { PayloadKey } from './format';
import { parseJsonBytes } from './json';
import type { BundleManifest } from './manifest';
import { payloadProblem } from './validation';

type Step<T> = { ok: true; value: T } | { ok: false; error: BundleError };

export async function payloadContainerBytes(
  options: { crypto: WebCryptoLike; passphrase?: string },
  manifest: BundleManifest,
  container: Uint8Array,
): Promise<Step<Uint8Array>> {
  const { encryption } = manifest;
  if (encryption === undefined) return { ok: true, value: container };
  const { passphrase } = options;
  if (passphrase === undefined || passphrase === '') {
    return { ok: false, error: bundleError('passphraseRequired') };
  }
  const context = {
    version: manifest.version,
    kind: manifest.kind satisfies BundleKind,
    roundId: manifest.roundId,
    panelId: 'panelId' in manifest ? manifest.panelId : undefined,
  };
  const plain = await decryptPayload(options.crypto, passphrase, encryption, container, context);
  return plain ? { ok: true, value: plain } : { ok: false, error: bundleError('wrongPassphrase') };
}

export function parsePayloadEntry(key: PayloadKey, bytes: Uint8Array): Step<unknown> {
  const parsed = parseJsonBytes(bytes);
  if (parsed.ok) return { ok: true, value: parsed.value };
  if (parsed.reason === 'syntax') {
    const entry = { path: payloadEntryName(key), label: PAYLOAD_LABELS[key] };
    return {
      ok: false,
      error: schemaError(entry, {}, { zh: '不是有效的 JSON 数据', en: 'is not valid JSON' }),
    };
  }
  const text = { zh: '是不允许的字段名', en: 'is a reserved name bundles may not use' };
  return { ok: false, error: payloadProblem(key, parsed.value, parsed.path, text) };
}
