// CSV as Excel on a Chinese Windows opens it without an import dialog: UTF-8 with a
// byte-order mark, CRLF line ends (the last line too), RFC 4180 quoting. Text a
// spreadsheet would run as a formula (=, +, -, @, tab, CR at the start) gets a leading
// apostrophe: names, phone numbers and comments come from rosters and bundles, and those
// must not be able to plant a formula. (Workbooks need none of this: writeXlsx stores text
// as shared strings, never formulas.) The one CSV writer of the app and the CLI: the
// report, the reminder list and the roster template all go through it.

export type CsvCell = string | number | boolean | null;

export type CsvOptions = {
  /** How a number is written; default String(value), full precision. */
  formatNumber?: (value: number) => string;
};

const FORMULA_START = /^[=+\-@\t\r]/u;

/** The text, with a leading apostrophe when a spreadsheet would read it as a formula. */
export function defuseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One CSV field: empty for null, 是/否, the number as formatted, defused and quoted text. */
export function csvField(value: CsvCell, options: CsvOptions = {}): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number') return (options.formatNumber ?? String)(value);
  const text = defuseFormula(value);
  return /[",\r\n]/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text;
}

/** Rows as a CSV document: BOM first, every line (the last one too) ended by CRLF. */
export function toCsv(rows: readonly (readonly CsvCell[])[], options: CsvOptions = {}): string {
  const lines = rows.map((row) => row.map((cell) => csvField(cell, options)).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
