// The round report as sheets for writeXlsx (shared/xlsx/write.ts) and the 基地结果 sheet as
// CSV. The workbook keeps text as it is (the writer stores every string as text, never as
// a formula, and cuts it at Excel's cell limit); the CSV, which a spreadsheet re-parses,
// defuses text that starts like a formula (shared/csv/write.ts).
import { toReportCsv } from './csv';
import { conflictsSheet, scoresheetsSheet } from './detailSheets';
import { indicatorsSheet } from './indicatorSheet';
import { buildReportModel } from './model';
import type { ReportModel } from './model';
import { decisionsSheet, resultsSheet, summarySheet } from './summarySheets';
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

/** The round report's workbook sheets from the round's records. */
export function buildReportWorkbook(input: ReportInput): ReportSheet[] {
  return reportWorkbookSheets(buildReportModel(input));
}

/** 基地结果 as CSV: UTF-8 BOM, CRLF, numbers with 2 decimals, formula-safe text. */
export function resultsCsv(model: ReportModel): string {
  return toReportCsv(resultsSheet(model).rows);
}
