import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  aggregateAllMethods,
  aggregateRound,
  mean,
  median,
  sampleStandardDeviation,
  trimmedMean,
  zScoreStandardise,
} from '../../../shared/domain/aggregation';
import {
  aggregationRuleArb,
  validRatingsArb,
  withPermutation,
  withRecusalsArb,
} from '../../helpers/ratingArbitraries';

// `+ 0` turns −0 into 0: no score is −0, and 0 and −0 are different values to toBe.
const finiteArb = fc
  .double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true })
  .map((value) => value + 0);

describe('aggregation properties', () => {
  it('every per-base aggregate is the same whatever order the ratings arrive in', () => {
    fc.assert(
      fc.property(
        withPermutation(validRatingsArb),
        aggregationRuleArb,
        ([ratings, permuted], rule) => {
          expect(aggregateAllMethods(permuted, rule)).toEqual(aggregateAllMethods(ratings, rule));
        },
      ),
    );
  });

  it('adding recused ratings never changes any aggregate', () => {
    fc.assert(
      fc.property(withRecusalsArb, aggregationRuleArb, ([valid, mixed], rule) => {
        expect(aggregateAllMethods(mixed, rule)).toEqual(aggregateAllMethods(valid, rule));
      }),
    );
  });

  it('the trimmed mean, mean and median lie within [min, max]', () => {
    fc.assert(
      fc.property(
        fc.array(finiteArb, { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 0, max: 8 }),
        (values, trimCount, trimMinSheets) => {
          const low = Math.min(...values);
          const high = Math.max(...values);
          for (const value of [
            trimmedMean(values, { trimCount, trimMinSheets }),
            mean(values),
            median(values),
          ]) {
            expect(value).not.toBeNull();
            expect(value ?? Number.NaN).toBeGreaterThanOrEqual(low);
            expect(value ?? Number.NaN).toBeLessThanOrEqual(high);
          }
        },
      ),
    );
  });

  it('the mean, median and trimmed mean of a constant list are that constant, with SD 0', () => {
    fc.assert(
      fc.property(finiteArb, fc.integer({ min: 1, max: 12 }), (value, n) => {
        const values = Array.from({ length: n }, () => value);
        expect(mean(values)).toBe(value);
        expect(median(values)).toBe(value);
        expect(trimmedMean(values, { trimCount: 1, trimMinSheets: 5 })).toBe(value);
        if (n > 1) expect(sampleStandardDeviation(values)).toBe(0);
      }),
    );
  });

  it('z-scoring keeps the order of each expert’s own ratings', () => {
    fc.assert(
      fc.property(validRatingsArb, (ratings) => {
        const adjusted = zScoreStandardise(ratings);
        for (const a of adjusted) {
          for (const b of adjusted) {
            if (a.expertId !== b.expertId) continue;
            expect(Math.sign(a.total - b.total)).toBe(Math.sign(a.rawTotal - b.rawTotal));
          }
        }
      }),
    );
  });

  it('z-scoring ignores recused ratings', () => {
    fc.assert(
      fc.property(withRecusalsArb, ([valid, mixed]) => {
        const key = (r: { baseId: string; expertId: string }) => `${r.baseId}|${r.expertId}`;
        const sortByCell = <T extends { baseId: string; expertId: string }>(list: T[]) =>
          [...list].sort((a, b) => (key(a) < key(b) ? -1 : 1));
        expect(sortByCell(zScoreStandardise(mixed))).toEqual(sortByCell(zScoreStandardise(valid)));
      }),
    );
  });

  it('the z-score rule only falls back to the mean for bases without valid ratings', () => {
    fc.assert(
      fc.property(validRatingsArb, (ratings) => {
        for (const aggregate of aggregateRound(ratings, {
          method: 'zScore',
          trimCount: 1,
          trimMinSheets: 5,
        })) {
          expect(aggregate.method).toBe('zScore');
          expect(aggregate.value).not.toBeNull();
        }
      }),
    );
  });
});
