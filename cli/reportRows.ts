// The rows of `pinggu report`, straight from computeRoundResults (the selector the app's
// results table and charts read), so the CLI and the app never disagree about a number.
// A base without a valid sheet gets null for every computed field. Bases withdrawn and sheets
// voided by a change during the round (the payload's `changes`) are left out.
import type { ResultPayload } from '../shared/bundle/payload';
import { GRADE_LABELS } from '../shared/domain/grading';
import { computeRoundResults } from '../shared/domain/results';
import { countedRecords } from '../shared/domain/roundChanges';
import type { AggregationMethod, Base, BaseTypeCode } from '../shared/domain/types';
import { reportStatus, voidedCounts } from './reportStatus';
import type { ReportStatus } from './reportStatus';

export const REPORT_METHODS = ['mean', 'median', 'trimmed', 'zscore'] as const;
export type ReportMethod = (typeof REPORT_METHODS)[number];

const DOMAIN_METHOD: Record<ReportMethod, AggregationMethod> = {
  mean: 'mean',
  median: 'median',
  trimmed: 'trimmedMean',
  zscore: 'zScore',
};

export const reportMethodOf = (method: AggregationMethod): ReportMethod =>
  REPORT_METHODS.find((m) => DOMAIN_METHOD[m] === method) ?? 'mean';

export type ReportRow = {
  id: string;
  name: string;
  type: BaseTypeCode;
  city: string;
  sheets: number;
  /** Sheets of the base voided by a round change (作废): in the bundle, in no statistic. */
  voidedSheets: number;
  mean: number | null;
  median: number | null;
  trimmedMean: number | null;
  zscoreMean: number | null;
  aggregate: number | null;
  grade: string | null;
  rankInType: number | null;
  sd: number | null;
  range: number | null;
  disagreement: boolean | null;
};

export type Report = ReportStatus & { round: string; method: ReportMethod; bases: ReportRow[] };

/** Column order and Chinese headers of the CSV and xlsx files. */
export const REPORT_COLUMNS: readonly { key: keyof ReportRow; header: string }[] = [
  { key: 'id', header: '基地ID' },
  { key: 'name', header: '基地名称' },
  { key: 'type', header: '类型' },
  { key: 'city', header: '城市' },
  { key: 'sheets', header: '有效评分表' },
  { key: 'mean', header: '平均分' },
  { key: 'median', header: '中位数' },
  { key: 'trimmedMean', header: '去极值平均分' },
  { key: 'zscoreMean', header: 'Z分数平均分' },
  { key: 'aggregate', header: '综合得分' },
  { key: 'grade', header: '等级' },
  { key: 'rankInType', header: '类型内排名' },
  { key: 'sd', header: '标准差' },
  { key: 'range', header: '极差' },
  { key: 'disagreement', header: '意见分歧' },
];

const TYPE_ORDER: readonly BaseTypeCode[] = ['A1', 'B1', 'B2', 'B3', 'B4', 'B5', 'C1', 'C2', 'C3'];

const byTypeThenCode = (a: Base, b: Base): number =>
  TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type) ||
  (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
  (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Every base of the result, by type (A1…C3) and code; `method` defaults to the round's rule. */
export function buildReport(payload: ResultPayload, method?: ReportMethod): Report {
  const { round } = payload;
  const chosen = method ?? reportMethodOf(round.aggregation.method);
  // Withdrawn bases and voided sheets (轮次变更) count in no statistic, as in the app.
  const counted = countedRecords(
    payload.bases,
    payload.scoresheets,
    payload.changes,
    payload.assignments,
  );
  const bases = [...counted.bases].sort(byTypeThenCode);
  const results = computeRoundResults(round, bases, counted.scoresheets, {
    method: DOMAIN_METHOD[chosen],
  });
  const voided = voidedCounts(counted.voided);
  return {
    round: round.id,
    ...reportStatus(payload),
    method: chosen,
    bases: results.map((r): ReportRow => {
      const scored = r.sheets > 0;
      return {
        id: r.base.id,
        name: r.base.name,
        type: r.base.type,
        city: r.base.city,
        sheets: r.sheets,
        voidedSheets: voided.get(r.base.id) ?? 0,
        mean: r.byMethod.mean.value,
        median: r.byMethod.median.value,
        trimmedMean: r.byMethod.trimmedMean.value,
        zscoreMean: r.byMethod.zScore.value,
        aggregate: r.aggregate,
        grade: r.grade === null ? null : GRADE_LABELS[r.grade].zh,
        rankInType: r.rankInType,
        sd: r.sd,
        range: r.range,
        disagreement: scored ? r.isDisagreement : null,
      };
    }),
  };
}
