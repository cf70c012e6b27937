// CSV as Excel on a Chinese Windows opens it without an import dialog: UTF-8 with a
// byte-order mark, CRLF line ends, RFC 4180 quoting. Text a spreadsheet would run as a
// formula (=, +, -, @, tab, CR at the start) gets a leading apostrophe: names and comments
// come from bundles, and a bundle must not be able to plant a formula. Shared by the app's
// report export and `pinggu report --format csv`.
import type { ReportCell } from './types';

const FORMULA_START = /^[=+\-@\t\r]/;

/** The text, with a leading apostrophe when a spreadsheet would read it as a formula. */
export function defuseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A number for people: integers as they are, anything else with 2 decimals. */
export function formatReportNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

/** One CSV field: 2 decimals, 是/否, empty for null, defused and quoted text. */
export function csvField(value: ReportCell): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number') return formatReportNumber(value);
  const text = defuseFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows as a CSV document: BOM first, every line (the last one too) ended by CRLF. */
export function toCsv(rows: readonly (readonly ReportCell[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}
