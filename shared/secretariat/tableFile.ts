// Tables the secretariat exports (reminder lists, …) as CSV that Excel opens correctly:
// UTF-8 with a byte-order mark, CRLF line ends, RFC 4180 quoting. Text that a spreadsheet
// would read as a formula (=, +, -, @, tab, CR) gets a leading apostrophe: names and phone
// numbers come from rosters and bundles, and those must not be able to plant a formula.
// (Workbooks need none of this: writeXlsx stores text as shared strings, never formulas.)

export type TableCell = string | number | boolean | null;

const FORMULA_START = /^[=+\-@\t\r]/u;

/** Text a spreadsheet shows as text, never evaluates. */
export function formulaSafe(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function csvCell(value: TableCell): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number') return String(value);
  const text = formulaSafe(value);
  return /[",\r\n]/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text;
}

/** The rows as CSV text, starting with a BOM, every line ending in CRLF. */
export function toCsv(rows: readonly (readonly TableCell[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
