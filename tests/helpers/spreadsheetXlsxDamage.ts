// Damaged workbooks for the spreadsheet fuzz corpus (spreadsheetFuzz.ts): bytes, wrong
// CRCs, edited zip headers, DOCTYPE/ENTITY/DTD declarations, floods of "<!" constructs (and
// of harmless comments, CDATA and processing instructions), deep nesting, huge shared
// strings (over the budget, honest or lying about their size, and large within it), XML
// text edits and hostile cell references, entries dropped or renamed. Pure: no vitest.
import { strToU8, zipSync } from 'fflate';
import { MAX_XML_DEPTH } from '../../shared/xlsx/xml';
import { ANY, logCount, mutateBytes, pick, refused, SAME } from './spreadsheetDamage';
import type { FuzzExpectation, Made, Rng } from './spreadsheetDamage';
import type { XlsxOriginal } from './spreadsheetOriginals';
import { centralEntries, CENTRAL_FIELD, put16, put32, withCentral } from './zipSurgery';

/** The workbook with some parts' XML replaced (and others dropped), zipped again. */
function rezip(original: XlsxOriginal, edits: Record<string, string | null>, level: 0 | 1 = 1) {
  const files: Record<string, Uint8Array> = {};
  for (const [name, xml] of Object.entries(original.parts)) {
    const edited = name in edits ? edits[name] : xml;
    if (edited !== null && edited !== undefined) files[name] = strToU8(edited);
  }
  for (const [name, xml] of Object.entries(edits)) {
    if (!(name in original.parts) && xml !== null) files[name] = strToU8(xml);
  }
  return zipSync(files, { level });
}

/** Inserts `insert` before a tag start inside the root of a read part. */
function insertInRoot(rng: Rng, original: XlsxOriginal, insert: (depth: number) => string) {
  const part = pick(rng, original.readParts);
  const xml = original.parts[part] ?? '';
  const site = pick(rng, original.sites[part] ?? []);
  const text = insert(site.depth);
  return { part, depth: site.depth, xml: xml.slice(0, site.at) + text + xml.slice(site.at) };
}

const HEADER_FIELDS = ['flags', 'method', 'crc', 'compressedSize', 'size', 'localOffset'] as const;

const DTDS = [
  '<!DOCTYPE worksheet>',
  '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>',
  '<!ENTITY xxe SYSTEM "file:///etc/passwd">',
  '<!ELEMENT row ANY>',
  '<!ATTLIST c r CDATA #IMPLIED>',
  '<!NOTATION n SYSTEM "x">',
];

/** Flood units and what a flood of each inside the root must give. */
const FLOODS: readonly [string, FuzzExpectation][] = [
  ['<!---->', SAME],
  ['<![CDATA[]]>', SAME],
  ['<?pi x?>', SAME],
  ['<!x>', refused('notXlsx')],
  ['<!', refused('notXlsx')],
  ['<![', refused('notXlsx')],
  ['<!-', refused('notXlsx')],
  ['<!--', refused('notXlsx')],
  ['<![CDATA[', refused('notXlsx')],
  ['<!DOCTYPE', refused('dtd')],
  ['<!ENTITY', refused('dtd')],
];

const SNIPPETS = [
  '<',
  '>',
  '&',
  '&amp;',
  '&#0;',
  '&#x110000;',
  '&nbsp;',
  '"',
  "'",
  '</c>',
  '<row>',
  '<row r="0">',
  '<row r="100001"/>',
  '<c r="ZZZZ1"><v>1</v></c>',
  '<c r="XFD1"><v>1</v></c>',
  '<c t="s"><v>99999999</v></c>',
  '<c t="s"><v>-1</v></c>',
  '<c s="99999"><v>1</v></c>',
  '<sheet name="x" r:id="rId99"/>',
  '<Relationship Id="rId1" Type="x/worksheet" Target="../../../../etc/passwd"/>',
  '<si><t>新</t></si>',
  '\u0000',
  '\uFFFF',
  '\uD800',
  '中文',
];

/** Huge shared-string tables, built once per workbook: over the budget and within it. */
type Huge = { over: Uint8Array; overLying: Uint8Array; within: Uint8Array };
const hugeCache = new Map<XlsxOriginal, Huge>();

function hugeOf(original: XlsxOriginal): Huge {
  const cached = hugeCache.get(original);
  if (cached !== undefined) return cached;
  const sst = original.parts['xl/sharedStrings.xml'] ?? '';
  const withString = (chars: number) =>
    rezip(original, {
      'xl/sharedStrings.xml': sst.replace('</sst>', `<si><t>${'长'.repeat(chars)}</t></si></sst>`),
    });
  // 9 MiB of UTF-8 (3 bytes a character) is over the 8 MiB budget; 1 MiB is well within.
  const over = withString(Math.ceil((9 * 1024 * 1024) / 3));
  const huge = {
    over,
    overLying: withCentral(over, 'xl/sharedStrings.xml', 'size', () => 4096),
    within: withString(Math.ceil((1024 * 1024) / 3)),
  };
  hugeCache.set(original, huge);
  return huge;
}

export function xlsxCase(rng: Rng, original: XlsxOriginal): Made {
  const roll = rng.next();
  if (roll < 0.3)
    return { kind: 'xlsx-bytes', bytes: mutateBytes(rng, original.bytes), expect: ANY };
  if (roll < 0.38) {
    const entry = pick(rng, centralEntries(original.bytes));
    const isRead = original.readParts.includes(entry.name);
    const bytes = withCentral(
      original.bytes,
      entry.name,
      'crc',
      (crc) => crc ^ (1 + rng.int(0xffff)),
    );
    return { kind: 'xlsx-crc', bytes, expect: isRead ? refused('corrupt') : SAME };
  }
  if (roll < 0.45) {
    const entry = pick(rng, centralEntries(original.bytes));
    const copy = original.bytes.slice();
    const field = pick(rng, HEADER_FIELDS);
    const at = entry.central + CENTRAL_FIELD[field];
    if (field === 'flags' && rng.next() < 0.5 && original.readParts.includes(entry.name)) {
      put16(copy, at, 1);
      return { kind: 'xlsx-encrypted', bytes: copy, expect: refused('encrypted') };
    }
    if (field === 'flags' || field === 'method') put16(copy, at, rng.int(0x10000));
    else put32(copy, at, pick(rng, [0, 1, 0xffffffff, 0x7fffffff, rng.int(0x100000000)]));
    return { kind: 'xlsx-header', bytes: copy, expect: ANY };
  }
  if (roll < 0.52) {
    const part = pick(rng, original.readParts);
    const xml = original.parts[part] ?? '';
    const at = pick(rng, [0, ...(original.sites[part] ?? []).map((s) => s.at)]);
    const edited = xml.slice(0, at) + pick(rng, DTDS) + xml.slice(at);
    return { kind: 'xlsx-dtd', bytes: rezip(original, { [part]: edited }), expect: refused('dtd') };
  }
  if (roll < 0.6) {
    const [unit, expect] = pick(rng, FLOODS);
    const count = logCount(rng, 200_000);
    const { part, xml } = insertInRoot(rng, original, () => unit.repeat(count));
    return { kind: 'xlsx-flood', bytes: rezip(original, { [part]: xml }, 0), expect };
  }
  if (roll < 0.68) {
    const deep = rng.next() < 0.5;
    const levels = deep ? MAX_XML_DEPTH + logCount(rng, 100_000) : 1 + rng.int(100);
    const { part, depth, xml } = insertInRoot(
      rng,
      original,
      () => '<n>'.repeat(levels) + '</n>'.repeat(levels),
    );
    const expect = depth + levels > MAX_XML_DEPTH ? refused('tooDeep') : SAME;
    return { kind: 'xlsx-nesting', bytes: rezip(original, { [part]: xml }, 0), expect };
  }
  if (roll < 0.69) {
    const huge = hugeOf(original);
    const which = rng.int(3);
    if (which === 2) return { kind: 'xlsx-hugeStrings', bytes: huge.within, expect: SAME };
    const bytes = which === 0 ? huge.over : huge.overLying;
    return { kind: 'xlsx-hugeStrings', bytes, expect: refused('tooLarge') };
  }
  if (roll < 0.9) {
    const part = pick(rng, Object.keys(original.parts));
    const xml = original.parts[part] ?? '';
    const at = rng.int(xml.length + 1);
    const length = rng.int(64);
    const edited =
      [
        () => xml.slice(0, at) + xml.slice(at + length),
        () => xml.slice(0, at + length) + xml.slice(at, at + length) + xml.slice(at + length),
        () => xml.slice(0, at) + pick(rng, SNIPPETS) + xml.slice(at),
        () => xml.slice(0, at) + pick(rng, SNIPPETS).repeat(logCount(rng, 10_000)) + xml.slice(at),
      ][rng.int(4)]?.() ?? xml;
    return { kind: 'xlsx-xmlText', bytes: rezip(original, { [part]: edited }), expect: ANY };
  }
  const names = Object.keys(original.parts);
  const name = pick(rng, names);
  const edits: Record<string, string | null> =
    rng.next() < 0.5
      ? { [name]: null }
      : {
          [name]: null,
          [pick(rng, [`${name}x`, name.toUpperCase(), `../${name}`])]: original.parts[name] ?? '',
        };
  return { kind: 'xlsx-entries', bytes: rezip(original, edits), expect: ANY };
}
