// What a ranking-like chart ranks: the bases of one type (rank in type) or of one category
// (rank in category), as DOMAIN.md ranks them. Shared by the ranking and method charts.
import { compareIds } from '../domain/aggregation';
import type { BaseResult } from '../domain/results';
import { categoryOfType } from '../domain/taxonomy';
import type { Base, BaseTypeCode, CategoryCode } from '../domain/types';

export type RankingScope =
  { kind: 'type'; type: BaseTypeCode } | { kind: 'category'; category: CategoryCode };

export function isInScope(base: Base, scope: RankingScope): boolean {
  return scope.kind === 'type'
    ? base.type === scope.type
    : categoryOfType(base.type) === scope.category;
}

/** The domain's rank of a result within the scope, and how many bases were ranked there. */
export function rankInScope(
  result: BaseResult,
  scope: RankingScope,
): { rank: number | null; of: number } {
  return scope.kind === 'type'
    ? { rank: result.rankInType, of: result.typeCount }
    : { rank: result.rankInCategory, of: result.categoryCount };
}

/** Rank ascending (ties share a rank), unranked last, then base code: the ranking's order. */
export function compareByRank(
  a: { rank: number | null; code: string },
  b: { rank: number | null; code: string },
): number {
  if (a.rank !== b.rank) {
    if (a.rank === null) return 1;
    if (b.rank === null) return -1;
    return a.rank - b.rank;
  }
  return compareIds(a.code, b.code);
}

/** Expert id → name, for labels; unknown ids fall back to the id itself. */
export function expertNamer(
  experts: readonly { id: string; name: string }[] = [],
): (expertId: string) => string {
  const names = new Map(experts.map((expert) => [expert.id, expert.name]));
  return (expertId) => names.get(expertId) ?? expertId;
}
