import { describe, expect, it } from 'vitest';
import {
  computeFunding,
  DEFAULT_FUNDING_RULE,
  FundingRuleError,
  fundingRuleProblems,
  largestRemainder,
} from '../../../shared/registry/funding';
import type { FundingRule } from '../../../shared/registry/types';
import { acceptedRound, outcome } from '../../helpers/fundingBuilders';

const amountsOf = (rows: { code: string; amount: number }[]) =>
  Object.fromEntries(rows.map((row) => [row.code, row.amount]));

describe('DEFAULT_FUNDING_RULE', () => {
  it('funds the five category-B types by grade and leaves A and C to 稳定支持', () => {
    expect(Object.keys(DEFAULT_FUNDING_RULE.amounts)).toEqual(['B1', 'B2', 'B3', 'B4', 'B5']);
    expect(DEFAULT_FUNDING_RULE.amounts.B3).toEqual({
      excellent: 200,
      good: 100,
      pass: 50,
      fail: 0,
    });
    expect(DEFAULT_FUNDING_RULE.budget).toBeUndefined();
    expect(Object.isFrozen(DEFAULT_FUNDING_RULE.amounts.B1)).toBe(true);
  });
});

describe('computeFunding without a budget', () => {
  const round = acceptedRound([
    outcome('LN-003', 'B4', { grade: 'pass' }),
    outcome('LN-001', 'B1', { grade: 'excellent' }),
    outcome('LN-002', 'B2', { grade: 'good' }),
    outcome('LN-004', 'B5', { grade: 'fail', disposition: 'rectify' }),
    outcome('LN-005', 'A1', { grade: 'excellent' }),
    outcome('LN-006', 'C2', { grade: 'good' }),
    outcome('LN-007', 'B1', { grade: 'excellent', disposition: 'revoke' }),
    outcome('LN-008', 'B3', { grade: 'good', disposition: 'merge', mergedInto: 'LN-002' }),
    outcome('LN-009', 'B3', { grade: null, aggregate: null }),
    outcome('LN-010', 'B4', { grade: 'good', withdrawn: true }),
  ]);

  it('pays each category-B base its grade amount, in code order, and sums them', () => {
    const table = computeFunding(round, DEFAULT_FUNDING_RULE);
    expect(table.roundId).toBe('round-2023');
    expect(table.rows.map((row) => [row.code, row.kind, row.baseAmount, row.amount])).toEqual([
      ['LN-001', 'subsidy', 200, 200],
      ['LN-002', 'subsidy', 100, 100],
      ['LN-003', 'subsidy', 50, 50],
      ['LN-004', 'subsidy', 0, 0],
      ['LN-005', 'stable', 0, 0],
      ['LN-006', 'stable', 0, 0],
      ['LN-007', 'none', 0, 0],
      ['LN-008', 'none', 0, 0],
      ['LN-009', 'none', 0, 0],
      ['LN-010', 'none', 0, 0],
    ]);
    // 200 + 100 + 50 + 0 (不合格) = 350; 稳定支持 and excluded bases add nothing.
    expect(table.total).toBe(350);
    expect(table.rows.find((row) => row.code === 'LN-006')?.category).toBe('C');
    expect(table.rows.find((row) => row.code === 'LN-004')?.disposition).toBe('rectify');
  });

  it('funds a base under the type its 纳入 or 转 moves it to', () => {
    const moved = acceptedRound([
      outcome('M1', 'B4', {
        legacyType: 'engineeringTechnologyCenter',
        disposition: 'include',
        targetType: 'B4',
        grade: 'good',
      }),
      outcome('M2', 'B4', { disposition: 'convert', targetType: 'A1', grade: 'excellent' }),
    ]);
    const rows = computeFunding(moved, DEFAULT_FUNDING_RULE).rows;
    expect(rows.map((row) => [row.code, row.type, row.kind, row.amount])).toEqual([
      ['M1', 'B4', 'subsidy', 100],
      ['M2', 'A1', 'stable', 0],
    ]);
  });

  it('keeps amounts in 0.01 万元 and pays 0 for a grade the rule leaves out', () => {
    const rule: FundingRule = { amounts: { B1: { excellent: 12.35, good: 7.1 } } };
    const table = computeFunding(
      acceptedRound([
        outcome('A', 'B1', { grade: 'excellent' }),
        outcome('B', 'B1', { grade: 'good' }),
        outcome('C', 'B1', { grade: 'pass' }),
      ]),
      rule,
    );
    expect(amountsOf(table.rows)).toEqual({ A: 12.35, B: 7.1, C: 0 });
    expect(table.total).toBe(19.45);
  });
});

describe('computeFunding with a budget (largest remainder)', () => {
  it('scales 200/100/50 to a budget of 100 as 57/29/14', () => {
    // Σ base = 350. Exact shares: 100×200/350 = 57.142857…, 100×100/350 = 28.571428…,
    // 100×50/350 = 14.285714…. Floors 57 + 28 + 14 = 99: one 万元 is missing. Remainders
    // 0.142857, 0.571428, 0.285714: the largest is LN-002's, so it gets the unit → 29.
    const round = acceptedRound([
      outcome('LN-001', 'B1', { grade: 'excellent' }),
      outcome('LN-002', 'B2', { grade: 'good' }),
      outcome('LN-003', 'B3', { grade: 'pass' }),
    ]);
    const table = computeFunding(round, { ...DEFAULT_FUNDING_RULE, budget: 100 });
    expect(table.rows.map((row) => [row.code, row.baseAmount, row.amount])).toEqual([
      ['LN-001', 200, 57],
      ['LN-002', 100, 29],
      ['LN-003', 50, 14],
    ]);
    expect(table.total).toBe(100);
  });

  it('gives tied remainders to the lower code', () => {
    // Three equal bases and 100: 33.333… each, floors 99, one unit for three equal
    // remainders of 1/3 → the first code, Q1 → 34/33/33.
    const round = acceptedRound(
      ['Q3', 'Q1', 'Q2'].map((code) => outcome(code, 'B4', { grade: 'good' })),
    );
    const table = computeFunding(round, { ...DEFAULT_FUNDING_RULE, budget: 100 });
    expect(amountsOf(table.rows)).toEqual({ Q1: 34, Q2: 33, Q3: 33 });
  });

  it('splits fractional base amounts exactly', () => {
    // 12.5 : 37.5 with 10 → exact 2.5 and 7.5; floors 2 + 7 = 9; remainders tie at 0.5 →
    // the lower code F1 gets the unit: 3 and 7.
    const rule: FundingRule = { amounts: { B1: { good: 12.5, pass: 37.5 } }, budget: 10 };
    const round = acceptedRound([
      outcome('F2', 'B1', { grade: 'pass' }),
      outcome('F1', 'B1', { grade: 'good' }),
    ]);
    expect(amountsOf(computeFunding(round, rule).rows)).toEqual({ F1: 3, F2: 7 });
  });

  it('gives nothing to stable, excluded and zero-amount bases', () => {
    // Only G1 (200) and G2 (50) have amounts: 7 × 200/250 = 5.6, 7 × 50/250 = 1.4 → floors 5
    // and 1, one unit to the larger remainder 0.6 (G1) → 6 and 1.
    const round = acceptedRound([
      outcome('G1', 'B1', { grade: 'excellent' }),
      outcome('G2', 'B1', { grade: 'pass' }),
      outcome('G3', 'B1', { grade: 'fail' }),
      outcome('G4', 'A1', { grade: 'excellent' }),
      outcome('G5', 'B1', { grade: 'excellent', disposition: 'revoke' }),
    ]);
    const table = computeFunding(round, { ...DEFAULT_FUNDING_RULE, budget: 7 });
    expect(amountsOf(table.rows)).toEqual({ G1: 6, G2: 1, G3: 0, G4: 0, G5: 0 });
    expect(table.total).toBe(7);
  });

  it('distributes nothing when no base has an amount', () => {
    const round = acceptedRound([outcome('H1', 'A1'), outcome('H2', 'B1', { grade: 'fail' })]);
    const table = computeFunding(round, { ...DEFAULT_FUNDING_RULE, budget: 500 });
    expect(table.total).toBe(0);
    expect(table.rows.every((row) => row.amount === 0)).toBe(true);
  });

  it('largestRemainder hands out the missing units by remainder, ties by position', () => {
    // 10 × (1, 1, 1) / 3 = 3.333… each: floors 9, the first index gets the 10th unit.
    expect(largestRemainder([1n, 1n, 1n], 10)).toEqual([4, 3, 3]);
    // 5 × (2, 3) / 5 = 2 and 3 exactly: no remainder.
    expect(largestRemainder([2n, 3n], 5)).toEqual([2, 3]);
    expect(largestRemainder([0n, 0n], 5)).toEqual([0, 0]);
  });
});

describe('fundingRuleProblems', () => {
  it('accepts the default rule and a whole budget', () => {
    expect(fundingRuleProblems(DEFAULT_FUNDING_RULE)).toEqual([]);
    expect(fundingRuleProblems({ ...DEFAULT_FUNDING_RULE, budget: 0 })).toEqual([]);
  });

  it('refuses negative or over-precise amounts and fractional budgets, in Chinese', () => {
    expect(fundingRuleProblems({ amounts: { B1: { good: -1 } } })).toEqual([
      'B1 的金额必须是 0 到 10000000 之间的数（万元）。',
    ]);
    expect(fundingRuleProblems({ amounts: { B2: { good: 1.234 } } })).toEqual([
      'B2 的金额最多保留两位小数（万元）。',
    ]);
    expect(fundingRuleProblems({ amounts: {}, budget: 10.5 })).toEqual([
      '总预算必须是不小于 0 的整数（万元），才能按整万元分配。',
    ]);
    expect(fundingRuleProblems({ amounts: { B3: { pass: Number.NaN } } })).toHaveLength(1);
  });

  it('computeFunding refuses an invalid rule instead of guessing', () => {
    const round = acceptedRound([outcome('X', 'B1')]);
    expect(() => computeFunding(round, { amounts: {}, budget: -5 })).toThrow(FundingRuleError);
    expect(() => computeFunding(round, { amounts: {}, budget: -5 })).toThrow('总预算');
  });
});
