// Reads a table file the secretariat picked (a roster, an expert list) into rows of cell
// text, whatever it is saved as: .xlsx through shared/xlsx (first sheet with content),
// .csv/.txt through readCsv with the UTF-8/GBK choice. Old binary .xls and anything else
// get a clear Chinese message. Never throws: a bad file is a typed refusal with one
// message, and an exception from our own code (a bug) is the 'internal' refusal, which
// says so rather than calling the file damaged. Decoding bytes needs TextDecoder with GBK
// support: callers may pass decoders; by default the platform's TextDecoder is used when
// there is one (browsers, workers, Electron and Node all have it), looked up here so
// shared/ keeps no DOM types.
import { readXlsx } from '../xlsx/read';
import type { XlsxLimits } from '../xlsx/read';
import { internalFailure, shortName, spreadsheetFailure } from '../xlsx/errors';
import type { SpreadsheetFailure } from '../xlsx/errors';
import type { WorkMeter } from '../xlsx/workMeter';
import { chooseDecoding, readCsv } from './csv';
import type { CsvLimits } from './csv';

export type TableFileResult =
  | { ok: true; rows: string[][]; encoding?: 'utf-8' | 'gbk'; sheetName?: string }
  | SpreadsheetFailure;

/** Decodes bytes as UTF-8 and as GBK, replacing what cannot be read with U+FFFD. */
export type TextDecoders = {
  utf8: (bytes: Uint8Array) => string;
  gbk: (bytes: Uint8Array) => string;
};

export type TableReadOptions = {
  xlsxLimits?: Partial<XlsxLimits>;
  csvLimits?: Partial<CsvLimits>;
  /** Adds the work done, for tests that prove it bounded. */
  meter?: WorkMeter;
};

/** The largest CSV read (a roster of a few thousand rows is well under 1 MB). */
export const MAX_CSV_BYTES = 20 * 1024 * 1024;

export const TABLE_FILE_EXTENSIONS = ['xlsx', 'csv', 'txt'] as const;

type DecoderLike = { decode: (bytes: Uint8Array) => string };
type DecoderConstructor = new (label: string) => DecoderLike;

function platformDecoders(): TextDecoders | undefined {
  const ctor: unknown = Reflect.get(globalThis, 'TextDecoder');
  if (typeof ctor !== 'function') return undefined;
  const Decoder = ctor as DecoderConstructor;
  try {
    const utf8 = new Decoder('utf-8');
    const gbk = new Decoder('gbk');
    return { utf8: (b) => utf8.decode(b), gbk: (b) => gbk.decode(b) };
  } catch {
    return undefined;
  }
}

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0
    ? ''
    : fileName
        .slice(dot + 1)
        .trim()
        .toLowerCase();
}

const startsWithUtf8Bom = (bytes: Uint8Array): boolean =>
  bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;

const hasContent = (rows: readonly (readonly string[])[]): boolean =>
  rows.some((row) => row.some((cell) => cell.trim() !== ''));

export function readTableFile(
  fileName: string,
  bytes: Uint8Array,
  decoders: TextDecoders | undefined = platformDecoders(),
  options: TableReadOptions = {},
): TableFileResult {
  try {
    return readTable(fileName, bytes, decoders, options);
  } catch {
    return internalFailure();
  }
}

function readTable(
  fileName: string,
  bytes: Uint8Array,
  decoders: TextDecoders | undefined,
  options: TableReadOptions,
): TableFileResult {
  const name = shortName(fileName);
  const extension = extensionOf(fileName);
  if (extension === 'xlsx') {
    const book = readXlsx(bytes, options.xlsxLimits, { meter: options.meter });
    if (!book.ok) return book;
    // Visible sheets first: a hidden sheet is usually a lookup list, not the table.
    const ordered = [
      ...book.sheets.filter((s) => s.hidden !== true),
      ...book.sheets.filter((s) => s.hidden === true),
    ];
    const sheet = ordered.find((s) => hasContent(s.rows));
    if (sheet === undefined)
      return spreadsheetFailure('empty', `文件「${name}」中的工作表都是空的。`);
    return { ok: true, rows: sheet.rows, sheetName: sheet.name };
  }
  if (extension === 'csv' || extension === 'txt') {
    if (bytes.length > MAX_CSV_BYTES) {
      return spreadsheetFailure('tooLarge', `文件「${name}」大于 20 MB，无法读取。`);
    }
    if (decoders === undefined) {
      return spreadsheetFailure('noDecoder', '当前环境无法识别文本编码，请改用 .xlsx 文件。');
    }
    // A UTF-8 byte-order mark settles it (the GBK reading of one is two clean ideographs).
    const choice = startsWithUtf8Bom(bytes)
      ? { encoding: 'utf-8' as const, text: decoders.utf8(bytes) }
      : chooseDecoding(decoders.utf8(bytes), decoders.gbk(bytes));
    const csv = readCsv(choice.text, options.csvLimits, options.meter);
    if (!csv.ok) return { ...csv, message: `文件「${name}」${csv.message}` };
    if (!hasContent(csv.rows)) return spreadsheetFailure('empty', `文件「${name}」是空的。`);
    return { ok: true, rows: csv.rows, encoding: choice.encoding };
  }
  if (extension === 'xls' || extension === 'et') {
    return spreadsheetFailure(
      'oldXls',
      '不支持旧版 .xls 文件，请在 Excel 中另存为 .xlsx 或 CSV 后再导入。',
    );
  }
  return spreadsheetFailure(
    'unsupportedType',
    `不支持的文件类型「${extension === '' ? name : `.${shortName(extension, 16)}`}」，请选择 Excel（.xlsx）或 CSV 文件。`,
  );
}
