// Writes a minimal .xlsx workbook that Excel, WPS and LibreOffice open without repair:
// text through the shared-string table (always text, never a formula, so "=SUM(1)" from a
// bundle stays the characters it was), finite numbers as numbers, booleans as booleans.
// Header rows are bold and frozen; column widths and per-column number formats (shown
// decimals; the stored value keeps full precision) are optional. Sheet names follow Excel's
// rules. The output depends only on the input (fixed zip times, stable ordering).
import { strToU8 } from 'fflate';
import { writeZip } from '../bundle/zipWrite';
import { HEADER_STYLE, NumberFormats } from './styles';
import { escapeXml, NS_MAIN, XML_HEAD } from './xml';

export type XlsxCell = string | number | boolean | null;

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
};

/** Excel's limit for the text of one cell; longer text is cut and ends with "…". */
export const MAX_CELL_CHARS = 32_767;
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;
const MAX_SHEET_NAME = 31;

const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const REL_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

/** Column letters of a 0-based index: 0 → A, 26 → AA. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  }
  return name;
}

/** Removes C0 control characters (keeping tab, LF and CR when `keepWhitespace`) and U+FFFE/U+FFFF. */
function dropControlCharacters(text: string, keepWhitespace = false): string {
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    const isWhitespace = code === 9 || code === 10 || code === 13;
    if ((code < 32 && !(keepWhitespace && isWhitespace)) || code === 0xfffe || code === 0xffff)
      continue;
    out += ch;
  }
  return out;
}

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

/**
 * Text as it can be stored: characters XML 1.0 cannot carry are dropped, a literal
 * "_xHHHH_" gets its underscore escaped (Excel would read it as an escape), and text over
 * Excel's cell limit is cut.
 */
function storableText(text: string): string {
  let clean = dropControlCharacters(text, true)
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/gu, '')
    .replace(/_(x[0-9A-Fa-f]{4}_)/gu, '_x005F_$1');
  if (clean.length > MAX_CELL_CHARS) clean = `${clean.slice(0, MAX_CELL_CHARS - 1)}…`;
  return clean;
}

function textElement(text: string): string {
  const space = /^\s|\s$|\n/u.test(text) ? ' xml:space="preserve"' : '';
  return `<t${space}>${escapeXml(text)}</t>`;
}

class SharedStrings {
  private readonly index = new Map<string, number>();
  readonly list: string[] = [];
  count = 0;

  add(text: string): number {
    this.count += 1;
    const known = this.index.get(text);
    if (known !== undefined) return known;
    this.index.set(text, this.list.length);
    this.list.push(text);
    return this.list.length - 1;
  }

  xml(): string {
    const items = this.list.map((t) => `<si>${textElement(t)}</si>`).join('');
    return `${XML_HEAD}<sst xmlns="${NS_MAIN}" count="${this.count}" uniqueCount="${this.list.length}">${items}</sst>`;
  }
}

function cellXml(
  cell: XlsxCell,
  reference: string,
  style: string,
  strings: SharedStrings,
  numberStyle: string,
): string {
  if (cell === null) return style === '' ? '' : `<c r="${reference}"${style}/>`;
  if (typeof cell === 'boolean')
    return `<c r="${reference}"${style} t="b"><v>${cell ? 1 : 0}</v></c>`;
  if (typeof cell === 'number' && Number.isFinite(cell)) {
    return `<c r="${reference}"${numberStyle}><v>${String(cell)}</v></c>`;
  }
  const text = storableText(String(cell));
  if (text === '') return style === '' ? '' : `<c r="${reference}"${style}/>`;
  return `<c r="${reference}"${style} t="s"><v>${strings.add(text)}</v></c>`;
}

function sheetXml(
  sheet: XlsxSheetInput,
  strings: SharedStrings,
  formats: NumberFormats,
  isFirst: boolean,
): string {
  if (sheet.rows.length > MAX_ROWS) throw new RangeError(`sheet ${sheet.name}: too many rows`);
  const headerRows = Math.max(0, Math.min(Math.floor(sheet.headerRows ?? 0), sheet.rows.length));
  const selected = isFirst ? ' tabSelected="1"' : '';
  const pane =
    headerRows > 0
      ? `<pane ySplit="${headerRows}" topLeftCell="A${headerRows + 1}" activePane="bottomLeft" state="frozen"/>` +
        `<selection pane="bottomLeft" activeCell="A${headerRows + 1}" sqref="A${headerRows + 1}"/>`
      : '';
  const views = `<sheetViews><sheetView${selected} workbookViewId="0">${pane}</sheetView></sheetViews>`;
  const widths = (sheet.columnWidths ?? [])
    .map((w, i) => ({ w, i }))
    .filter(({ w }) => Number.isFinite(w) && w > 0)
    .map(
      ({ w, i }) =>
        `<col min="${i + 1}" max="${i + 1}" width="${Math.min(255, w)}" customWidth="1"/>`,
    )
    .join('');
  const cols = widths === '' ? '' : `<cols>${widths}</cols>`;
  const formatStyles = formats.columnStyles(sheet);
  const rows = sheet.rows
    .map((row, r) => {
      if (row.length > MAX_COLUMNS) throw new RangeError(`sheet ${sheet.name}: too many columns`);
      const isHeader = r < headerRows;
      const style = isHeader ? HEADER_STYLE : '';
      const cells = row.map((cell, c) =>
        cellXml(
          cell,
          `${columnName(c)}${r + 1}`,
          style,
          strings,
          isHeader ? style : (formatStyles[c] ?? ''),
        ),
      );
      const body = cells.join('');
      return body === '' ? '' : `<row r="${r + 1}">${body}</row>`;
    })
    .join('');
  return (
    `${XML_HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">${views}` +
    `<sheetFormatPr defaultRowHeight="15"/>${cols}<sheetData>${rows}</sheetData>` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`
  );
}

/** Builds the workbook. An empty list gives one empty sheet (Excel needs at least one). */
export function writeXlsx(sheets: readonly XlsxSheetInput[]): Uint8Array {
  const input = sheets.length === 0 ? [{ name: 'Sheet1', rows: [] }] : sheets;
  const names = sanitizeSheetNames(input.map((s) => s.name));
  const strings = new SharedStrings();
  const formats = new NumberFormats(input);
  const sheetParts = input.map((sheet, i) => sheetXml(sheet, strings, formats, i === 0));

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
  const workbook =
    `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    '<bookViews><workbookView activeTab="0"/></bookViews><sheets>' +
    names
      .map((n, i) => `<sheet name="${escapeXml(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
      .join('') +
    '</sheets></workbook>';
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
    entry('xl/styles.xml', formats.stylesXml()),
    entry('xl/sharedStrings.xml', strings.xml()),
  ]);
}
