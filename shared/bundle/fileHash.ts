// A bundle file's own fingerprint: SHA-256 of the exact bytes written (or opened), as lower-case
// hex like `sha256sum` and `certutil -hashfile` print it. The hand-over sheet shows the first
// 16 hex digits in groups of four for people to read aloud and compare, and the full value in
// small print for a tool. This is not the signing key's fingerprint (bundleCrypto.ts), which is
// the same on every bundle a machine signs; the file's hash differs per file.
import { sha256Hex } from './bundleCrypto';
import type { WebCryptoLike } from './cryptoTypes';

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Whether `value` is a SHA-256 in the stored form: 64 lower-case hex digits. */
export function isSha256Hex(value: unknown): value is string {
  return typeof value === 'string' && SHA256_HEX.test(value);
}

/** SHA-256 of the file's bytes, lower-case hex (WebCrypto's digest, passed in). */
export function fileSha256(crypto: WebCryptoLike, bytes: Uint8Array): Promise<string> {
  return sha256Hex(crypto, bytes);
}

export type FileHashText = {
  /** The first 16 hex digits in groups of four, e.g. `3f2a 9c1b 0d4e 77aa`. */
  short: string;
  /** All 64 hex digits, unbroken, for comparing with a tool's output. */
  full: string;
};

/**
 * The readable forms of a stored SHA-256; undefined when there is none or it is not a SHA-256
 * (a record from before hashes were kept), so a screen shows "—" and never a made-up value.
 * Upper-case input (typed in from a tool) is accepted and shown in lower case.
 */
export function formatFileHash(value: string | undefined): FileHashText | undefined {
  const full = value?.trim().toLowerCase();
  if (!isSha256Hex(full)) return undefined;
  const short = full.slice(0, 16).match(/.{4}/g)?.join(' ') ?? full.slice(0, 16);
  return { short, full };
}
