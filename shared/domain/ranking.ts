// Rankings within a base type and within a category (DOMAIN.md: 排名 per type and category).
// Ties are explicit: equal scores share a rank. Scores are compared after rounding to 1e-9
// (roundForComparison), so 0.1 + 0.2 and 0.3 tie instead of ranking apart on float noise.
import type { BaseTypeCode, CategoryCode } from './types';
import { compareIds } from './aggregation';
import { roundForComparison } from './statistics';

/**
 * 'competition' (standard competition, "1224"): after a tie the next rank skips, so a rank
 * says how many scored higher. 'dense' ("1223"): no gaps.
 */
export type TieMethod = 'competition' | 'dense';

export type RankInput = { id: string; score: number | null };

type Keyed = { id: string; key: number | null };

/** Display order: score descending, unscored last, then id ascending. */
function compareForDisplay(a: Keyed, b: Keyed): number {
  if (a.key === null || b.key === null) {
    if (a.key !== b.key) return a.key === null ? 1 : -1;
  } else if (a.key !== b.key) {
    return b.key - a.key;
  }
  return compareIds(a.id, b.id);
}

/**
 * Ranks items by score (highest = 1). Returns id → rank, or null for an item without a
 * (finite) score; unranked items come last. The Map's iteration order is the display order
 * (score descending, then id ascending), the same for any input order. Ids must be unique.
 */
export function rankWithin(
  items: readonly RankInput[],
  ties: TieMethod = 'competition',
): Map<string, number | null> {
  const keyed: Keyed[] = items.map(({ id, score }) => ({
    id,
    key: score !== null && Number.isFinite(score) ? roundForComparison(score) : null,
  }));
  keyed.sort(compareForDisplay);
  const ranks = new Map<string, number | null>();
  let previousKey: number | null = null;
  let rank = 0;
  let distinct = 0;
  keyed.forEach((item, position) => {
    if (ranks.has(item.id)) throw new RangeError(`duplicate id in ranking: ${item.id}`);
    if (item.key === null) {
      ranks.set(item.id, null);
      return;
    }
    if (position === 0 || item.key !== previousKey) {
      distinct += 1;
      rank = ties === 'dense' ? distinct : position + 1;
      previousKey = item.key;
    }
    ranks.set(item.id, rank);
  });
  return ranks;
}

export type BaseRank = {
  type: BaseTypeCode;
  category: CategoryCode;
  /** null when the base has no score (e.g. every expert recused). */
  rankInType: number | null;
  rankInCategory: number | null;
  /** Ranked (scored) bases of the same type: "3rd of typeCount". */
  typeCount: number;
  categoryCount: number;
};

/** Category from the type code's first letter (A1 → 'A'). */
function categoryOf(type: BaseTypeCode): CategoryCode {
  return type.startsWith('A') ? 'A' : type.startsWith('B') ? 'B' : 'C';
}

function rankedCount(ranks: Map<string, number | null>): number {
  let count = 0;
  for (const rank of ranks.values()) if (rank !== null) count += 1;
  return count;
}

/**
 * Ranks every base in `bases` within its type and its category by its aggregate `value`
 * (BaseAggregate fits). Bases without an aggregate or with a null value are unranked.
 * Aggregates of bases not listed in `bases` are ignored. Iteration order: type code, then
 * display order within the type.
 */
export function rankBases(
  aggregates: readonly { baseId: string; value: number | null }[],
  bases: readonly { id: string; type: BaseTypeCode }[],
  ties: TieMethod = 'competition',
): Map<string, BaseRank> {
  const scoreOf = new Map<string, number | null>();
  for (const aggregate of aggregates) {
    if (scoreOf.has(aggregate.baseId))
      throw new RangeError(`duplicate aggregate for base ${aggregate.baseId}`);
    scoreOf.set(aggregate.baseId, aggregate.value);
  }
  const inputs = (keep: (type: BaseTypeCode) => boolean): RankInput[] =>
    bases
      .filter((base) => keep(base.type))
      .map((base) => ({ id: base.id, score: scoreOf.get(base.id) ?? null }));

  const types = [...new Set(bases.map((base) => base.type))].sort(compareIds);
  const byCategory = new Map<CategoryCode, Map<string, number | null>>();
  for (const category of new Set(types.map(categoryOf))) {
    byCategory.set(
      category,
      rankWithin(
        inputs((type) => categoryOf(type) === category),
        ties,
      ),
    );
  }
  const result = new Map<string, BaseRank>();
  for (const type of types) {
    const inType = rankWithin(
      inputs((candidate) => candidate === type),
      ties,
    );
    const category = categoryOf(type);
    const inCategory = byCategory.get(category) ?? new Map<string, number | null>();
    const typeCount = rankedCount(inType);
    const categoryCount = rankedCount(inCategory);
    for (const [id, rankInType] of inType) {
      result.set(id, {
        type,
        category,
        rankInType,
        rankInCategory: inCategory.get(id) ?? null,
        typeCount,
        categoryCount,
      });
    }
  }
  return result;
}
