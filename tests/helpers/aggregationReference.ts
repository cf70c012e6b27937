// A reference for the aggregation the README defines (The domain core → Aggregation), for
// tests that must not take their expected numbers from the code they check. It imports
// nothing from shared/: every rule below is written again from the definitions, as plainly
// as possible (sums and divisions, no pivots, no shared helpers), so a wrong statistic in
// shared/domain cannot also be wrong here.
//
// - A counted sheet is submitted and not recused (回避); its total is the sum of its scores.
// - mean; median (the midpoint of the two middle values for an even count);
// - trimmed mean: drop trimCount highest and trimCount lowest totals when a base has at
//   least trimMinSheets counted sheets and something remains, else the mean;
// - z-scores: each expert's totals standardised with their own mean and sample SD
//   (n − 1), mapped back to the pool's mean and sample SD (pool = every counted sheet of the
//   round): pool mean + pool SD × (x − expert mean) / expert SD. An expert with one counted
//   sheet keeps it as it is (no spread to estimate); one whose totals are all equal sits at
//   the pool mean. A base's z-score value is the mean of its mapped totals;
// - grade: the band with the highest lower bound the score reaches (优秀 ≥ 90 …);
// - ranks within type and within category (the type code's letter), highest first, equal
//   scores sharing a rank and the next rank skipping (1, 2, 2, 4);
// - disagreement: a base's range (max − min) above the round's limit.
// Scores are compared with a tolerance of 1e-9, so float noise never splits a tie.

export type RefMethod = 'mean' | 'median' | 'trimmedMean' | 'zScore';

export type RefSheet = {
  baseId: string;
  expertId: string;
  status: string;
  recusal?: unknown;
  scores: Readonly<Record<string, number>>;
};

export type RefBase = { id: string; code: string; name: string; type: string };

export type RefRound = {
  aggregation: { method: RefMethod; trimCount: number; trimMinSheets: number };
  gradeBands: readonly { grade: string; minScore: number }[];
  agreement: { disagreementRange: number };
};

export type RefRating = { baseId: string; expertId: string; total: number };

export type RefResult<B extends RefBase = RefBase> = {
  base: B;
  /** Counted sheets of the base. */
  sheets: number;
  /** Their totals, ascending. */
  totals: number[];
  /** Every method's value (trimmed mean is the mean where trimming does not apply). */
  byMethod: Record<RefMethod, number | null>;
  /** The value under the method asked for (the round's rule by default). */
  value: number | null;
  grade: string | null;
  rankInType: number | null;
  rankInCategory: number | null;
  range: number | null;
  isDisagreement: boolean;
};

const TOLERANCE = 1e-9;

/** Equal up to float noise. */
export const isSameScore = (a: number, b: number): boolean => Math.abs(a - b) < TOLERANCE;

export function countedRatings(sheets: readonly RefSheet[]): RefRating[] {
  return sheets
    .filter((sheet) => sheet.status === 'submitted' && sheet.recusal === undefined)
    .map((sheet) => ({
      baseId: sheet.baseId,
      expertId: sheet.expertId,
      total: Object.values(sheet.scores).reduce((acc, score) => acc + score, 0),
    }));
}

export function refMean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((acc, value) => acc + value, 0) / values.length;
}

export function refMedian(values: readonly number[]): number | null {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return null;
  const upper = sorted[Math.floor(n / 2)] ?? 0;
  return n % 2 === 1 ? upper : ((sorted[n / 2 - 1] ?? 0) + upper) / 2;
}

export function refTrimmedMean(
  values: readonly number[],
  trimCount: number,
  trimMinSheets: number,
): number | null {
  const n = values.length;
  const applies = trimCount > 0 && n >= trimMinSheets && n - 2 * trimCount >= 1;
  if (!applies) return refMean(values);
  const sorted = [...values].sort((a, b) => a - b);
  return refMean(sorted.slice(trimCount, n - trimCount));
}

/** Sample standard deviation (divisor n − 1); null below two values. */
export function refSampleSd(values: readonly number[]): number | null {
  const centre = refMean(values);
  if (centre === null || values.length < 2) return null;
  const squares = values.reduce((acc, value) => acc + (value - centre) ** 2, 0);
  return Math.sqrt(squares / (values.length - 1));
}

/** Every counted rating with its total mapped through the expert's z-score. */
export function refZMapped(ratings: readonly RefRating[]): RefRating[] {
  const totals = ratings.map((rating) => rating.total);
  const poolMean = refMean(totals) ?? 0;
  const poolSd = refSampleSd(totals) ?? 0;
  return ratings.map((rating) => {
    const own = ratings.filter((r) => r.expertId === rating.expertId).map((r) => r.total);
    if (own.length < 2) return rating;
    const expertMean = refMean(own) ?? 0;
    const expertSd = refSampleSd(own) ?? 0;
    if (expertSd < TOLERANCE) return { ...rating, total: poolMean };
    return { ...rating, total: poolMean + (poolSd * (rating.total - expertMean)) / expertSd };
  });
}

export function refGrade(score: number, bands: RefRound['gradeBands']): string {
  const reached = bands
    .filter((band) => score > band.minScore - TOLERANCE)
    .sort((a, b) => b.minScore - a.minScore)[0];
  const lowest = [...bands].sort((a, b) => a.minScore - b.minScore)[0];
  const band = reached ?? lowest;
  if (!band) throw new Error('a round without grade bands');
  return band.grade;
}

/** Competition ranks (1, 2, 2, 4), highest score first; null for no score. */
export function refCompetitionRanks(
  items: readonly { id: string; score: number | null }[],
): Map<string, number | null> {
  const ranks = new Map<string, number | null>();
  for (const item of items) {
    const { score } = item;
    if (score === null) {
      ranks.set(item.id, null);
      continue;
    }
    const higher = items.filter(
      (other) => other.score !== null && other.score > score && !isSameScore(other.score, score),
    ).length;
    ranks.set(item.id, higher + 1);
  }
  return ranks;
}

export const categoryOf = (type: string): string => type.charAt(0);

/**
 * One result per base of `bases` (in that order), z-scores over every counted sheet of
 * those bases. `method` replaces the round's rule, as the chair's method switch does.
 */
export function referenceResults<B extends RefBase>(
  round: RefRound,
  bases: readonly B[],
  sheets: readonly RefSheet[],
  method: RefMethod = round.aggregation.method,
): RefResult<B>[] {
  const known = new Set(bases.map((base) => base.id));
  const ratings = countedRatings(sheets).filter((rating) => known.has(rating.baseId));
  const mapped = refZMapped(ratings);
  const { trimCount, trimMinSheets } = round.aggregation;
  const rows = bases.map((base) => {
    const totals = ratings
      .filter((rating) => rating.baseId === base.id)
      .map((rating) => rating.total)
      .sort((a, b) => a - b);
    const byMethod: Record<RefMethod, number | null> = {
      mean: refMean(totals),
      median: refMedian(totals),
      trimmedMean: refTrimmedMean(totals, trimCount, trimMinSheets),
      zScore: refMean(mapped.filter((r) => r.baseId === base.id).map((r) => r.total)),
    };
    const value = byMethod[method];
    const low = totals[0];
    const high = totals.at(-1);
    const range = low === undefined || high === undefined ? null : high - low;
    return {
      base,
      sheets: totals.length,
      totals,
      byMethod,
      value,
      grade: value === null ? null : refGrade(value, round.gradeBands),
      range,
      isDisagreement:
        range !== null &&
        range > round.agreement.disagreementRange &&
        !isSameScore(range, round.agreement.disagreementRange),
    };
  });
  const rankBy = (key: (base: B) => string) => {
    const ranks = new Map<string, number | null>();
    for (const group of new Set(bases.map(key))) {
      const items = rows
        .filter((row) => key(row.base) === group)
        .map((row) => ({ id: row.base.id, score: row.value }));
      for (const [id, rank] of refCompetitionRanks(items)) ranks.set(id, rank);
    }
    return ranks;
  };
  const inType = rankBy((base) => base.type);
  const inCategory = rankBy((base) => categoryOf(base.type));
  return rows.map((row) => ({
    ...row,
    rankInType: inType.get(row.base.id) ?? null,
    rankInCategory: inCategory.get(row.base.id) ?? null,
  }));
}

/** Scored rows of a type in ranking order: rank, then base code. */
export function rankedOfType<B extends RefBase>(
  rows: readonly RefResult<B>[],
  type: string,
): RefResult<B>[] {
  return rows
    .filter((row) => row.base.type === type && row.rankInType !== null)
    .sort(
      (a, b) =>
        (a.rankInType ?? 0) - (b.rankInType ?? 0) ||
        (a.base.code < b.base.code ? -1 : a.base.code > b.base.code ? 1 : 0),
    );
}

/**
 * Whether `shown` is `value` written with `digits` decimals. Either rounding of a value
 * within 1e-9 is accepted, so a reference computed in another order of float operations
 * is not failed on a tie at the last digit (85.25 against 85.24999999999999).
 */
export function showsValue(shown: string, value: number, digits: number): boolean {
  return (
    shown === value.toFixed(digits) ||
    shown === (value - TOLERANCE).toFixed(digits) ||
    shown === (value + TOLERANCE).toFixed(digits)
  );
}
