// The dashboard's filters and choices, kept in the URL (?type=A1&city=沈阳 …) so a reload, the
// print view and a colleague's link all show the same charts. Parsing is lenient: an unknown
// value is dropped, never an error.
import { AGGREGATION_METHODS } from '../../../shared/domain/aggregation';
import { CATEGORIES, isBaseTypeCode, isCityName } from '../../../shared/domain/taxonomy';
import type {
  AggregationMethod,
  BaseTypeCode,
  CategoryCode,
  CityName,
} from '../../../shared/domain/types';

export const DASHBOARD_TABS = [
  'ranking',
  'profile',
  'spread',
  'leniency',
  'methods',
  'overview',
  'history',
] as const;
export type DashboardTab = (typeof DASHBOARD_TABS)[number];

/** 'rule' = the round's own aggregation rule; otherwise a method chosen for comparison. */
export type MethodChoice = 'rule' | AggregationMethod;

export type DashboardState = {
  roundId?: string;
  panelId?: string;
  category?: CategoryCode;
  /** 'all' = every type; unset = the first type present (the default view). */
  type?: BaseTypeCode | 'all';
  city?: CityName;
  method: MethodChoice;
  baseId?: string;
  tab: DashboardTab;
};

const isCategory = (value: string): value is CategoryCode =>
  CATEGORIES.some((category) => category.code === value);
const isMethod = (value: string): value is AggregationMethod =>
  AGGREGATION_METHODS.some((method) => method === value);
const isTab = (value: string): value is DashboardTab => DASHBOARD_TABS.some((tab) => tab === value);

export function readDashboardState(params: URLSearchParams): DashboardState {
  const text = (key: string): string | undefined => params.get(key) || undefined;
  const category = text('category');
  const type = text('type');
  const city = text('city');
  const method = text('method');
  const tab = text('tab');
  const roundId = text('round');
  const panelId = text('panel');
  const baseId = text('base');
  return {
    ...(roundId ? { roundId } : {}),
    ...(panelId ? { panelId } : {}),
    ...(category && isCategory(category) ? { category } : {}),
    ...(type === 'all' || (type && isBaseTypeCode(type)) ? { type } : {}),
    ...(city && isCityName(city) ? { city } : {}),
    method: method && isMethod(method) ? method : 'rule',
    ...(baseId ? { baseId } : {}),
    tab: tab && isTab(tab) ? tab : 'ranking',
  };
}

export function writeDashboardState(state: DashboardState): URLSearchParams {
  const params = new URLSearchParams();
  const set = (key: string, value: string | undefined) => {
    if (value !== undefined) params.set(key, value);
  };
  set('round', state.roundId);
  set('panel', state.panelId);
  set('category', state.category);
  set('type', state.type);
  set('city', state.city);
  if (state.method !== 'rule') params.set('method', state.method);
  set('base', state.baseId);
  if (state.tab !== 'ranking') params.set('tab', state.tab);
  return params;
}
