// The messages between the window and the spreadsheet worker (spreadsheetWorker.ts): a
// request is a file's name and bytes, the reply the reader's TableFileResult. Both sides
// check what they receive rather than trust a structured clone's shape.
import { isSpreadsheetErrorCode } from '../../shared/xlsx/errors';
import type { TableFileResult } from '../../shared/roster/tableFile';

export type SpreadsheetRequest = { fileName: string; bytes: Uint8Array };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

export function isSpreadsheetRequest(value: unknown): value is SpreadsheetRequest {
  return isRecord(value) && typeof value.fileName === 'string' && value.bytes instanceof Uint8Array;
}

const isRows = (value: unknown): value is string[][] =>
  Array.isArray(value) &&
  value.every((row) => Array.isArray(row) && row.every((cell) => typeof cell === 'string'));

/** The reply as a TableFileResult, or undefined when it is not one. */
export function tableFileResultOf(value: unknown): TableFileResult | undefined {
  if (!isRecord(value)) return undefined;
  if (value.ok === true) {
    if (!isRows(value.rows)) return undefined;
    const result: TableFileResult = { ok: true, rows: value.rows };
    if (value.encoding === 'utf-8' || value.encoding === 'gbk') result.encoding = value.encoding;
    if (typeof value.sheetName === 'string') result.sheetName = value.sheetName;
    return result;
  }
  if (value.ok !== false || !isSpreadsheetErrorCode(value.code)) return undefined;
  if (typeof value.message !== 'string') return undefined;
  return typeof value.row === 'number'
    ? { ok: false, code: value.code, message: value.message, row: value.row }
    : { ok: false, code: value.code, message: value.message };
}
