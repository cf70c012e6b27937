// The secretariat's results table as data: one row per base (its result under the method in
// view, panel, decision, the grade's suggestion, flags), the filters over it, every method's
// value side by side, and the quota warnings per type for the banner above the table. Pure;
// the numbers themselves all come from computeRoundResults.
import { AGGREGATION_METHODS } from '../domain/aggregation';
import { gradeFor, quotaCheck } from '../domain/grading';
import type { QuotaItem, QuotaTypeReport, QuotaWarning } from '../domain/grading';
import type { BaseResult } from '../domain/results';
import { shareAgainstLimit } from '../domain/shareText';
import { categoryOfType } from '../domain/taxonomy';
import type {
  AggregationMethod,
  BaseTypeCode,
  CategoryCode,
  Disposition,
  FinalDecision,
  GradeBand,
  GradeCode,
  Panel,
  QuotaRules,
} from '../domain/types';
import { suggestDisposition } from './decisions';

export type ResultFlag = 'disagreement' | 'fail' | 'noSheets';

export const RESULT_FLAGS = [
  'disagreement',
  'fail',
  'noSheets',
] as const satisfies readonly ResultFlag[];

export type ResultRow = {
  result: BaseResult;
  panelName: string;
  decision?: FinalDecision;
  suggestion: Disposition | null;
  flags: ResultFlag[];
};

export function buildResultRows(
  results: readonly BaseResult[],
  panels: readonly Panel[],
  decisions: readonly FinalDecision[],
): ResultRow[] {
  const panelName = new Map(panels.map((p) => [p.id, p.name]));
  const decisionOf = new Map(decisions.map((d) => [d.baseId, d]));
  return results.map((result) => {
    const flags: ResultFlag[] = [];
    if (result.isDisagreement) flags.push('disagreement');
    if (result.grade === 'fail') flags.push('fail');
    if (result.sheets === 0) flags.push('noSheets');
    const decision = decisionOf.get(result.base.id);
    return {
      result,
      panelName: result.base.panelId ? (panelName.get(result.base.panelId) ?? '') : '',
      ...(decision ? { decision } : {}),
      suggestion: suggestDisposition(result.base, result.grade),
      flags,
    };
  });
}

export type ResultFilters = {
  type?: BaseTypeCode;
  category?: CategoryCode;
  panelId?: string;
  /** A row passes when it has any of these flags (none chosen: every row). */
  flags?: readonly ResultFlag[];
  undecidedOnly?: boolean;
  /** Part of the base's name, code or host institution. */
  search?: string;
};

export function filterResultRows(rows: readonly ResultRow[], filters: ResultFilters): ResultRow[] {
  const search = filters.search?.trim().toLowerCase() ?? '';
  const flags = filters.flags ?? [];
  return rows.filter(({ result, decision, flags: rowFlags }) => {
    const { base } = result;
    if (filters.type !== undefined && base.type !== filters.type) return false;
    if (filters.category !== undefined && categoryOfType(base.type) !== filters.category) {
      return false;
    }
    if (filters.panelId !== undefined && base.panelId !== filters.panelId) return false;
    if (flags.length > 0 && !flags.some((flag) => rowFlags.includes(flag))) return false;
    if (filters.undecidedOnly && decision) return false;
    if (search !== '') {
      const text = `${base.name} ${base.code} ${base.hostInstitution}`.toLowerCase();
      if (!text.includes(search)) return false;
    }
    return true;
  });
}

// ---- methods side by side -----------------------------------------------------------------------

export type MethodCell = {
  method: AggregationMethod;
  value: number | null;
  /** The method that produced the value (e.g. 'mean' when too few sheets to trim). */
  usedMethod: AggregationMethod;
  isFallback: boolean;
  grade: GradeCode | null;
};

/** Every method's value of one base, in AGGREGATION_METHODS order, each with its grade. */
export function methodCells(result: BaseResult, bands: readonly GradeBand[]): MethodCell[] {
  return AGGREGATION_METHODS.map((method) => {
    const resolved = result.byMethod[method];
    return {
      method,
      value: resolved.value,
      usedMethod: resolved.method,
      isFallback: resolved.method !== method,
      grade: resolved.value === null ? null : gradeFor(resolved.value, bands),
    };
  });
}

// ---- quotas -------------------------------------------------------------------------------------

export type QuotaWarningView = QuotaWarning & {
  type: BaseTypeCode;
  /** Share and limit as percent text (shareAgainstLimit): "19", "15.4", "9.96" against "10". */
  sharePercent: string;
  limitPercent: string;
};

export type QuotaView = {
  reports: QuotaTypeReport[];
  warnings: QuotaWarningView[];
  /** Bases left out of the check because they have no grade yet (no valid sheet). */
  ungraded: number;
};

// Percent text of shares against their limits: one helper for every screen and the report.
export { percentText } from '../domain/shareText';

/**
 * quotaCheck over the graded bases, with each base's recorded decision (a decided 限期整改
 * counts towards the 整改 + 不合格 floor).
 */
export function quotaView(
  results: readonly BaseResult[],
  decisions: readonly FinalDecision[],
  quotas: QuotaRules,
): QuotaView {
  const decisionOf = new Map(decisions.map((d) => [d.baseId, d.disposition.code]));
  const items: QuotaItem[] = results.flatMap((r): QuotaItem[] => {
    if (r.grade === null) return [];
    const decision = decisionOf.get(r.base.id);
    return [
      {
        baseId: r.base.id,
        type: r.base.type,
        grade: r.grade,
        ...(decision ? { decision } : {}),
      },
    ];
  });
  const reports = quotaCheck(items, quotas);
  const warnings = reports.flatMap((report) =>
    report.warnings.map((warning): QuotaWarningView => {
      const texts = shareAgainstLimit(warning.share, warning.limit);
      return {
        ...warning,
        type: report.type,
        sharePercent: texts.share,
        limitPercent: texts.limit,
      };
    }),
  );
  return { reports, warnings, ungraded: results.length - items.length };
}
