// Damaged spreadsheets for the fuzz drill (tests/shared/roster/tableFileFuzz.test.ts) and
// the spreadsheet_fuzz_p99_ms bench: case i of seed s is always the same file (its own
// generator, seeded from s and i), so a failure names a case that can be made again alone.
// Seven cases in ten damage a workbook (spreadsheetXlsxDamage.ts), three a CSV
// (spreadsheetDamage.ts); each says what the reader must answer: anything typed, the
// original's reading, or a refusal with given codes (and row). Pure: no vitest.
import { csvCase, rngOf, pick } from './spreadsheetDamage';
import type { FuzzExpectation } from './spreadsheetDamage';
import { spreadsheetOriginals } from './spreadsheetOriginals';
import type { CsvOriginal, SpreadsheetOriginal, XlsxOriginal } from './spreadsheetOriginals';
import { xlsxCase } from './spreadsheetXlsxDamage';

export type { FuzzExpectation } from './spreadsheetDamage';

export type FuzzCase = {
  index: number;
  kind: string;
  fileName: string;
  bytes: Uint8Array;
  expect: FuzzExpectation;
  original: SpreadsheetOriginal;
};

export type SpreadsheetCorpus = {
  originals: readonly SpreadsheetOriginal[];
  /** Case `index` of this corpus's seed; the same file every time. */
  caseAt: (index: number) => FuzzCase;
};

/** The corpus of one seed. */
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
