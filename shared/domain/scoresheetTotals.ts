// Read-only views of a scoresheet against its template: totals, completeness, and
// whether the sheet counts in statistics. Re-exported from scoresheet.ts.
//
// Scores are multiples of 0.5 up to 100, and such numbers (and all their sums) are exact
// binary fractions, so plain floating-point addition gives exact totals here: no rounding
// or epsilon is needed, and 7.5 + 2.5 === 10 holds exactly.
import { validateDispositionDecision } from './dispositions';
import type { DispositionContext, DispositionProblem } from './dispositions';
import { secondaryIndicators } from './templates';
import type { IndicatorTemplate, Scoresheet } from './types';

export const SCORE_STEP = 0.5;

export type ScoreValueErrorCode = 'notANumber' | 'negative' | 'aboveMax' | 'notOnStep';

export type ScoreCheck = { ok: true } | { ok: false; code: ScoreValueErrorCode; message: string };

/** Whether a score may be entered for an indicator worth `max` points. Never clamps. */
export function checkScoreValue(value: number, max: number): ScoreCheck {
  const range = `分值须在 0 到 ${max} 之间`;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return { ok: false, code: 'notANumber', message: `请输入数字，${range}` };
  }
  if (value < 0) return { ok: false, code: 'negative', message: `分值不能为负数，${range}` };
  if (value > max) return { ok: false, code: 'aboveMax', message: range };
  if (!Number.isInteger(value / SCORE_STEP)) {
    return { ok: false, code: 'notOnStep', message: `分值须为 ${SCORE_STEP} 的整数倍，${range}` };
  }
  return { ok: true };
}

/**
 * The valid score of one secondary, or undefined. Values that fail checkScoreValue
 * (only possible in tampered or corrupt data) count as not scored.
 */
function validScore(sheet: Scoresheet, indicatorId: string, max: number): number | undefined {
  if (!Object.hasOwn(sheet.scores, indicatorId)) return undefined;
  const value = sheet.scores[indicatorId];
  return value !== undefined && checkScoreValue(value, max).ok ? value : undefined;
}

/** Primary indicator id → sum of its scored secondaries (0 when none is scored). */
export function primaryTotals(
  sheet: Scoresheet,
  template: IndicatorTemplate,
): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const primary of template.primaries) {
    totals[primary.id] = primary.children.reduce(
      (sum, child) => sum + (validScore(sheet, child.id, child.maxPoints) ?? 0),
      0,
    );
  }
  return totals;
}

/** The sheet's total: the sum of its scored secondaries. */
export function sheetTotal(sheet: Scoresheet, template: IndicatorTemplate): number {
  return secondaryIndicators(template).reduce(
    (sum, s) => sum + (validScore(sheet, s.id, s.maxPoints) ?? 0),
    0,
  );
}

export type Completeness = {
  scored: number;
  total: number;
  /** Unscored secondaries, in template order. */
  missingIndicatorIds: string[];
  missingRecommendation: boolean;
  /** The recommended disposition needs a reason and none is given. */
  missingReason: boolean;
  /** Everything wrong with the recommendation (reason, merge target, convert target). */
  recommendationProblems: DispositionProblem[];
  isComplete: boolean;
};

/**
 * What is left before a sheet can be submitted: every secondary scored, and a
 * recommendation that passes validateDispositionDecision (with a reason where needed).
 */
export function completeness(
  sheet: Scoresheet,
  template: IndicatorTemplate,
  context: DispositionContext = {},
): Completeness {
  const secondaries = secondaryIndicators(template);
  const missingIndicatorIds = secondaries
    .filter((s) => validScore(sheet, s.id, s.maxPoints) === undefined)
    .map((s) => s.id);
  const recommendationProblems = sheet.recommendation
    ? validateDispositionDecision(sheet.recommendation, { selfBaseId: sheet.baseId, ...context })
    : [];
  const missingRecommendation = sheet.recommendation === undefined;
  return {
    scored: secondaries.length - missingIndicatorIds.length,
    total: secondaries.length,
    missingIndicatorIds,
    missingRecommendation,
    missingReason: recommendationProblems.some((p) => p.code === 'reasonRequired'),
    recommendationProblems,
    isComplete:
      missingIndicatorIds.length === 0 &&
      !missingRecommendation &&
      recommendationProblems.length === 0,
  };
}

/** Only submitted, non-recused sheets enter aggregation, agreement and rankings. */
export function isCountedInStatistics(sheet: Scoresheet): boolean {
  return sheet.status === 'submitted' && sheet.recusal === undefined;
}
