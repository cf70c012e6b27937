// Minimal Office Open XML spreadsheets: reading .xlsx into cell text and writing workbooks.
export { readXlsx, XLSX_LIMITS } from './read';
export type { XlsxLimits, XlsxReadResult, XlsxSheetData } from './read';
export { columnName, MAX_CELL_CHARS, sanitizeSheetNames, writeXlsx } from './write';
export type { XlsxCell, XlsxSheetInput } from './write';
