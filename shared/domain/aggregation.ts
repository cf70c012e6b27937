// Turns expert totals into one score per base under the round's AggregationRule.
// Recused ratings (回避) count for nothing: every function here filters them out first.
// z-scores are computed over the whole pool handed in (a panel or a round), never per base,
// because leniency is a property of the expert across the bases they scored.
import type { AggregationMethod, AggregationRule, Scoresheet } from './types';
import {
  isTrimApplied,
  maxOf,
  mean,
  median,
  minOf,
  sampleStandardDeviation,
  sum,
  trimmedMean,
} from './statistics';

export {
  DEFAULT_TRIM,
  isTrimApplied,
  maxOf,
  mean,
  median,
  minOf,
  roundForComparison,
  sampleStandardDeviation,
  sortedAscending,
  sum,
  trimmedMean,
} from './statistics';
export type { TrimOptions } from './statistics';

export type Rating = { baseId: string; expertId: string; total: number; isRecused: boolean };

/** INDICATORS.md default: trimmed mean, one off each end, from 5 valid sheets up. */
export const DEFAULT_AGGREGATION_RULE: Readonly<AggregationRule> = Object.freeze({
  method: 'trimmedMean',
  trimCount: 1,
  trimMinSheets: 5,
});

export const AGGREGATION_METHODS = [
  'mean',
  'median',
  'trimmedMean',
  'zScore',
] as const satisfies readonly AggregationMethod[];

export function validRatings<T extends Rating>(ratings: readonly T[]): T[] {
  return ratings.filter((rating) => !rating.isRecused);
}

/**
 * One rating per scoresheet that counts or is recused:
 * - a sheet with `recusal` becomes `isRecused: true` whatever its status, so callers can still
 *   see the recusal (coverage, matrices) while every statistic ignores it;
 * - otherwise only submitted sheets become ratings (drafts are not results yet);
 * - total = sum of the sheet's secondary scores (summed in sorted order: reproducible).
 */
export function ratingsFromScoresheets(sheets: readonly Scoresheet[]): Rating[] {
  const ratings: Rating[] = [];
  for (const sheet of sheets) {
    const isRecused = sheet.recusal !== undefined;
    if (!isRecused && sheet.status !== 'submitted') continue;
    ratings.push({
      baseId: sheet.baseId,
      expertId: sheet.expertId,
      total: sum(Object.values(sheet.scores)),
      isRecused,
    });
  }
  return ratings;
}

/** Code-unit order: locale-independent, so every machine sorts ids the same way. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// ---- z-score standardisation ------------------------------------------------------------

/** An expert's spread at or below this is treated as zero (float noise, not a real spread). */
const ZERO_SPREAD = 1e-9;

/**
 * How a rating was standardised:
 * - 'standardised': z = (x − expertMean) / expertSD, mapped to poolMean + poolSD × z;
 * - 'constantExpert': the expert gave ≥ 2 ratings all equal (SD 0). They expressed no
 *   difference between their bases, so once their personal level (leniency) is removed each
 *   of their ratings sits at the centre: z = 0 → pool mean. Keeping the raw value would keep
 *   exactly the leniency z-scoring exists to remove;
 * - 'singleRating': the expert has one rating in the pool. Their leniency cannot be estimated
 *   from one score (their mean IS that score), and z = 0 would replace a real judgement of
 *   that base with the pool mean, so the raw total is kept: no correction is possible.
 */
export type ZTreatment = 'standardised' | 'constantExpert' | 'singleRating';

export type ZScoredRating = Rating & {
  rawTotal: number;
  zScore: number | null;
  treatment: ZTreatment;
};

/** Groups items by a key, keeping input order within each group. */
export function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/**
 * Per-expert z-scores mapped back to the pool's scale:
 * adjusted = poolMean + poolSD × (x − expertMean) / expertSD, with sample SDs (n − 1).
 * Pool = every valid rating passed in. Returns the valid ratings in input order with
 * `total` adjusted (raw kept in `rawTotal`); see ZTreatment for the edge cases.
 */
export function zScoreStandardise(ratings: readonly Rating[]): ZScoredRating[] {
  const valid = validRatings(ratings);
  const totals = valid.map((rating) => rating.total);
  const poolMean = mean(totals) ?? 0;
  const poolSd = sampleStandardDeviation(totals) ?? 0;
  const expertStats = new Map<string, { n: number; mean: number; sd: number }>();
  for (const [expertId, ofExpert] of groupBy(valid, (rating) => rating.expertId)) {
    const list = ofExpert.map((rating) => rating.total);
    expertStats.set(expertId, {
      n: list.length,
      mean: mean(list) ?? 0,
      sd: sampleStandardDeviation(list) ?? 0,
    });
  }
  return valid.map((rating): ZScoredRating => {
    const stats = expertStats.get(rating.expertId);
    const base = { ...rating, rawTotal: rating.total };
    if (!stats || stats.n < 2) return { ...base, zScore: null, treatment: 'singleRating' };
    if (stats.sd <= ZERO_SPREAD)
      return { ...base, total: poolMean, zScore: 0, treatment: 'constantExpert' };
    const zScore = (rating.total - stats.mean) / stats.sd;
    return { ...base, total: poolMean + poolSd * zScore, zScore, treatment: 'standardised' };
  });
}

// ---- per-base aggregates --------------------------------------------------------------

export type BaseAggregate = {
  baseId: string;
  /** Valid (non-recused) ratings. */
  n: number;
  mean: number | null;
  median: number | null;
  /** Trimmed mean per the rule; equals `mean` when isTrimmed is false. */
  trimmedMean: number | null;
  isTrimmed: boolean;
  /** Mean of this base's z-standardised totals; null without a pool (see aggregateBase). */
  zScoreMean: number | null;
  /** The score under rule.method (or its fallback, see `method`). */
  value: number | null;
  /** Method actually used: 'mean' when trimming did not apply or z-scores were unavailable. */
  method: AggregationMethod;
  min: number | null;
  max: number | null;
};

export type AggregateContext = {
  /** Needed when every rating of the base is recused (or there are none). */
  baseId?: string;
  /** zScoreStandardise(pool): this base's entries are picked out by baseId. */
  zScored?: readonly Rating[];
};

export type ResolvedValue = { value: number | null; method: AggregationMethod };

/** The score a given method yields for an aggregate, with the fallback it had to take. */
export function valueByMethod(
  aggregate: Omit<BaseAggregate, 'value' | 'method'>,
  method: AggregationMethod,
): ResolvedValue {
  switch (method) {
    case 'mean':
      return { value: aggregate.mean, method: 'mean' };
    case 'median':
      return { value: aggregate.median, method: 'median' };
    case 'trimmedMean':
      return aggregate.isTrimmed
        ? { value: aggregate.trimmedMean, method: 'trimmedMean' }
        : { value: aggregate.mean, method: 'mean' };
    case 'zScore':
      return aggregate.zScoreMean === null
        ? { value: aggregate.mean, method: 'mean' }
        : { value: aggregate.zScoreMean, method: 'zScore' };
  }
}

/**
 * Aggregates one base's ratings. z-scores need the pool the base was scored in, so pass
 * `context.zScored` (aggregateRound does); without it zScoreMean is null and a 'zScore' rule
 * falls back to the mean, which `method` reports.
 */
export function aggregateBase(
  ratingsOfBase: readonly Rating[],
  rule: AggregationRule,
  context: AggregateContext = {},
): BaseAggregate {
  const baseId = context.baseId ?? ratingsOfBase[0]?.baseId ?? '';
  if (ratingsOfBase.some((rating) => rating.baseId !== baseId)) {
    throw new RangeError(`aggregateBase expects ratings of base ${baseId} only`);
  }
  const totals = validRatings(ratingsOfBase).map((rating) => rating.total);
  const zTotals = context.zScored
    ?.filter((rating) => rating.baseId === baseId && !rating.isRecused)
    .map((rating) => rating.total);
  const partial = {
    baseId,
    n: totals.length,
    mean: mean(totals),
    median: median(totals),
    trimmedMean: trimmedMean(totals, rule),
    isTrimmed: isTrimApplied(totals.length, rule),
    zScoreMean: zTotals ? mean(zTotals) : null,
    min: minOf(totals),
    max: maxOf(totals),
  };
  const { value, method } = valueByMethod(partial, rule.method);
  return { ...partial, value, method };
}

/**
 * One aggregate per base, z-scores computed once over all `ratings`. Bases: `baseIds` in the
 * given order (bases without valid ratings get n = 0 and nulls), else every base with at
 * least one valid rating, ordered by id.
 */
export function aggregateRound(
  ratings: readonly Rating[],
  rule: AggregationRule,
  baseIds?: readonly string[],
): BaseAggregate[] {
  const valid = validRatings(ratings);
  const byBase = groupBy(valid, (rating) => rating.baseId);
  const zByBase = groupBy(zScoreStandardise(valid), (rating) => rating.baseId);
  const ids = baseIds ?? [...byBase.keys()].sort(compareIds);
  return ids.map((baseId) =>
    aggregateBase(byBase.get(baseId) ?? [], rule, { baseId, zScored: zByBase.get(baseId) ?? [] }),
  );
}

export type MethodComparison = BaseAggregate & {
  byMethod: Record<AggregationMethod, ResolvedValue>;
};

/** aggregateRound plus every method's value side by side (the results table's comparison). */
export function aggregateAllMethods(
  ratings: readonly Rating[],
  rule: AggregationRule,
  baseIds?: readonly string[],
): MethodComparison[] {
  return aggregateRound(ratings, rule, baseIds).map((aggregate) => ({
    ...aggregate,
    byMethod: {
      mean: valueByMethod(aggregate, 'mean'),
      median: valueByMethod(aggregate, 'median'),
      trimmedMean: valueByMethod(aggregate, 'trimmedMean'),
      zScore: valueByMethod(aggregate, 'zScore'),
    },
  }));
}
