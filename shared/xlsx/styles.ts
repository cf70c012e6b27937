// The styles part of the workbooks writeXlsx makes: cell style 0 is Excel's default, 1 the
// bold header, then one style per custom number format the sheets ask for ('0.00', …), each
// a <numFmt> with its own id and a <cellXfs> entry that applies it. Formats change what a
// cell shows, never the number it stores. Per-cell styles (cellStyles.ts) come after those.
import { escapeXml, NS_MAIN, XML_HEAD } from './xml';
import type { XlsxSheetInput } from './write';

/** Excel's limit for a number format code. */
const MAX_FORMAT_CODE = 255;
/** The first id of a custom number format (ids below are Excel's built-in formats). */
const FIRST_CUSTOM_FORMAT_ID = 164;
export const HEADER_STYLE = ' s="1"';
const FIRST_FORMAT_STYLE = 2;

/** The number format codes of a workbook, each once, in the order they first appear. */
export class NumberFormats {
  readonly codes: string[] = [];

  constructor(sheets: readonly XlsxSheetInput[]) {
    for (const sheet of sheets) {
      const cellCodes = Object.values(sheet.cells ?? {}).map((c) => c.style?.numberFormat);
      for (const code of [...(sheet.numberFormats ?? []), ...cellCodes]) {
        const clean = NumberFormats.clean(code);
        if (clean !== undefined && !this.codes.includes(clean)) this.codes.push(clean);
      }
    }
  }

  /** The cell styles' first index: after the default, the header and the format styles. */
  get firstCellStyle(): number {
    return FIRST_FORMAT_STYLE + this.codes.length;
  }

  /** The numFmtId of a code (0 for General); the code must be one collected from the sheets. */
  formatId(code: string | undefined): number {
    const clean = NumberFormats.clean(code);
    const at = clean === undefined ? -1 : this.codes.indexOf(clean);
    return at < 0 ? 0 : FIRST_CUSTOM_FORMAT_ID + at;
  }

  /** The code as written, or undefined for General; a code Excel refuses throws. */
  static clean(code: string | null | undefined): string | undefined {
    const trimmed = (code ?? '').trim();
    if (trimmed === '' || trimmed.toLowerCase() === 'general') return undefined;
    // eslint-disable-next-line no-control-regex -- XML 1.0 cannot carry control characters
    if (trimmed.length > MAX_FORMAT_CODE || /[\u0000-\u001f]/u.test(trimmed)) {
      throw new RangeError(`not a number format Excel accepts: ${JSON.stringify(trimmed)}`);
    }
    return trimmed;
  }

  /** The style attribute of number cells in each column of a sheet ('' for General). */
  columnStyles(sheet: XlsxSheetInput): string[] {
    return (sheet.numberFormats ?? []).map((code) => {
      const clean = NumberFormats.clean(code);
      return clean === undefined ? '' : ` s="${FIRST_FORMAT_STYLE + this.codes.indexOf(clean)}"`;
    });
  }

  stylesXml(
    extra: { fonts: string[]; fills: string[]; borders: string[]; xfs: string[] } = {
      fonts: [],
      fills: [],
      borders: [],
      xfs: [],
    },
  ): string {
    const numFmts =
      this.codes.length === 0
        ? ''
        : `<numFmts count="${this.codes.length}">${this.codes
            .map(
              (code, i) =>
                `<numFmt numFmtId="${FIRST_CUSTOM_FORMAT_ID + i}" formatCode="${escapeXml(code)}"/>`,
            )
            .join('')}</numFmts>`;
    const formatXfs = this.codes
      .map(
        (_, i) =>
          `<xf numFmtId="${FIRST_CUSTOM_FORMAT_ID + i}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`,
      )
      .join('');
    return (
      `${XML_HEAD}<styleSheet xmlns="${NS_MAIN}">${numFmts}` +
      `<fonts count="${2 + extra.fonts.length}"><font><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font>` +
      `<font><b/><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font>${extra.fonts.join('')}</fonts>` +
      `<fills count="${2 + extra.fills.length}"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>${extra.fills.join('')}</fills>` +
      `<borders count="${1 + extra.borders.length}"><border><left/><right/><top/><bottom/><diagonal/></border>${extra.borders.join('')}</borders>` +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.firstCellStyle + extra.xfs.length}"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
      `<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>${formatXfs}${extra.xfs.join('')}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles>' +
      '</styleSheet>'
    );
  }
}
