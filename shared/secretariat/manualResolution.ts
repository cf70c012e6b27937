// Entering the agreed values of a conflicting scoresheet by hand: start from either copy,
// change scores and comments indicator by indicator, and check them exactly as the scoresheet
// does (0 to the maximum, on the 0.5 step) before shared/sync's resolveConflict writes them.
// A sheet that was submitted on either laptop stays submitted, so then every indicator must
// be scored and the recommendation must be complete. Pure.
import { validateDispositionDecision } from '../domain/dispositions';
import { checkScoreValue } from '../domain/scoresheetTotals';
import { secondaryIndicators } from '../domain/templates';
import type { ConflictRecord, DispositionDecision, IndicatorTemplate } from '../domain/types';
import type { ManualResolution } from '../sync/resolveConflict';

export type ConflictSide = 'local' | 'incoming';

export type ManualDraft = {
  /** Secondary indicator id → score; null = not scored. */
  scores: Record<string, number | null>;
  /** Primary or secondary indicator id → comment. */
  comments: Record<string, string>;
  overallComment: string;
  /** Whose recommendation the agreed sheet keeps. */
  recommendationFrom: ConflictSide;
};

export type ManualProblem = { indicatorId?: string; message: string };

export type ManualCheck =
  { ok: true; resolution: ManualResolution } | { ok: false; problems: ManualProblem[] };

/** A copy declared a recusal: the agreed values cannot start from it (it has no scores). */
export function canStartFrom(record: ConflictRecord, side: ConflictSide): boolean {
  return record[side].recusal === undefined;
}

/** The agreed sheet is submitted when either copy was (resolveConflict's default). */
export function isSubmittedResolution(record: ConflictRecord): boolean {
  return record.local.status === 'submitted' || record.incoming.status === 'submitted';
}

/** A draft holding one copy's values for every indicator of the template. */
export function startManualDraft(
  record: ConflictRecord,
  side: ConflictSide,
  template: IndicatorTemplate,
): ManualDraft {
  const sheet = record[side];
  const scores: Record<string, number | null> = {};
  const comments: Record<string, string> = {};
  for (const primary of template.primaries) {
    comments[primary.id] = Object.hasOwn(sheet.comments, primary.id)
      ? (sheet.comments[primary.id] ?? '')
      : '';
    for (const child of primary.children) {
      scores[child.id] = Object.hasOwn(sheet.scores, child.id)
        ? (sheet.scores[child.id] ?? null)
        : null;
      comments[child.id] = Object.hasOwn(sheet.comments, child.id)
        ? (sheet.comments[child.id] ?? '')
        : '';
    }
  }
  return { scores, comments, overallComment: sheet.overallComment, recommendationFrom: side };
}

function copyDecision(decision: DispositionDecision): DispositionDecision {
  return { disposition: { ...decision.disposition }, reason: decision.reason };
}

/** Checks the draft; on success, the ManualResolution to hand to resolveConflict. */
export function checkManualDraft(
  record: ConflictRecord,
  draft: ManualDraft,
  template: IndicatorTemplate,
): ManualCheck {
  const isSubmitted = isSubmittedResolution(record);
  const problems: ManualProblem[] = [];
  const scores: Record<string, number> = {};
  for (const indicator of secondaryIndicators(template)) {
    const value = draft.scores[indicator.id] ?? null;
    if (value === null) {
      if (isSubmitted) {
        problems.push({
          indicatorId: indicator.id,
          message: `“${indicator.name}”尚未打分：已提交的评分表每一项都须有分值`,
        });
      }
      continue;
    }
    const check = checkScoreValue(value, indicator.maxPoints);
    if (!check.ok) {
      problems.push({
        indicatorId: indicator.id,
        message: `“${indicator.name}”：${check.message}`,
      });
      continue;
    }
    scores[indicator.id] = value;
  }
  const known = new Set([
    ...template.primaries.map((p) => p.id),
    ...secondaryIndicators(template).map((s) => s.id),
  ]);
  const comments = Object.fromEntries(
    Object.entries(draft.comments).filter(([id, text]) => known.has(id) && text.trim() !== ''),
  );
  const recommendation = record[draft.recommendationFrom].recommendation;
  if (recommendation) {
    const base = record.local.baseId;
    for (const problem of validateDispositionDecision(recommendation, { selfBaseId: base })) {
      problems.push({ message: `处理建议：${problem.message}` });
    }
  } else if (isSubmitted) {
    problems.push({ message: '已提交的评分表须有处理建议：请采用带有处理建议的一方' });
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    resolution: {
      scores,
      comments,
      overallComment: draft.overallComment,
      ...(recommendation ? { recommendation: copyDecision(recommendation) } : {}),
    },
  };
}
