// How ranks and grades move between aggregation rules (mean → trimmed mean → z-score), for
// the slope chart. Each method's ranks and grades are exactly what computeRoundResults
// gives with that method, so the chart shows what the results table would show if the
// round switched rule.
import { computeRoundResults } from '../domain/results';
import type { BaseResult } from '../domain/results';
import type {
  AggregationMethod,
  Base,
  BaseTypeCode,
  GradeCode,
  Round,
  Scoresheet,
} from '../domain/types';
import { compareByRank, isInScope, rankInScope } from './scope';
import type { RankingScope } from './scope';

/** Left to right on the slope chart. */
export const COMPARED_METHODS = [
  'mean',
  'trimmedMean',
  'zScore',
] as const satisfies readonly AggregationMethod[];
export type ComparedMethod = (typeof COMPARED_METHODS)[number];

export type ResultsByMethod = Record<ComparedMethod, readonly BaseResult[]>;

/** computeRoundResults once per compared method, over the whole round. */
export function resultsByMethod(
  round: Pick<Round, 'aggregation' | 'agreement' | 'gradeBands'>,
  bases: readonly Base[],
  scoresheets: readonly Scoresheet[],
): ResultsByMethod {
  return {
    mean: computeRoundResults(round, bases, scoresheets, { method: 'mean' }),
    trimmedMean: computeRoundResults(round, bases, scoresheets, { method: 'trimmedMean' }),
    zScore: computeRoundResults(round, bases, scoresheets, { method: 'zScore' }),
  };
}

export type MethodRow = {
  baseId: string;
  code: string;
  name: string;
  type: BaseTypeCode;
  ranks: Record<ComparedMethod, number>;
  scores: Record<ComparedMethod, number>;
  grades: Record<ComparedMethod, GradeCode>;
  /** The method each score was actually computed with (trimming falls back to the mean). */
  usedMethods: Record<ComparedMethod, AggregationMethod>;
  /** Largest minus smallest rank across the methods. */
  rankShift: number;
  changesGrade: boolean;
};

export type MethodComparisonData = {
  scope: RankingScope;
  methods: readonly ComparedMethod[];
  /** Ordered by rank under the first method (mean), then code. */
  rows: MethodRow[];
  /** Rows whose grade is not the same under every method. */
  gradeChanges: MethodRow[];
  /** Rows whose rank is not the same under every method. */
  rankChanges: number;
  /** Ranked bases in the scope (the slope chart's rank axis runs 1…of). */
  of: number;
};

export type MethodComparisonInput = {
  byMethod: ResultsByMethod;
  scope: RankingScope;
  /** Bases in view (after filters); all bases of the scope when omitted. */
  visibleBaseIds?: ReadonlySet<string>;
};

/** A record with one value per compared method. */
export function perMethod<T>(value: (method: ComparedMethod) => T): Record<ComparedMethod, T> {
  return { mean: value('mean'), trimmedMean: value('trimmedMean'), zScore: value('zScore') };
}

type MethodPoint = { rank: number; score: number; grade: GradeCode; used: AggregationMethod };

export function methodComparison(input: MethodComparisonInput): MethodComparisonData {
  const { scope } = input;
  const lookup = perMethod(
    (method) => new Map(input.byMethod[method].map((row) => [row.base.id, row])),
  );
  const pointOf = (method: ComparedMethod, baseId: string): MethodPoint | null => {
    const result = lookup[method].get(baseId);
    if (!result || result.aggregate === null || result.grade === null) return null;
    const { rank } = rankInScope(result, scope);
    return rank === null
      ? null
      : { rank, score: result.aggregate, grade: result.grade, used: result.method };
  };
  const firstMethod = COMPARED_METHODS[0];
  let of = 0;
  const rows: MethodRow[] = [];
  for (const row of input.byMethod[firstMethod]) {
    if (!isInScope(row.base, scope)) continue;
    of = Math.max(of, rankInScope(row, scope).of);
    if (input.visibleBaseIds && !input.visibleBaseIds.has(row.base.id)) continue;
    const mean = pointOf('mean', row.base.id);
    const trimmedMean = pointOf('trimmedMean', row.base.id);
    const zScore = pointOf('zScore', row.base.id);
    // An unscored base has no rank under any method.
    if (mean === null || trimmedMean === null || zScore === null) continue;
    const points: Record<ComparedMethod, MethodPoint> = { mean, trimmedMean, zScore };
    const ranks = COMPARED_METHODS.map((method) => points[method].rank);
    rows.push({
      baseId: row.base.id,
      code: row.base.code,
      name: row.base.name,
      type: row.base.type,
      ranks: perMethod((method) => points[method].rank),
      scores: perMethod((method) => points[method].score),
      grades: perMethod((method) => points[method].grade),
      usedMethods: perMethod((method) => points[method].used),
      rankShift: Math.max(...ranks) - Math.min(...ranks),
      changesGrade: new Set(COMPARED_METHODS.map((method) => points[method].grade)).size > 1,
    });
  }
  rows.sort((a, b) =>
    compareByRank(
      { rank: a.ranks[firstMethod], code: a.code },
      { rank: b.ranks[firstMethod], code: b.code },
    ),
  );
  return {
    scope,
    methods: COMPARED_METHODS,
    rows,
    gradeChanges: rows.filter((row) => row.changesGrade),
    rankChanges: rows.filter((row) => row.rankShift > 0).length,
    of,
  };
}
