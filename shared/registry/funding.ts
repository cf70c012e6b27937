// 后补助: a round's funding table from its accepted outcomes and a rule of amounts per type and
// grade, optionally scaled to a total budget. Pure.
//
// The plan (辽科发〔2019〕23号, 四(三)) funds category A and the C platforms by 财政稳定支持 and
// category B by 后补助 "符合补助条件的基地，根据考核评估情况" — by evaluation result, with no
// figures. DEFAULT_FUNDING_RULE therefore lists only B1–B5 (A and C are 稳定支持) and gives an
// amount per grade that halves at each step: 优秀 200, 良好 100, 合格 50 万元, and 不合格 0,
// since a base that fails its evaluation does not meet 补助条件. The department edits these.
//
// Rows, one per base of the round (sorted by code):
//   - withdrawn, 撤销, 合并, or without a grade → kind 'none', 0;
//   - a type absent from the rule → 'stable' (稳定支持), 0;
//   - otherwise 'subsidy' with baseAmount = the rule's amount for its type and grade (0 if the
//     rule leaves the grade out). The type is the one the round's decision leaves it in (the
//     target of 纳入 and 转): the subsidy supports its next period there.
// Without a budget, amount = baseAmount. With one (whole 万元), each subsidy row's exact share
// budget × baseAmount / Σ baseAmount is floored, and the units still missing go one each to
// the rows with the largest remainders (largest-remainder method), ties to the lower code. The
// amounts are whole 万元, each within 1 of its exact share, and add up to the budget exactly
// (when any base has a positive amount). The arithmetic is exact: amounts are turned into
// integers of 0.01 万元 and shares compared as BigInt fractions, so no float error can move a
// unit, and the result does not depend on the order of the round's bases.
import { BASE_TYPE_CODES, categoryOfType } from '../domain/taxonomy';
import { deepFreeze } from '../domain/freeze';
import { GRADE_ORDER } from '../domain/grading';
import type { BaseTypeCode, GradeCode } from '../domain/types';
import type { AcceptedBaseOutcome, AcceptedRound, FundingRow, FundingRule } from './types';
import type { FundingTable } from './types';

const perGrade = (excellent: number, good: number, pass: number, fail: number) => ({
  excellent,
  good,
  pass,
  fail,
});

export const DEFAULT_FUNDING_RULE: FundingRule = deepFreeze({
  amounts: {
    B1: perGrade(200, 100, 50, 0),
    B2: perGrade(200, 100, 50, 0),
    B3: perGrade(200, 100, 50, 0),
    B4: perGrade(200, 100, 50, 0),
    B5: perGrade(200, 100, 50, 0),
  },
});

/** Amounts are kept to 0.01 万元 (100 元). */
const CENTS = 100;
/** The largest amount or budget accepted, in 万元 (well inside exact float integers). */
export const MAX_FUNDING_AMOUNT = 10_000_000;

const isCents = (value: number): boolean =>
  Number.isFinite(value) && Math.abs(Math.round(value * CENTS) - value * CENTS) < 1e-6;

/** What is wrong with a rule, in Chinese; empty when it can be applied. */
export function fundingRuleProblems(rule: FundingRule): string[] {
  const problems: string[] = [];
  for (const type of BASE_TYPE_CODES) {
    const amounts = rule.amounts[type];
    if (amounts === undefined) continue;
    for (const grade of GRADE_ORDER) {
      const value = amounts[grade];
      if (value === undefined) continue;
      if (!Number.isFinite(value) || value < 0 || value > MAX_FUNDING_AMOUNT) {
        problems.push(`${type} 的金额必须是 0 到 ${MAX_FUNDING_AMOUNT} 之间的数（万元）。`);
      } else if (!isCents(value)) {
        problems.push(`${type} 的金额最多保留两位小数（万元）。`);
      }
    }
  }
  const { budget } = rule;
  if (budget !== undefined && !(Number.isInteger(budget) && budget >= 0)) {
    problems.push('总预算必须是不小于 0 的整数（万元），才能按整万元分配。');
  } else if (budget !== undefined && budget > MAX_FUNDING_AMOUNT) {
    problems.push(`总预算不能超过 ${MAX_FUNDING_AMOUNT} 万元。`);
  }
  return [...new Set(problems)];
}

export class FundingRuleError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join(' '));
    this.name = 'FundingRuleError';
  }
}

/** The type the round's decision leaves the base in. */
function typeAfter(base: AcceptedBaseOutcome): BaseTypeCode {
  const moves = base.disposition === 'include' || base.disposition === 'convert';
  return moves && base.targetType !== undefined ? base.targetType : base.type;
}

function rowOf(base: AcceptedBaseOutcome, rule: FundingRule): FundingRow {
  const type = typeAfter(base);
  const row = {
    code: base.code,
    name: base.name,
    type,
    category: categoryOfType(type),
    grade: base.grade,
    ...(base.disposition === undefined ? {} : { disposition: base.disposition }),
  };
  const excluded =
    base.withdrawn === true ||
    base.disposition === 'revoke' ||
    base.disposition === 'merge' ||
    base.grade === null;
  if (excluded) return { ...row, kind: 'none', baseAmount: 0, amount: 0 };
  const amounts = rule.amounts[type];
  if (amounts === undefined) return { ...row, kind: 'stable', baseAmount: 0, amount: 0 };
  const grade: GradeCode = base.grade ?? 'fail';
  const baseAmount = amounts[grade] ?? 0;
  return { ...row, kind: 'subsidy', baseAmount, amount: baseAmount };
}

const byCode = (a: FundingRow, b: FundingRow): number =>
  a.code < b.code ? -1 : a.code > b.code ? 1 : 0;

/**
 * Whole-万元 amounts proportional to `weights` (integers ≥ 0) adding up to `budget`, by the
 * largest-remainder method; ties go to the earlier index. All zeros when no weight is positive.
 */
export function largestRemainder(weights: readonly bigint[], budget: number): number[] {
  const total = weights.reduce((sum, w) => sum + w, 0n);
  if (total === 0n) return weights.map(() => 0);
  const target = BigInt(budget);
  const floors = weights.map((w) => (target * w) / total);
  const remainders = weights.map((w, i) => target * w - (floors[i] ?? 0n) * total);
  let missing = target - floors.reduce((sum, f) => sum + f, 0n);
  const order = weights
    .map((_, i) => i)
    .sort((a, b) => {
      const ra = remainders[a] ?? 0n;
      const rb = remainders[b] ?? 0n;
      return ra === rb ? a - b : ra > rb ? -1 : 1;
    });
  const amounts = floors.map(Number);
  for (const i of order) {
    if (missing <= 0n) break;
    amounts[i] = (amounts[i] ?? 0) + 1;
    missing -= 1n;
  }
  return amounts;
}

/** The round's 后补助 table under `rule` (see the header); throws FundingRuleError if invalid. */
export function computeFunding(round: AcceptedRound, rule: FundingRule): FundingTable {
  const problems = fundingRuleProblems(rule);
  if (problems.length > 0) throw new FundingRuleError(problems);
  const rows = round.bases.map((base) => rowOf(base, rule)).sort(byCode);
  if (rule.budget === undefined) {
    return { roundId: round.roundId, rows, total: sumAmounts(rows) };
  }
  const weights = rows.map((row) =>
    row.kind === 'subsidy' ? BigInt(Math.round(row.baseAmount * CENTS)) : 0n,
  );
  const amounts = largestRemainder(weights, rule.budget);
  const scaled = rows.map((row, i) => ({ ...row, amount: amounts[i] ?? 0 }));
  return { roundId: round.roundId, rows: scaled, total: sumAmounts(scaled) };
}

/** Σ amounts, to 0.01 万元 (float sums of cents could show 350.00000000000006). */
function sumAmounts(rows: readonly FundingRow[]): number {
  const cents = rows.reduce((sum, row) => sum + Math.round(row.amount * CENTS), 0);
  return cents / CENTS;
}
