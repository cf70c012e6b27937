// Kendall's coefficient of concordance W for one panel (re-exported by agreement.ts).
//
// Method: classic W with tie correction (Kendall & Babington Smith 1939; Kendall 1948),
//   W = 12·S / (m²(n³ − n) − m·ΣT),   S = Σⱼ (Rⱼ − m(n + 1)/2)²,   T = Σ (t³ − t) per rater,
// on a COMPLETE block of m experts × n bases. Each expert ranks the block's bases by total
// (rank 1 = highest, tied totals share their mid-rank; totals compared after rounding to 1e-9).
//
// Recusals (回避) leave holes: the expert did not score that base. W is only exact without
// holes, so the block is found by greedy pruning, deterministically:
//   while a cell is missing, remove the expert or base whose line has the largest share of
//   missing cells (ties: more missing cells, then a base before an expert, then smallest id).
// In practice this drops the few bases a panel's recused experts could not score (an expert
// recused from 4 of 30 bases loses 4 bases, not the expert), and drops an expert who scored
// only a handful of the bases. Imputing ranks for holes was rejected: it invents judgements,
// and the rescaled-rank variants for incomplete designs do not give W = 1 for perfect
// agreement. The result lists the block used and what was left out, so a report can say it.
//
// chiSquare = m(n − 1)·W is Friedman's statistic (tie-corrected), df = n − 1.
import type { Rating } from './aggregation';
import { compareIds, groupBy, validRatings } from './aggregation';
import { mean, roundForComparison } from './statistics';

export const KENDALL_W_METHOD = 'kendallW-tieCorrected-completeBlock';

export type KendallWResult = {
  /** null when m < 2, n < 2, or every expert tied every base (W is undefined). */
  w: number | null;
  /** Raters (experts) in the complete block. */
  m: number;
  /** Objects (bases) in the complete block. */
  n: number;
  method: string;
  chiSquare?: number;
  df?: number;
  expertIds: string[];
  baseIds: string[];
  droppedExpertIds: string[];
  droppedBaseIds: string[];
};

type Line = { kind: 'base' | 'expert'; id: string; missing: number; size: number };

/** Whether line a should be removed before line b (see the module comment). */
function isWorse(a: Line, b: Line): boolean {
  const shareDiff = a.missing * b.size - b.missing * a.size; // compares a.missing/a.size with b's
  if (shareDiff !== 0) return shareDiff > 0;
  if (a.missing !== b.missing) return a.missing > b.missing;
  if (a.kind !== b.kind) return a.kind === 'base';
  return compareIds(a.id, b.id) < 0;
}

function completeBlock(
  cells: Map<string, Map<string, number>>,
  expertIds: string[],
  baseIds: string[],
): { experts: string[]; bases: string[] } {
  let experts = [...expertIds];
  let bases = [...baseIds];
  for (;;) {
    const lines: Line[] = [];
    for (const expertId of experts) {
      const row = cells.get(expertId);
      const missing = bases.filter((baseId) => !row?.has(baseId)).length;
      if (missing > 0) lines.push({ kind: 'expert', id: expertId, missing, size: bases.length });
    }
    for (const baseId of bases) {
      const missing = experts.filter((expertId) => !cells.get(expertId)?.has(baseId)).length;
      if (missing > 0) lines.push({ kind: 'base', id: baseId, missing, size: experts.length });
    }
    const worst = lines.reduce<Line | undefined>(
      (acc, line) => (acc === undefined || isWorse(line, acc) ? line : acc),
      undefined,
    );
    if (!worst) return { experts, bases };
    if (worst.kind === 'expert') experts = experts.filter((id) => id !== worst.id);
    else bases = bases.filter((id) => id !== worst.id);
  }
}

/** Mid-ranks, 1 = highest, and the tie term Σ(t³ − t). */
function rankDescending(values: readonly number[]): { ranks: number[]; tieTerm: number } {
  const keys = values.map(roundForComparison);
  const order = keys.map((key, index) => ({ key, index })).sort((a, b) => b.key - a.key);
  const ranks = new Array<number>(values.length).fill(0);
  let tieTerm = 0;
  let start = 0;
  while (start < order.length) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]?.key === order[start]?.key) end += 1;
    const t = end - start + 1;
    const midRank = (start + 1 + end + 1) / 2;
    for (let i = start; i <= end; i += 1) {
      const entry = order[i];
      if (entry) ranks[entry.index] = midRank;
    }
    tieTerm += t ** 3 - t;
    start = end + 1;
  }
  return { ranks, tieTerm };
}

/**
 * Kendall's W over the valid ratings (one panel's, usually), restricted to `baseIds` when
 * given. Duplicate valid ratings of one expert and base are averaged.
 */
export function kendallW(ratings: readonly Rating[], baseIds?: readonly string[]): KendallWResult {
  const wanted = baseIds ? new Set(baseIds) : null;
  const valid = validRatings(ratings).filter(
    (rating) => wanted === null || wanted.has(rating.baseId),
  );
  const cells = new Map<string, Map<string, number>>();
  for (const [expertId, ofExpert] of groupBy(valid, (rating) => rating.expertId)) {
    const row = new Map<string, number>();
    for (const [baseId, own] of groupBy(ofExpert, (rating) => rating.baseId)) {
      row.set(baseId, mean(own.map((rating) => rating.total)) ?? 0);
    }
    cells.set(expertId, row);
  }
  const allExperts = [...cells.keys()].sort(compareIds);
  const allBases = [...new Set([...(baseIds ?? []), ...valid.map((rating) => rating.baseId)])].sort(
    compareIds,
  );
  const { experts, bases } = completeBlock(cells, allExperts, allBases);
  const m = experts.length;
  const n = bases.length;
  const result: KendallWResult = {
    w: null,
    m,
    n,
    method: KENDALL_W_METHOD,
    expertIds: experts,
    baseIds: bases,
    droppedExpertIds: allExperts.filter((id) => !experts.includes(id)),
    droppedBaseIds: allBases.filter((id) => !bases.includes(id)),
  };
  if (m < 2 || n < 2) return result;

  const rankSums = new Array<number>(n).fill(0);
  let tieTerms = 0;
  for (const expertId of experts) {
    const row = cells.get(expertId);
    const { ranks, tieTerm } = rankDescending(bases.map((baseId) => row?.get(baseId) ?? 0));
    ranks.forEach((rank, j) => (rankSums[j] = (rankSums[j] ?? 0) + rank));
    tieTerms += tieTerm;
  }
  const expectedSum = (m * (n + 1)) / 2;
  const s = rankSums.reduce((acc, rankSum) => acc + (rankSum - expectedSum) ** 2, 0);
  const denominator = m * m * (n ** 3 - n) - m * tieTerms;
  if (denominator <= 0) return result;
  const w = (12 * s) / denominator;
  return { ...result, w, chiSquare: m * (n - 1) * w, df: n - 1 };
}
