// An expert's scoresheet for one base and the edits it allows. Every edit is a pure
// function returning a new sheet or a typed refusal; the input is never mutated. A
// successful edit that changes something bumps `revision` and stamps hlc/deviceId/
// updatedAt (bundle merge relies on both). An edit that changes nothing returns the same
// sheet with `changed: false`, so tabbing through fields does not create revisions that
// would later look like conflicting edits.
import { isDispositionCode } from './dispositions';
import type { DispositionContext } from './dispositions';
import { completeness, checkScoreValue } from './scoresheetTotals';
import { findPrimary, findSecondary } from './templates';
import { bumpVersion } from '../sync/versions';
import type {
  Disposition,
  DispositionDecision,
  IndicatorTemplate,
  Recusal,
  RecusalSource,
  Scoresheet,
} from './types';
import type { ScoreValueErrorCode } from './scoresheetTotals';

export * from './scoresheetTotals';

export type EditStamp = { now: string; hlc: string; deviceId: string };

export type ScoresheetErrorCode =
  | ScoreValueErrorCode
  | 'sheetSubmitted'
  | 'sheetRecused'
  | 'notSubmitted'
  | 'templateMismatch'
  | 'unknownIndicator'
  | 'unknownDisposition'
  | 'reasonRequired'
  | 'incomplete';

export type ScoresheetError = { code: ScoresheetErrorCode; message: string };

export type ScoresheetEditResult =
  { ok: true; sheet: Scoresheet; changed: boolean } | { ok: false; error: ScoresheetError };

export type CreateScoresheetInput = {
  roundId: string;
  baseId: string;
  expertId: string;
  template: IndicatorTemplate;
  /** A sheet created for a recused assignment is locked from the start. */
  recusal?: Recusal;
};

export type ScoresheetDeps = {
  now: () => string;
  newId: () => string;
  deviceId: string;
  hlc: () => string;
};

export function createScoresheet(input: CreateScoresheetInput, deps: ScoresheetDeps): Scoresheet {
  const sheet: Scoresheet = {
    id: deps.newId(),
    roundId: input.roundId,
    baseId: input.baseId,
    expertId: input.expertId,
    templateId: input.template.id,
    templateVersion: input.template.version,
    scores: {},
    comments: {},
    overallComment: '',
    status: 'draft',
    revision: 0,
    hlc: deps.hlc(),
    deviceId: deps.deviceId,
    updatedAt: deps.now(),
  };
  return input.recusal ? { ...sheet, recusal: { ...input.recusal } } : sheet;
}

// ---- helpers ----------------------------------------------------------------------------

const refuse = (code: ScoresheetErrorCode, message: string): ScoresheetEditResult => ({
  ok: false,
  error: { code, message },
});

const unchanged = (sheet: Scoresheet): ScoresheetEditResult => ({
  ok: true,
  sheet,
  changed: false,
});

function edited(
  sheet: Scoresheet,
  changes: Partial<Scoresheet>,
  stamp: EditStamp,
): ScoresheetEditResult {
  return {
    ok: true,
    changed: true,
    sheet: {
      ...sheet,
      ...changes,
      revision: sheet.revision + 1,
      // One more edit on this device: lets a merge tell an edit made after seeing another
      // copy (descends) from one made without it (concurrent).
      versions: bumpVersion(sheet, stamp.deviceId),
      hlc: stamp.hlc,
      deviceId: stamp.deviceId,
      updatedAt: stamp.now,
    },
  };
}

/** Refusal for a sheet that may not be edited now, or undefined when it may. */
function lockedError(sheet: Scoresheet): ScoresheetEditResult | undefined {
  if (sheet.recusal) return refuse('sheetRecused', '已回避的评分表不能再修改');
  if (sheet.status === 'submitted') {
    return refuse('sheetSubmitted', '评分表已提交，须先退回修改后才能编辑');
  }
  return undefined;
}

function templateError(
  sheet: Scoresheet,
  template: IndicatorTemplate,
): ScoresheetEditResult | undefined {
  if (sheet.templateId === template.id && sheet.templateVersion === template.version)
    return undefined;
  return refuse('templateMismatch', '评分表与所用指标体系（或其版本）不一致');
}

function withoutKey<V>(record: Record<string, V>, key: string): Record<string, V> {
  const copy = { ...record };
  delete copy[key];
  return copy;
}

function dispositionTarget(d: Disposition): string {
  if ('targetType' in d) return d.targetType;
  if ('targetBaseId' in d) return d.targetBaseId;
  return '';
}

function sameDecision(a: DispositionDecision | undefined, b: DispositionDecision): boolean {
  return (
    a !== undefined &&
    a.reason === b.reason &&
    a.disposition.code === b.disposition.code &&
    dispositionTarget(a.disposition) === dispositionTarget(b.disposition)
  );
}

// ---- edits ------------------------------------------------------------------------------

/** Sets (or, with null, clears) the score of one secondary indicator. */
export function setScore(
  sheet: Scoresheet,
  template: IndicatorTemplate,
  indicatorId: string,
  value: number | null,
  stamp: EditStamp,
): ScoresheetEditResult {
  const blocked = lockedError(sheet) ?? templateError(sheet, template);
  if (blocked) return blocked;
  const indicator = findSecondary(template, indicatorId);
  if (!indicator) {
    return refuse('unknownIndicator', `“${indicatorId}”不是本指标体系中可打分的二级指标`);
  }
  if (value === null) {
    if (!Object.hasOwn(sheet.scores, indicatorId)) return unchanged(sheet);
    return edited(sheet, { scores: withoutKey(sheet.scores, indicatorId) }, stamp);
  }
  const check = checkScoreValue(value, indicator.maxPoints);
  if (!check.ok) return refuse(check.code, `“${indicator.name}”：${check.message}`);
  const score = value + 0; // turns -0 into 0
  if (sheet.scores[indicatorId] === score) return unchanged(sheet);
  return edited(sheet, { scores: { ...sheet.scores, [indicatorId]: score } }, stamp);
}

/** Sets the comment on a primary or secondary indicator; blank text removes it. */
export function setComment(
  sheet: Scoresheet,
  template: IndicatorTemplate,
  indicatorId: string,
  text: string,
  stamp: EditStamp,
): ScoresheetEditResult {
  const blocked = lockedError(sheet) ?? templateError(sheet, template);
  if (blocked) return blocked;
  if (!findPrimary(template, indicatorId) && !findSecondary(template, indicatorId)) {
    return refuse('unknownIndicator', `“${indicatorId}”不是本指标体系中的指标`);
  }
  if (text.trim() === '') {
    if (!Object.hasOwn(sheet.comments, indicatorId)) return unchanged(sheet);
    return edited(sheet, { comments: withoutKey(sheet.comments, indicatorId) }, stamp);
  }
  if (sheet.comments[indicatorId] === text) return unchanged(sheet);
  return edited(sheet, { comments: { ...sheet.comments, [indicatorId]: text } }, stamp);
}

export function setOverallComment(
  sheet: Scoresheet,
  text: string,
  stamp: EditStamp,
): ScoresheetEditResult {
  const blocked = lockedError(sheet);
  if (blocked) return blocked;
  if (sheet.overallComment === text) return unchanged(sheet);
  return edited(sheet, { overallComment: text }, stamp);
}

/**
 * Sets (or, with null, clears) the recommended disposition. An unfinished recommendation
 * (no target or reason yet) is accepted while drafting; submitScoresheet checks it.
 */
export function setRecommendation(
  sheet: Scoresheet,
  decision: DispositionDecision | null,
  stamp: EditStamp,
): ScoresheetEditResult {
  const blocked = lockedError(sheet);
  if (blocked) return blocked;
  if (decision === null) {
    if (sheet.recommendation === undefined) return unchanged(sheet);
    const { recommendation: _dropped, ...rest } = sheet;
    return edited(rest, {}, stamp);
  }
  if (!isDispositionCode(decision.disposition.code)) {
    return refuse('unknownDisposition', '未知的处理建议类型');
  }
  if (sameDecision(sheet.recommendation, decision)) return unchanged(sheet);
  const copy: DispositionDecision = {
    disposition: { ...decision.disposition },
    reason: decision.reason,
  };
  return edited(sheet, { recommendation: copy }, stamp);
}

/**
 * 回避: the expert (or secretariat) withdraws from scoring this base. Final: the sheet is
 * locked for good and excluded from every statistic. Scores, comments and the
 * recommendation already entered are cleared, so a conflicted judgement never travels
 * in a bundle. A submitted sheet must be reopened first.
 */
export function declareRecusal(
  sheet: Scoresheet,
  reason: string,
  stamp: EditStamp,
  source: RecusalSource = 'declared',
): ScoresheetEditResult {
  const blocked = lockedError(sheet);
  if (blocked) return blocked;
  if (reason.trim() === '') return refuse('reasonRequired', '声明回避须填写理由');
  const { recommendation: _dropped, ...rest } = sheet;
  return edited(
    rest,
    {
      scores: {},
      comments: {},
      overallComment: '',
      recusal: { reason: reason.trim(), source, at: stamp.now },
    },
    stamp,
  );
}

/** Locks a complete sheet. `context` lets the caller check a 合并/转 target properly. */
export function submitScoresheet(
  sheet: Scoresheet,
  template: IndicatorTemplate,
  stamp: EditStamp,
  context: DispositionContext = {},
): ScoresheetEditResult {
  const blocked = lockedError(sheet) ?? templateError(sheet, template);
  if (blocked) return blocked;
  const state = completeness(sheet, template, context);
  if (!state.isComplete) {
    const reasons: string[] = [];
    if (state.missingIndicatorIds.length > 0) {
      reasons.push(`尚有 ${state.missingIndicatorIds.length} 项指标未打分`);
    }
    if (state.missingRecommendation) reasons.push('请选择处理建议');
    reasons.push(...state.recommendationProblems.map((p) => p.message));
    return refuse('incomplete', `评分表未完成，不能提交：${reasons.join('；')}`);
  }
  return edited(sheet, { status: 'submitted', submittedAt: stamp.now }, stamp);
}

/** Returns a submitted sheet to draft so it can be corrected (the caller audits this). */
export function reopenScoresheet(sheet: Scoresheet, stamp: EditStamp): ScoresheetEditResult {
  if (sheet.recusal) return refuse('sheetRecused', '已回避的评分表不能退回修改');
  if (sheet.status !== 'submitted') return refuse('notSubmitted', '评分表尚未提交，无需退回');
  const { submittedAt: _previous, ...rest } = sheet;
  return edited(rest, { status: 'draft' }, stamp);
}
