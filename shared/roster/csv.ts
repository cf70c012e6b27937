// CSV as the department's spreadsheets save it: RFC 4180 parsing of already-decoded text,
// and the choice between a UTF-8 and a GBK reading of the same bytes (older Excel saves
// CSV in GBK). Decoding itself stays with the caller, which has TextDecoder; this module
// is pure. readCsv is the checked reading files go through: a quote that never closes is
// refused with the row where it opened (it would otherwise swallow the rest of the file
// into one cell), and rows and cells are bounded like a sheet's.
import { spreadsheetFailure } from '../xlsx/errors';
import type { SpreadsheetFailure } from '../xlsx/errors';
import type { WorkMeter } from '../xlsx/workMeter';

export type CsvLimits = { maxRows: number; maxCells: number };

/** The same bounds as a sheet of an .xlsx (shared/xlsx/read.ts XLSX_LIMITS). */
export const CSV_LIMITS: CsvLimits = { maxRows: 100_000, maxCells: 5_000_000 };

export type CsvReadResult = { ok: true; rows: string[][] } | SpreadsheetFailure;

type Parsed =
  | { kind: 'rows'; rows: string[][] }
  /** A quote opened a field in this 1-based row and the text ended inside it. */
  | { kind: 'unclosedQuote'; row: number; rows: string[][] }
  | { kind: 'tooLarge'; what: 'rows' | 'cells' };

/**
 * The one pass both readings share: quoted fields may hold commas, quotes (written "") and
 * line breaks; records end with CRLF, LF or a lone CR; a leading BOM is dropped and a final
 * line break does not make an extra empty record. Stops as soon as a limit is passed.
 */
function parse(text: string, limits: CsvLimits): Parsed {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let inQuotes = false;
  let quoteRow = 0;
  let cells = 0;
  let i = 0;
  while (i < source.length) {
    const ch = source[i];
    if (inQuotes) {
      if (ch === '"') {
        if (source[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
      } else {
        field += ch;
      }
      i += 1;
      continue;
    }
    if (ch === '"' && field === '') {
      inQuotes = true;
      quoteRow = records.length + 1;
    } else if (ch === ',') {
      record.push(field);
      field = '';
      cells += 1;
      if (cells > limits.maxCells) return { kind: 'tooLarge', what: 'cells' };
    } else if (ch === '\r' || ch === '\n') {
      record.push(field);
      records.push(record);
      cells += 1;
      if (records.length > limits.maxRows) return { kind: 'tooLarge', what: 'rows' };
      if (cells > limits.maxCells) return { kind: 'tooLarge', what: 'cells' };
      record = [];
      field = '';
      if (ch === '\r' && source[i + 1] === '\n') i += 1;
    } else {
      field += ch;
    }
    i += 1;
  }
  // The last record, unless the text ended with its line break (or was empty).
  if (field !== '' || record.length > 0 || inQuotes) {
    record.push(field);
    records.push(record);
    if (records.length > limits.maxRows) return { kind: 'tooLarge', what: 'rows' };
  }
  return inQuotes
    ? { kind: 'unclosedQuote', row: quoteRow, rows: records }
    : { kind: 'rows', rows: records };
}

const UNBOUNDED: CsvLimits = {
  maxRows: Number.POSITIVE_INFINITY,
  maxCells: Number.POSITIVE_INFINITY,
};

/**
 * Parses RFC 4180 CSV leniently: a quote left open takes the rest of the text into its
 * field. For text already known to be well formed; files go through readCsv.
 */
export function parseCsv(text: string): string[][] {
  const parsed = parse(text, UNBOUNDED);
  return parsed.kind === 'tooLarge' ? [] : parsed.rows;
}

/**
 * Parses CSV text from a file: the rows, or a refusal with one Chinese message, written to
 * follow the file's name (文件「名单.csv」…): a quote that opens a field and never closes
 * (naming its row), or more rows or cells than the limits.
 */
export function readCsv(
  text: string,
  limits: Partial<CsvLimits> = {},
  meter?: WorkMeter,
): CsvReadResult {
  const l: CsvLimits = { ...CSV_LIMITS, ...limits };
  if (meter !== undefined) meter.csvChars += text.length;
  const parsed = parse(text, l);
  switch (parsed.kind) {
    case 'rows':
      return { ok: true, rows: parsed.rows };
    case 'unclosedQuote':
      return {
        ...spreadsheetFailure(
          'unclosedQuote',
          `第 ${parsed.row} 行有一个双引号（"）没有配对：从它开始直到文件末尾都会被当成同一个单元格，因此无法读取。请检查该行的引号是否成对，或在 Excel 中打开后重新另存为 CSV。`,
        ),
        row: parsed.row,
      };
    case 'tooLarge':
      return spreadsheetFailure(
        'tooLarge',
        parsed.what === 'rows'
          ? `超过 ${l.maxRows} 行，无法读取。请拆分后分别导入。`
          : `单元格过多（超过 ${l.maxCells} 个），无法读取。`,
      );
  }
}

const REPLACEMENT = '\uFFFD';

function countReplacements(text: string): number {
  let n = 0;
  for (const ch of text) if (ch === REPLACEMENT) n += 1;
  return n;
}

/** Counts CJK unified ideographs (including extension A and compatibility ideographs). */
export function countCjk(text: string): number {
  const matches = text.match(/[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]/gu);
  return matches === null ? 0 : matches.length;
}

/** True when a decoding went wrong: the decoder had to emit U+FFFD for bytes it could not read. */
export function looksLikeMojibake(text: string): boolean {
  return text.includes(REPLACEMENT);
}

export type DecodingChoice = { encoding: 'utf-8' | 'gbk'; text: string };

/**
 * Picks between the UTF-8 and the GBK reading of the same bytes. A reading with U+FFFD is
 * wrong. When both are clean, UTF-8 wins if it reads any CJK at all: valid multi-byte
 * UTF-8 is almost never produced by GBK text, whereas UTF-8 bytes read as GBK often give
 * clean but meaningless ideographs (and more of them), so counting alone would mislead.
 * GBK wins a clean tie only when UTF-8 reads no CJK but GBK does (GBK that happens to be
 * valid UTF-8, such as 联通). With errors in both, fewer U+FFFD wins, then more CJK.
 */
export function chooseDecoding(utf8Text: string, gbkText: string): DecodingChoice {
  const utf8: DecodingChoice = { encoding: 'utf-8', text: utf8Text };
  const gbk: DecodingChoice = { encoding: 'gbk', text: gbkText };
  const utf8Bad = countReplacements(utf8Text);
  const gbkBad = countReplacements(gbkText);
  if (utf8Bad === 0 && gbkBad === 0) {
    return countCjk(utf8Text) === 0 && countCjk(gbkText) > 0 ? gbk : utf8;
  }
  if (utf8Bad !== gbkBad) return utf8Bad < gbkBad ? utf8 : gbk;
  return countCjk(gbkText) > countCjk(utf8Text) ? gbk : utf8;
}
