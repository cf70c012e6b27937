// The report as CSV (UTF-8 with a byte-order mark and CRLF, so Excel opens the Chinese
// correctly) and as an xlsx workbook (exceljs). Same columns as the JSON, Chinese headers.
// Text cells that a spreadsheet would read as a formula (=, +, -, @) get a leading
// apostrophe: names come from bundles, and a bundle must not be able to plant a formula.
// The CSV encoding and the formula guard are shared with the app's report (shared/report).
import { defuseFormula, toCsv } from '../shared/report/csv';
import type { Report, ReportRow } from './reportRows';
import { REPORT_COLUMNS } from './reportRows';

export function reportCsv(report: Report): string {
  return toCsv([
    REPORT_COLUMNS.map((c) => c.header),
    ...report.bases.map((row) => REPORT_COLUMNS.map((c) => row[c.key])),
  ]);
}

/** Numbers stay numbers (full precision, shown with 2 decimals). */
function xlsxCell(value: ReportRow[keyof ReportRow]): string | number | null {
  if (value === null || typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? '是' : '否';
  return defuseFormula(value);
}

const METHOD_LABELS: Record<Report['method'], string> = {
  mean: '算术平均',
  median: '中位数',
  trimmed: '去掉最高最低分后平均',
  zscore: 'Z分数标准化',
};

/** The workbook: sheet 评估结果 (one row per base) and sheet 说明 (round, method). */
export async function reportXlsx(
  report: Report,
  meta: { roundName: string; createdAt: string },
): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  // Fixed times: the same result bundle gives the same workbook content.
  workbook.creator = 'pinggu';
  workbook.created = new Date(meta.createdAt);
  workbook.modified = new Date(meta.createdAt);
  const sheet = workbook.addWorksheet('评估结果', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = REPORT_COLUMNS.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.key === 'name' ? 40 : c.key === 'id' ? 28 : 12,
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of report.bases) {
    sheet.addRow(Object.fromEntries(REPORT_COLUMNS.map(({ key }) => [key, xlsxCell(row[key])])));
  }
  for (const key of ['mean', 'median', 'trimmedMean', 'zscoreMean', 'aggregate', 'sd', 'range']) {
    sheet.getColumn(key).numFmt = '0.00';
  }
  const about = workbook.addWorksheet('说明');
  about.addRows([
    ['评估轮次', meta.roundName],
    ['轮次ID', report.round],
    ['汇总方法', `${METHOD_LABELS[report.method]}（${report.method}）`],
    ['结果包生成时间', meta.createdAt],
  ]);
  about.getColumn(1).width = 16;
  about.getColumn(2).width = 48;
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
