// Grades from aggregated totals, and the quota check (优秀 ceiling, 整改 + 不合格 floor).
// Quotas only flag: they never change a grade, the secretariat decides (INDICATORS.md).
import type { BaseTypeCode, DispositionCode, GradeBand, GradeCode, QuotaRules } from './types';
import { roundForComparison } from './statistics';

/** Best first; also the order bands must follow from the highest minScore down. */
export const GRADE_ORDER = [
  'excellent',
  'good',
  'pass',
  'fail',
] as const satisfies readonly GradeCode[];

export const GRADE_LABELS: Readonly<Record<GradeCode, { zh: string; en: string }>> = Object.freeze({
  excellent: { zh: '优秀', en: 'Excellent' },
  good: { zh: '良好', en: 'Good' },
  pass: { zh: '合格', en: 'Pass' },
  fail: { zh: '不合格', en: 'Fail' },
});

/** INDICATORS.md defaults: 优秀 ≥ 90 · 良好 ≥ 80 · 合格 ≥ 60 · 不合格 < 60. */
export const DEFAULT_GRADE_BANDS: readonly GradeBand[] = Object.freeze([
  { grade: 'excellent', minScore: 90 },
  { grade: 'good', minScore: 80 },
  { grade: 'pass', minScore: 60 },
  { grade: 'fail', minScore: 0 },
]);

/** INDICATORS.md defaults: 优秀 at most 15% of a type, 整改 + 不合格 at least 10%. */
export const DEFAULT_QUOTAS: Readonly<QuotaRules> = Object.freeze({
  excellentMaxShare: 0.15,
  rectifyOrFailMinShare: 0.1,
});

function gradeIndex(grade: GradeCode): number {
  return GRADE_ORDER.indexOf(grade);
}

/** Highest minScore first; equal minScores (invalid, but possible) by grade order. */
function sortBands(bands: readonly GradeBand[]): GradeBand[] {
  return [...bands].sort(
    (a, b) => b.minScore - a.minScore || gradeIndex(a.grade) - gradeIndex(b.grade),
  );
}

/**
 * The grade of an aggregated total. Lower bounds are inclusive (90 → 优秀, 89.99 → 良好) and
 * compared after rounding to 1e-9, so a mean that float arithmetic leaves at
 * 89.99999999999999 still reaches 90. A score below every band gets the lowest band.
 */
export function gradeFor(score: number, bands: readonly GradeBand[]): GradeCode {
  if (!Number.isFinite(score)) throw new RangeError(`cannot grade a non-finite score (${score})`);
  const sorted = sortBands(bands);
  const lowest = sorted[sorted.length - 1];
  if (!lowest) throw new RangeError('cannot grade without grade bands');
  const rounded = roundForComparison(score);
  const band = sorted.find((candidate) => rounded >= roundForComparison(candidate.minScore));
  return (band ?? lowest).grade;
}

export type GradeBandIssueCode =
  | 'empty'
  | 'invalidMinScore'
  | 'duplicateGrade'
  | 'duplicateMinScore'
  | 'orderMismatch'
  | 'lowestNotZero';

export type GradeBandIssue = { code: GradeBandIssueCode; message: string; grade?: GradeCode };

/**
 * Problems with a round's grade bands (empty list = valid). Bands may leave out grades (a
 * round may have no 良好), but those present must rise in the order 不合格 < 合格 < 良好 < 优秀,
 * minScores must lie in 0–100 and differ, and the lowest band must start at 0 so that every
 * total gets a grade.
 */
export function validateGradeBands(bands: readonly GradeBand[]): GradeBandIssue[] {
  if (bands.length === 0) return [{ code: 'empty', message: '至少需要设置一个等级分数线' }];
  const issues: GradeBandIssue[] = [];
  const seenGrades = new Set<GradeCode>();
  const seenScores = new Set<number>();
  for (const band of bands) {
    const label = GRADE_LABELS[band.grade].zh;
    if (!Number.isFinite(band.minScore) || band.minScore < 0 || band.minScore > 100) {
      issues.push({
        code: 'invalidMinScore',
        grade: band.grade,
        message: `${label}的分数线须在 0 到 100 之间`,
      });
    }
    if (seenGrades.has(band.grade)) {
      issues.push({ code: 'duplicateGrade', grade: band.grade, message: `${label}设置了不止一次` });
    }
    if (seenScores.has(band.minScore)) {
      issues.push({
        code: 'duplicateMinScore',
        grade: band.grade,
        message: `分数线 ${band.minScore} 被多个等级使用`,
      });
    }
    seenGrades.add(band.grade);
    seenScores.add(band.minScore);
  }
  const sorted = sortBands(bands);
  const isOrdered = sorted.every(
    (band, i) => i === 0 || gradeIndex(band.grade) > gradeIndex(sorted[i - 1]?.grade ?? band.grade),
  );
  if (!isOrdered) {
    issues.push({
      code: 'orderMismatch',
      message: '分数线须按 优秀 > 良好 > 合格 > 不合格 从高到低排列',
    });
  }
  const lowest = sorted[sorted.length - 1];
  if (lowest && lowest.minScore !== 0) {
    issues.push({
      code: 'lowestNotZero',
      grade: lowest.grade,
      message: '最低等级的分数线须为 0，否则低分无法定级',
    });
  }
  return issues;
}

// ---- quotas ---------------------------------------------------------------------------

export type QuotaItem = {
  baseId: string;
  type: BaseTypeCode;
  grade: GradeCode;
  decision?: DispositionCode;
};

export type QuotaWarning =
  | { code: 'excellentOverCeiling'; count: number; total: number; share: number; limit: number }
  | { code: 'rectifyOrFailUnderFloor'; count: number; total: number; share: number; limit: number };

export type QuotaTypeReport = {
  type: BaseTypeCode;
  total: number;
  excellentCount: number;
  excellentShare: number;
  /** Bases graded 不合格 or decided 限期整改 (each base counted once). */
  rectifyOrFailCount: number;
  rectifyOrFailShare: number;
  warnings: QuotaWarning[];
};

const TYPE_ORDER: readonly BaseTypeCode[] = ['A1', 'B1', 'B2', 'B3', 'B4', 'B5', 'C1', 'C2', 'C3'];

/**
 * Per base type (in A1…C3 order, types without items omitted): counts, shares and warnings.
 * The ceiling allows equality (at most 15%) and the floor too (at least 10%).
 * Shares are exact count / total, never rounded here: count / total and a limit such as 0.15
 * are both the double nearest their real value, so 3 / 20 === 0.15 and boundary cases compare
 * exactly. Rounding for display (e.g. 19%) is the UI's job.
 */
export function quotaCheck(items: readonly QuotaItem[], quotas: QuotaRules): QuotaTypeReport[] {
  const reports: QuotaTypeReport[] = [];
  for (const type of TYPE_ORDER) {
    const ofType = items.filter((item) => item.type === type);
    const total = ofType.length;
    if (total === 0) continue;
    const excellentCount = ofType.filter((item) => item.grade === 'excellent').length;
    const rectifyOrFailCount = ofType.filter(
      (item) => item.grade === 'fail' || item.decision === 'rectify',
    ).length;
    const excellentShare = excellentCount / total;
    const rectifyOrFailShare = rectifyOrFailCount / total;
    const warnings: QuotaWarning[] = [];
    const { excellentMaxShare, rectifyOrFailMinShare } = quotas;
    if (excellentMaxShare !== null && excellentShare > excellentMaxShare) {
      warnings.push({
        code: 'excellentOverCeiling',
        count: excellentCount,
        total,
        share: excellentShare,
        limit: excellentMaxShare,
      });
    }
    if (rectifyOrFailMinShare !== null && rectifyOrFailShare < rectifyOrFailMinShare) {
      warnings.push({
        code: 'rectifyOrFailUnderFloor',
        count: rectifyOrFailCount,
        total,
        share: rectifyOrFailShare,
        limit: rectifyOrFailMinShare,
      });
    }
    reports.push({
      type,
      total,
      excellentCount,
      excellentShare,
      rectifyOrFailCount,
      rectifyOrFailShare,
      warnings,
    });
  }
  return reports;
}
