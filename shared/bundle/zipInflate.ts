// Size checks and counted inflating for zip entries, the zip-bomb defence of zip.ts. Sizes
// in headers are checked first (cheap refusals), but never trusted: inflating counts the
// bytes actually produced and stops an entry past its stated size, a plausible ratio, the
// per-entry limit or what the zip's total allowance has left.
import { Inflate } from 'fflate';
import { bundleError } from './errors';
import type { BundleError } from './errors';
import { concatBytes } from './encoding';
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

// Deflate expands at most 1032:1, so a slice this size inflates to at most ~2 MiB before the
// count is checked again: a bomb is stopped within that much of its cap. (16 KiB slices let
// one slice of a bomb produce 16 MiB first.) Smaller slices cost more calls for nothing.
const INFLATE_SLICE = 2 * 1024;

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

class LimitReached extends Error {}

/**
 * Inflates raw deflate data in slices, counting output as it is produced; more than `cap`
 * bytes is a zip bomb, a stream that ends early or late (or inflates to a size other than
 * `expectedSize`) is corrupt.
 */
export function inflateCounted(
  compressed: Uint8Array,
  cap: number,
  expectedSize: number,
  path: string,
): Inflated {
  const chunks: Uint8Array[] = [];
  let produced = 0;
  const inflater = new Inflate((chunk) => {
    produced += chunk.length;
    if (produced > cap) throw new LimitReached();
    chunks.push(chunk);
  });
  try {
    if (compressed.length === 0) return { ok: false, error: bundleError('corrupt', { path }) };
    for (let at = 0; at < compressed.length; at += INFLATE_SLICE) {
      const until = Math.min(at + INFLATE_SLICE, compressed.length);
      inflater.push(compressed.subarray(at, until), until === compressed.length);
    }
  } catch (error) {
    const code = error instanceof LimitReached ? 'zipBomb' : 'corrupt';
    return { ok: false, error: bundleError(code, { path }) };
  }
  if (produced !== expectedSize) return { ok: false, error: bundleError('corrupt', { path }) };
  return { ok: true, value: concatBytes(chunks) };
}
