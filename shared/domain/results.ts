// One row per base of a round: its aggregate under the round's rule, every method's value
// side by side, grade, ranks and spread. The results table, the chair's charts and reports
// all read this one selector, so they can never disagree about a number.
import type { AggregationMethod, Base, GradeCode, Round, Scoresheet } from './types';
import { aggregateAllMethods, ratingsFromScoresheets, type ResolvedValue } from './aggregation';
import { agreementByBase } from './agreement';
import { gradeFor } from './grading';
import { rankBases } from './ranking';

export type BaseResult = {
  base: Base;
  /** Valid (submitted, not recused) scoresheets. */
  sheets: number;
  /** The score under the round's rule; null when the base has no valid sheet. */
  aggregate: number | null;
  /** The method actually used (e.g. 'mean' when too few sheets to trim). */
  method: AggregationMethod;
  byMethod: Record<AggregationMethod, ResolvedValue>;
  grade: GradeCode | null;
  rankInType: number | null;
  typeCount: number;
  rankInCategory: number | null;
  categoryCount: number;
  min: number | null;
  max: number | null;
  range: number | null;
  sd: number | null;
  isDisagreement: boolean;
};

export type ResultsOptions = {
  /** Override the round's method (e.g. to compare methods); defaults to round.aggregation.method. */
  method?: AggregationMethod;
};

/**
 * Results of every base of `bases` (in that order). z-scores are standardised over all of
 * the round's valid sheets passed in, so pass the whole round's sheets, not one type's.
 */
export function computeRoundResults(
  round: Pick<Round, 'aggregation' | 'agreement' | 'gradeBands'>,
  bases: readonly Base[],
  scoresheets: readonly Scoresheet[],
  options: ResultsOptions = {},
): BaseResult[] {
  const rule = { ...round.aggregation, method: options.method ?? round.aggregation.method };
  const baseIds = bases.map((base) => base.id);
  const known = new Set(baseIds);
  const ratings = ratingsFromScoresheets(scoresheets.filter((sheet) => known.has(sheet.baseId)));
  const aggregates = aggregateAllMethods(ratings, rule, baseIds);
  const agreement = agreementByBase(ratings, round.agreement);
  const ranks = rankBases(aggregates, bases);
  return bases.map((base, index) => {
    // aggregateAllMethods returns one aggregate per requested id, in order.
    const aggregate = aggregates[index];
    if (!aggregate || aggregate.baseId !== base.id) {
      throw new RangeError(`missing aggregate for base ${base.id}`);
    }
    const spread = agreement.get(base.id);
    const rank = ranks.get(base.id);
    return {
      base,
      sheets: aggregate.n,
      aggregate: aggregate.value,
      method: aggregate.method,
      byMethod: aggregate.byMethod,
      grade: aggregate.value === null ? null : gradeFor(aggregate.value, round.gradeBands),
      rankInType: rank?.rankInType ?? null,
      typeCount: rank?.typeCount ?? 0,
      rankInCategory: rank?.rankInCategory ?? null,
      categoryCount: rank?.categoryCount ?? 0,
      min: aggregate.min,
      max: aggregate.max,
      range: spread?.range ?? null,
      sd: spread?.sd ?? null,
      isDisagreement: spread?.isDisagreement ?? false,
    };
  });
}
