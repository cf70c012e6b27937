// The report as CSV and as an xlsx workbook, made the way the app makes its own: CSV through
// the report's CSV policy (shared/report/csv.ts: UTF-8 BOM, CRLF, 2 decimals, a leading
// apostrophe on text a spreadsheet would run as a formula, since names come from bundles),
// the workbook through writeXlsx (shared/xlsx), which stores text as text, never a formula,
// so names are written exactly as they are. Same columns as the JSON, Chinese headers.
import { toReportCsv } from '../shared/report/csv';
import { TWO_DECIMALS } from '../shared/report/formats';
import type { XlsxCell } from '../shared/xlsx/write';
import { writeXlsx } from '../shared/xlsx/write';
import type { Report, ReportRow } from './reportRows';
import { REPORT_COLUMNS } from './reportRows';

export function reportCsv(report: Report): string {
  return toReportCsv([
    REPORT_COLUMNS.map((c) => c.header),
    ...report.bases.map((row) => REPORT_COLUMNS.map((c) => row[c.key])),
  ]);
}

/** Numbers stay numbers (full precision, shown with 2 decimals); 是/否 for yes/no. */
function xlsxCell(value: ReportRow[keyof ReportRow]): XlsxCell {
  return typeof value === 'boolean' ? (value ? '是' : '否') : value;
}

/** Columns shown with 2 decimals; counts and ranks keep Excel's General format. */
const DECIMAL_KEYS: readonly (keyof ReportRow)[] = [
  'mean',
  'median',
  'trimmedMean',
  'zscoreMean',
  'aggregate',
  'sd',
  'range',
];

const METHOD_LABELS: Record<Report['method'], string> = {
  mean: '算术平均',
  median: '中位数',
  trimmed: '去掉最高最低分后平均',
  zscore: 'Z分数标准化',
};

/** The workbook: sheet 评估结果 (one row per base) and sheet 说明 (round, method). */
export function reportXlsx(
  report: Report,
  meta: { roundName: string; createdAt: string },
): Uint8Array {
  return writeXlsx([
    {
      name: '评估结果',
      headerRows: 1,
      columnWidths: REPORT_COLUMNS.map((c) => (c.key === 'name' ? 40 : c.key === 'id' ? 28 : 12)),
      numberFormats: REPORT_COLUMNS.map((c) =>
        DECIMAL_KEYS.includes(c.key) ? TWO_DECIMALS : null,
      ),
      rows: [
        REPORT_COLUMNS.map((c) => c.header),
        ...report.bases.map((row) => REPORT_COLUMNS.map((c) => xlsxCell(row[c.key]))),
      ],
    },
    {
      name: '说明',
      columnWidths: [16, 48],
      rows: [
        ['评估轮次', meta.roundName],
        ['轮次ID', report.round],
        ['汇总方法', `${METHOD_LABELS[report.method]}（${report.method}）`],
        ['结果包生成时间', meta.createdAt],
      ],
    },
  ]);
}
