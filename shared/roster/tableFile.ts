// Reads a table file the secretariat picked (a roster, an expert list) into rows of cell
// text, whatever it is saved as: .xlsx through shared/xlsx (first sheet with content),
// .csv/.txt through parseCsv with the UTF-8/GBK choice. Old binary .xls and anything else
// get a clear Chinese message. Decoding bytes needs TextDecoder with GBK support: callers
// may pass decoders; by default the platform's TextDecoder is used when there is one
// (browsers, Electron and Node all have it), looked up here so shared/ keeps no DOM types.
import { readXlsx } from '../xlsx/read';
import { chooseDecoding, parseCsv } from './csv';

export type TableFileResult =
  | { ok: true; rows: string[][]; encoding?: 'utf-8' | 'gbk'; sheetName?: string }
  | { ok: false; message: string };

/** Decodes bytes as UTF-8 and as GBK, replacing what cannot be read with U+FFFD. */
export type TextDecoders = {
  utf8: (bytes: Uint8Array) => string;
  gbk: (bytes: Uint8Array) => string;
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

const hasContent = (rows: readonly (readonly string[])[]): boolean =>
  rows.some((row) => row.some((cell) => cell.trim() !== ''));

export function readTableFile(
  fileName: string,
  bytes: Uint8Array,
  decoders: TextDecoders | undefined = platformDecoders(),
): TableFileResult {
  const extension = extensionOf(fileName);
  if (extension === 'xlsx') {
    const book = readXlsx(bytes);
    if (!book.ok) return book;
    // Visible sheets first: a hidden sheet is usually a lookup list, not the table.
    const ordered = [
      ...book.sheets.filter((s) => s.hidden !== true),
      ...book.sheets.filter((s) => s.hidden === true),
    ];
    const sheet = ordered.find((s) => hasContent(s.rows));
    if (sheet === undefined)
      return { ok: false, message: `文件「${fileName}」中的工作表都是空的。` };
    return { ok: true, rows: sheet.rows, sheetName: sheet.name };
  }
  if (extension === 'csv' || extension === 'txt') {
    if (bytes.length > MAX_CSV_BYTES) {
      return { ok: false, message: `文件「${fileName}」大于 20 MB，无法读取。` };
    }
    if (decoders === undefined) {
      return { ok: false, message: '当前环境无法识别文本编码，请改用 .xlsx 文件。' };
    }
    const choice = chooseDecoding(decoders.utf8(bytes), decoders.gbk(bytes));
    const rows = parseCsv(choice.text);
    if (!hasContent(rows)) return { ok: false, message: `文件「${fileName}」是空的。` };
    return { ok: true, rows, encoding: choice.encoding };
  }
  if (extension === 'xls' || extension === 'et') {
    return {
      ok: false,
      message: '不支持旧版 .xls 文件，请在 Excel 中另存为 .xlsx 或 CSV 后再导入。',
    };
  }
  return {
    ok: false,
    message: `不支持的文件类型「${extension === '' ? fileName : `.${extension}`}」，请选择 Excel（.xlsx）或 CSV 文件。`,
  };
}
