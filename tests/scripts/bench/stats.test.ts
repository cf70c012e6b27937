import { describe, expect, it } from 'vitest';
import {
  formatMb,
  formatRuns,
  measuredRuns,
  median,
  meetsTarget,
  percentile,
  ratioOfMedians,
} from '../../../scripts/bench/stats.mjs';

describe('benchmark statistics', () => {
  it('takes the middle value of an odd number of runs, whatever their order', () => {
    expect(median([30, 10, 20])).toBe(20);
    expect(median([5])).toBe(5);
  });

  it('takes the mean of the middle two of an even number of runs', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('refuses a median of nothing or of a failed run', () => {
    expect(() => median([])).toThrow(RangeError);
    expect(() => median([1, Number.NaN])).toThrow(TypeError);
  });

  it('drops the warm-up runs and insists on enough measured ones', () => {
    expect(measuredRuns([900, 10, 11, 12], 1)).toEqual([10, 11, 12]);
    expect(() => measuredRuns([900, 10], 1, 5)).toThrow(/1 measured runs, at least 5/);
  });

  it('divides the medians of two series, not their means', () => {
    // Means would give 40 / 10 = 4; the outlier must not move the ratio.
    expect(ratioOfMedians([10, 10, 100], [5, 5, 20])).toBe(2);
    expect(() => ratioOfMedians([1], [0])).toThrow(RangeError);
  });

  it('finds percentiles by nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 0.95)).toBe(95);
    expect(percentile(values, 0.5)).toBe(50);
    expect(percentile([7], 0.95)).toBe(7);
  });

  it('checks each kind of target, and never passes a missing value', () => {
    expect(meetsTarget('atMost', 2, 2)).toBe(true);
    expect(meetsTarget('below', 2, 2)).toBe(false);
    expect(meetsTarget('atLeast', 1.5, 1.5)).toBe(true);
    expect(meetsTarget('above', 1.5, 1.5)).toBe(false);
    expect(meetsTarget('atMost', null, 2)).toBe(false);
    expect(meetsTarget('atLeast', Number.POSITIVE_INFINITY, 1)).toBe(false);
    // @ts-expect-error an unknown goal is a bug in the registry
    expect(() => meetsTarget('roughly', 1, 1)).toThrow(RangeError);
  });

  it('formats bytes and runs for the detail lines', () => {
    expect(formatMb(9_262_830)).toBe('9.3 MB');
    expect(formatRuns([10.4, 10.6])).toBe('10, 11');
  });
});
