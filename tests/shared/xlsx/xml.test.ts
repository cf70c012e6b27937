// The XML tokenizer on its own: the events it reports, what it decodes, what it refuses and
// why, and that its work stays linear in the text on floods of "<!", comments and nesting
// (counted with a work meter, never timed).
import { describe, expect, it } from 'vitest';
import { createWorkMeter } from '../../../shared/xlsx';
import {
  decodeEntities,
  localName,
  MAX_XML_DEPTH,
  scanXml,
  XmlError,
} from '../../../shared/xlsx/xml';
import type { XmlProblem, XmlScanOptions } from '../../../shared/xlsx/xml';

/** The events of a document as short strings: <name a=1>, <name/>, </name>, "text". */
function eventsOf(xml: string, options?: XmlScanOptions): string[] {
  const events: string[] = [];
  scanXml(
    xml,
    {
      open(name, attributes, selfClosing) {
        const attrs = [...attributes].map(([k, v]) => ` ${k}=${v}`).join('');
        events.push(`<${name}${attrs}${selfClosing ? '/' : ''}>`);
      },
      close(name) {
        events.push(`</${name}>`);
      },
      text(text) {
        events.push(JSON.stringify(text));
      },
    },
    options,
  );
  return events;
}

/** The problem scanXml refuses the document with. */
function problemOf(xml: string, options?: XmlScanOptions): XmlProblem {
  try {
    scanXml(xml, {}, options);
  } catch (error) {
    if (error instanceof XmlError) return error.problem;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('scanXml reports tags, attributes and text in document order', () => {
  it('reports start, end and self-closing tags with their attributes and the text between', () => {
    expect(eventsOf('<?xml version="1.0"?>\n<a x="1" y=\'two\'><b/>hi<c>there</c></a>')).toEqual([
      '<a x=1 y=two>',
      '<b/>',
      '</b>',
      '"hi"',
      '<c>',
      '"there"',
      '</c>',
      '</a>',
    ]);
  });

  it('drops namespace prefixes and xmlns declarations; a prefixed twin does not overwrite', () => {
    expect(eventsOf('<x:row xmlns="urn:m" xmlns:x="urn:x" r="1" x:r="2"><x:c/></x:row>')).toEqual([
      '<row r=1>',
      '<c/>',
      '</c>',
      '</row>',
    ]);
    expect(localName('x:row')).toBe('row');
    expect(localName('row')).toBe('row');
  });

  it('decodes the five predefined entities and character references, in text and attributes', () => {
    expect(eventsOf('<a t="&lt;&#x4E2D;&quot;">&amp;&gt;&apos;&#25991;</a>')).toEqual([
      '<a t=<中">',
      '"&>\'文"',
      '</a>',
    ]);
    expect(decodeEntities('A&amp;B')).toBe('A&B');
    expect(decodeEntities('no entities')).toBe('no entities');
  });

  it('reports CDATA as text and skips comments and processing instructions', () => {
    expect(eventsOf('<!-- c --><a><![CDATA[<b>&amp;]]><!-- inner --><?pi x?>z</a>')).toEqual([
      '<a>',
      '"<b>&amp;"',
      '"z"',
      '</a>',
    ]);
  });

  it('accepts a byte-order mark and whitespace outside the root', () => {
    expect(eventsOf('\uFEFF<a/>\n')).toEqual(['<a/>', '</a>']);
  });
});

describe('scanXml refuses malformed XML', () => {
  it.each([
    ['a mismatched end tag', '<a><b></a></b>'],
    ['an unclosed element', '<a><b></b>'],
    ['two root elements', '<a/><b/>'],
    ['text outside the root', 'x<a/>'],
    ['no root at all', '<?xml version="1.0"?>'],
    ['a < inside a tag', '<a <b/>'],
    ['an unterminated tag', '<a x="1"'],
    ['an unterminated comment', '<a><!-- never closed </a>'],
    ['CDATA outside the root', '<![CDATA[x]]><a/>'],
    ['an entity that is not predefined', '<a>&custom;</a>'],
    ['a character reference to a surrogate', '<a>&#xD800;</a>'],
    ['a malformed attribute', '<a x=1/>'],
    ['an unknown <! construct', '<a><!x></a>'],
  ])('%s', (_what, xml) => {
    expect(problemOf(xml)).toBe('malformed');
  });
});

describe('scanXml refuses DTDs where they start', () => {
  it('refuses a DOCTYPE with an internal subset (billion laughs) before any entity is defined', () => {
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>' +
      '<lolz>&lol2;</lolz>';
    expect(problemOf(laughs)).toBe('dtd');
  });

  it.each([
    ['<!DOCTYPE worksheet><worksheet/>'],
    ['<worksheet><!ENTITY x SYSTEM "file:///etc/passwd"></worksheet>'],
    ['<a><!ELEMENT a ANY></a>'],
    ['<a><!ATTLIST a b CDATA #IMPLIED></a>'],
    ['<a><!NOTATION n SYSTEM "x"></a>'],
    ['<!doctype a><a/>'],
  ])('refuses %s', (xml) => {
    expect(problemOf(xml)).toBe('dtd');
  });
});

describe('scanXml bounds nesting', () => {
  const nested = (depth: number): string => '<n>'.repeat(depth) + '</n>'.repeat(depth);

  it(`accepts ${MAX_XML_DEPTH} levels and refuses one more`, () => {
    expect(eventsOf(nested(MAX_XML_DEPTH))).toHaveLength(2 * MAX_XML_DEPTH);
    expect(problemOf(nested(MAX_XML_DEPTH + 1))).toBe('tooDeep');
    // A self-closing element is a level too.
    expect(problemOf('<n>'.repeat(MAX_XML_DEPTH) + '<n/>' + '</n>'.repeat(MAX_XML_DEPTH))).toBe(
      'tooDeep',
    );
  });

  it('takes a tighter limit from its options', () => {
    expect(eventsOf(nested(3), { maxDepth: 3 })).toHaveLength(6);
    expect(problemOf(nested(4), { maxDepth: 3 })).toBe('tooDeep');
  });

  it('stops 100,000 levels at the limit, having examined only what comes before it', () => {
    const meter = createWorkMeter();
    expect(problemOf(nested(100_000), { meter })).toBe('tooDeep');
    // 128 opened tags of 3 characters, each examined twice (tag end and name), plus the
    // "<" of the refused one: nothing after it.
    expect(meter.scannedChars).toBeLessThanOrEqual(3 * 2 * (MAX_XML_DEPTH + 1));
  });
});

describe('scanXml works in linear time, counted by its work meter', () => {
  it('counts exactly what it examines in a small document', () => {
    const meter = createWorkMeter();
    scanXml('<a x="1">t</a>', {}, { meter });
    // Tag <a x="1">: 8 characters to its end, then its body a x="1" (7) for the attributes;
    // the search for the next "<" passes 1 character, the text "t" is decoded (1); the end
    // tag's search for ">" examines "a>" (2). 8 + 7 + 1 + 1 + 2 = 19.
    expect(meter.xmlChars).toBe(14);
    expect(meter.scannedChars).toBe(19);
  });

  it('refuses a flood of 100,000 "<!" constructs at the first one, without scanning ahead', () => {
    for (const unit of ['<!x>', '<!', '<![', '<!-x']) {
      const meter = createWorkMeter();
      const xml = `<a>${unit.repeat(100_000)}</a>`;
      expect(problemOf(xml, { meter })).toBe('malformed');
      expect(meter.scannedChars).toBeLessThan(16);
    }
  });

  it('reads a flood of 100,000 comments and CDATA sections once through', () => {
    const meter = createWorkMeter();
    const xml = `<a>${'<!---->'.repeat(50_000)}${'<![CDATA[x]]>'.repeat(50_000)}</a>`;
    expect(eventsOf(xml, { meter })).toHaveLength(50_000 + 2);
    expect(meter.scannedChars).toBeLessThanOrEqual(2 * meter.xmlChars);
  });

  it('examines a realistic sheet at most four times over', () => {
    const rows = Array.from(
      { length: 500 },
      (_, r) =>
        `<row r="${r + 1}"><c r="A${r + 1}" t="s"><v>${r}</v></c><c r="B${r + 1}"><v>2008</v></c></row>`,
    ).join('');
    const meter = createWorkMeter();
    scanXml(`<worksheet><sheetData>${rows}</sheetData></worksheet>`, {}, { meter });
    expect(meter.scannedChars).toBeLessThanOrEqual(4 * meter.xmlChars);
  });
});
