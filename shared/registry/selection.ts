// Which registry bases the next round evaluates (the registry bundle's roster). Revoked and
// merged bases never go out. A periodic round takes the bases its filters match plus those
// under rectification whose deadline falls due; a follow-up round (复评) only those under
// rectification. The optional filters (categories, types, cities, approval years) narrow a
// follow-up round too.
import { beijingDate } from './order';
import type { RegistryBase, RegistrySelection, RegistryState } from './types';

/** The base matches every filter the selection sets (an empty list sets none). */
function matchesFilters(base: RegistryBase, selection: RegistrySelection): boolean {
  const { categories, types, cities, yearFrom, yearTo } = selection;
  if (categories !== undefined && categories.length > 0 && !categories.includes(base.category)) {
    return false;
  }
  if (types !== undefined && types.length > 0 && !types.includes(base.type)) return false;
  if (cities !== undefined && cities.length > 0 && !cities.includes(base.city)) return false;
  if (yearFrom !== undefined && base.yearEstablished < yearFrom) return false;
  if (yearTo !== undefined && base.yearEstablished > yearTo) return false;
  return true;
}

/**
 * Under rectification and due by `dueBy` (YYYY-MM-DD, inclusive); without a date every base
 * under rectification is due, and so is one without a deadline.
 */
function isDue(base: RegistryBase, dueBy: string | undefined): boolean {
  if (base.status !== 'rectifying') return false;
  if (dueBy === undefined || base.rectifyUntil === undefined) return true;
  return base.rectifyUntil <= dueBy;
}

/** The bases the selection chooses, in the registry's order (by code). */
export function selectBases(state: RegistryState, selection: RegistrySelection): RegistryBase[] {
  return state.bases.filter((base) => {
    if (base.status === 'revoked' || base.status === 'merged') return false;
    if (selection.purpose === 'followUp') {
      return isDue(base, selection.rectifyDueBy) && matchesFilters(base, selection);
    }
    if (matchesFilters(base, selection)) return true;
    return selection.rectifyDueBy !== undefined && isDue(base, selection.rectifyDueBy);
  });
}

/**
 * The selection of a follow-up round (复评): every base under rectification whose deadline
 * is on or before `today` (YYYY-MM-DD, or an ISO instant read as its Beijing date).
 */
export function followUpSelection(today: string): RegistrySelection {
  const date = beijingDate(today);
  if (date === undefined) throw new RangeError(`不是有效的日期：${today}`);
  return { purpose: 'followUp', rectifyDueBy: date };
}
