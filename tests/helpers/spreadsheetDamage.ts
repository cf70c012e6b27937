// The pieces of the spreadsheet fuzz corpus (spreadsheetFuzz.ts) that are not about zips:
// what a case expects, the seeded generator, byte-level damage of any file, and the damage
// done to CSV files: unclosed quotes (the row where one opens is known, as the original has
// no quotes), floods of separators, quotes, line breaks and odd characters, and more rows
// than the limit. Pure: no vitest, so the bench runs it in Node too.
import { strToU8 } from 'fflate';
import type { SpreadsheetErrorCode } from '../../shared/xlsx';
import type { CsvOriginal } from './spreadsheetOriginals';

export type FuzzExpectation =
  | { type: 'any' }
  | { type: 'same' }
  | { type: 'refused'; codes: readonly SpreadsheetErrorCode[]; row?: number };

/** One damaged file: the kind of damage, the bytes, and what the reader must answer. */
export type Made = { kind: string; bytes: Uint8Array; expect: FuzzExpectation };

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

export const pick = <T>(rng: Rng, items: readonly T[]): T => {
  const item = items[rng.int(items.length)];
  if (item === undefined) throw new Error('pick from nothing');
  return item;
};

/** A count between 1 and max, spread evenly over orders of magnitude. */
export const logCount = (rng: Rng, max: number): number =>
  Math.max(1, Math.floor(Math.exp(rng.next() * Math.log(max))));

export const ANY: FuzzExpectation = { type: 'any' };
export const SAME: FuzzExpectation = { type: 'same' };
export const refused = (...codes: SpreadsheetErrorCode[]): FuzzExpectation => ({
  type: 'refused',
  codes,
});

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

export function csvCase(rng: Rng, original: CsvOriginal): Made {
  const roll = rng.next();
  if (roll < 0.4)
    return { kind: 'csv-bytes', bytes: mutateBytes(rng, original.bytes), expect: ANY };
  const text = new TextDecoder().decode(original.bytes);
  if (roll < 0.41) {
    const bytes = strToU8('a\n'.repeat(100_001 + rng.int(1000)));
    return { kind: 'csv-rows', bytes, expect: refused('tooLarge') };
  }
  if (roll < 0.7 && original.quoteFree) {
    const start = pick(rng, fieldStarts(text));
    const bytes = strToU8(text.slice(0, start.at) + '"' + text.slice(start.at));
    return {
      kind: 'csv-unclosedQuote',
      bytes,
      expect: { type: 'refused', codes: ['unclosedQuote'], row: start.row },
    };
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
  const bytes = strToU8(text.slice(0, at) + unit.repeat(logCount(rng, 20_000)) + text.slice(at));
  return { kind: 'csv-text', bytes, expect: ANY };
}
