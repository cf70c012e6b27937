// One worksheet part of writeXlsx: the cells row by row (text through the shared strings,
// finite numbers as numbers, booleans as booleans, formulas only where the sheet's `cells`
// asks for one), then the optional features of sheetFeatures.ts in the order SpreadsheetML
// requires them.
import type { CellStyles } from './cellStyles';
import { storableText } from './sharedStrings';
import type { SharedStrings } from './sharedStrings';
import {
  colsXml,
  mergesXml,
  pageSetupXml,
  PROTECTION_XML,
  sheetPrXml,
  validationsXml,
} from './sheetFeatures';
import { HEADER_STYLE } from './styles';
import type { NumberFormats } from './styles';
import type { XlsxCell, XlsxCellOptions, XlsxSheetInput } from './write';
import { escapeXml, NS_MAIN, XML_HEAD } from './xml';

const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** Column letters of a 0-based index: 0 → A, 26 → AA. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  }
  return name;
}

/** 0-based row and column of an A1 reference; throws on anything else. */
export function cellPosition(reference: string): { row: number; column: number } {
  const match = /^([A-Z]{1,3})([1-9]\d{0,6})$/u.exec(reference);
  if (match?.[1] === undefined || match[2] === undefined) {
    throw new RangeError(`not a cell reference: ${reference}`);
  }
  let column = 0;
  for (const ch of match[1]) column = column * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(match[2]) - 1;
  if (column > MAX_COLUMNS || row >= MAX_ROWS)
    throw new RangeError(`outside a sheet: ${reference}`);
  return { row, column: column - 1 };
}

export type SheetContext = {
  strings: SharedStrings;
  formats: NumberFormats;
  styles: CellStyles;
  isFirst: boolean;
};

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

/** A formula cell; a finite number given as the cell's value is written as its cached result. */
function formulaXml(formula: string, cached: XlsxCell, reference: string, style: string): string {
  const body = formula.replace(/^=/u, '');
  const value = typeof cached === 'number' && Number.isFinite(cached) ? `<v>${cached}</v>` : '';
  return `<c r="${reference}"${style}><f>${escapeXml(body)}</f>${value}</c>`;
}

/** The `cells` options indexed by row, then column. */
function cellOptionsByRow(
  cells: XlsxSheetInput['cells'],
): Map<number, Map<number, XlsxCellOptions>> {
  const byRow = new Map<number, Map<number, XlsxCellOptions>>();
  for (const [reference, options] of Object.entries(cells ?? {})) {
    const { row, column } = cellPosition(reference);
    const inRow = byRow.get(row) ?? new Map<number, XlsxCellOptions>();
    inRow.set(column, options);
    byRow.set(row, inRow);
  }
  return byRow;
}

function rowsXml(sheet: XlsxSheetInput, context: SheetContext, headerRows: number): string {
  const options = cellOptionsByRow(sheet.cells);
  const heights = sheet.rowHeights ?? [];
  const rowCount = Math.max(
    sheet.rows.length,
    heights.length,
    ...[...options.keys()].map((r) => r + 1),
  );
  if (rowCount > MAX_ROWS) throw new RangeError(`sheet ${sheet.name}: too many rows`);
  const formatStyles = context.formats.columnStyles(sheet);
  const out: string[] = [];
  for (let r = 0; r < rowCount; r += 1) {
    const row = sheet.rows[r] ?? [];
    const extra = options.get(r);
    const width = Math.max(row.length, ...[...(extra?.keys() ?? [])].map((c) => c + 1));
    if (width > MAX_COLUMNS) throw new RangeError(`sheet ${sheet.name}: too many columns`);
    const isHeader = r < headerRows;
    let body = '';
    for (let c = 0; c < width; c += 1) {
      const reference = `${columnName(c)}${r + 1}`;
      const cell = row[c] ?? null;
      const own = extra?.get(c);
      const style = own?.style ? context.styles.attribute(own.style) : isHeader ? HEADER_STYLE : '';
      const numberStyle = own?.style || isHeader ? style : (formatStyles[c] ?? '');
      body +=
        own?.formula === undefined
          ? cellXml(cell, reference, style, context.strings, numberStyle)
          : formulaXml(own.formula, cell, reference, style);
    }
    const height = heights[r];
    const ht =
      height !== undefined && Number.isFinite(height) && height > 0
        ? ` ht="${Math.min(409, height)}" customHeight="1"`
        : '';
    if (body !== '' || ht !== '') out.push(`<row r="${r + 1}"${ht}>${body}</row>`);
  }
  return out.join('');
}

export function sheetXml(sheet: XlsxSheetInput, context: SheetContext): string {
  const headerRows = Math.max(0, Math.min(Math.floor(sheet.headerRows ?? 0), sheet.rows.length));
  const selected = context.isFirst ? ' tabSelected="1"' : '';
  const pane =
    headerRows > 0
      ? `<pane ySplit="${headerRows}" topLeftCell="A${headerRows + 1}" activePane="bottomLeft" state="frozen"/>` +
        `<selection pane="bottomLeft" activeCell="A${headerRows + 1}" sqref="A${headerRows + 1}"/>`
      : '';
  const views = `<sheetViews><sheetView${selected} workbookViewId="0">${pane}</sheetView></sheetViews>`;
  const cols = colsXml(sheet.columnWidths ?? [], sheet.hiddenColumns ?? [], MAX_COLUMNS);
  const rows = rowsXml(sheet, context, headerRows);
  return (
    `${XML_HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">${sheetPrXml(sheet.page)}${views}` +
    `<sheetFormatPr defaultRowHeight="15"/>${cols}<sheetData>${rows}</sheetData>` +
    (sheet.protect === true ? PROTECTION_XML : '') +
    mergesXml(sheet.merges ?? []) +
    validationsXml(sheet.validations ?? []) +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    `${pageSetupXml(sheet.page)}</worksheet>`
  );
}
