// Scoresheets for a demo round. A sheet's scores follow the base's latent quality and
// per-indicator profile, the expert's leniency and some noise; each score is proportional
// to the indicator's maximum, snapped to 0.5 and kept within [0, max]. Recommendations
// follow the sheet total.
import { formatHlc } from '../domain/hlc';
import { sheetTotal } from '../domain/scoresheetTotals';
import type {
  Assignment,
  Base,
  DispositionDecision,
  Expert,
  IndicatorTemplate,
  Scoresheet,
} from '../domain/types';
import {
  KEEP_ADJUST_REASONS,
  RECTIFY_REASONS,
  REVOKE_REASONS,
  overallComment,
  primaryComment,
} from './names';
import { clamp, snapToHalf } from './random';
import type { Rng } from './random';

export type BaseLatent = { quality: number; profile: readonly number[] };

export type SheetPlan = {
  kind: 'submitted' | 'draft' | 'declaredRecusal';
  /** When the expert worked on the sheet (ISO). */
  at: string;
  /** For drafts: how many secondary indicators are scored so far. */
  scoredCount?: number;
  recusalReason?: string;
};

export type SheetContext = {
  id: string;
  assignment: Assignment;
  base: Base;
  expert: Expert;
  template: IndicatorTemplate;
  latent: BaseLatent;
  leniency: number;
  /** Extra disagreement for a base the panel argued about. */
  spread: number;
};

export function recommendationFor(rng: Rng, base: Base, total: number): DispositionDecision {
  if (total >= 75) return { disposition: { code: 'include', targetType: base.type }, reason: '' };
  if (total >= 65)
    return { disposition: { code: 'keepAdjust' }, reason: rng.pick(KEEP_ADJUST_REASONS) };
  if (total >= 52) return { disposition: { code: 'rectify' }, reason: rng.pick(RECTIFY_REASONS) };
  return { disposition: { code: 'revoke' }, reason: rng.pick(REVOKE_REASONS) };
}

function scoresFor(rng: Rng, ctx: SheetContext): Record<string, number> {
  const sheetOffset = rng.normal(0, 3) + (ctx.spread > 0 ? rng.normal(0, ctx.spread) : 0);
  const scores: Record<string, number> = {};
  ctx.template.primaries.forEach((primary, i) => {
    const strength = ctx.latent.quality + (ctx.latent.profile[i] ?? 0) + ctx.leniency + sheetOffset;
    for (const child of primary.children) {
      const fraction = clamp((strength + rng.normal(0, 5)) / 100, 0.15, 1);
      scores[child.id] = clamp(snapToHalf(fraction * child.maxPoints), 0, child.maxPoints);
    }
  });
  return scores;
}

export function buildSheet(rng: Rng, ctx: SheetContext, plan: SheetPlan): Scoresheet {
  const deviceId = `${ctx.expert.id}-laptop`;
  const base: Scoresheet = {
    id: ctx.id,
    roundId: ctx.base.roundId,
    baseId: ctx.base.id,
    expertId: ctx.expert.id,
    templateId: ctx.template.id,
    templateVersion: ctx.template.version,
    scores: {},
    comments: {},
    overallComment: '',
    status: 'draft',
    revision: 0,
    hlc: formatHlc({ ms: Date.parse(plan.at), counter: 0, deviceId }),
    deviceId,
    updatedAt: plan.at,
  };
  if (plan.kind === 'declaredRecusal') {
    return {
      ...base,
      revision: 1,
      recusal: { reason: plan.recusalReason ?? '', source: 'declared', at: plan.at },
    };
  }

  const allScores = scoresFor(rng, ctx);
  if (plan.kind === 'draft') {
    const keys = Object.keys(allScores).slice(0, plan.scoredCount ?? 1);
    const scores = Object.fromEntries(keys.map((k) => [k, allScores[k] ?? 0]));
    return { ...base, scores, revision: keys.length };
  }

  const sheet: Scoresheet = { ...base, scores: allScores };
  const comments: Record<string, string> = {};
  for (const primary of ctx.template.primaries) {
    const got = primary.children.reduce((sum, c) => sum + (allScores[c.id] ?? 0), 0);
    comments[primary.id] = primaryComment(rng, primary.name, got / primary.maxPoints);
  }
  const total = sheetTotal(sheet, ctx.template);
  const edits = Object.keys(allScores).length + Object.keys(comments).length + 3;
  return {
    ...sheet,
    comments,
    overallComment: overallComment(rng, total / 100),
    recommendation: recommendationFor(rng, ctx.base, total),
    status: 'submitted',
    submittedAt: plan.at,
    revision: edits,
  };
}
