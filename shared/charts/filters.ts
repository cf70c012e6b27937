// The dashboard's filters (round, panel, category, type, city) and the one function that
// applies them. Every chart reads rows of computeRoundResults run over the WHOLE round
// (z-scores and ranks need the full pool) and only then narrows them here, so a filter
// changes which bases are shown, never the numbers of a base.
import { compareIds } from '../domain/aggregation';
import { BASE_TYPE_CODES, CATEGORIES, CITIES, categoryOfType } from '../domain/taxonomy';
import type { Base, BaseTypeCode, CategoryCode, CityName } from '../domain/types';

export type DashboardFilters = {
  roundId?: string;
  panelId?: string;
  category?: CategoryCode;
  type?: BaseTypeCode;
  city?: CityName;
};

/** Anything carrying its base (BaseResult rows, chart rows). */
export type WithBase = { base: Base };

/** Whether one base passes every filter that is set (an unset filter lets everything pass). */
export function matchesFilters(base: Base, filters: DashboardFilters): boolean {
  return (
    (filters.roundId === undefined || base.roundId === filters.roundId) &&
    (filters.panelId === undefined || base.panelId === filters.panelId) &&
    (filters.category === undefined || categoryOfType(base.type) === filters.category) &&
    (filters.type === undefined || base.type === filters.type) &&
    (filters.city === undefined || base.city === filters.city)
  );
}

/** The rows whose base passes every set filter, in input order. */
export function filterResults<T extends WithBase>(
  rows: readonly T[],
  filters: DashboardFilters,
): T[] {
  return rows.filter((row) => matchesFilters(row.base, filters));
}

export type FilterOptions = {
  panelIds: string[];
  categories: CategoryCode[];
  types: BaseTypeCode[];
  cities: CityName[];
};

/**
 * The values each filter can take in a round: only those some base has, in taxonomy order
 * (categories A–C, types A1…C3, cities in the roster's order), panels by id.
 */
export function filterOptions(rows: readonly WithBase[]): FilterOptions {
  const bases = rows.map((row) => row.base);
  const types = new Set(bases.map((base) => base.type));
  const cities = new Set(bases.map((base) => base.city));
  const panels = new Set(
    bases.map((base) => base.panelId).filter((id): id is string => id !== undefined),
  );
  return {
    panelIds: [...panels].sort(compareIds),
    categories: CATEGORIES.map((c) => c.code).filter((code) =>
      bases.some((base) => categoryOfType(base.type) === code),
    ),
    types: BASE_TYPE_CODES.filter((code) => types.has(code)),
    cities: CITIES.filter((city) => cities.has(city)),
  };
}
