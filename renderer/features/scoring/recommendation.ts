// The disposition recommendation as the form holds it while the expert chooses: a code,
// the target it needs (a type for 纳入/转, a base for 合并) and the reason. Only a draft
// with its target can be saved (bundles carry complete dispositions only); the reason may
// still be missing while drafting, submit checks it.
import {
  dispositionByCode,
  validateDispositionDecision,
} from '../../../shared/domain/dispositions';
import type { DispositionContext, DispositionProblem } from '../../../shared/domain/dispositions';
import type {
  BaseTypeCode,
  Disposition,
  DispositionCode,
  DispositionDecision,
} from '../../../shared/domain/types';

export type RecommendationDraft = {
  code: DispositionCode | null;
  targetType: BaseTypeCode | null;
  targetBaseId: string | null;
  reason: string;
};

export const EMPTY_DRAFT: RecommendationDraft = {
  code: null,
  targetType: null,
  targetBaseId: null,
  reason: '',
};

export function draftFromDecision(decision: DispositionDecision | undefined): RecommendationDraft {
  if (!decision) return EMPTY_DRAFT;
  const d = decision.disposition;
  return {
    code: d.code,
    targetType: d.code === 'include' || d.code === 'convert' ? d.targetType : null,
    targetBaseId: d.code === 'merge' ? d.targetBaseId : null,
    reason: decision.reason,
  };
}

/**
 * The draft after choosing a disposition. 纳入 proposes the base's own type as its target
 * (the usual case, so one key press makes a complete recommendation); a target that does
 * not fit the new code is dropped; the reason typed so far is kept.
 */
export function chooseDisposition(
  draft: RecommendationDraft,
  code: DispositionCode,
  baseType: BaseTypeCode,
): RecommendationDraft {
  const target = dispositionByCode(code)?.target ?? 'none';
  const keptType = draft.code === code ? draft.targetType : null;
  return {
    code,
    targetType: target === 'type' ? (keptType ?? (code === 'include' ? baseType : null)) : null,
    targetBaseId: target === 'base' && draft.code === code ? draft.targetBaseId : null,
    reason: draft.reason,
  };
}

export type DraftDecision =
  | { kind: 'none' }
  | { kind: 'incomplete'; missing: 'targetType' | 'targetBase' }
  | { kind: 'complete'; decision: DispositionDecision };

function dispositionOf(draft: RecommendationDraft): Disposition | 'targetType' | 'targetBase' {
  switch (draft.code) {
    case 'include':
    case 'convert':
      return draft.targetType === null
        ? 'targetType'
        : { code: draft.code, targetType: draft.targetType };
    case 'merge':
      return draft.targetBaseId === null
        ? 'targetBase'
        : { code: 'merge', targetBaseId: draft.targetBaseId };
    case 'keepAdjust':
    case 'rectify':
    case 'revoke':
      return { code: draft.code };
    case null:
      return 'targetType';
  }
}

/** What can be saved of a draft: nothing chosen, not yet (target missing), or a decision. */
export function decisionFromDraft(draft: RecommendationDraft): DraftDecision {
  if (draft.code === null) return { kind: 'none' };
  const disposition = dispositionOf(draft);
  if (disposition === 'targetType' || disposition === 'targetBase') {
    return { kind: 'incomplete', missing: disposition };
  }
  return { kind: 'complete', decision: { disposition, reason: draft.reason } };
}

export function isReasonRequired(code: DispositionCode | null): boolean {
  return code !== null && (dispositionByCode(code)?.requiresReason ?? false);
}

/** Problems to show next to the recommendation (the same checks submit applies). */
export function draftProblems(
  draft: RecommendationDraft,
  context: DispositionContext,
): DispositionProblem[] {
  const decided = decisionFromDraft(draft);
  if (decided.kind === 'none') return [];
  if (decided.kind === 'incomplete') {
    return decided.missing === 'targetBase'
      ? [{ code: 'mergeTargetMissing', message: '请选择合并到的基地' }]
      : [
          {
            code: 'targetTypeMissing',
            message: `请选择“${dispositionByCode(draft.code ?? 'include')?.nameZh ?? ''}”的目标基地类型`,
          },
        ];
  }
  return validateDispositionDecision(decided.decision, context);
}
