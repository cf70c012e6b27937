// The spread of expert totals per base, drawn as a box plot: whiskers from min to max, a
// box from the first to the third quartile, the median, and every expert as a dot.
//
// Quartiles: QUANTILE_METHOD below, linear interpolation between order statistics
// (Hyndman & Fan type 7), the rule of Excel's QUARTILE.INC / WPS and of NumPy and R by
// default, so a chair checking a box in a spreadsheet gets the same numbers. For sorted
// x₁ ≤ … ≤ xₙ: h = (n − 1)·p, Q(p) = x⌊h⌋₊₁ + (h − ⌊h⌋)·(x⌊h⌋₊₂ − x⌊h⌋₊₁). Its median is
// the domain's median (the midpoint of the two middle values for even n).
// min, max, range and the disagreement flag are taken from computeRoundResults as they are.
import {
  compareIds,
  groupBy,
  ratingsFromScoresheets,
  sortedAscending,
  validRatings,
} from '../domain/aggregation';
import type { BaseResult } from '../domain/results';
import type { BaseTypeCode, GradeCode, Scoresheet } from '../domain/types';
import { compareByRank, expertNamer } from './scope';

export const QUANTILE_METHOD =
  'Hyndman–Fan type 7: linear interpolation between order statistics (Excel QUARTILE.INC)';

/** Quantile p (0–1) of values already sorted ascending; null for an empty list. */
export function quantileSorted(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile p must lie in [0, 1], got ${p}`);
  const h = (sorted.length - 1) * p;
  const lowIndex = Math.floor(h);
  const low = sorted[lowIndex];
  const high = sorted[Math.min(lowIndex + 1, sorted.length - 1)];
  if (low === undefined || high === undefined) return null;
  return low + (h - lowIndex) * (high - low);
}

export type SpreadExpertDot = { expertId: string; expertName: string; total: number };

export type SpreadRow = {
  baseId: string;
  code: string;
  name: string;
  type: BaseTypeCode;
  /** Valid ratings. */
  n: number;
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
  range: number;
  aggregate: number | null;
  grade: GradeCode | null;
  rankInType: number | null;
  isDisagreement: boolean;
  /** Highest first, then by expert id. */
  experts: SpreadExpertDot[];
};

export type ExpertSpreadInput = {
  /** Rows in view (already filtered). */
  results: readonly BaseResult[];
  /** The round's sheets (at least those of the bases in view). */
  scoresheets: readonly Scoresheet[];
  experts?: readonly { id: string; name: string }[];
};

/**
 * One row per base in view with at least one valid rating, ordered as the ranking orders
 * them (type order of the rows, then rank in type, then code): bases without a valid
 * rating have no distribution and are left out.
 */
export function expertSpread(input: ExpertSpreadInput): SpreadRow[] {
  const nameOf = expertNamer(input.experts);
  const wanted = new Set(input.results.map((row) => row.base.id));
  const ratings = validRatings(
    ratingsFromScoresheets(input.scoresheets.filter((sheet) => wanted.has(sheet.baseId))),
  );
  const byBase = groupBy(ratings, (rating) => rating.baseId);
  const typeOrder = [...new Set(input.results.map((row) => row.base.type))];
  const rows: SpreadRow[] = [];
  for (const result of input.results) {
    const own = byBase.get(result.base.id) ?? [];
    const sorted = sortedAscending(own.map((rating) => rating.total));
    const q1 = quantileSorted(sorted, 0.25);
    const median = quantileSorted(sorted, 0.5);
    const q3 = quantileSorted(sorted, 0.75);
    if (q1 === null || median === null || q3 === null || result.min === null) continue;
    if (result.max === null || result.range === null) continue;
    rows.push({
      baseId: result.base.id,
      code: result.base.code,
      name: result.base.name,
      type: result.base.type,
      n: sorted.length,
      min: result.min,
      q1,
      median,
      q3,
      max: result.max,
      range: result.range,
      aggregate: result.aggregate,
      grade: result.grade,
      rankInType: result.rankInType,
      isDisagreement: result.isDisagreement,
      experts: own
        .map((rating) => ({
          expertId: rating.expertId,
          expertName: nameOf(rating.expertId),
          total: rating.total,
        }))
        .sort((a, b) => b.total - a.total || compareIds(a.expertId, b.expertId)),
    });
  }
  return rows.sort(
    (a, b) =>
      typeOrder.indexOf(a.type) - typeOrder.indexOf(b.type) ||
      compareByRank({ rank: a.rankInType, code: a.code }, { rank: b.rankInType, code: b.code }),
  );
}
