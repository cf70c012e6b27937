import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BASE_TYPE_CODES } from '../../../shared/domain/taxonomy';
import type { BaseTypeCode, GradeCode } from '../../../shared/domain/types';
import { computeFunding } from '../../../shared/registry/funding';
import type { FundingRule } from '../../../shared/registry/types';
import { acceptedRound, outcome } from '../../helpers/fundingBuilders';

const gradeArb = fc.constantFrom<GradeCode | null>('excellent', 'good', 'pass', 'fail', null);
const typeArb = fc.constantFrom<BaseTypeCode>(...BASE_TYPE_CODES);
/** Amounts in 0.01 万元 steps, up to 1,000 万元. */
const amountArb = fc.integer({ min: 0, max: 100_000 }).map((cents) => cents / 100);

const ruleArb: fc.Arbitrary<FundingRule> = fc.record({
  amounts: fc.dictionary(
    fc.constantFrom('B1', 'B2', 'B3', 'B4', 'B5', 'A1'),
    fc.record({ excellent: amountArb, good: amountArb, pass: amountArb, fail: amountArb }),
  ),
  budget: fc.integer({ min: 0, max: 100_000 }),
});

const basesArb = fc
  .uniqueArray(fc.integer({ min: 1, max: 9_999 }), { minLength: 1, maxLength: 40 })
  .chain((numbers) =>
    fc.tuple(
      ...numbers.map((n) =>
        fc
          .record({
            type: typeArb,
            grade: gradeArb,
            revoked: fc.boolean(),
          })
          .map(({ type, grade, revoked }) =>
            outcome(`LN-${String(n).padStart(4, '0')}`, type, {
              grade,
              ...(revoked ? { disposition: 'revoke' as const } : {}),
            }),
          ),
      ),
    ),
  );

describe('后补助 properties', () => {
  it('amounts add up exactly to the budget, each within 1 万元 of its exact share', () => {
    fc.assert(
      fc.property(basesArb, ruleArb, (bases, rule) => {
        const table = computeFunding(acceptedRound(bases), rule);
        const budget = rule.budget ?? 0;
        // Exact shares in cents: budget × base / Σ base.
        const weights = table.rows.map((row) =>
          row.kind === 'subsidy' ? Math.round(row.baseAmount * 100) : 0,
        );
        const total = weights.reduce((sum, w) => sum + w, 0);
        if (total === 0) {
          expect(table.total).toBe(0);
          return;
        }
        expect(table.total).toBe(budget);
        expect(table.rows.reduce((sum, row) => sum + row.amount, 0)).toBe(budget);
        table.rows.forEach((row, i) => {
          const share = (budget * (weights[i] ?? 0)) / total;
          expect(Number.isInteger(row.amount)).toBe(true);
          expect(Math.abs(row.amount - share)).toBeLessThan(1);
          if (row.kind !== 'subsidy') expect(row.amount).toBe(0);
        });
      }),
    );
  });

  it('the table does not depend on the order of the round’s bases', () => {
    fc.assert(
      fc.property(
        basesArb.chain((bases) =>
          fc.tuple(fc.constant(bases), fc.shuffledSubarray(bases, { minLength: bases.length })),
        ),
        ruleArb,
        ([bases, shuffled], rule) => {
          expect(computeFunding(acceptedRound(shuffled), rule)).toEqual(
            computeFunding(acceptedRound(bases), rule),
          );
        },
      ),
    );
  });

  it('without a budget every amount is its grade amount', () => {
    fc.assert(
      fc.property(basesArb, ruleArb, (bases, { amounts }) => {
        const table = computeFunding(acceptedRound(bases), { amounts });
        for (const row of table.rows) expect(row.amount).toBe(row.baseAmount);
      }),
    );
  });
});
