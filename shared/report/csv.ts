// The report's CSV policy on top of the one CSV writer (shared/csv/write.ts): numbers for
// people, with 2 decimals. Shared by the app's report export and `pinggu report --format csv`.
import { toCsv } from '../csv/write';
import type { ReportCell } from './types';

/** A number for people: integers as they are, anything else with 2 decimals. */
export function formatReportNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

/** Rows as report CSV: BOM, CRLF, numbers with 2 decimals, 是/否, formula-safe text. */
export function toReportCsv(rows: readonly (readonly ReportCell[])[]): string {
  return toCsv(rows, { formatNumber: formatReportNumber });
}
