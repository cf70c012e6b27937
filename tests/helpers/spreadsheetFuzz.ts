// Damaged spreadsheets for the fuzz drill and the spreadsheet_fuzz_p99_ms bench: case i of
// seed s is always the same file (its own generator, seeded from s and i), so a failure
// names a case that can be made again alone. Kinds of damage: bytes (bit flips, cuts,
// insertions, overwrites, repeats), wrong CRCs, zip headers edited, DOCTYPE/ENTITY/DTD
// declarations, floods of "<!" constructs (and of harmless comments, CDATA and processing
// instructions), deep nesting, huge shared strings (over the budget, honest or lying about
// their size, and large within it), XML text edits, hostile cell references, entries
// dropped or renamed, unclosed CSV quotes, CSV text edits and rows past the limit. Each case
// says what the reader must answer: anything typed, the original's reading, or a refusal
// with given codes (and row). Pure: no vitest, so the bench runs it in Node too.
import { strToU8, zipSync } from 'fflate';
import type { SpreadsheetErrorCode } from '../../shared/xlsx';
import { MAX_XML_DEPTH } from '../../shared/xlsx/xml';
import { spreadsheetOriginals } from './spreadsheetOriginals';
import type { CsvOriginal, SpreadsheetOriginal, XlsxOriginal } from './spreadsheetOriginals';
import { centralEntries, CENTRAL_FIELD, put16, put32, withCentral } from './zipSurgery';

export type FuzzExpectation =
  | { type: 'any' }
  | { type: 'same' }
  | { type: 'refused'; codes: readonly SpreadsheetErrorCode[]; row?: number };

export type FuzzCase = {
  index: number;
  kind: string;
  fileName: string;
  bytes: Uint8Array;
  expect: FuzzExpectation;
  original: SpreadsheetOriginal;
};

/** A small seeded generator (mulberry32). */
export type Rng = { next: () => number; int: (n: number) => number };

export function rngOf(seed: number, index: number): Rng {
  let state = (Math.imul(seed | 0, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n) => Math.floor(next() * n) };
}

const pick = <T>(rng: Rng, items: readonly T[]): T => {
  const item = items[rng.int(items.length)];
  if (item === undefined) throw new Error('pick from nothing');
  return item;
};

/** A count between 1 and max, spread evenly over orders of magnitude. */
const logCount = (rng: Rng, max: number): number =>
  Math.max(1, Math.floor(Math.exp(rng.next() * Math.log(max))));

const ANY: FuzzExpectation = { type: 'any' };
const SAME: FuzzExpectation = { type: 'same' };
const refused = (...codes: SpreadsheetErrorCode[]): FuzzExpectation => ({ type: 'refused', codes });

export function mutateBytes(rng: Rng, bytes: Uint8Array): Uint8Array {
  const at = rng.int(bytes.length + 1);
  switch (rng.int(5)) {
    case 0: {
      const copy = bytes.slice();
      for (let n = 1 + rng.int(8); n > 0; n -= 1) {
        const i = rng.int(copy.length);
        copy[i] = (copy[i] ?? 0) ^ (1 << rng.int(8));
      }
      return copy;
    }
    case 1:
      return bytes.slice(0, at);
    case 2: {
      const extra = Uint8Array.from({ length: 1 + rng.int(64) }, () => rng.int(256));
      const out = new Uint8Array(bytes.length + extra.length);
      out.set(bytes.subarray(0, at));
      out.set(extra, at);
      out.set(bytes.subarray(at), at + extra.length);
      return out;
    }
    case 3: {
      const copy = bytes.slice();
      for (let i = at; i < Math.min(copy.length, at + 1 + rng.int(64)); i += 1)
        copy[i] = rng.int(256);
      return copy;
    }
    default: {
      const repeated = bytes.subarray(at, at + rng.int(512));
      const out = new Uint8Array(bytes.length + repeated.length);
      out.set(bytes.subarray(0, at + repeated.length));
      out.set(repeated, at + repeated.length);
      out.set(bytes.subarray(at + repeated.length), at + 2 * repeated.length);
      return out;
    }
  }
}

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
  // 17 MiB of UTF-8 (3 bytes a character) is over the 16 MiB budget; 2 MiB is well within.
  const over = withString(Math.ceil((17 * 1024 * 1024) / 3));
  const huge = {
    over,
    overLying: withCentral(over, 'xl/sharedStrings.xml', 'size', () => 4096),
    within: withString(Math.ceil((2 * 1024 * 1024) / 3)),
  };
  hugeCache.set(original, huge);
  return huge;
}

type Made = { kind: string; bytes: Uint8Array; expect: FuzzExpectation };

function xlsxCase(rng: Rng, original: XlsxOriginal): Made {
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
    const field = pick(rng, Object.keys(CENTRAL_FIELD) as (keyof typeof CENTRAL_FIELD)[]);
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
  if (roll < 0.67) {
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
  if (roll < 0.7) {
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

/** Offsets where a field starts in a quote-free CSV, with the 1-based row it is in. */
function fieldStarts(text: string): { at: number; row: number }[] {
  const starts = [{ at: 0, row: 1 }];
  let row = 1;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charAt(i);
    if (ch === '\n') row += 1;
    if ((ch === ',' || ch === '\n') && i + 1 < text.length) starts.push({ at: i + 1, row });
  }
  return starts;
}

function csvCase(rng: Rng, original: CsvOriginal): Made {
  const roll = rng.next();
  if (roll < 0.4)
    return { kind: 'csv-bytes', bytes: mutateBytes(rng, original.bytes), expect: ANY };
  const text = new TextDecoder().decode(original.bytes);
  if (roll < 0.7 && original.quoteFree) {
    const start = pick(rng, fieldStarts(text));
    const bytes = strToU8(text.slice(0, start.at) + '"' + text.slice(start.at));
    return {
      kind: 'csv-unclosedQuote',
      bytes,
      expect: { type: 'refused', codes: ['unclosedQuote'], row: start.row },
    };
  }
  if (roll < 0.72) {
    const bytes = strToU8('a\n'.repeat(100_001 + rng.int(1000)));
    return { kind: 'csv-rows', bytes, expect: refused('tooLarge') };
  }
  const at = rng.int(text.length + 1);
  const unit = pick(rng, [
    ',',
    '"',
    '""',
    '\r',
    '\n',
    '\r\n',
    '\u0000',
    '\uFEFF',
    '"""',
    '中',
    ',"',
  ]);
  const bytes = strToU8(text.slice(0, at) + unit.repeat(logCount(rng, 100_000)) + text.slice(at));
  return { kind: 'csv-text', bytes, expect: ANY };
}

export type SpreadsheetCorpus = {
  originals: readonly SpreadsheetOriginal[];
  /** Case `index` of this corpus's seed; the same file every time. */
  caseAt: (index: number) => FuzzCase;
};

/** Seven in ten cases damage a workbook, three a CSV. */
export function spreadsheetCorpus(seed: number): SpreadsheetCorpus {
  const originals = spreadsheetOriginals();
  const workbooks = originals.filter((o): o is XlsxOriginal => o.kind === 'xlsx');
  const csvs = originals.filter((o): o is CsvOriginal => o.kind === 'csv');
  return {
    originals,
    caseAt(index) {
      const rng = rngOf(seed, index);
      if (rng.next() < 0.7) {
        const original = pick(rng, workbooks);
        return { index, fileName: '名单.xlsx', original, ...xlsxCase(rng, original) };
      }
      const original = pick(rng, csvs);
      return { index, fileName: '名单.csv', original, ...csvCase(rng, original) };
    },
  };
}
