// The optional parts of a worksheet writeXlsx can add around its cells, each as the XML
// element SpreadsheetML expects in its place: column widths and hidden columns, sheet
// protection without a password (unlocked cells stay editable; it prevents accidents, it is
// not security), merged ranges, data validation (lists, decimals, custom formulas, each with
// its Chinese message) and the print setup (A4, fit to width, a print area).
import { escapeXml } from './xml';

export type XlsxValidation = {
  /** The cells it applies to, e.g. 'D5' or 'D5:D9 D12'. */
  sqref: string;
  type: 'list' | 'decimal' | 'whole' | 'custom' | 'textLength';
  operator?: 'between' | 'equal' | 'greaterThanOrEqual' | 'lessThanOrEqual';
  /** A formula without the leading '=': a list is '"是,否"', a bound a number. */
  formula1: string;
  formula2?: string;
  /** Empty cells pass (default true). */
  allowBlank?: boolean;
  /** Shown when a value is refused (Excel: title ≤ 32, message ≤ 255 characters). */
  errorTitle?: string;
  error?: string;
  /** Shown while the cell is selected. */
  promptTitle?: string;
  prompt?: string;
};

export type XlsxPageSetup = {
  orientation?: 'portrait' | 'landscape';
  /** Scale the printout to the page width (any number of pages tall). */
  fitToWidth?: boolean;
  /** The printed range, e.g. 'A1:F30' (becomes the sheet's _xlnm.Print_Area). */
  printArea?: string;
};

const RANGE = /^\$?[A-Z]{1,3}\$?\d{1,7}(?::\$?[A-Z]{1,3}\$?\d{1,7})?$/u;

/** Checks an A1 range ('A1' or 'A1:F9'); anything else would make Excel repair the file. */
export function checkedRange(range: string): string {
  if (!RANGE.test(range)) throw new RangeError(`not a cell range: ${range}`);
  return range;
}

/** Excel's limits on validation messages; longer text makes it repair the file. */
const cut = (text: string, max: number): string =>
  [...text].length <= max ? text : `${[...text].slice(0, max - 1).join('')}…`;

export function colsXml(
  widths: readonly number[],
  hidden: readonly number[],
  columnLimit: number,
): string {
  const hiddenSet = new Set(hidden.filter((c) => Number.isInteger(c) && c >= 0 && c < columnLimit));
  const indexes = new Set<number>(hiddenSet);
  widths.forEach((w, i) => {
    if (Number.isFinite(w) && w > 0) indexes.add(i);
  });
  const cols = [...indexes]
    .sort((a, b) => a - b)
    .map((i) => {
      const w = widths[i];
      const width =
        w !== undefined && Number.isFinite(w) && w > 0
          ? ` width="${Math.min(255, w)}" customWidth="1"`
          : ' width="9" customWidth="1"';
      return `<col min="${i + 1}" max="${i + 1}"${width}${hiddenSet.has(i) ? ' hidden="1"' : ''}/>`;
    })
    .join('');
  return cols === '' ? '' : `<cols>${cols}</cols>`;
}

/**
 * Protected without a password: cells are locked unless their style unlocks them; rows and
 * columns may still be resized (long comments), but not inserted or deleted.
 */
export const PROTECTION_XML =
  '<sheetProtection sheet="1" objects="1" scenarios="1" formatColumns="0" formatRows="0"/>';

export function mergesXml(merges: readonly string[]): string {
  if (merges.length === 0) return '';
  const items = merges.map((m) => `<mergeCell ref="${checkedRange(m)}"/>`).join('');
  return `<mergeCells count="${merges.length}">${items}</mergeCells>`;
}

function validationXml(v: XlsxValidation): string {
  const sqref = v.sqref
    .split(' ')
    .map((part) => checkedRange(part))
    .join(' ');
  const attrs = [
    `type="${v.type}"`,
    v.operator === undefined ? '' : `operator="${v.operator}"`,
    v.allowBlank === false ? '' : 'allowBlank="1"',
    'showInputMessage="1" showErrorMessage="1"',
    v.errorTitle === undefined ? '' : `errorTitle="${escapeXml(cut(v.errorTitle, 32))}"`,
    v.error === undefined ? '' : `error="${escapeXml(cut(v.error, 255))}"`,
    v.promptTitle === undefined ? '' : `promptTitle="${escapeXml(cut(v.promptTitle, 32))}"`,
    v.prompt === undefined ? '' : `prompt="${escapeXml(cut(v.prompt, 255))}"`,
    `sqref="${sqref}"`,
  ]
    .filter((a) => a !== '')
    .join(' ');
  const f2 = v.formula2 === undefined ? '' : `<formula2>${escapeXml(v.formula2)}</formula2>`;
  return `<dataValidation ${attrs}><formula1>${escapeXml(v.formula1)}</formula1>${f2}</dataValidation>`;
}

export function validationsXml(validations: readonly XlsxValidation[]): string {
  if (validations.length === 0) return '';
  return `<dataValidations count="${validations.length}">${validations.map(validationXml).join('')}</dataValidations>`;
}

/** The <sheetPr> that lets fit-to-page apply (it must come first in the worksheet). */
export const sheetPrXml = (page: XlsxPageSetup | undefined): string =>
  page?.fitToWidth === true ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : '';

/** Paper size 9 is A4. fitToHeight 0: as many pages tall as needed. */
export function pageSetupXml(page: XlsxPageSetup | undefined): string {
  if (page === undefined) return '';
  const fit = page.fitToWidth === true ? ' fitToWidth="1" fitToHeight="0"' : '';
  return `<pageSetup paperSize="9" orientation="${page.orientation ?? 'portrait'}"${fit}/>`;
}

/** A sheet name as a formula reference: quoted, with apostrophes doubled. */
export const quotedSheetName = (name: string): string => `'${name.replace(/'/gu, "''")}'`;

/** The print area of a sheet as a defined name (absolute references). */
export function printAreaName(sheetIndex: number, sheetName: string, range: string): string {
  const absolute = checkedRange(range)
    .split(':')
    .map((ref) => ref.replace(/^\$?([A-Z]+)\$?(\d+)$/u, '$$$1$$$2'))
    .join(':');
  return `<definedName name="_xlnm.Print_Area" localSheetId="${sheetIndex}">${escapeXml(
    `${quotedSheetName(sheetName)}!${absolute}`,
  )}</definedName>`;
}
