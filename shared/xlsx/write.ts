// Writes a minimal .xlsx workbook that Excel, WPS and LibreOffice open without repair:
// text through the shared-string table (always text, never a formula, so "=SUM(1)" from a
// bundle stays the characters it was), finite numbers as numbers, booleans as booleans.
// Header rows are bold and frozen; column widths and per-column number formats (shown
// decimals; the stored value keeps full precision) are optional. Sheet names follow Excel's
// rules. The output depends only on the input (fixed zip times, stable ordering).
// Forms (the scoresheet workbook) use the optional parts: per-cell styles and formulas
// (a formula only where `cells` names one), merged ranges, data validation, sheet protection
// without a password, hidden sheets and columns, row heights, A4 print setup and a
// workbook whose structure is locked.
import { strToU8 } from 'fflate';
import { writeZip } from '../bundle/zipWrite';
import { CellStyles } from './cellStyles';
import type { XlsxStyle } from './cellStyles';
import { dropControlCharacters, SharedStrings } from './sharedStrings';
import { printAreaName } from './sheetFeatures';
import type { XlsxPageSetup, XlsxValidation } from './sheetFeatures';
import { sheetXml } from './sheetXml';
import { NumberFormats } from './styles';
import { escapeXml, NS_MAIN, XML_HEAD } from './xml';

export { columnName, cellPosition } from './sheetXml';
export { MAX_CELL_CHARS } from './sharedStrings';
export type { XlsxStyle } from './cellStyles';
export type { XlsxPageSetup, XlsxValidation } from './sheetFeatures';

export type XlsxCell = string | number | boolean | null;

/** What a cell has beyond its value: a style, or a formula (the value is its cached result). */
export type XlsxCellOptions = { style?: XlsxStyle; formula?: string };

export type XlsxSheetInput = {
  name: string;
  rows: XlsxCell[][];
  /** Widths in Excel's character units, by column from A. */
  columnWidths?: number[];
  /** How many top rows are headers: bold and frozen. */
  headerRows?: number;
  /**
   * Excel number format codes by column from A (e.g. '0.00'), for the number cells below the
   * header rows; null, missing, '' or 'General' leave Excel's General format.
   */
  numberFormats?: (string | null | undefined)[];
  /** Styles and formulas of single cells, by A1 reference ('D5'). */
  cells?: Readonly<Record<string, XlsxCellOptions>>;
  /** Merged ranges ('A1:F1'); the value is the top-left cell's. */
  merges?: string[];
  validations?: XlsxValidation[];
  /** Protected without a password: only cells styled `unlocked` can be edited. */
  protect?: boolean;
  /** veryHidden: not even listed by Excel's "unhide". */
  state?: 'visible' | 'hidden' | 'veryHidden';
  /** 0-based columns hidden from view. */
  hiddenColumns?: number[];
  /** Row heights in points, by row from 1 (index 0). */
  rowHeights?: (number | undefined)[];
  page?: XlsxPageSetup;
};

export type XlsxWorkbookOptions = {
  /** Sheets cannot be added, removed, renamed, moved or unhidden (no password). */
  lockStructure?: boolean;
};

const MAX_SHEET_NAME = 31;

const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const REL_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

/**
 * Sheet names as Excel accepts them: no [ ] : * ? / \, no leading or trailing apostrophe,
 * 1–31 characters, not "History", unique ignoring case ("名单", "名单 (2)", …).
 */
export function sanitizeSheetNames(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((raw, index) => {
    let base = [...dropControlCharacters(raw).replace(/[[\]:*?/\\]/gu, '_')]
      .slice(0, MAX_SHEET_NAME)
      .join('')
      .replace(/^'+|'+$/gu, '')
      .trim();
    if (base === '' || base.toLowerCase() === 'history') base = `Sheet${index + 1}`;
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n += 1) {
      const suffix = ` (${n})`;
      name = [...base].slice(0, MAX_SHEET_NAME - suffix.length).join('') + suffix;
    }
    used.add(name.toLowerCase());
    return name;
  });
}

/** Builds the workbook. An empty list gives one empty sheet (Excel needs at least one). */
export function writeXlsx(
  sheets: readonly XlsxSheetInput[],
  options: XlsxWorkbookOptions = {},
): Uint8Array {
  const input = sheets.length === 0 ? [{ name: 'Sheet1', rows: [] }] : sheets;
  const names = sanitizeSheetNames(input.map((s) => s.name));
  const strings = new SharedStrings();
  const formats = new NumberFormats(input);
  const styles = new CellStyles(formats.firstCellStyle, formats);
  const sheetParts = input.map((sheet, i) =>
    sheetXml(sheet, { strings, formats, styles, isFirst: i === 0 }),
  );

  const contentTypes =
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    `<Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/>` +
    sheetParts
      .map(
        (_, i) =>
          `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${CT}.worksheet+xml"/>`,
      )
      .join('') +
    `<Override PartName="/xl/styles.xml" ContentType="${CT}.styles+xml"/>` +
    `<Override PartName="/xl/sharedStrings.xml" ContentType="${CT}.sharedStrings+xml"/>` +
    '</Types>';
  const rootRels =
    `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">` +
    `<Relationship Id="rId1" Type="${REL_TYPE}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  const state = (sheet: XlsxSheetInput): string =>
    sheet.state === 'hidden' || sheet.state === 'veryHidden' ? ` state="${sheet.state}"` : '';
  const printAreas = input
    .map((sheet, i) =>
      sheet.page?.printArea === undefined
        ? ''
        : printAreaName(i, names[i] ?? sheet.name, sheet.page.printArea),
    )
    .join('');
  const usesFormulas = input.some((sheet) =>
    Object.values(sheet.cells ?? {}).some((c) => c.formula !== undefined),
  );
  const workbook =
    `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    (options.lockStructure === true ? '<workbookProtection lockStructure="1"/>' : '') +
    '<bookViews><workbookView activeTab="0"/></bookViews><sheets>' +
    input
      .map(
        (sheet, i) =>
          `<sheet name="${escapeXml(names[i] ?? sheet.name)}" sheetId="${i + 1}"${state(sheet)} r:id="rId${i + 1}"/>`,
      )
      .join('') +
    '</sheets>' +
    (printAreas === '' ? '' : `<definedNames>${printAreas}</definedNames>`) +
    // Formulas are written without trustworthy cached results: recompute on opening.
    (usesFormulas ? '<calcPr calcId="191029" fullCalcOnLoad="1"/>' : '') +
    '</workbook>';
  const n = sheetParts.length;
  const workbookRels =
    `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">` +
    sheetParts
      .map(
        (_, i) =>
          `<Relationship Id="rId${i + 1}" Type="${REL_TYPE}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
      )
      .join('') +
    `<Relationship Id="rId${n + 1}" Type="${REL_TYPE}/styles" Target="styles.xml"/>` +
    `<Relationship Id="rId${n + 2}" Type="${REL_TYPE}/sharedStrings" Target="sharedStrings.xml"/>` +
    '</Relationships>';

  const entry = (name: string, xml: string): { name: string; data: Uint8Array } => ({
    name,
    data: strToU8(xml),
  });
  return writeZip([
    entry('[Content_Types].xml', contentTypes),
    entry('_rels/.rels', rootRels),
    entry('xl/workbook.xml', workbook),
    entry('xl/_rels/workbook.xml.rels', workbookRels),
    ...sheetParts.map((xml, i) => entry(`xl/worksheets/sheet${i + 1}.xml`, xml)),
    entry('xl/styles.xml', formats.stylesXml(styles.parts())),
    entry('xl/sharedStrings.xml', strings.xml()),
  ]);
}
