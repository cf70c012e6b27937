// The secretariat's final decision per base: what the grade suggests (only a starting point a
// person may take or leave, never applied in bulk), how the panel's experts recommended, and
// the check of what the clerk entered before recordDecision stores it. A final decision
// always carries a rationale, whatever the disposition. Pure.
import {
  dispositionByCode,
  DISPOSITIONS,
  isDispositionCode,
  validateDispositionDecision,
} from '../domain/dispositions';
import type {
  Base,
  BaseTypeCode,
  Disposition,
  DispositionCode,
  DispositionDecision,
  FinalDecision,
  GradeCode,
  Scoresheet,
} from '../domain/types';

/**
 * 优秀, 良好 and 合格 suggest 纳入 in the base's own (new) type; 不合格 suggests 限期整改. No
 * grade (no valid sheet yet), no suggestion. 合并, 转 and 撤销 are never suggested: they need
 * a person's judgement beyond the score.
 */
export function suggestDisposition(base: Base, grade: GradeCode | null): Disposition | null {
  if (grade === null) return null;
  return grade === 'fail' ? { code: 'rectify' } : { code: 'include', targetType: base.type };
}

export type RecommendationTally = { code: DispositionCode; count: number }[];

/**
 * The experts' recommendations for a base, most frequent first (ties in the order of
 * DISPOSITIONS): submitted, non-recused sheets only, like every statistic.
 */
export function recommendationTally(
  sheets: readonly Scoresheet[],
  baseId: string,
): RecommendationTally {
  const counts = new Map<DispositionCode, number>();
  for (const sheet of sheets) {
    if (sheet.baseId !== baseId || sheet.status !== 'submitted' || sheet.recusal) continue;
    const code = sheet.recommendation?.disposition.code;
    if (code && dispositionByCode(code)) counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  return DISPOSITIONS.map((d) => d.code)
    .flatMap((code) => {
      const count = counts.get(code);
      return count ? [{ code, count }] : [];
    })
    .sort((a, b) => b.count - a.count);
}

// ---- the form -------------------------------------------------------------------------------

export type DecisionForm = {
  code: DispositionCode | undefined;
  targetType: BaseTypeCode | undefined;
  targetBaseId: string | undefined;
  reason: string;
  /** The person recording it (经办人). */
  actor: string;
};

export type DecisionField = 'code' | 'target' | 'reason' | 'actor';

export type DecisionFormProblem = { field: DecisionField; message: string };

export type DecisionFormCheck =
  | { ok: true; decision: DispositionDecision; actor: string }
  | { ok: false; problems: DecisionFormProblem[] };

export type DecisionContext = {
  base: Base;
  /** Bases of the round: a 合并 target must be one of them. */
  roundBaseIds: ReadonlySet<string>;
};

type Built = { disposition: Disposition } | { problem: DecisionFormProblem };

function dispositionOf(form: DecisionForm): Built {
  switch (form.code) {
    case 'include':
    case 'convert': {
      if (form.targetType !== undefined) {
        return { disposition: { code: form.code, targetType: form.targetType } };
      }
      const name = dispositionByCode(form.code)?.nameZh ?? form.code;
      return { problem: { field: 'target', message: `请选择“${name}”的目标基地类型` } };
    }
    case 'merge':
      return form.targetBaseId
        ? { disposition: { code: 'merge', targetBaseId: form.targetBaseId } }
        : { problem: { field: 'target', message: '请选择合并到的基地' } };
    case 'keepAdjust':
    case 'rectify':
    case 'revoke':
      return { disposition: { code: form.code } };
    default:
      return { problem: { field: 'code', message: '请选择处理决定' } };
  }
}

const TARGET_CODES = new Set([
  'targetTypeMissing',
  'convertToSameType',
  'mergeTargetMissing',
  'mergeTargetUnknown',
  'mergeTargetSelf',
]);

/** Checks the form; on success the decision and actor to hand to recordDecision. */
export function checkDecisionForm(form: DecisionForm, context: DecisionContext): DecisionFormCheck {
  const problems: DecisionFormProblem[] = [];
  const reason = form.reason.trim();
  const actor = form.actor.trim();
  const built = dispositionOf(form);
  const disposition = 'disposition' in built ? built.disposition : undefined;
  if ('problem' in built) problems.push(built.problem);
  if (disposition) {
    const found = validateDispositionDecision(
      { disposition, reason },
      {
        baseType: context.base.type,
        selfBaseId: context.base.id,
        existingBaseIds: context.roundBaseIds,
      },
    );
    for (const problem of found) {
      if (problem.code === 'reasonRequired') continue;
      problems.push({
        field: TARGET_CODES.has(problem.code) ? 'target' : 'code',
        message: problem.message,
      });
    }
  }
  if (reason === '') problems.push({ field: 'reason', message: '请填写决定理由' });
  if (actor === '') problems.push({ field: 'actor', message: '请填写经办人姓名' });
  if (problems.length > 0 || !disposition) return { ok: false, problems };
  return { ok: true, decision: { disposition, reason }, actor };
}

/** The form filled from a stored decision, or from a suggestion (reason left to the person). */
export function formFromDisposition(
  disposition: Disposition | undefined,
  reason: string,
  actor: string,
): DecisionForm {
  return {
    code: disposition?.code,
    targetType:
      disposition && (disposition.code === 'include' || disposition.code === 'convert')
        ? disposition.targetType
        : undefined,
    targetBaseId: disposition?.code === 'merge' ? disposition.targetBaseId : undefined,
    reason,
    actor,
  };
}

// ---- merge targets ---------------------------------------------------------------------------

export type MergeTargetOption = {
  base: Base;
  /** Name, code, host and city, for a searchable select. */
  searchText: string;
  /** Set when the target itself is decided 合并 or 撤销: merging into it needs a second look. */
  caution?: 'targetMerged' | 'targetRevoked';
};

/** Every other base of the round, bases of the same type first, then by name. */
export function mergeTargetOptions(
  base: Base,
  bases: readonly Base[],
  decisions: readonly FinalDecision[],
): MergeTargetOption[] {
  const decided = new Map(decisions.map((d) => [d.baseId, d.disposition.code]));
  return bases
    .filter((b) => b.id !== base.id && b.roundId === base.roundId)
    .sort(
      (a, b) =>
        Number(b.type === base.type) - Number(a.type === base.type) ||
        a.type.localeCompare(b.type) ||
        a.name.localeCompare(b.name, 'zh-CN'),
    )
    .map((b) => {
      const code = decided.get(b.id);
      return {
        base: b,
        searchText: [b.name, b.code, b.hostInstitution, b.city].join(' ').toLowerCase(),
        ...(code === 'merge'
          ? { caution: 'targetMerged' as const }
          : code === 'revoke'
            ? { caution: 'targetRevoked' as const }
            : {}),
      };
    });
}

// ---- audit history ---------------------------------------------------------------------------

export type DecisionAuditDetail = { code: DispositionCode; target?: string; reason: string };

const DETAIL = /^(include|keepAdjust|rectify|merge|convert|revoke)(?: → (.+?))?: ([\s\S]*)$/u;

/**
 * A 'decision.record' entry's detail as decisionRepository writes it ("merge → <base id>:
 * <reason>"), taken apart so the history can show names instead of ids; undefined for any
 * other text (shown as it is).
 */
export function parseDecisionDetail(detail: string | undefined): DecisionAuditDetail | undefined {
  const match = detail === undefined ? null : DETAIL.exec(detail);
  const code = match?.[1];
  if (!match || !isDispositionCode(code)) return undefined;
  const target = match[2];
  return {
    code,
    ...(target === undefined ? {} : { target }),
    reason: match[3] ?? '',
  };
}
