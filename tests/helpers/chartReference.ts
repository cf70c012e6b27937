// A reference for the chair's dashboard's numbers beyond the aggregates, written from the
// README's definitions (Chair's dashboard; The domain core → Agreement) on top of
// aggregationReference.ts, and importing nothing from shared/:
// - leniency: per expert, on every base they and someone else rated, their total minus the
//   mean of the other experts' totals there, averaged; named when more than 5 points from 0
//   and compared on at least 3 bases;
// - Kendall's W per panel, tie-corrected (mid-ranks, W = 12·S / (m²(n³ − n) − m·Σ(t³ − t))),
//   on the largest complete block of experts × bases, found by trying every set of the
//   panel's experts (a panel has a handful). "Largest" is the most cells; between blocks of
//   as many cells the one with more bases wins (W is about ranking the bases), and a tie
//   beyond that is reported as ambiguous rather than guessed;
// - quota warnings per type: 优秀 above 15% of the scored bases, 不合格 + decided 限期整改
//   below 10%.
import { countedRatings, isSameScore, refMean, referenceResults } from './aggregationReference';
import type { RefBase, RefMethod, RefResult, RefRound, RefSheet } from './aggregationReference';

export type RefLeniency = { expertId: string; leniency: number; basesCompared: number };

/** Experts compared with a co-rater on at least one base of `baseIds`, with their leniency. */
export function refLeniency(
  sheets: readonly RefSheet[],
  baseIds: ReadonlySet<string>,
): RefLeniency[] {
  const ratings = countedRatings(sheets).filter((rating) => baseIds.has(rating.baseId));
  const differences = new Map<string, number[]>();
  for (const baseId of new Set(ratings.map((rating) => rating.baseId))) {
    const here = ratings.filter((rating) => rating.baseId === baseId);
    const experts = [...new Set(here.map((rating) => rating.expertId))];
    const totalOf = (expertId: string) =>
      refMean(here.filter((r) => r.expertId === expertId).map((r) => r.total)) ?? 0;
    for (const expertId of experts) {
      const others = experts.filter((other) => other !== expertId).map(totalOf);
      const othersMean = refMean(others);
      if (othersMean === null) continue;
      differences.set(expertId, [
        ...(differences.get(expertId) ?? []),
        totalOf(expertId) - othersMean,
      ]);
    }
  }
  return [...differences].map(([expertId, list]) => ({
    expertId,
    leniency: refMean(list) ?? 0,
    basesCompared: list.length,
  }));
}

/** Named as outside the normal band: |leniency| above `points`, on `minBases` bases or more. */
export function refLeniencyOutliers(
  list: readonly RefLeniency[],
  points = 5,
  minBases = 3,
): RefLeniency[] {
  return list.filter(
    (entry) =>
      entry.basesCompared >= minBases &&
      Math.abs(entry.leniency) > points &&
      !isSameScore(Math.abs(entry.leniency), points),
  );
}

export type RefConcordance = { w: number | null; experts: number; bases: number };

/** Mid-ranks of `values`, 1 for the highest, and Σ(t³ − t) over groups of ties. */
function midRanks(values: readonly number[]): { ranks: number[]; tieTerm: number } {
  let tieTerm = 0;
  const ranks = values.map((value) => {
    const higher = values.filter((v) => v > value && !isSameScore(v, value)).length;
    const tied = values.filter((v) => isSameScore(v, value)).length;
    return higher + (tied + 1) / 2;
  });
  const groups = new Map<number, number>();
  for (const rank of ranks) groups.set(rank, (groups.get(rank) ?? 0) + 1);
  for (const t of groups.values()) tieTerm += t ** 3 - t;
  return { ranks, tieTerm };
}

/** Kendall's W of one panel's counted sheets on the panel's bases. */
export function refKendallW(
  sheets: readonly RefSheet[],
  baseIds: readonly string[],
): RefConcordance {
  const wanted = new Set(baseIds);
  const ratings = countedRatings(sheets).filter((rating) => wanted.has(rating.baseId));
  const cell = new Map<string, number>();
  const key = (expertId: string, baseId: string) => `${expertId}\u0000${baseId}`;
  const experts = [...new Set(ratings.map((rating) => rating.expertId))];
  for (const expertId of experts) {
    for (const baseId of baseIds) {
      const own = ratings.filter((r) => r.expertId === expertId && r.baseId === baseId);
      const total = refMean(own.map((r) => r.total));
      if (total !== null) cell.set(key(expertId, baseId), total);
    }
  }
  if (experts.length > 16) throw new Error('too many experts to try every block');
  let best: { experts: string[]; bases: string[] } = { experts: [], bases: [] };
  let isAmbiguous = false;
  for (let mask = 1; mask < 1 << experts.length; mask += 1) {
    const chosen = experts.filter((_, i) => (mask & (1 << i)) !== 0);
    const bases = baseIds.filter((b) => chosen.every((e) => cell.has(key(e, b))));
    const size = chosen.length * bases.length;
    const bestSize = best.experts.length * best.bases.length;
    if (size > bestSize || (size === bestSize && bases.length > best.bases.length)) {
      best = { experts: chosen, bases };
      isAmbiguous = false;
    } else if (size === bestSize && bases.length === best.bases.length && size > 0) {
      isAmbiguous = true;
    }
  }
  if (isAmbiguous) throw new Error('two complete blocks are equally large: W is ambiguous');
  const m = best.experts.length;
  const n = best.bases.length;
  if (m < 2 || n < 2) return { w: null, experts: m, bases: n };
  const rankSums = best.bases.map(() => 0);
  let tieTerms = 0;
  for (const expertId of best.experts) {
    const { ranks, tieTerm } = midRanks(best.bases.map((b) => cell.get(key(expertId, b)) ?? 0));
    ranks.forEach((rank, j) => (rankSums[j] = (rankSums[j] ?? 0) + rank));
    tieTerms += tieTerm;
  }
  const s = rankSums.reduce((acc, sum) => acc + (sum - (m * (n + 1)) / 2) ** 2, 0);
  const denominator = m * m * (n ** 3 - n) - m * tieTerms;
  return { w: denominator > 0 ? (12 * s) / denominator : null, experts: m, bases: n };
}

/** How many quota warnings a type gets over the whole round's scored bases. */
export function refQuotaWarnings(
  rows: readonly RefResult[],
  type: string,
  rectifyDecided: ReadonlySet<string> = new Set(),
): number {
  const scored = rows.filter((row) => row.base.type === type && row.grade !== null);
  if (scored.length === 0) return 0;
  const excellent = scored.filter((row) => row.grade === 'excellent').length;
  const low = scored.filter(
    (row) => row.grade === 'fail' || rectifyDecided.has(row.base.id),
  ).length;
  return (excellent / scored.length > 0.15 ? 1 : 0) + (low / scored.length < 0.1 ? 1 : 0);
}

/** Bases of a type whose grade is not the same under mean, trimmed mean and z-score. */
export function refGradeChanges<B extends RefBase>(
  round: RefRound,
  bases: readonly B[],
  sheets: readonly RefSheet[],
  type: string,
): B[] {
  const methods: RefMethod[] = ['mean', 'trimmedMean', 'zScore'];
  const byMethod = methods.map((method) => referenceResults(round, bases, sheets, method));
  return bases.filter((base, index) => {
    if (base.type !== type) return false;
    const grades = byMethod.map((rows) => rows[index]?.grade ?? null);
    return grades[0] !== null && new Set(grades).size > 1;
  });
}
