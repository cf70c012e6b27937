// What the 有进有出 tab and its printout show, from yearTypeCounts and registryFlows: the years
// there are, the range chosen (from the URL: ?from=&to=&type=), the per-year totals of the
// year-over-year chart and the rows of the per-year, per-type table (a 合计 row per year).
import { isBaseTypeCode } from '../../../../shared/domain/taxonomy';
import type { BaseTypeCode } from '../../../../shared/domain/types';
import type { YearTypeCount } from '../../../../shared/registry/flows';

export type FlowsQuery = { from: number; to: number; type?: BaseTypeCode };

export const COUNT_KEYS = [
  'entered',
  'included',
  'converted',
  'rectifying',
  'merged',
  'revoked',
  'active',
] as const satisfies readonly (keyof YearTypeCount)[];

export type CountKey = (typeof COUNT_KEYS)[number];

export type YearTotals = { year: number } & Record<CountKey, number>;

/** Every year the counts cover (yearTypeCounts lists each year from the first to the last). */
export function countYears(counts: readonly YearTypeCount[]): number[] {
  return [...new Set(counts.map((row) => row.year))].sort((a, b) => a - b);
}

const yearParam = (value: string | null, years: readonly number[]): number | undefined => {
  const year = value === null ? Number.NaN : Number(value);
  return years.includes(year) ? year : undefined;
};

/** The range and type of the URL, kept within the years there are; null when there are none. */
export function readFlowsQuery(
  params: URLSearchParams,
  years: readonly number[],
): FlowsQuery | null {
  const first = years[0];
  const last = years.at(-1);
  if (first === undefined || last === undefined) return null;
  const from = yearParam(params.get('from'), years) ?? first;
  const to = yearParam(params.get('to'), years) ?? last;
  const type = params.get('type');
  const range = from <= to ? { from, to } : { from: to, to: from };
  return isBaseTypeCode(type) ? { ...range, type } : range;
}

export function writeFlowsQuery(query: FlowsQuery): URLSearchParams {
  const params = new URLSearchParams({ from: String(query.from), to: String(query.to) });
  if (query.type !== undefined) params.set('type', query.type);
  return params;
}

const zero = (): Record<CountKey, number> => ({
  entered: 0,
  included: 0,
  converted: 0,
  rectifying: 0,
  merged: 0,
  revoked: 0,
  active: 0,
});

function inQuery(row: YearTypeCount, query: FlowsQuery): boolean {
  return (
    row.year >= query.from &&
    row.year <= query.to &&
    (query.type === undefined || row.type === query.type)
  );
}

/** Per year of the range: the counts of the type chosen, or of all types. */
export function yearTotals(counts: readonly YearTypeCount[], query: FlowsQuery): YearTotals[] {
  const totals: YearTotals[] = [];
  for (let year = query.from; year <= query.to; year += 1) totals.push({ year, ...zero() });
  for (const row of counts) {
    if (!inQuery(row, query)) continue;
    const total = totals[row.year - query.from];
    if (total) for (const key of COUNT_KEYS) total[key] += row[key];
  }
  return totals;
}

export type CountsTableRow = { key: string; year: number; type: BaseTypeCode | 'total' } & Record<
  CountKey,
  number
>;

/** The table's rows: per year, its types in the plan's order, then 合计 (when all types). */
export function countsTableRows(
  counts: readonly YearTypeCount[],
  query: FlowsQuery,
): CountsTableRow[] {
  const rows: CountsTableRow[] = [];
  for (const total of yearTotals(counts, query)) {
    const ofYear = counts.filter((row) => row.year === total.year && inQuery(row, query));
    for (const row of ofYear) rows.push({ ...row, key: `${row.year}-${row.type}` });
    if (query.type === undefined) {
      rows.push({ ...total, key: `${total.year}-total`, type: 'total' });
    }
  }
  return rows;
}
