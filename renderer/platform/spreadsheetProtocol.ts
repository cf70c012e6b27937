// The messages between the window and the spreadsheet worker (spreadsheetWorker.ts): a
// request is a file's bytes and what to read them as (a table file, roster or expert list,
// by its name; or a whole .xlsx workbook); the reply is the reader's result. Both sides
// check what they receive rather than trust a structured clone's shape.
import { isSpreadsheetErrorCode } from '../../shared/xlsx/errors';
import type { SpreadsheetFailure } from '../../shared/xlsx/errors';
import type { TableFileResult } from '../../shared/roster/tableFile';
import type { XlsxReadResult, XlsxSheetData } from '../../shared/xlsx/read';

export type SpreadsheetRequest =
  { read: 'table'; fileName: string; bytes: Uint8Array } | { read: 'xlsx'; bytes: Uint8Array };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

export function isSpreadsheetRequest(value: unknown): value is SpreadsheetRequest {
  if (!isRecord(value) || !(value.bytes instanceof Uint8Array)) return false;
  return value.read === 'xlsx' || (value.read === 'table' && typeof value.fileName === 'string');
}

const isRows = (value: unknown): value is string[][] =>
  Array.isArray(value) &&
  value.every((row) => Array.isArray(row) && row.every((cell) => typeof cell === 'string'));

function failureOf(value: Record<string, unknown>): SpreadsheetFailure | undefined {
  if (value.ok !== false || !isSpreadsheetErrorCode(value.code)) return undefined;
  if (typeof value.message !== 'string') return undefined;
  return typeof value.row === 'number'
    ? { ok: false, code: value.code, message: value.message, row: value.row }
    : { ok: false, code: value.code, message: value.message };
}

/** The reply as a TableFileResult, or undefined when it is not one. */
export function tableFileResultOf(value: unknown): TableFileResult | undefined {
  if (!isRecord(value)) return undefined;
  if (value.ok !== true) return failureOf(value);
  if (!isRows(value.rows)) return undefined;
  const result: TableFileResult = { ok: true, rows: value.rows };
  if (value.encoding === 'utf-8' || value.encoding === 'gbk') result.encoding = value.encoding;
  if (typeof value.sheetName === 'string') result.sheetName = value.sheetName;
  return result;
}

function sheetOf(value: unknown): XlsxSheetData | undefined {
  if (!isRecord(value) || typeof value.name !== 'string' || !isRows(value.rows)) return undefined;
  return value.hidden === true
    ? { name: value.name, rows: value.rows, hidden: true }
    : { name: value.name, rows: value.rows };
}

/** The reply as an XlsxReadResult, or undefined when it is not one. */
export function xlsxReadResultOf(value: unknown): XlsxReadResult | undefined {
  if (!isRecord(value)) return undefined;
  if (value.ok !== true) return failureOf(value);
  if (!Array.isArray(value.sheets)) return undefined;
  const sheets: XlsxSheetData[] = [];
  for (const item of value.sheets) {
    const sheet = sheetOf(item);
    if (sheet === undefined) return undefined;
    sheets.push(sheet);
  }
  return { ok: true, sheets };
}
