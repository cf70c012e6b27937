import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_AGGREGATION_RULE, aggregateRound } from '../../../shared/domain/aggregation';
import { rankBases, rankWithin } from '../../../shared/domain/ranking';
import type { BaseTypeCode } from '../../../shared/domain/types';
import {
  BASE_IDS,
  scoreArb,
  withPermutation,
  withRecusalsArb,
} from '../../helpers/ratingArbitraries';

const itemsArb = fc.uniqueArray(
  fc.record({ id: fc.string({ maxLength: 4 }), score: fc.option(scoreArb, { nil: null }) }),
  { selector: (item) => item.id, maxLength: 20 },
);

const BASES: { id: string; type: BaseTypeCode }[] = BASE_IDS.map((id, i) => ({
  id,
  type: (['A1', 'A1', 'B1', 'B4', 'B4', 'C2'] as const)[i] ?? 'C3',
}));

describe('ranking properties', () => {
  it('ranks and display order do not depend on input order', () => {
    fc.assert(
      fc.property(
        withPermutation(itemsArb),
        fc.constantFrom('competition', 'dense' as const),
        ([items, permuted], ties) => {
          expect([...rankWithin(permuted, ties)]).toEqual([...rankWithin(items, ties)]);
        },
      ),
    );
  });

  it('a competition rank is one more than the number of strictly higher scores', () => {
    fc.assert(
      fc.property(itemsArb, (items) => {
        const ranks = rankWithin(items);
        for (const item of items) {
          if (item.score === null) {
            expect(ranks.get(item.id)).toBeNull();
            continue;
          }
          const score = item.score;
          const higher = items.filter(
            (other) => other.score !== null && other.score > score,
          ).length;
          expect(ranks.get(item.id)).toBe(higher + 1);
        }
      }),
    );
  });

  it('dense ranks never exceed competition ranks and share the same ties', () => {
    fc.assert(
      fc.property(itemsArb, (items) => {
        const competition = rankWithin(items);
        const dense = rankWithin(items, 'dense');
        for (const [id, rank] of competition)
          expect(dense.get(id) ?? 0).toBeLessThanOrEqual(rank ?? 0);
      }),
    );
  });

  it('adding recused ratings never changes a base’s rank', () => {
    fc.assert(
      fc.property(withRecusalsArb, ([valid, mixed]) => {
        const ranks = (ratings: typeof valid) => [
          ...rankBases(aggregateRound(ratings, DEFAULT_AGGREGATION_RULE), BASES),
        ];
        expect(ranks(mixed)).toEqual(ranks(valid));
      }),
    );
  });

  it('base ranks do not depend on the order of bases or aggregates', () => {
    const aggregatesArb = fc
      .constant(BASE_IDS)
      .chain((ids) =>
        fc.tuple(
          ...ids.map((baseId) =>
            fc.record({ baseId: fc.constant(baseId), value: fc.option(scoreArb, { nil: null }) }),
          ),
        ),
      );
    fc.assert(
      fc.property(
        withPermutation(aggregatesArb),
        fc.shuffledSubarray(BASES, { minLength: BASES.length }),
        ([aggregates, permuted], bases) => {
          expect([...rankBases(permuted, bases)]).toEqual([...rankBases(aggregates, BASES)]);
        },
      ),
    );
  });
});
