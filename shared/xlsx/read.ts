// Reads an .xlsx workbook (Office Open XML) into sheets of cell text, the way a person sees
// the cells: shared and inline strings, numbers at Excel's precision, TRUE/FALSE, cached
// formula results, and date-styled numbers as ISO dates. Bounded and total: files over the
// size limit, zips that inflate past the budget, sheets with too many rows, and anything
// that is not a workbook come back as { ok: false } with a Chinese message; it never throws.
import type { DateStyle } from './cellText';
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
import { XmlError } from './xml';
import { ZipEntries, ZipFailure } from './zipEntries';
import { strFromU8 } from 'fflate';

export type XlsxSheetData = {
  name: string;
  rows: string[][];
  /** Set for sheets hidden in Excel (state hidden or veryHidden). */
  hidden?: true;
};

export type XlsxReadResult = { ok: true; sheets: XlsxSheetData[] } | { ok: false; message: string };

export type XlsxLimits = {
  maxFileBytes: number;
  /** Total bytes all parts may inflate to (zip-bomb defence). */
  maxInflatedBytes: number;
  maxRows: number;
  maxColumns: number;
  /** Cells per sheet, counting the '' that fill gaps. */
  maxCells: number;
};

export const XLSX_LIMITS: XlsxLimits = {
  maxFileBytes: 50 * 1024 * 1024,
  maxInflatedBytes: 200 * 1024 * 1024,
  maxRows: 100_000,
  maxColumns: 16_384,
  maxCells: 5_000_000,
};

const NOT_XLSX =
  '不是有效的 Excel 文件（.xlsx）：文件已损坏，或不是 Excel 工作簿。请在 Excel 中打开并另存为 .xlsx 后重试。';
const OLE_FILE =
  '这是旧版 .xls 文件或设置了打开密码的 Excel 文件，无法读取。请在 Excel 中取消密码，并另存为 .xlsx 或 CSV 后重试。';
const ENCRYPTED = '文件已加密，无法读取。请在 Excel 中取消密码并另存为 .xlsx 后重试。';

const mb = (bytes: number): string => `${Math.round(bytes / 1024 / 1024)} MB`;

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const fail = (message: string): XlsxReadResult => ({ ok: false, message });

export function readXlsx(bytes: Uint8Array, limits: Partial<XlsxLimits> = {}): XlsxReadResult {
  const l: XlsxLimits = { ...XLSX_LIMITS, ...limits };
  if (bytes.length === 0) return fail('文件是空的（0 字节），不是有效的 Excel 文件（.xlsx）。');
  if (bytes.length > l.maxFileBytes) {
    return fail(
      `文件大于 ${mb(l.maxFileBytes)}，无法读取。请删除不需要的工作表，或另存为 CSV 后再导入。`,
    );
  }
  if (OLE_SIGNATURE.every((b, i) => bytes[i] === b)) return fail(OLE_FILE);
  let sheetName = '';
  try {
    return { ok: true, sheets: readPackage(bytes, l, (name) => (sheetName = name)) };
  } catch (error) {
    if (error instanceof SheetTooLarge) {
      return fail(
        error.kind === 'rows'
          ? `工作表「${sheetName}」超过 ${l.maxRows} 行，无法读取。请拆分后分别导入。`
          : `工作表「${sheetName}」的单元格过多（超过 ${l.maxCells} 个），无法读取。`,
      );
    }
    if (error instanceof ZipFailure) {
      if (error.problem === 'encrypted') return fail(ENCRYPTED);
      if (error.problem === 'tooLarge') {
        return fail(
          `文件解压后超过 ${mb(l.maxInflatedBytes)}（或含过多部件），可能已损坏或不是正常的 Excel 文件，已拒绝读取。`,
        );
      }
      return fail(NOT_XLSX);
    }
    if (
      error instanceof XmlError ||
      error instanceof SheetMalformed ||
      error instanceof NotWorkbook
    ) {
      return fail(NOT_XLSX);
    }
    // Anything unforeseen (a RangeError from a hostile file…) is still a refusal, not a crash.
    return fail(NOT_XLSX);
  }
}

class NotWorkbook extends Error {}

function readPackage(
  bytes: Uint8Array,
  limits: XlsxLimits,
  onSheet: (name: string) => void,
): XlsxSheetData[] {
  const zip = new ZipEntries(bytes, limits.maxInflatedBytes);
  const text = (path: string): string | undefined => {
    const data = zip.read(path);
    return data === undefined ? undefined : strFromU8(data);
  };
  const relsOf = (part: string): Relationship[] => {
    const xml = text(relsPathOf(part));
    return xml === undefined ? [] : readRelationships(xml);
  };

  const officeDocument = relsOf('').find((r) => relTypeIs(r, 'officeDocument'));
  const workbookPath =
    officeDocument === undefined ? 'xl/workbook.xml' : resolveTarget('', officeDocument.target);
  const workbookXml = text(workbookPath);
  if (workbookXml === undefined) throw new NotWorkbook();
  const workbook = readWorkbook(workbookXml);
  if (workbook.sheets.length === 0) throw new NotWorkbook();
  const rels = relsOf(workbookPath);
  const partOf = (kind: string, fallback: string): string => {
    const rel = rels.find((r) => relTypeIs(r, kind));
    return rel === undefined ? fallback : resolveTarget(workbookPath, rel.target);
  };

  const sharedXml = text(partOf('sharedStrings', 'xl/sharedStrings.xml'));
  const stylesXml = text(partOf('styles', 'xl/styles.xml'));
  const context = {
    sharedStrings: sharedXml === undefined ? [] : readSharedStrings(sharedXml),
    dateStyles:
      stylesXml === undefined ? ([] as (DateStyle | undefined)[]) : readDateStyles(stylesXml),
    date1904: workbook.date1904,
  };

  const sheets: XlsxSheetData[] = [];
  workbook.sheets.forEach((sheet, index) => {
    const rel = rels.find((r) => r.id === sheet.relId);
    // Chart sheets and dialog sheets hold no cells.
    if (rel !== undefined && !relTypeIs(rel, 'worksheet')) return;
    const path =
      rel === undefined
        ? `xl/worksheets/sheet${index + 1}.xml`
        : resolveTarget(workbookPath, rel.target);
    const xml = text(path);
    if (xml === undefined) throw new NotWorkbook();
    onSheet(sheet.name);
    const rows = readSheet(xml, context, limits);
    sheets.push(
      sheet.hidden ? { name: sheet.name, rows, hidden: true } : { name: sheet.name, rows },
    );
  });
  return sheets;
}
