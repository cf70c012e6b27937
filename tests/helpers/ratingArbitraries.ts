// fast-check generators for panels of expert ratings (property tests of the statistics).
import fc from 'fast-check';
import type { Rating } from '../../shared/domain/aggregation';
import type { AggregationRule } from '../../shared/domain/types';

export const BASE_IDS = ['b1', 'b2', 'b3', 'b4', 'b5', 'b6'] as const;
export const EXPERT_IDS = ['e1', 'e2', 'e3', 'e4', 'e5'] as const;

/** Totals on a 100-point scale: half points (as entered), tenths, and many exact ties. */
export const scoreArb: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: 0, max: 200 }).map((k) => k / 2),
  fc.integer({ min: 0, max: 1000 }).map((k) => k / 10),
  fc.constantFrom(60, 70, 80, 85, 90),
);

/** Valid ratings of one panel: at most one per expert and base. */
export const validRatingsArb: fc.Arbitrary<Rating[]> = fc.uniqueArray(
  fc.record({
    baseId: fc.constantFrom(...BASE_IDS),
    expertId: fc.constantFrom(...EXPERT_IDS),
    total: scoreArb,
    isRecused: fc.constant(false),
  }),
  { selector: (r) => `${r.baseId}|${r.expertId}`, maxLength: BASE_IDS.length * EXPERT_IDS.length },
);

/** Recused ratings, including for bases and experts that have no valid rating at all. */
export const recusedRatingsArb: fc.Arbitrary<Rating[]> = fc.array(
  fc.record({
    baseId: fc.constantFrom(...BASE_IDS, 'b9'),
    expertId: fc.constantFrom(...EXPERT_IDS, 'e9'),
    total: scoreArb,
    isRecused: fc.constant(true),
  }),
  { minLength: 1, maxLength: 8 },
);

/** A list and a permutation of it. */
export function withPermutation<T>(arb: fc.Arbitrary<T[]>): fc.Arbitrary<[T[], T[]]> {
  return arb.chain((items) =>
    fc.tuple(
      fc.constant(items),
      fc.shuffledSubarray(items, { minLength: items.length, maxLength: items.length }),
    ),
  );
}

/** Valid ratings, and the same ratings with recused ones mixed in at random positions. */
export const withRecusalsArb: fc.Arbitrary<[Rating[], Rating[]]> = fc
  .tuple(validRatingsArb, recusedRatingsArb)
  .chain(([valid, recusedOnes]) => {
    const mixed = [...valid, ...recusedOnes];
    return fc.tuple(
      fc.constant(valid),
      fc.shuffledSubarray(mixed, { minLength: mixed.length, maxLength: mixed.length }),
    );
  });

export const aggregationRuleArb: fc.Arbitrary<AggregationRule> = fc.record({
  method: fc.constantFrom('mean', 'median', 'trimmedMean', 'zScore'),
  trimCount: fc.integer({ min: 0, max: 2 }),
  trimMinSheets: fc.integer({ min: 0, max: 6 }),
});
