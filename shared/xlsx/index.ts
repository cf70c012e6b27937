// Minimal Office Open XML spreadsheets: reading .xlsx into cell text and writing workbooks.
export { readXlsx, XLSX_LIMITS } from './read';
export type { XlsxLimits, XlsxReadOptions, XlsxReadResult, XlsxSheetData } from './read';
export { cellPosition, columnName, MAX_CELL_CHARS, sanitizeSheetNames, writeXlsx } from './write';
export type {
  XlsxCell,
  XlsxCellOptions,
  XlsxPageSetup,
  XlsxSheetInput,
  XlsxStyle,
  XlsxValidation,
  XlsxWorkbookOptions,
} from './write';
export {
  INTERNAL_ERROR_MESSAGE,
  isSpreadsheetErrorCode,
  SPREADSHEET_ERROR_CODES,
  spreadsheetFailure,
} from './errors';
export type { SpreadsheetErrorCode, SpreadsheetFailure } from './errors';
export { createWorkMeter } from './workMeter';
export type { WorkMeter } from './workMeter';
