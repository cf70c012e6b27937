// Chinese wording of the report: the workbook and the printout are official papers of a
// Chinese round, so their labels are fixed here rather than following the UI language.
// Number and time formatting for the printed (display) parts: 2 decimals, 北京时间.
import { dispositionByCode } from '../domain/dispositions';
import { GRADE_LABELS, GRADE_ORDER } from '../domain/grading';
import { baseTypeByCode, categoryByCode } from '../domain/taxonomy';
import type {
  AggregationMethod,
  AggregationRule,
  Base,
  BaseTypeCode,
  Disposition,
  EvaluationType,
  GradeBand,
  GradeCode,
  QuotaRules,
} from '../domain/types';

export const METHOD_LABELS: Readonly<Record<AggregationMethod, string>> = {
  mean: '算术平均',
  median: '中位数',
  trimmedMean: '去掉最高分和最低分后平均',
  zScore: '专家标准化（Z 分数）',
};

export const EVALUATION_TYPE_LABELS: Readonly<Record<EvaluationType, string>> = {
  integration: '优化整合评估',
  periodic: '定期评估',
};

export type SheetState = 'submitted' | 'draft' | 'recused' | 'notStarted';

export const SHEET_STATE_LABELS: Readonly<Record<SheetState, string>> = {
  submitted: '已提交',
  draft: '草稿',
  recused: '回避',
  notStarted: '未开始',
};

export const RESOLUTION_LABELS = {
  local: '保留本机版本',
  incoming: '采用导入版本',
  manual: '录入商定分数',
} as const;

export const UNDECIDED_LABEL = '未决定';

export const gradeLabel = (grade: GradeCode | null): string | null =>
  grade === null ? null : GRADE_LABELS[grade].zh;

export const typeLabel = (type: BaseTypeCode): string => `${type} ${baseTypeByCode(type).nameZh}`;

export const categoryLabel = (type: BaseTypeCode): string => {
  const { category } = baseTypeByCode(type);
  return categoryByCode(category)?.nameZh ?? category;
};

/** "纳入", "合并" … (the code itself for an unknown one from a tampered bundle). */
export const dispositionLabel = (disposition: Disposition): string =>
  dispositionByCode(disposition.code)?.nameZh ?? String(disposition.code);

/** The type or base a disposition names: "B4 省专业技术创新中心", "某中心（LN-B4-007）", or null. */
export function dispositionTarget(
  disposition: Disposition,
  baseById: ReadonlyMap<string, Base>,
): string | null {
  switch (disposition.code) {
    case 'include':
    case 'convert':
      return typeLabel(disposition.targetType);
    case 'merge': {
      const target = baseById.get(disposition.targetBaseId);
      return target ? `${target.name}（${target.code}）` : disposition.targetBaseId;
    }
    default:
      return null;
  }
}

/** "去掉最高分和最低分各 1 个（有效评分表不少于 5 份时），否则算术平均". */
export function ruleLabel(rule: AggregationRule): string {
  if (rule.method !== 'trimmedMean') return METHOD_LABELS[rule.method];
  return `去掉最高分和最低分各 ${rule.trimCount} 个（有效评分表不少于 ${rule.trimMinSheets} 份时），否则算术平均`;
}

/** "优秀 ≥ 90；良好 ≥ 80；合格 ≥ 60；不合格 < 60" (bands in grade order). */
export function gradeBandsLabel(bands: readonly GradeBand[]): string {
  const sorted = [...bands].sort(
    (a, b) => GRADE_ORDER.indexOf(a.grade) - GRADE_ORDER.indexOf(b.grade),
  );
  return sorted
    .map((band, i) => {
      const above = sorted[i - 1];
      if (band.minScore === 0 && above) return `${GRADE_LABELS[band.grade].zh} < ${above.minScore}`;
      return `${GRADE_LABELS[band.grade].zh} ≥ ${band.minScore}`;
    })
    .join('；');
}

/** "优秀不超过 15%；限期整改与不合格不少于 10%", or "不设配额". */
export function quotaRulesLabel(quotas: QuotaRules): string {
  const parts: string[] = [];
  if (quotas.excellentMaxShare !== null) {
    parts.push(`优秀不超过 ${formatPercent(quotas.excellentMaxShare, 0)}`);
  }
  if (quotas.rectifyOrFailMinShare !== null) {
    parts.push(`限期整改与不合格不少于 ${formatPercent(quotas.rectifyOrFailMinShare, 0)}`);
  }
  return parts.length === 0 ? '不设配额' : parts.join('；');
}

/** 2 decimals; "—" for a missing value. */
export function formatPoints(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : value.toFixed(2);
}

/** A share (0.19) as "19.0%" (`digits` decimals). */
export function formatPercent(share: number, digits = 1): string {
  return `${(share * 100).toFixed(digits)}%`;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * An ISO instant as "2024-06-01 16:00" in the zone `utcOffsetMinutes` east of UTC (default
 * 北京时间). Pure: the offset is a parameter, not this machine's zone. Unreadable → as is.
 */
export function formatReportTime(iso: string, utcOffsetMinutes = 480): string {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return iso;
  const at = new Date(ms + utcOffsetMinutes * 60_000);
  return `${at.getUTCFullYear()}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())} ${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}`;
}

/** The date part only: "2024-06-01". */
export function formatReportDate(iso: string, utcOffsetMinutes = 480): string {
  return formatReportTime(iso, utcOffsetMinutes).slice(0, 10);
}
