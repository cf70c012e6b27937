// The round report as sheets for writeXlsx (shared/xlsx/write.ts) and the 基地结果 sheet as
// CSV. The workbook keeps text as it is (the writer stores every string as text, never as
// a formula, and cuts it at Excel's cell limit); the CSV, which a spreadsheet re-parses,
// defuses text that starts like a formula (shared/csv/write.ts).
import { toReportCsv } from './csv';
import { conflictsSheet, scoresheetsSheet } from './detailSheets';
import { indicatorsSheet, templateOfBase } from './indicatorSheet';
import { buildReportModel } from './model';
import type { ReportModel } from './model';
import { decisionsSheet, REPORT_SHEET_NAMES, resultsSheet, summarySheet } from './summarySheets';
import type { ReportInput, ReportSheet } from './types';
import { voidedSheetsSheet } from './voidedSheets';

/** The sheets of a model: 汇总, 基地结果, 指标均分, 评分表, 冲突, 决定, and 作废记录 if any. */
export function reportWorkbookSheets(model: ReportModel): ReportSheet[] {
  return [
    summarySheet(model),
    resultsSheet(model),
    indicatorsSheet(model),
    scoresheetsSheet(model),
    conflictsSheet(model),
    decisionsSheet(model),
    ...(model.voided.length > 0 ? [voidedSheetsSheet(model)] : []),
  ];
}

/**
 * Data rows (below the header) of the table sheets reportWorkbookSheets(model) builds
 * (基地结果, 指标均分, 评分表, 冲突, 决定), by sheet name, counted without building them: the
 * 报告 tab shows these counts, and a round of 7,000 sheets would otherwise build every cell
 * of the workbook to count its rows.
 */
export function reportSheetRowCounts(model: ReportModel): Map<string, number> {
  const indicatorRows = model.rows.reduce((sum, { base }) => {
    const template = templateOfBase(model, base);
    if (!template) return sum + 1;
    return template.primaries.reduce((acc, primary) => acc + 1 + primary.children.length, sum);
  }, 0);
  return new Map<string, number>([
    [REPORT_SHEET_NAMES.results, model.rows.length],
    [REPORT_SHEET_NAMES.indicators, indicatorRows],
    [REPORT_SHEET_NAMES.scoresheets, model.input.scoresheets.length],
    [REPORT_SHEET_NAMES.conflicts, model.conflicts.length],
    [REPORT_SHEET_NAMES.decisions, model.decisions.length],
  ]);
}

/** The round report's workbook sheets from the round's records. */
export function buildReportWorkbook(input: ReportInput): ReportSheet[] {
  return reportWorkbookSheets(buildReportModel(input));
}

/** 基地结果 as CSV: UTF-8 BOM, CRLF, numbers with 2 decimals, formula-safe text. */
export function resultsCsv(model: ReportModel): string {
  return toReportCsv(resultsSheet(model).rows);
}
