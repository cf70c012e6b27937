// Size checks and counted inflating for zip entries, the zip-bomb defence of zip.ts. Sizes
// in headers are checked first (cheap refusals), but never trusted: an entry inflates into a
// buffer that cannot grow past its stated size, a plausible ratio, the per-entry limit or what
// the zip's total allowance has left, and one that would go past it is refused.
import { inflateSync } from 'fflate';
import { bundleError } from './errors';
import type { BundleError } from './errors';
import type { BundleLimits } from './format';
import { METHOD_STORED } from './zipLayout';

export type SizedEntry = {
  readonly name: string;
  readonly method: number;
  /** Uncompressed size stated by the headers. */
  readonly size: number;
  readonly compressedSize: number;
};

export type Inflated = { ok: true; value: Uint8Array } | { ok: false; error: BundleError };

/** The most an entry of this compressed size may inflate to. */
export const ratioCap = (compressedSize: number, limits: BundleLimits): number =>
  Math.max(limits.ratioGraceBytes, compressedSize * limits.maxCompressionRatio);

/** Refuses entries whose stated sizes are already over a limit or an implausible ratio. */
export function checkDeclaredSizes(
  entries: readonly SizedEntry[],
  limits: BundleLimits,
): BundleError | undefined {
  let total = 0;
  for (const e of entries) {
    if (e.size > limits.maxEntryBytes) {
      return bundleError('tooLarge', { path: e.name, limit: limits.maxEntryBytes });
    }
    total += e.size;
    if (total > limits.maxTotalBytes) {
      return bundleError('tooLarge', { path: e.name, limit: limits.maxTotalBytes });
    }
    if (e.method === METHOD_STORED && e.size !== e.compressedSize) {
      return bundleError('corrupt', { path: e.name });
    }
    if (e.size > ratioCap(e.compressedSize, limits))
      return bundleError('zipBomb', { path: e.name });
  }
  return undefined;
}

/**
 * Inflates raw deflate data: more than `cap` bytes (never above the stated size: zip.ts) is a
 * zip bomb, a stream that ends early (or inflates to a size other than `expectedSize`) is
 * corrupt.
 *
 * In one call into a buffer of `cap` bytes and one more, which cannot grow: memory stays at
 * the cap, and the work is bounded by the compressed size (deflate expands at most 1032:1,
 * about five times the ratio accepted). A stream that reaches that last byte, or writes past
 * it (a RangeError), produced more than the cap. Inflating in small slices and counting, as
 * before, cost five times as much (fflate's stream regrows its buffer for every slice).
 */
export function inflateCounted(
  compressed: Uint8Array,
  cap: number,
  expectedSize: number,
  path: string,
): Inflated {
  if (compressed.length === 0) return { ok: false, error: bundleError('corrupt', { path }) };
  const out = new Uint8Array(cap + 1);
  let produced: number;
  try {
    produced = inflateSync(compressed, { out }).length;
  } catch (error) {
    const code = error instanceof RangeError ? 'zipBomb' : 'corrupt';
    return { ok: false, error: bundleError(code, { path }) };
  }
  if (produced > cap) return { ok: false, error: bundleError('zipBomb', { path }) };
  if (produced !== expectedSize) return { ok: false, error: bundleError('corrupt', { path }) };
  return { ok: true, value: out.subarray(0, produced) };
}
