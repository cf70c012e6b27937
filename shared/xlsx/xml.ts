// A tiny XML tokenizer for the parts of an .xlsx we read (shared/ has no DOMParser). It
// walks the text once and reports start tags (with attributes), end tags and text to a
// callback. Only the five predefined entities and numeric character references are
// expanded: a DOCTYPE's own entities are never defined, so "billion laughs" cannot grow.
// Namespace prefixes are dropped from element and attribute names (x:row → row), because
// some writers prefix the SpreadsheetML namespace. Malformed XML raises XmlError.

export class XmlError extends Error {}

export type XmlAttributes = ReadonlyMap<string, string>;

export type XmlHandler = {
  open?: (name: string, attributes: XmlAttributes, selfClosing: boolean) => void;
  close?: (name: string) => void;
  text?: (text: string) => void;
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

/** Finds `needle` at or after `from`, or fails: an unterminated construct is malformed. */
function indexOrFail(text: string, needle: string, from: number): number {
  const at = text.indexOf(needle, from);
  if (at < 0) throw new XmlError(`unterminated, expected ${needle}`);
  return at;
}

/** Walks the XML document, calling the handler for each tag and text run. */
export function scanXml(text: string, handler: XmlHandler): void {
  const stack: string[] = [];
  let at = 0;
  let sawRoot = false;
  while (at < text.length) {
    const lt = text.indexOf('<', at);
    const textEnd = lt < 0 ? text.length : lt;
    if (textEnd > at) {
      const raw = text.slice(at, textEnd);
      if (stack.length > 0) handler.text?.(decodeEntities(raw));
      else if (raw.trim() !== '' && !(at === 0 && raw === '\uFEFF')) {
        throw new XmlError('text outside the root element');
      }
    }
    if (lt < 0) break;
    if (text.startsWith('<?', lt)) {
      at = indexOrFail(text, '?>', lt + 2) + 2;
    } else if (text.startsWith('<!--', lt)) {
      at = indexOrFail(text, '-->', lt + 4) + 3;
    } else if (text.startsWith('<![CDATA[', lt)) {
      const end = indexOrFail(text, ']]>', lt + 9);
      if (stack.length === 0) throw new XmlError('CDATA outside the root element');
      handler.text?.(text.slice(lt + 9, end));
      at = end + 3;
    } else if (text.startsWith('<!', lt)) {
      // DOCTYPE (never in OOXML): skipped whole, internal subset included; its entities stay undefined.
      const bracket = text.indexOf('[', lt);
      const close = indexOrFail(text, '>', lt);
      at = bracket >= 0 && bracket < close ? indexOrFail(text, ']>', bracket) + 2 : close + 1;
    } else if (text.startsWith('</', lt)) {
      const end = indexOrFail(text, '>', lt + 2);
      const name = localName(text.slice(lt + 2, end).trim());
      const open = stack.pop();
      if (open !== name) throw new XmlError(`mismatched end tag ${name}`);
      handler.close?.(name);
      at = end + 1;
    } else {
      const end = findTagEnd(text, lt + 1);
      let body = text.slice(lt + 1, end);
      const selfClosing = body.endsWith('/');
      if (selfClosing) body = body.slice(0, -1);
      const nameMatch = /^[^\s/>]+/u.exec(body);
      if (nameMatch === null) throw new XmlError('missing element name');
      if (stack.length === 0 && sawRoot) throw new XmlError('more than one root element');
      sawRoot = true;
      const name = localName(nameMatch[0]);
      handler.open?.(name, readAttributes(body.slice(nameMatch[0].length)), selfClosing);
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
