// A tiny XML tokenizer for the parts of an .xlsx we read (shared/ has no DOMParser). It
// walks the text once and reports start tags (with attributes), end tags and text to a
// callback. Only the five predefined entities and numeric character references are
// expanded. Hostile input is refused in linear time: every search starts where the last one
// ended, a DOCTYPE, ENTITY or other DTD declaration is refused where it starts (no
// spreadsheet program writes one, and refusing it means no entity can ever be defined),
// and elements nested deeper than MAX_XML_DEPTH are refused. Namespace prefixes are dropped
// from element and attribute names (x:row → row), because some writers prefix the
// SpreadsheetML namespace. Malformed XML raises XmlError; its `problem` says which kind.
import type { WorkMeter } from './workMeter';

/** Deeper than any part Excel, WPS or LibreOffice writes (about 10 levels), far below a stack's. */
export const MAX_XML_DEPTH = 128;

export type XmlProblem = 'malformed' | 'dtd' | 'tooDeep';

export class XmlError extends Error {
  constructor(
    message: string,
    readonly problem: XmlProblem = 'malformed',
  ) {
    super(message);
  }
}

export type XmlAttributes = ReadonlyMap<string, string>;

export type XmlHandler = {
  open?: (name: string, attributes: XmlAttributes, selfClosing: boolean) => void;
  close?: (name: string) => void;
  text?: (text: string) => void;
};

export type XmlScanOptions = {
  /** Deepest element nesting accepted (default MAX_XML_DEPTH). */
  maxDepth?: number;
  /** Adds the characters given and examined. */
  meter?: WorkMeter;
};

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

/** Expands &amp; &lt; &gt; &quot; &apos; &#NN; &#xNN; (anything else is malformed). */
export function decodeEntities(raw: string): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(/&([^;&\s]{1,10});/gu, (whole, body: string) => {
    const named = NAMED_ENTITIES[body];
    if (named !== undefined) return named;
    const hex = /^#x([0-9a-fA-F]{1,6})$/u.exec(body);
    const dec = /^#([0-9]{1,7})$/u.exec(body);
    const code =
      hex?.[1] !== undefined ? parseInt(hex[1], 16) : dec?.[1] !== undefined ? Number(dec[1]) : NaN;
    if (
      Number.isInteger(code) &&
      code > 0 &&
      code <= 0x10ffff &&
      !(code >= 0xd800 && code <= 0xdfff)
    ) {
      return String.fromCodePoint(code);
    }
    throw new XmlError(`unknown entity ${whole}`);
  });
}

/** The local part of a (possibly prefixed) name. */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

const ATTRIBUTE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/gy;

function readAttributes(source: string): Map<string, string> {
  const attributes = new Map<string, string>();
  let at = 0;
  for (;;) {
    while (at < source.length && /\s/u.test(source.charAt(at))) at += 1;
    if (at >= source.length) break;
    ATTRIBUTE.lastIndex = at;
    const match = ATTRIBUTE.exec(source);
    if (match === null) throw new XmlError('malformed attribute');
    const name = match[1] ?? '';
    // xmlns declarations carry no data we need, and a prefixed twin must not overwrite.
    if (name !== 'xmlns' && !name.startsWith('xmlns:')) {
      const key = localName(name);
      if (!attributes.has(key)) attributes.set(key, decodeEntities(match[2] ?? match[3] ?? ''));
    }
    at = ATTRIBUTE.lastIndex;
  }
  return attributes;
}

/** DTD markup declarations (XML 1.0 §2.8): never in OOXML, refused wherever they appear. */
const DTD_KEYWORDS = ['DOCTYPE', 'ENTITY', 'ELEMENT', 'ATTLIST', 'NOTATION'];

function isDtdDeclaration(text: string, lt: number): boolean {
  return DTD_KEYWORDS.some(
    (word) => text.slice(lt + 2, lt + 2 + word.length).toUpperCase() === word,
  );
}

/** Walks the XML document, calling the handler for each tag and text run. */
export function scanXml(text: string, handler: XmlHandler, options: XmlScanOptions = {}): void {
  const maxDepth = options.maxDepth ?? MAX_XML_DEPTH;
  const meter = options.meter;
  if (meter !== undefined) meter.xmlChars += text.length;
  const examined = (count: number): void => {
    if (meter !== undefined) meter.scannedChars += count;
  };
  /** Finds `needle` at or after `from`, or fails: an unterminated construct is malformed. */
  const endOf = (needle: string, from: number): number => {
    const at = text.indexOf(needle, from);
    examined((at < 0 ? text.length : at + needle.length) - from);
    if (at < 0) throw new XmlError(`unterminated, expected ${needle}`);
    return at;
  };

  const stack: string[] = [];
  let at = 0;
  let sawRoot = false;
  while (at < text.length) {
    const lt = text.indexOf('<', at);
    const textEnd = lt < 0 ? text.length : lt;
    examined(textEnd - at);
    if (textEnd > at) {
      const raw = text.slice(at, textEnd);
      if (stack.length > 0) {
        examined(raw.length);
        // Decoded even when no handler wants it: a malformed entity is refused either way.
        const decoded = decodeEntities(raw);
        handler.text?.(decoded);
      } else if (raw.trim() !== '' && !(at === 0 && raw === '\uFEFF')) {
        throw new XmlError('text outside the root element');
      }
    }
    if (lt < 0) break;
    if (text.startsWith('<?', lt)) {
      at = endOf('?>', lt + 2) + 2;
    } else if (text.startsWith('<!--', lt)) {
      at = endOf('-->', lt + 4) + 3;
    } else if (text.startsWith('<![CDATA[', lt)) {
      const end = endOf(']]>', lt + 9);
      if (stack.length === 0) throw new XmlError('CDATA outside the root element');
      handler.text?.(text.slice(lt + 9, end));
      at = end + 3;
    } else if (text.startsWith('<!', lt)) {
      // Decided from the few characters after "<!", never by searching ahead: a flood of
      // "<!" costs no more than its own length.
      if (isDtdDeclaration(text, lt)) throw new XmlError('DTD declaration', 'dtd');
      throw new XmlError('unknown <! construct');
    } else if (text.startsWith('</', lt)) {
      const end = endOf('>', lt + 2);
      const name = localName(text.slice(lt + 2, end).trim());
      const open = stack.pop();
      if (open !== name) throw new XmlError(`mismatched end tag ${name}`);
      handler.close?.(name);
      at = end + 1;
    } else {
      const end = findTagEnd(text, lt + 1);
      examined(end - lt);
      let body = text.slice(lt + 1, end);
      const selfClosing = body.endsWith('/');
      if (selfClosing) body = body.slice(0, -1);
      const nameMatch = /^[^\s/>]+/u.exec(body);
      if (nameMatch === null) throw new XmlError('missing element name');
      if (stack.length === 0 && sawRoot) throw new XmlError('more than one root element');
      if (stack.length >= maxDepth) throw new XmlError('nested too deep', 'tooDeep');
      sawRoot = true;
      const name = localName(nameMatch[0]);
      examined(body.length);
      const attributes = readAttributes(body.slice(nameMatch[0].length));
      handler.open?.(name, attributes, selfClosing);
      if (selfClosing) handler.close?.(name);
      else stack.push(name);
      at = end + 1;
    }
  }
  if (stack.length > 0) throw new XmlError('unclosed element');
  if (!sawRoot) throw new XmlError('no root element');
}

/** Index of the `>` ending a start tag, skipping quoted attribute values. */
function findTagEnd(text: string, from: number): number {
  let quote = '';
  for (let i = from; i < text.length; i += 1) {
    const ch = text.charAt(i);
    if (quote !== '') {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === '>') {
      return i;
    } else if (ch === '<') {
      throw new XmlError('unexpected < in a tag');
    }
  }
  throw new XmlError('unterminated tag');
}

/** The declaration every part the writer makes starts with. */
export const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
export const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** Escapes text for element content or a double-quoted attribute value. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/gu, '&amp;')
    .replace(/</gu, '&lt;')
    .replace(/>/gu, '&gt;')
    .replace(/"/gu, '&quot;');
}
