// The ranking chart: one bar per scored base of a type or category, in the domain's rank
// order, coloured by grade, with the grade thresholds and the quota check of INDICATORS.md
// (优秀 at most 15% of a type, 整改 + 不合格 at least 10%). Quotas flag, never re-grade: a
// bar's grade is always the one computeRoundResults gave it.
import type { BaseResult } from '../domain/results';
import { quotaCheck } from '../domain/grading';
import type { QuotaItem, QuotaTypeReport } from '../domain/grading';
import { roundForComparison } from '../domain/statistics';
import type {
  AggregationMethod,
  BaseTypeCode,
  CityName,
  DispositionCode,
  FinalDecision,
  GradeBand,
  GradeCode,
  Round,
} from '../domain/types';
import { compareByRank, isInScope, rankInScope } from './scope';
import type { RankingScope } from './scope';

/**
 * - 'overExcellentCeiling': graded 优秀 in a type whose 优秀 share exceeds the ceiling, and
 *   ranked below the last place the ceiling allows (floor(limit × scored bases of the type));
 * - 'rectifyFloorShortfall': the type's 整改 + 不合格 share is under the floor, and this base
 *   is among the lowest-ranked bases not yet 不合格 or decided 限期整改 that the floor would
 *   take in (ceil(limit × scored bases) − current count of them). Shown as a prompt for the
 *   meeting, not a grade.
 */
export type QuotaMark = 'overExcellentCeiling' | 'rectifyFloorShortfall';

export type RankingBar = {
  baseId: string;
  code: string;
  name: string;
  type: BaseTypeCode;
  city: CityName;
  hostInstitution: string;
  score: number;
  grade: GradeCode;
  /** Rank within the scope (type or category) from computeRoundResults; ties share it. */
  rank: number;
  /** Scored bases ranked in the scope. */
  of: number;
  sheets: number;
  method: AggregationMethod;
  isDisagreement: boolean;
  quotaMarks: QuotaMark[];
};

export type RankingChartData = {
  scope: RankingScope;
  /** Best first. */
  bars: RankingBar[];
  /** Bases in view without any valid scoresheet (no bar). */
  unscored: { baseId: string; code: string; name: string }[];
  /** Grade lower bounds above 0, highest first: the reference lines. */
  thresholds: GradeBand[];
  /** quotaCheck of every type in the scope over the WHOLE round (not only bases in view). */
  quota: QuotaTypeReport[];
};

export type RankingInput = {
  /** Rows in view (already filtered); only those in the scope are drawn. */
  results: readonly BaseResult[];
  /** All rows of the round, for the quota shares; defaults to `results`. */
  roundResults?: readonly BaseResult[];
  round: Pick<Round, 'gradeBands' | 'quotas'>;
  scope: RankingScope;
  /** The secretariat's final decisions (限期整改 counts towards the quota floor). */
  decisions?: readonly Pick<FinalDecision, 'baseId' | 'disposition'>[];
};

type Scored = BaseResult & { aggregate: number; grade: GradeCode; rankInType: number };

function isScored(row: BaseResult): row is Scored {
  return row.aggregate !== null && row.grade !== null && row.rankInType !== null;
}

function byTypeRank(a: Scored, b: Scored): number {
  return compareByRank(
    { rank: a.rankInType, code: a.base.code },
    { rank: b.rankInType, code: b.base.code },
  );
}

/** baseId → the quota marks its type's report gives it. */
function quotaMarks(
  scored: readonly Scored[],
  reports: readonly QuotaTypeReport[],
  decisionOf: ReadonlyMap<string, DispositionCode>,
): Map<string, QuotaMark[]> {
  const marks = new Map<string, QuotaMark[]>();
  const mark = (baseId: string, value: QuotaMark) =>
    marks.set(baseId, [...(marks.get(baseId) ?? []), value]);
  for (const report of reports) {
    const ofType = scored.filter((row) => row.base.type === report.type).sort(byTypeRank);
    for (const warning of report.warnings) {
      if (warning.code === 'excellentOverCeiling') {
        const allowed = Math.floor(roundForComparison(warning.limit * warning.total));
        ofType
          .filter((row) => row.grade === 'excellent')
          .slice(allowed)
          .forEach((row) => mark(row.base.id, 'overExcellentCeiling'));
      } else {
        const required = Math.ceil(roundForComparison(warning.limit * warning.total));
        const shortfall = required - warning.count;
        if (shortfall <= 0) continue; // slice(-0) would take every base
        ofType
          .filter((row) => row.grade !== 'fail' && decisionOf.get(row.base.id) !== 'rectify')
          .slice(-shortfall)
          .forEach((row) => mark(row.base.id, 'rectifyFloorShortfall'));
      }
    }
  }
  return marks;
}

export function rankingChart(input: RankingInput): RankingChartData {
  const { scope, round } = input;
  const decisionOf = new Map(
    (input.decisions ?? []).map((decision) => [decision.baseId, decision.disposition.code]),
  );
  const roundScored = (input.roundResults ?? input.results)
    .filter((row) => isInScope(row.base, scope))
    .filter(isScored);
  const items: QuotaItem[] = roundScored.map((row) => {
    const decision = decisionOf.get(row.base.id);
    return {
      baseId: row.base.id,
      type: row.base.type,
      grade: row.grade,
      ...(decision === undefined ? {} : { decision }),
    };
  });
  const quota = quotaCheck(items, round.quotas);
  const marks = quotaMarks(roundScored, quota, decisionOf);

  const inView = input.results.filter((row) => isInScope(row.base, scope));
  const bars = inView.filter(isScored).map((row): RankingBar => {
    const { rank, of } = rankInScope(row, scope);
    return {
      baseId: row.base.id,
      code: row.base.code,
      name: row.base.name,
      type: row.base.type,
      city: row.base.city,
      hostInstitution: row.base.hostInstitution,
      score: row.aggregate,
      grade: row.grade,
      rank: rank ?? row.rankInType,
      of,
      sheets: row.sheets,
      method: row.method,
      isDisagreement: row.isDisagreement,
      quotaMarks: marks.get(row.base.id) ?? [],
    };
  });
  bars.sort((a, b) => compareByRank(a, b));
  return {
    scope,
    bars,
    unscored: inView
      .filter((row) => !isScored(row))
      .map((row) => ({ baseId: row.base.id, code: row.base.code, name: row.base.name })),
    thresholds: [...round.gradeBands]
      .filter((band) => band.minScore > 0)
      .sort((a, b) => b.minScore - a.minScore),
    quota,
  };
}
