// Reads an .xlsx workbook (Office Open XML) into sheets of cell text, the way a person sees
// the cells: shared and inline strings, numbers at Excel's precision, TRUE/FALSE, cached
// formula results, and date-styled numbers as ISO dates. Bounded and total: files over the
// size limit, zips that inflate past the budget or fail their CRC-32, shared strings over
// their budget, DTDs, XML nested too deep, sheets with too many rows, and anything that is
// not a workbook come back as a typed refusal with one Chinese message; it never throws.
// An exception that is none of the reader's own refusals is a bug, reported as 'internal'.
import type { DateStyle } from './cellText';
import {
  DTD_MESSAGE,
  corruptPartMessage,
  internalFailure,
  shortName,
  spreadsheetFailure,
  tooDeepMessage,
} from './errors';
import type { SpreadsheetFailure } from './errors';
import {
  readDateStyles,
  readRelationships,
  readSharedStrings,
  readWorkbook,
  relsPathOf,
  relTypeIs,
  resolveTarget,
} from './parts';
import type { Relationship } from './parts';
import { readSheet, SheetMalformed, SheetTooLarge } from './sheet';
import type { WorkMeter } from './workMeter';
import { MAX_XML_DEPTH, XmlError } from './xml';
import { ZipEntries, ZipFailure } from './zipEntries';
import { strFromU8 } from 'fflate';

export type XlsxSheetData = {
  name: string;
  rows: string[][];
  /** Set for sheets hidden in Excel (state hidden or veryHidden). */
  hidden?: true;
};

export type XlsxReadResult = { ok: true; sheets: XlsxSheetData[] } | SpreadsheetFailure;

export type XlsxLimits = {
  maxFileBytes: number;
  /** Total bytes all parts may inflate to (zip-bomb defence). */
  maxInflatedBytes: number;
  /** Bytes the shared-string table (xl/sharedStrings.xml) may inflate to. */
  maxSharedStringsBytes: number;
  maxSheets: number;
  maxRows: number;
  maxColumns: number;
  /** Cells per sheet, counting the '' that fill gaps. */
  maxCells: number;
};

export const XLSX_LIMITS: XlsxLimits = {
  maxFileBytes: 50 * 1024 * 1024,
  maxInflatedBytes: 200 * 1024 * 1024,
  maxSharedStringsBytes: 8 * 1024 * 1024,
  maxSheets: 1_000,
  maxRows: 100_000,
  maxColumns: 16_384,
  maxCells: 5_000_000,
};

export type XlsxReadOptions = {
  /** Adds the work done: bytes inflated, XML characters given and examined. */
  meter?: WorkMeter;
};

const NOT_XLSX =
  '不是有效的 Excel 文件（.xlsx）：文件已损坏，或不是 Excel 工作簿。请在 Excel 中打开并另存为 .xlsx 后重试。';
const OLE_FILE =
  '这是旧版 .xls 文件或设置了打开密码的 Excel 文件，无法读取。请在 Excel 中取消密码，并另存为 .xlsx 或 CSV 后重试。';
const ENCRYPTED = '文件已加密，无法读取。请在 Excel 中取消密码并另存为 .xlsx 后重试。';

const mb = (bytes: number): string => `${Math.round(bytes / 1024 / 1024)} MB`;

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Longer than any part name a spreadsheet program writes; such a target names no part. */
const MAX_PART_NAME_CHARS = 1_024;

class NotWorkbook extends Error {}

class TooManySheets extends Error {}

export function readXlsx(
  bytes: Uint8Array,
  limits: Partial<XlsxLimits> = {},
  options: XlsxReadOptions = {},
): XlsxReadResult {
  const l: XlsxLimits = { ...XLSX_LIMITS, ...limits };
  if (bytes.length === 0) {
    return spreadsheetFailure('empty', '文件是空的（0 字节），不是有效的 Excel 文件（.xlsx）。');
  }
  if (bytes.length > l.maxFileBytes) {
    return spreadsheetFailure(
      'tooLarge',
      `文件大于 ${mb(l.maxFileBytes)}，无法读取。请删除不需要的工作表，或另存为 CSV 后再导入。`,
    );
  }
  if (OLE_SIGNATURE.every((b, i) => bytes[i] === b)) return spreadsheetFailure('oldXls', OLE_FILE);
  let sheetName = '';
  try {
    const sheets = readPackage(bytes, l, options.meter, (name) => (sheetName = name));
    return { ok: true, sheets };
  } catch (error) {
    return refusalOf(error, l, shortName(sheetName, 31));
  }
}

/** The refusal for an exception from reading; anything not ours is an internal error. */
function refusalOf(error: unknown, l: XlsxLimits, sheetName: string): SpreadsheetFailure {
  if (error instanceof SheetTooLarge) {
    return spreadsheetFailure(
      'tooLarge',
      error.kind === 'rows'
        ? `工作表「${sheetName}」超过 ${l.maxRows} 行，无法读取。请拆分后分别导入。`
        : `工作表「${sheetName}」的单元格过多（超过 ${l.maxCells} 个），无法读取。`,
    );
  }
  if (error instanceof TooManySheets) {
    return spreadsheetFailure(
      'tooLarge',
      `工作簿含有超过 ${l.maxSheets} 个工作表，无法读取。请只保留需要导入的工作表后重试。`,
    );
  }
  if (error instanceof ZipFailure) {
    switch (error.problem) {
      case 'encrypted':
        return spreadsheetFailure('encrypted', ENCRYPTED);
      case 'tooLarge':
        return spreadsheetFailure(
          'tooLarge',
          `文件解压后超过 ${mb(l.maxInflatedBytes)}（或含过多部件），可能已损坏或不是正常的 Excel 文件，已拒绝读取。`,
        );
      case 'partTooLarge':
        return spreadsheetFailure(
          'tooLarge',
          `工作簿中的文字（共享字符串表）解压后超过 ${mb(l.maxSharedStringsBytes)}，超出读取上限，已拒绝读取。`,
        );
      case 'corrupt':
        return error.part === undefined
          ? spreadsheetFailure('corrupt', NOT_XLSX)
          : spreadsheetFailure('corrupt', corruptPartMessage(error.part));
      default:
        return spreadsheetFailure('notXlsx', NOT_XLSX);
    }
  }
  if (error instanceof XmlError) {
    if (error.problem === 'dtd') return spreadsheetFailure('dtd', DTD_MESSAGE);
    if (error.problem === 'tooDeep') {
      return spreadsheetFailure('tooDeep', tooDeepMessage(MAX_XML_DEPTH));
    }
    return spreadsheetFailure('notXlsx', NOT_XLSX);
  }
  if (error instanceof SheetMalformed || error instanceof NotWorkbook) {
    return spreadsheetFailure('notXlsx', NOT_XLSX);
  }
  return internalFailure();
}

function readPackage(
  bytes: Uint8Array,
  limits: XlsxLimits,
  meter: WorkMeter | undefined,
  onSheet: (name: string) => void,
): XlsxSheetData[] {
  const zip = new ZipEntries(bytes, limits.maxInflatedBytes, meter);
  const text = (path: string | undefined, maxBytes?: number): string | undefined => {
    const data = path === undefined ? undefined : zip.read(path, maxBytes);
    return data === undefined ? undefined : strFromU8(data);
  };
  const relsOf = (part: string): Relationship[] => {
    const xml = text(relsPathOf(part));
    return xml === undefined ? [] : readRelationships(xml, meter);
  };
  const targetOf = (from: string, rel: Relationship): string | undefined =>
    rel.target.length > MAX_PART_NAME_CHARS ? undefined : resolveTarget(from, rel.target);

  const officeDocument = relsOf('').find((r) => relTypeIs(r, 'officeDocument'));
  const workbookPath =
    officeDocument === undefined ? 'xl/workbook.xml' : targetOf('', officeDocument);
  const workbookXml = text(workbookPath);
  if (workbookPath === undefined || workbookXml === undefined) throw new NotWorkbook();
  const workbook = readWorkbook(workbookXml, meter);
  if (workbook.sheets.length === 0) throw new NotWorkbook();
  if (workbook.sheets.length > limits.maxSheets) throw new TooManySheets();
  const rels = relsOf(workbookPath);
  const relById = new Map<string, Relationship>();
  for (const rel of rels) if (!relById.has(rel.id)) relById.set(rel.id, rel);
  const partOf = (kind: string, fallback: string): string | undefined => {
    const rel = rels.find((r) => relTypeIs(r, kind));
    return rel === undefined ? fallback : targetOf(workbookPath, rel);
  };

  const sharedXml = text(
    partOf('sharedStrings', 'xl/sharedStrings.xml'),
    limits.maxSharedStringsBytes,
  );
  const stylesXml = text(partOf('styles', 'xl/styles.xml'));
  const context = {
    sharedStrings: sharedXml === undefined ? [] : readSharedStrings(sharedXml, meter),
    dateStyles:
      stylesXml === undefined
        ? ([] as (DateStyle | undefined)[])
        : readDateStyles(stylesXml, meter),
    date1904: workbook.date1904,
  };

  const sheets: XlsxSheetData[] = [];
  const pathsRead = new Set<string>();
  workbook.sheets.forEach((sheet, index) => {
    const rel = relById.get(sheet.relId);
    // Chart sheets and dialog sheets hold no cells.
    if (rel !== undefined && !relTypeIs(rel, 'worksheet')) return;
    const path =
      rel === undefined ? `xl/worksheets/sheet${index + 1}.xml` : targetOf(workbookPath, rel);
    // Two sheets on one part never come from a spreadsheet program, and would read it twice.
    if (path === undefined || pathsRead.has(path.toLowerCase())) throw new NotWorkbook();
    pathsRead.add(path.toLowerCase());
    const xml = text(path);
    if (xml === undefined) throw new NotWorkbook();
    onSheet(sheet.name);
    const rows = readSheet(xml, context, limits, meter);
    sheets.push(
      sheet.hidden ? { name: sheet.name, rows, hidden: true } : { name: sheet.name, rows },
    );
  });
  return sheets;
}
