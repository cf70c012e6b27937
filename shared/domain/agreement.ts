// How far experts agree: spread per base, each expert's leniency against co-raters, and
// Kendall's W for a panel (concordance.ts, re-exported here). Recused ratings are ignored.
import type { AgreementSettings } from './types';
import type { Rating } from './aggregation';
import { compareIds, groupBy, validRatings } from './aggregation';
import { maxOf, mean, minOf, roundForComparison, sampleStandardDeviation } from './statistics';

export { KENDALL_W_METHOD, kendallW } from './concordance';
export type { KendallWResult } from './concordance';

export type BaseAgreement = {
  /** Valid ratings. */
  n: number;
  mean: number | null;
  /** max − min; 0 for one rating, null for none. */
  range: number | null;
  /** Sample SD (n − 1); null below two ratings. */
  sd: number | null;
  /** Coefficient of variation sd / mean; null when sd is null or the mean is 0. */
  cv: number | null;
  /** range > settings.disagreementRange (strictly, compared after rounding to 1e-9). */
  isDisagreement: boolean;
};

export function baseAgreement(
  ratingsOfBase: readonly Rating[],
  settings: AgreementSettings,
): BaseAgreement {
  const totals = validRatings(ratingsOfBase).map((rating) => rating.total);
  const low = minOf(totals);
  const high = maxOf(totals);
  const range = low === null || high === null ? null : high - low;
  const centre = mean(totals);
  const sd = sampleStandardDeviation(totals);
  const cv =
    sd === null || centre === null || roundForComparison(centre) === 0 ? null : sd / centre;
  // Rounded so 95.3 − 70.3 (= 25.000000000000004 in floats) is not flagged against a 25 limit.
  const isDisagreement =
    range !== null && roundForComparison(range) > roundForComparison(settings.disagreementRange);
  return { n: totals.length, mean: centre, range, sd, cv, isDisagreement };
}

/** baseAgreement for every base with at least one valid rating, ordered by base id. */
export function agreementByBase(
  ratings: readonly Rating[],
  settings: AgreementSettings,
): Map<string, BaseAgreement> {
  const byBase = groupBy(validRatings(ratings), (rating) => rating.baseId);
  const result = new Map<string, BaseAgreement>();
  for (const baseId of [...byBase.keys()].sort(compareIds)) {
    result.set(baseId, baseAgreement(byBase.get(baseId) ?? [], settings));
  }
  return result;
}

export type ExpertLeniency = {
  expertId: string;
  /** Mean over compared bases of (own total − mean of the other experts); null if none. */
  leniency: number | null;
  basesCompared: number;
};

/**
 * Per expert (every expert with a valid rating, ordered by id): on each base they rated,
 * their total minus the mean of the OTHER valid experts' totals there; leniency is the mean
 * of those differences (positive = lenient, negative = strict). Bases nobody else rated are
 * skipped. Should an expert have two valid ratings of one base, their mean stands for them.
 */
export function expertLeniency(ratings: readonly Rating[]): ExpertLeniency[] {
  const differences = new Map<string, number[]>();
  for (const ofBase of groupBy(validRatings(ratings), (rating) => rating.baseId).values()) {
    const byExpert = new Map<string, number>();
    for (const [expertId, own] of groupBy(ofBase, (rating) => rating.expertId)) {
      byExpert.set(expertId, mean(own.map((rating) => rating.total)) ?? 0);
    }
    for (const [expertId, total] of byExpert) {
      const list = differences.get(expertId) ?? [];
      differences.set(expertId, list);
      const others = [...byExpert]
        .filter(([otherId]) => otherId !== expertId)
        .map(([, value]) => value);
      const othersMean = mean(others);
      if (othersMean !== null) list.push(total - othersMean);
    }
  }
  return [...differences.keys()].sort(compareIds).map((expertId) => {
    const list = differences.get(expertId) ?? [];
    return { expertId, leniency: mean(list), basesCompared: list.length };
  });
}

/**
 * Experts whose |leniency| exceeds `threshold` points (strictly, after rounding to 1e-9),
 * optionally only those compared on at least `minBasesCompared` bases; most extreme first,
 * then by id.
 */
export function leniencyOutliers(
  list: readonly ExpertLeniency[],
  threshold: number,
  minBasesCompared = 1,
): ExpertLeniency[] {
  const limit = roundForComparison(threshold);
  const magnitude = (entry: ExpertLeniency): number =>
    roundForComparison(Math.abs(entry.leniency ?? 0));
  return list
    .filter(
      (entry) =>
        entry.leniency !== null &&
        entry.basesCompared >= minBasesCompared &&
        magnitude(entry) > limit,
    )
    .sort((a, b) => magnitude(b) - magnitude(a) || compareIds(a.expertId, b.expertId));
}
