// How the report workbook shows numbers: scores, averages, spreads and shares with 2
// decimals ('0.00'), counts and ranks as Excel's General (whole numbers as they are). The
// cells keep full precision; the CSV rounds the same way (formatReportNumber in csv.ts).
export const TWO_DECIMALS = '0.00';

/** A sheet's per-column number formats: '0.00' under the named headers, General elsewhere. */
export function decimalColumns(
  header: readonly string[],
  decimals: readonly string[],
): (string | null)[] {
  return header.map((name) => (decimals.includes(name) ? TWO_DECIMALS : null));
}
