// Text as an .xlsx stores it: the shared-string table writeXlsx fills, and the cleaning every
// text goes through first (characters XML 1.0 cannot carry, Excel's _xHHHH_ escapes, its
// cell length limit).
import { escapeXml, NS_MAIN, XML_HEAD } from './xml';

/** Excel's limit for the text of one cell; longer text is cut and ends with "…". */
export const MAX_CELL_CHARS = 32_767;

/** Removes C0 control characters (keeping tab, LF and CR when `keepWhitespace`) and U+FFFE/U+FFFF. */
export function dropControlCharacters(text: string, keepWhitespace = false): string {
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
 * Text as it can be stored: characters XML 1.0 cannot carry are dropped, a literal
 * "_xHHHH_" gets its underscore escaped (Excel would read it as an escape), and text over
 * Excel's cell limit is cut.
 */
export function storableText(text: string): string {
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

export class SharedStrings {
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
