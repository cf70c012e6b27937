// The 基地库 table's filters and search, as a pure function over the registry's bases so the
// table, its count and the Excel export always show the same rows.
import { compactText } from '../../../shared/domain/taxonomy';
import type { BaseTypeCode, CategoryCode, CityName } from '../../../shared/domain/types';
import type { RegistryBase, RegistryStatus } from '../../../shared/registry/types';

export type BasesFilter = {
  category?: CategoryCode;
  type?: BaseTypeCode;
  city?: CityName;
  status?: RegistryStatus;
  /** Approval year (批建年份). */
  year?: number;
  /** Part of the name, code or host institution (spacing and width ignored). */
  search?: string;
};

export function filterBases(bases: readonly RegistryBase[], filter: BasesFilter): RegistryBase[] {
  const needle = compactText(filter.search ?? '').toLowerCase();
  return bases.filter(
    (base) =>
      (filter.category === undefined || base.category === filter.category) &&
      (filter.type === undefined || base.type === filter.type) &&
      (filter.city === undefined || base.city === filter.city) &&
      (filter.status === undefined || base.status === filter.status) &&
      (filter.year === undefined || base.yearEstablished === filter.year) &&
      (needle === '' ||
        [base.name, base.code, base.hostInstitution].some((text) =>
          compactText(text).toLowerCase().includes(needle),
        )),
  );
}

/** The approval years present, newest first, for the year filter. */
export function approvalYears(bases: readonly RegistryBase[]): number[] {
  return [...new Set(bases.map((b) => b.yearEstablished))].sort((a, b) => b - a);
}
