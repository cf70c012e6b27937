// Per-cell styles for writeXlsx beyond the bold header and column number formats: fonts,
// fills, borders, alignment and the protection flag (an unlocked cell is an input once its
// sheet is protected). Each distinct style becomes one <xf> after the workbook's fixed ones,
// with its font, fill and border each written once.
import type { NumberFormats } from './styles';

export type XlsxStyle = {
  bold?: boolean;
  /** Font size in points; default 11. */
  fontSize?: number;
  wrap?: boolean;
  horizontal?: 'left' | 'center' | 'right';
  vertical?: 'top' | 'center' | 'bottom';
  /** A thin border on every side, or only below (a line to sign on). */
  border?: 'all' | 'bottom';
  /** Solid background, six hex digits RGB ('FFF2CC'). */
  fill?: string;
  /** Not locked: editable when the sheet is protected. */
  unlocked?: boolean;
  /** An Excel number format code ('0.0'). */
  numberFormat?: string;
};

const FONT_TAIL = '<name val="等线"/><family val="2"/><charset val="134"/></font>';
/** Fonts, fills and borders the workbook always has (see NumberFormats.stylesXml). */
const FIXED_FONTS = 2;
const FIXED_FILLS = 2;
const FIXED_BORDERS = 1;

const BORDERS: Record<NonNullable<XlsxStyle['border']>, string> = {
  all:
    '<border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right>' +
    '<top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/></border>',
  bottom:
    '<border><left/><right/><top/><bottom style="thin"><color auto="1"/></bottom><diagonal/></border>',
};

function checkedSize(size: number | undefined): number {
  if (size === undefined) return 11;
  if (!Number.isFinite(size) || size < 1 || size > 409) {
    throw new RangeError(`not a font size Excel accepts: ${String(size)}`);
  }
  return size;
}

function checkedFill(fill: string): string {
  if (!/^[0-9A-Fa-f]{6}$/u.test(fill)) throw new RangeError(`not an RGB colour: ${fill}`);
  return fill.toUpperCase();
}

/** Collects the distinct cell styles of a workbook and writes their parts of styles.xml. */
export class CellStyles {
  private readonly byKey = new Map<string, number>();
  private readonly fonts: string[] = [];
  private readonly fills: string[] = [];
  private readonly borders: string[] = [];
  private readonly xfs: string[] = [];

  constructor(
    private readonly firstXf: number,
    private readonly formats: NumberFormats,
  ) {}

  /** The ` s="N"` attribute of a cell with this style. */
  attribute(style: XlsxStyle): string {
    const xf = this.xfOf(style);
    let index = this.byKey.get(xf);
    if (index === undefined) {
      index = this.firstXf + this.xfs.length;
      this.byKey.set(xf, index);
      this.xfs.push(xf);
    }
    return ` s="${index}"`;
  }

  private idOf(list: string[], xml: string, fixed: number): number {
    let at = list.indexOf(xml);
    if (at < 0) {
      at = list.length;
      list.push(xml);
    }
    return fixed + at;
  }

  private xfOf(style: XlsxStyle): string {
    const size = checkedSize(style.fontSize);
    const custom = style.bold === true || size !== 11;
    const fontId = custom
      ? this.idOf(
          this.fonts,
          `<font>${style.bold === true ? '<b/>' : ''}<sz val="${size}"/>${FONT_TAIL}`,
          FIXED_FONTS,
        )
      : 0;
    const fillId =
      style.fill === undefined
        ? 0
        : this.idOf(
            this.fills,
            `<fill><patternFill patternType="solid"><fgColor rgb="FF${checkedFill(style.fill)}"/><bgColor indexed="64"/></patternFill></fill>`,
            FIXED_FILLS,
          );
    const borderId =
      style.border === undefined
        ? 0
        : this.idOf(this.borders, BORDERS[style.border], FIXED_BORDERS);
    const numFmtId = this.formats.formatId(style.numberFormat);
    const align = [
      style.horizontal === undefined ? '' : ` horizontal="${style.horizontal}"`,
      style.vertical === undefined ? '' : ` vertical="${style.vertical}"`,
      style.wrap === true ? ' wrapText="1"' : '',
    ].join('');
    const applies = [
      numFmtId === 0 ? '' : ' applyNumberFormat="1"',
      fontId === 0 ? '' : ' applyFont="1"',
      fillId === 0 ? '' : ' applyFill="1"',
      borderId === 0 ? '' : ' applyBorder="1"',
      align === '' ? '' : ' applyAlignment="1"',
      style.unlocked === true ? ' applyProtection="1"' : '',
    ].join('');
    const children =
      (align === '' ? '' : `<alignment${align}/>`) +
      (style.unlocked === true ? '<protection locked="0"/>' : '');
    const head = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${applies}`;
    return children === '' ? `${head}/>` : `${head}>${children}</xf>`;
  }

  /** Extra fonts, fills, borders and cell formats, appended after the workbook's fixed ones. */
  parts(): { fonts: string[]; fills: string[]; borders: string[]; xfs: string[] } {
    return { fonts: this.fonts, fills: this.fills, borders: this.borders, xfs: this.xfs };
  }
}
