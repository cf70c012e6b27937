// Reads the chosen round and derives, once per change, what every chart needs: the results
// of computeRoundResults over the whole round (with the method chosen on the dashboard),
// the three methods side by side, the filter options, the filtered rows in view and the
// voided sheets (作废) under the same filters.
import { useMemo } from 'react';
import { useCurrentRound, useRounds } from '../../db/hooks';
import { useDashboardRecords } from '../../db/dashboardHooks';
import type { DashboardRecords } from '../../db/dashboardHooks';
import { filterOptions, filterResults } from '../../../shared/charts/filters';
import type { DashboardFilters, FilterOptions } from '../../../shared/charts/filters';
import { resultsByMethod } from '../../../shared/charts/methodComparison';
import type { ResultsByMethod } from '../../../shared/charts/methodComparison';
import type { RankingScope } from '../../../shared/charts/scope';
import { voidedInView } from '../../../shared/charts/voidedSheets';
import type { DashboardVoided } from '../../../shared/charts/voidedSheets';
import { computeRoundResults } from '../../../shared/domain/results';
import type { BaseResult } from '../../../shared/domain/results';
import { categoryOfType } from '../../../shared/domain/taxonomy';
import type { BaseTypeCode, Round } from '../../../shared/domain/types';
import type { DashboardState } from './dashboardState';

export type DashboardData = {
  records: DashboardRecords;
  /** Every base of the round under the chosen method. */
  roundResults: BaseResult[];
  byMethod: ResultsByMethod;
  options: FilterOptions;
  /** The type actually shown (the first present type when none was chosen). */
  type: BaseTypeCode | undefined;
  filters: DashboardFilters;
  /** Rows passing the filters. */
  view: BaseResult[];
  /** What the ranking and the method comparison rank, if anything. */
  scope: RankingScope | undefined;
  /** Sheets voided by changes (counted in no chart), under the filters. */
  voided: DashboardVoided;
};

export type DashboardLoad =
  | { status: 'loading' }
  | { status: 'noRound' }
  | { status: 'ready'; data: DashboardData; rounds: Round[] };

/** The part of the state that changes numbers or rows (not the tab or the chosen base). */
export type DataState = Pick<DashboardState, 'method' | 'panelId' | 'category' | 'type' | 'city'>;

export function deriveDashboard(records: DashboardRecords, state: DataState): DashboardData {
  const { round, bases, scoresheets } = records;
  const method = state.method === 'rule' ? {} : { method: state.method };
  const roundResults = computeRoundResults(round, bases, scoresheets, method);
  const byMethod = resultsByMethod(round, bases, scoresheets);
  const options = filterOptions(roundResults);
  const typesInCategory = options.types.filter(
    (type) => state.category === undefined || categoryOfType(type) === state.category,
  );
  const type =
    state.type === 'all'
      ? undefined
      : state.type !== undefined && typesInCategory.includes(state.type)
        ? state.type
        : typesInCategory[0];
  const filters: DashboardFilters = {
    roundId: round.id,
    ...(state.panelId ? { panelId: state.panelId } : {}),
    ...(state.category ? { category: state.category } : {}),
    ...(type ? { type } : {}),
    ...(state.city ? { city: state.city } : {}),
  };
  const scope: RankingScope | undefined = type
    ? { kind: 'type', type }
    : state.category
      ? { kind: 'category', category: state.category }
      : undefined;
  return {
    records,
    roundResults,
    byMethod,
    options,
    type,
    filters,
    view: filterResults(roundResults, filters),
    scope,
    voided: voidedInView(
      records.voided,
      {
        bases: [...bases, ...records.withdrawn],
        experts: records.experts,
        panels: records.panels,
        templates: records.templates,
      },
      filters,
    ),
  };
}

export function useDashboardData(state: DashboardState): DashboardLoad {
  const current = useCurrentRound();
  const rounds = useRounds();
  const roundId = state.roundId ?? current?.id;
  const records = useDashboardRecords(roundId);
  const { method, panelId, category, type, city } = state;
  const data = useMemo(
    () =>
      records
        ? deriveDashboard(records, {
            method,
            ...(panelId ? { panelId } : {}),
            ...(category ? { category } : {}),
            ...(type ? { type } : {}),
            ...(city ? { city } : {}),
          })
        : undefined,
    [records, method, panelId, category, type, city],
  );
  if (current === undefined || rounds === undefined) return { status: 'loading' };
  if (roundId === undefined || records === null) return { status: 'noRound' };
  if (!data) return { status: 'loading' };
  return { status: 'ready', data, rounds };
}
