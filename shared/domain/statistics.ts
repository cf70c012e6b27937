// Numeric primitives behind every score statistic (re-exported by aggregation.ts).
//
// Two choices keep results reproducible whatever order scoresheets were merged in:
// - values are sorted before they are summed, so a mean is bit-for-bit the same for any
//   permutation of its inputs (a table must not change its last digit after a re-import);
// - means are taken around a pivot (an element of the list), so a constant list averages to
//   exactly that constant and the result is clamped to [min, max] as the true mean is.
// Inputs are finite numbers (scoresheet validation guarantees it); empty input gives null.

/** Scores are compared after rounding to 1e-9 so float noise (0.1 + 0.2) cannot split a tie. */
/** Rounds to 1e-9: used before any equality or threshold comparison of scores. */
export function roundForComparison(value: number): number {
  // Rounding (not an epsilon test) keeps "equal" transitive, so ties form clean groups;
  // k / 1e9 is the double nearest the decimal k·10⁻⁹, so equal decimals give equal doubles.
  return Math.round(value * 1e9) / 1e9 + 0; // + 0 turns -0 into 0
}

/** The trimmed-mean part of an AggregationRule. */
export type TrimOptions = { trimCount: number; trimMinSheets: number };

/**
 * INDICATORS.md default: drop one highest and one lowest score (去掉一个最高分和一个最低分)
 * when a base has at least 5 valid scoresheets; plain mean below that.
 */
export const DEFAULT_TRIM: Readonly<TrimOptions> = Object.freeze({
  trimCount: 1,
  trimMinSheets: 5,
});

export function sortedAscending(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

function nth(values: readonly number[], index: number): number {
  const value = values[index];
  if (value === undefined)
    throw new RangeError(`index ${index} outside a list of ${values.length}`);
  return value;
}

/** Mean of an already sorted, non-empty list (pivoted, clamped; see the module comment). */
function meanOfSorted(sorted: readonly number[]): number {
  const n = sorted.length;
  const pivot = nth(sorted, Math.floor((n - 1) / 2));
  let deviationSum = 0;
  for (const value of sorted) deviationSum += value - pivot;
  const result = pivot + deviationSum / n;
  return Math.min(nth(sorted, n - 1), Math.max(nth(sorted, 0), result));
}

/** Sum in ascending order (order-independent result). */
export function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of sortedAscending(values)) total += value;
  return total;
}

export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : meanOfSorted(sortedAscending(values));
}

/** Median; for an even count, the midpoint of the two middle values. */
export function median(values: readonly number[]): number | null {
  const n = values.length;
  if (n === 0) return null;
  const sorted = sortedAscending(values);
  const upper = nth(sorted, Math.floor(n / 2));
  if (n % 2 === 1) return upper;
  const lower = nth(sorted, n / 2 - 1);
  return lower + (upper - lower) / 2;
}

export function minOf(values: readonly number[]): number | null {
  return values.length === 0 ? null : Math.min(...values);
}

export function maxOf(values: readonly number[]): number | null {
  return values.length === 0 ? null : Math.max(...values);
}

function checkTrimOptions({ trimCount, trimMinSheets }: TrimOptions): void {
  if (!Number.isInteger(trimCount) || trimCount < 0) {
    throw new RangeError(`trimCount must be a whole number ≥ 0, got ${trimCount}`);
  }
  if (!Number.isFinite(trimMinSheets)) {
    throw new RangeError(`trimMinSheets must be finite, got ${trimMinSheets}`);
  }
}

/**
 * Whether trimming applies to n valid sheets: trimCount > 0, n ≥ trimMinSheets, and at least
 * one value would remain (a rule that would drop every sheet falls back to the mean).
 */
export function isTrimApplied(n: number, options: TrimOptions): boolean {
  checkTrimOptions(options);
  return options.trimCount > 0 && n >= options.trimMinSheets && n > 2 * options.trimCount;
}

/**
 * Drops `trimCount` highest and `trimCount` lowest values when isTrimApplied, else the plain
 * mean. Default rule (DEFAULT_TRIM): trim one each side at ≥ 5 sheets.
 */
export function trimmedMean(
  values: readonly number[],
  options: TrimOptions = DEFAULT_TRIM,
): number | null {
  const n = values.length;
  if (n === 0) return null;
  const sorted = sortedAscending(values);
  if (!isTrimApplied(n, options)) return meanOfSorted(sorted);
  return meanOfSorted(sorted.slice(options.trimCount, n - options.trimCount));
}

/**
 * Sample standard deviation (divisor n − 1, the unbiased variance estimator), two-pass.
 * Null for fewer than two values: one expert's score has no spread to estimate.
 */
export function sampleStandardDeviation(values: readonly number[]): number | null {
  const n = values.length;
  if (n < 2) return null;
  const sorted = sortedAscending(values);
  const centre = meanOfSorted(sorted);
  let squares = 0;
  for (const value of sorted) squares += (value - centre) ** 2;
  return Math.sqrt(squares / (n - 1));
}
