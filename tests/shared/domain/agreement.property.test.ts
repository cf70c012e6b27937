import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agreementByBase, expertLeniency, kendallW } from '../../../shared/domain/agreement';
import type { Rating } from '../../../shared/domain/aggregation';
import { validRatingsArb, withPermutation, withRecusalsArb } from '../../helpers/ratingArbitraries';

const SETTINGS = { disagreementRange: 20 };

/** Every agreement statistic of a set of ratings, for comparing two sets at once. */
function allAgreement(ratings: readonly Rating[]) {
  return {
    byBase: [...agreementByBase(ratings, SETTINGS)],
    leniency: expertLeniency(ratings),
    kendall: kendallW(ratings),
    kendallOnTwoBases: kendallW(ratings, ['b1', 'b2']),
  };
}

describe('agreement properties', () => {
  it('every agreement statistic is the same whatever order the ratings arrive in', () => {
    fc.assert(
      fc.property(withPermutation(validRatingsArb), ([ratings, permuted]) => {
        expect(allAgreement(permuted)).toEqual(allAgreement(ratings));
      }),
    );
  });

  it('adding recused ratings never changes spread, leniency or Kendall’s W', () => {
    fc.assert(
      fc.property(withRecusalsArb, ([valid, mixed]) => {
        expect(allAgreement(mixed)).toEqual(allAgreement(valid));
      }),
    );
  });

  it('Kendall’s W lies in [0, 1] and is computed on a block with no missing cells', () => {
    fc.assert(
      fc.property(validRatingsArb, (ratings) => {
        const result = kendallW(ratings);
        const cells = new Set(ratings.map((r) => `${r.expertId}|${r.baseId}`));
        for (const expertId of result.expertIds) {
          for (const baseId of result.baseIds)
            expect(cells.has(`${expertId}|${baseId}`)).toBe(true);
        }
        if (result.w !== null) {
          expect(result.w).toBeGreaterThanOrEqual(0);
          expect(result.w).toBeLessThanOrEqual(1 + 1e-12);
        }
      }),
    );
  });

  it('leniencies of experts who rated the same bases balance out', () => {
    // with a complete block of k experts on a base, differences x − mean(others) sum to 0
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 200 }), { minLength: 2, maxLength: 6 }),
        (halves) => {
          const ratings = halves.map((h, i) => ({
            baseId: 'b1',
            expertId: `e${i}`,
            total: h / 2,
            isRecused: false,
          }));
          const total = expertLeniency(ratings).reduce((acc, e) => acc + (e.leniency ?? 0), 0);
          expect(total).toBeCloseTo(0, 9);
        },
      ),
    );
  });
});
