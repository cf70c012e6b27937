// Expert leniency: each expert's mean deviation from co-raters (expertLeniency in the
// domain: on every base they rated, own total minus the mean of the OTHER experts there,
// averaged; + = lenient, − = strict), a "normal" band, and the experts outside it.
//
// The band is centred on 0 (an expert in line with co-raters) and configurable:
// - { kind: 'fixed', points: p }: ± p points (default ± 5: "on average more than 5 points
//   above or below the other experts on the same bases");
// - { kind: 'sd', k }: ± k × the sample SD of the experts' leniencies (the experts shown,
//   n − 1 divisor), which adapts to how dispersed this panel is.
// An expert is named as outside when |leniency| > half-width (strictly, after rounding to
// 1e-9, leniencyOutliers in the domain) and they were compared on at least
// `minBasesCompared` bases (default 3): one shared base says little about a habit.
import { compareIds, ratingsFromScoresheets, sampleStandardDeviation } from '../domain/aggregation';
import { expertLeniency, leniencyOutliers } from '../domain/agreement';
import type { BaseResult } from '../domain/results';
import type { Scoresheet } from '../domain/types';
import { expertNamer } from './scope';

export type LeniencyBand = { kind: 'fixed'; points: number } | { kind: 'sd'; k: number };

export const DEFAULT_LENIENCY_BAND: Readonly<LeniencyBand> = Object.freeze({
  kind: 'fixed',
  points: 5,
});
export const DEFAULT_MIN_BASES_COMPARED = 3;

export type LeniencyRow = {
  expertId: string;
  expertName: string;
  panelId?: string;
  leniency: number;
  basesCompared: number;
  /** Compared on fewer bases than minBasesCompared: drawn, never named. */
  isTooFewBases: boolean;
  isOutside: boolean;
  direction: 'lenient' | 'strict' | 'normal';
};

export type LeniencyChartData = {
  /** Most lenient first, then by expert id. */
  rows: LeniencyRow[];
  band: { kind: LeniencyBand['kind']; halfWidth: number; low: number; high: number };
  /** Outside the band, most extreme first. */
  outliers: LeniencyRow[];
  minBasesCompared: number;
};

export type LeniencyInput = {
  /** Rows in view: only these bases' sheets are compared. */
  results: readonly BaseResult[];
  scoresheets: readonly Scoresheet[];
  experts?: readonly { id: string; name: string; panelId?: string }[];
  band?: LeniencyBand;
  minBasesCompared?: number;
};

export function leniencyChart(input: LeniencyInput): LeniencyChartData {
  const band = input.band ?? DEFAULT_LENIENCY_BAND;
  const minBases = input.minBasesCompared ?? DEFAULT_MIN_BASES_COMPARED;
  const wanted = new Set(input.results.map((row) => row.base.id));
  const list = expertLeniency(
    ratingsFromScoresheets(input.scoresheets.filter((sheet) => wanted.has(sheet.baseId))),
  ).filter((entry) => entry.leniency !== null);
  const eligible = list.filter((entry) => entry.basesCompared >= minBases);
  const halfWidth =
    band.kind === 'fixed'
      ? band.points
      : band.k * (sampleStandardDeviation(eligible.map((entry) => entry.leniency ?? 0)) ?? 0);
  const outside = leniencyOutliers(list, halfWidth, minBases);
  const outsideIds = new Set(outside.map((entry) => entry.expertId));
  const nameOf = expertNamer(input.experts);
  const panelOf = new Map((input.experts ?? []).map((expert) => [expert.id, expert.panelId]));
  const toRow = (entry: (typeof list)[number]): LeniencyRow => {
    const leniency = entry.leniency ?? 0;
    const isOutside = outsideIds.has(entry.expertId);
    const panelId = panelOf.get(entry.expertId);
    return {
      expertId: entry.expertId,
      expertName: nameOf(entry.expertId),
      ...(panelId === undefined ? {} : { panelId }),
      leniency,
      basesCompared: entry.basesCompared,
      isTooFewBases: entry.basesCompared < minBases,
      isOutside,
      direction: !isOutside ? 'normal' : leniency > 0 ? 'lenient' : 'strict',
    };
  };
  return {
    rows: list
      .map(toRow)
      .sort((a, b) => b.leniency - a.leniency || compareIds(a.expertId, b.expertId)),
    band: { kind: band.kind, halfWidth, low: -halfWidth, high: halfWidth },
    outliers: outside.map(toRow),
    minBasesCompared: minBases,
  };
}
