// Kendall's W per panel, as the chair's dashboard and the secretariat's results list it: one
// row per panel over all of that panel's bases (filters on type or city do not apply: W is
// about the panel's whole ranking), with the size of the complete block it was computed on
// and a plain-words reading. The number itself is kendallW's (shared/domain/concordance.ts):
// tie-corrected, on the largest complete block of experts × bases left after recusals and
// unscored sheets are pruned, never imputed.
//
// Reading: DOMAIN.md and INDICATORS.md give no thresholds for W, so the bands are the usual
// rule of thumb: W ≥ 0.7 good, 0.5 ≤ W < 0.7 fair, W < 0.5 poor (compared after rounding
// to 1e-9, so 0.7 computed as 0.69999999999 still reads good).
import { kendallW } from '../domain/concordance';
import { ratingsFromScoresheets, validRatings } from '../domain/aggregation';
import { roundForComparison } from '../domain/statistics';
import type { Scoresheet } from '../domain/types';

export const CONCORDANCE_GOOD = 0.7;
export const CONCORDANCE_FAIR = 0.5;

export type ConcordanceReading = 'good' | 'fair' | 'poor';

/** Why W could not be computed for a panel. */
export type ConcordanceGap =
  /** No submitted (non-recused) sheet on the panel's bases yet. */
  | 'noRatings'
  /** The complete block has fewer than 2 experts. */
  | 'tooFewExperts'
  /** The complete block has fewer than 2 bases. */
  | 'tooFewBases'
  /** Every expert gave every base of the block the same total: no ranking to compare. */
  | 'allTied';

export type PanelConcordanceRow = {
  panelId: string;
  panelName: string;
  /** Kendall's W in [0, 1]; null when it cannot be computed (see `gap`). */
  w: number | null;
  /** Experts (m) and bases (n) of the complete block W was computed on. */
  experts: number;
  bases: number;
  /**
   * Left out of the block: experts with a valid rating, and the panel's bases (scored or not),
   * because of recusals or sheets not yet submitted.
   */
  droppedExperts: number;
  droppedBases: number;
  reading: ConcordanceReading | null;
  gap: ConcordanceGap | null;
};

export type PanelConcordanceInput = {
  /** In the order the rows should follow. */
  panels: readonly { id: string; name: string }[];
  bases: readonly { id: string; panelId?: string }[];
  scoresheets: readonly Scoresheet[];
};

export function concordanceReading(w: number): ConcordanceReading {
  const value = roundForComparison(w);
  if (value >= CONCORDANCE_GOOD) return 'good';
  if (value >= CONCORDANCE_FAIR) return 'fair';
  return 'poor';
}

function gapOf(m: number, n: number, hasRatings: boolean): ConcordanceGap {
  if (!hasRatings) return 'noRatings';
  if (m < 2) return 'tooFewExperts';
  if (n < 2) return 'tooFewBases';
  return 'allTied';
}

/** One row per panel, in the panels' order. */
export function panelConcordance(input: PanelConcordanceInput): PanelConcordanceRow[] {
  const ratings = ratingsFromScoresheets(input.scoresheets);
  return input.panels.map((panel) => {
    const baseIds = input.bases.filter((b) => b.panelId === panel.id).map((b) => b.id);
    const wanted = new Set(baseIds);
    const ofPanel = ratings.filter((rating) => wanted.has(rating.baseId));
    const result = kendallW(ofPanel, baseIds);
    const w = result.w;
    return {
      panelId: panel.id,
      panelName: panel.name,
      w,
      experts: result.m,
      bases: result.n,
      droppedExperts: result.droppedExpertIds.length,
      droppedBases: result.droppedBaseIds.length,
      reading: w === null ? null : concordanceReading(w),
      gap: w === null ? gapOf(result.m, result.n, validRatings(ofPanel).length > 0) : null,
    };
  });
}
