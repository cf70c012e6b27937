// The refusals of the spreadsheet readers (.xlsx, CSV, and the worker that runs them), as
// one typed shape: a code for programs and one Chinese message for the clerk. A bad file
// always gets a code other than 'internal'; 'internal' means our own code failed (a bug),
// and its message says so instead of blaming the file.

export const SPREADSHEET_ERROR_CODES = [
  /** 0 bytes, or nothing in any sheet. */
  'empty',
  /** Over a size limit: the file, what it inflates to, the shared strings, rows, cells, sheets. */
  'tooLarge',
  /** Not a workbook at all, or its XML is malformed. */
  'notXlsx',
  /** A zip whose CRC-32, sizes or deflate streams do not match: damaged in transit. */
  'corrupt',
  /** The old binary .xls (or an OLE container: a workbook with an open password). */
  'oldXls',
  /** Zip encryption. */
  'encrypted',
  /** A DOCTYPE, ENTITY or other DTD declaration, which no spreadsheet program writes. */
  'dtd',
  /** XML nested deeper than any spreadsheet program writes. */
  'tooDeep',
  /** A CSV quote that opens a field and never closes. */
  'unclosedQuote',
  /** Neither .xlsx nor .csv/.txt. */
  'unsupportedType',
  /** The platform cannot decode text (no TextDecoder with GBK). */
  'noDecoder',
  /** Reading took longer than its time budget and was stopped. */
  'timeout',
  /** Our own code failed: a bug, not a property of the file. */
  'internal',
] as const;

export type SpreadsheetErrorCode = (typeof SPREADSHEET_ERROR_CODES)[number];

export type SpreadsheetFailure = {
  ok: false;
  code: SpreadsheetErrorCode;
  /** One Chinese message for the clerk. */
  message: string;
  /** For 'unclosedQuote': the 1-based row where the quote opened. */
  row?: number;
};

const CODES: ReadonlySet<string> = new Set(SPREADSHEET_ERROR_CODES);

export const isSpreadsheetErrorCode = (value: unknown): value is SpreadsheetErrorCode =>
  typeof value === 'string' && CODES.has(value);

export const spreadsheetFailure = (
  code: SpreadsheetErrorCode,
  message: string,
): SpreadsheetFailure => ({ ok: false, code, message });

export const INTERNAL_ERROR_MESSAGE =
  '读取时发生内部错误（评估通自身的程序问题，不一定是文件的问题），文件未被读取。请重试；若再次出现，请将此文件交给技术支持人员。';

export const internalFailure = (): SpreadsheetFailure =>
  spreadsheetFailure('internal', INTERNAL_ERROR_MESSAGE);

export const DTD_MESSAGE =
  '文件中含有 DOCTYPE 或 ENTITY 声明（Excel、WPS 和 LibreOffice 都不会写出这种内容），为安全起见已拒绝读取。';

export const tooDeepMessage = (maxDepth: number): string =>
  `文件中的 XML 嵌套超过 ${maxDepth} 层（正常的 Excel 文件不会如此），为安全起见已拒绝读取。`;

export const corruptPartMessage = (part: string): string =>
  `文件已损坏：其中的部件「${shortName(part)}」与它的校验和（CRC-32）或大小不符，可能在复制或下载时出错。请重新获取文件后重试。`;

export const timeoutMessage = (fileName: string, seconds: number): string =>
  `读取文件「${shortName(fileName)}」超过 ${seconds} 秒仍未完成，已停止读取：文件可能过大或已损坏。请删除不需要的工作表，或另存为 CSV 后重试。`;

/** A name from a file, shortened for a message (a hostile file may carry megabytes of it). */
export function shortName(name: string, max = 64): string {
  const chars = [...name.slice(0, max * 2)];
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : name;
}
