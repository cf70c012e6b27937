import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TRIM,
  isTrimApplied,
  maxOf,
  mean,
  median,
  minOf,
  roundForComparison,
  sampleStandardDeviation,
  sum,
  trimmedMean,
} from '../../../shared/domain/statistics';

const FIVE_EXPERTS = [95, 70, 85, 90, 80];

describe('score primitives', () => {
  it('give null for an empty list instead of NaN or 0', () => {
    expect(mean([])).toBeNull();
    expect(median([])).toBeNull();
    expect(trimmedMean([], DEFAULT_TRIM)).toBeNull();
    expect(sampleStandardDeviation([])).toBeNull();
    expect(minOf([])).toBeNull();
    expect(maxOf([])).toBeNull();
  });

  it('average five experts: mean 84, median 85', () => {
    // 70 + 80 + 85 + 90 + 95 = 420; 420 / 5 = 84. Sorted, the middle value is 85.
    expect(mean(FIVE_EXPERTS)).toBe(84);
    expect(median(FIVE_EXPERTS)).toBe(85);
    expect(minOf(FIVE_EXPERTS)).toBe(70);
    expect(maxOf(FIVE_EXPERTS)).toBe(95);
  });

  it('take the midpoint of the two middle values for an even count', () => {
    // sorted 70 80 | 90 95 → (80 + 90) / 2 = 85
    expect(median([95, 80, 70, 90])).toBe(85);
  });

  it('drop one highest and one lowest score from five sheets by default (去掉一个最高分和一个最低分)', () => {
    // drop 70 and 95 → (80 + 85 + 90) / 3 = 255 / 3 = 85
    expect(DEFAULT_TRIM).toEqual({ trimCount: 1, trimMinSheets: 5 });
    expect(trimmedMean(FIVE_EXPERTS)).toBe(85);
  });

  it('fall back to the plain mean when a base has fewer sheets than the rule needs', () => {
    // four sheets < 5: (70 + 80 + 90 + 100) / 4 = 85, nothing dropped
    expect(isTrimApplied(4, DEFAULT_TRIM)).toBe(false);
    expect(trimmedMean([70, 80, 90, 100], DEFAULT_TRIM)).toBe(85);
    // a round that lowers trimMinSheets to 4 does trim four sheets:
    // 60 80 90 100 → trimmed (80 + 90) / 2 = 85, while the mean is 330 / 4 = 82.5
    expect(trimmedMean([60, 80, 90, 100], { trimCount: 1, trimMinSheets: 4 })).toBe(85);
    expect(mean([60, 80, 90, 100])).toBe(82.5);
  });

  it('trim two each side when the rule says so, and never trim away every sheet', () => {
    // 7 sheets, drop 2 + 2: 40 50 | 70 80 85 | 95 99 → 235 / 3
    expect(
      trimmedMean([99, 40, 85, 70, 50, 95, 80], { trimCount: 2, trimMinSheets: 5 }),
    ).toBeCloseTo(235 / 3, 12);
    // 4 sheets with trimCount 2 would leave none: plain mean (60 + 70 + 80 + 90) / 4 = 75
    expect(isTrimApplied(4, { trimCount: 2, trimMinSheets: 3 })).toBe(false);
    expect(trimmedMean([60, 70, 80, 90], { trimCount: 2, trimMinSheets: 3 })).toBe(75);
    expect(isTrimApplied(10, { trimCount: 0, trimMinSheets: 0 })).toBe(false);
  });

  it('reject a trim count that is not a whole number', () => {
    expect(() => trimmedMean([1, 2, 3], { trimCount: 1.5, trimMinSheets: 1 })).toThrow(RangeError);
    expect(() => trimmedMean([1, 2, 3], { trimCount: -1, trimMinSheets: 1 })).toThrow(RangeError);
  });

  it('use the sample standard deviation (divisor n − 1)', () => {
    // mean 84; deviations −14 −4 1 6 11; squares 196 16 1 36 121 = 370; 370 / 4 = 92.5
    expect(sampleStandardDeviation(FIVE_EXPERTS)).toBeCloseTo(Math.sqrt(92.5), 12);
    // one value has no sample spread
    expect(sampleStandardDeviation([80])).toBeNull();
    expect(sampleStandardDeviation([80, 80, 80])).toBe(0);
  });

  it('average a constant list to exactly that constant', () => {
    // naive (0.1 + 0.1 + 0.1) / 3 is 0.10000000000000002
    expect(mean([0.1, 0.1, 0.1])).toBe(0.1);
    expect(trimmedMean([0.1, 0.1, 0.1, 0.1, 0.1])).toBe(0.1);
    expect(sampleStandardDeviation([0.1, 0.1, 0.1])).toBe(0);
  });

  it('give bit-identical results whatever order the scores arrive in', () => {
    const scores = [0.1, 0.7, 88.3, 1e-3, 61.9, 0.2, 79.45];
    const reversed = [...scores].reverse();
    expect(mean(reversed)).toBe(mean(scores));
    expect(sum(reversed)).toBe(sum(scores));
    expect(sampleStandardDeviation(reversed)).toBe(sampleStandardDeviation(scores));
  });

  it('round scores to 1e-9 for comparison, so float noise disappears', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(roundForComparison(0.1 + 0.2)).toBe(0.3);
    expect(roundForComparison((0.7 + 0.1 + 0.1) * 100)).toBe(90);
    expect(Object.is(roundForComparison(-1e-12), 0)).toBe(true);
    expect(roundForComparison(89.99)).toBe(89.99);
  });
});
