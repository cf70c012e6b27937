// Pure helpers of the benchmark harness: medians of runs after warm-ups, ratios of medians,
// percentiles, targets and their check, and the formatting of bytes and times.

/** The median of numbers (the mean of the middle two for an even count). */
export function median(values) {
  if (values.length === 0) throw new RangeError('median of no values');
  if (values.some((v) => typeof v !== 'number' || Number.isNaN(v))) {
    throw new TypeError('median of a value that is not a number');
  }
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The value at quantile p (0–1) of the sorted values, nearest rank. */
export function percentile(values, p) {
  if (values.length === 0) throw new RangeError('percentile of no values');
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

/** The runs after the first `warmup` ones; throws if fewer than `minRuns` remain. */
export function measuredRuns(values, warmup, minRuns = 1) {
  const measured = values.slice(warmup);
  if (measured.length < minRuns) {
    throw new RangeError(`${measured.length} measured runs, at least ${minRuns} needed`);
  }
  return measured;
}

/** median(numerator) ÷ median(denominator), both medians measured in the same run. */
export function ratioOfMedians(numerator, denominator) {
  const below = median(denominator);
  if (below <= 0) throw new RangeError('ratio against a median that is not positive');
  return median(numerator) / below;
}

/**
 * Whether a value meets its target. Goals: 'atMost' (≤), 'below' (<), 'atLeast' (≥),
 * 'above' (>). A value that is not a finite number never meets a target.
 */
export function meetsTarget(goal, value, target) {
  if (typeof value !== 'number' || !Number.isFinite(value)) return false;
  switch (goal) {
    case 'atMost':
      return value <= target;
    case 'below':
      return value < target;
    case 'atLeast':
      return value >= target;
    case 'above':
      return value > target;
    default:
      throw new RangeError(`unknown goal "${goal}"`);
  }
}

export const GOAL_SYMBOLS = { atMost: '≤', below: '<', atLeast: '≥', above: '>' };

/** Bytes as MB with one decimal (1 MB = 10^6 bytes). */
export const formatMb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;

/** A list of milliseconds, rounded, for a detail line. */
export const formatRuns = (values) => values.map((v) => Math.round(v)).join(', ');
