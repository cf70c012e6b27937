// Stable fingerprints of records: canonical JSON (shared/bundle/canonicalJson.ts, sorted keys)
// hashed with FNV-1a 64. Not a cryptographic hash: it names merge results (deterministic
// conflict ids) and lets tests and the import screen check that two states are identical.
import { canonicalJson } from '../bundle/canonicalJson';
import type { ConflictRecord, Scoresheet } from '../domain/types';

const TWO_32 = 4294967296;
// FNV-1a 64: offset basis 0xcbf29ce484222325, prime 0x100000001b3 = 2^40 + 0x1b3.
const OFFSET_HI = 0xcbf29ce4;
const OFFSET_LO = 0x84222325;
const PRIME_LO = 0x1b3;

const hex8 = (n: number): string => n.toString(16).padStart(8, '0');

/** FNV-1a 64 of the text's UTF-8 bytes, as 16 lowercase hex digits. */
export function fnv1a64(text: string): string {
  let hi = OFFSET_HI;
  let lo = OFFSET_LO;
  const step = (byte: number): void => {
    lo = (lo ^ byte) >>> 0;
    // (hi:lo) * (2^40 + 0x1b3) mod 2^64, in 32-bit halves so every product stays exact.
    const low = lo * PRIME_LO;
    const carry = Math.floor(low / TWO_32);
    const high = hi * PRIME_LO + ((lo << 8) >>> 0) + carry;
    lo = low % TWO_32;
    hi = high % TWO_32;
  };
  for (const char of text) {
    const point = char.codePointAt(0) ?? 0;
    // A lone surrogate encodes as U+FFFD, as TextEncoder does.
    const code = point >= 0xd800 && point <= 0xdfff ? 0xfffd : point;
    if (code < 0x80) step(code);
    else if (code < 0x800) {
      step(0xc0 | (code >> 6));
      step(0x80 | (code & 63));
    } else if (code < 0x10000) {
      step(0xe0 | (code >> 12));
      step(0x80 | ((code >> 6) & 63));
      step(0x80 | (code & 63));
    } else {
      step(0xf0 | (code >> 18));
      step(0x80 | ((code >> 12) & 63));
      step(0x80 | ((code >> 6) & 63));
      step(0x80 | (code & 63));
    }
  }
  return hex8(hi) + hex8(lo);
}

/** Hash of one JSON value's canonical form: equal for equal data, whatever the key order. */
export function digestOf(value: unknown): string {
  return fnv1a64(canonicalJson(value));
}

/** Hash of a set of records: independent of their order and of repeats. */
export function setDigest(records: readonly unknown[]): string {
  const texts = [...new Set(records.map((record) => canonicalJson(record)))].sort();
  return fnv1a64(`[${texts.join(',')}]`);
}

/**
 * The merge state that must not depend on import order: every scoresheet, and every conflict
 * record without its provenance (when and by which import it was first seen, when it was
 * settled), which does depend on the order by nature.
 */
export function syncStateDigest(
  sheets: readonly Scoresheet[],
  conflicts: readonly ConflictRecord[],
): string {
  const records = conflicts.map(
    ({ detectedAt: _at, sourceImportId: _import, resolvedAt, ...rest }) => ({
      ...rest,
      resolved: resolvedAt !== undefined,
    }),
  );
  return setDigest([setDigest(sheets), setDigest(records)]);
}
