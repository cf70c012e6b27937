// Drill: at least 10,000 damaged spreadsheets through readTableFile, the reader of every
// roster and expert list (and the .xlsx reader under the scoresheet workbooks): workbooks
// and CSV files with bit flips, cuts, insertions, wrong CRCs, edited zip headers, DOCTYPE
// and ENTITY declarations, floods of "<!" constructs, deep nesting, huge shared strings,
// XML edits, hostile cell references, dropped and renamed parts, unclosed quotes, CSV edits
// and too many rows (tests/helpers/spreadsheetFuzz.ts). Each file is read, or refused with
// a typed code (never 'internal') and one Chinese sentence; a case that must read as its
// original or be refused with a given code (and row) is held to it; and the work each read
// does is counted, not timed: bounded by what the file inflated to and linear in it, so no
// file can hang the reader. Counts: PINGGU_FUZZ_RUNS (default 10,000; `npm run fuzz --
// --spreadsheets --runs N`), PINGGU_DRILL_SEED to repeat a run.
import { describe, expect, it } from 'vitest';
import { readTableFile } from '../../../shared/roster/tableFile';
import type { TableFileResult } from '../../../shared/roster/tableFile';
import { createWorkMeter } from '../../../shared/xlsx';
import { spreadsheetCorpus } from '../../helpers/spreadsheetFuzz';
import type { FuzzCase } from '../../helpers/spreadsheetFuzz';
import { judgeFuzzCase } from '../../helpers/spreadsheetFuzzCheck';
import type { SpreadsheetOriginal } from '../../helpers/spreadsheetOriginals';

const TOTAL = Math.max(1, Number(process.env.PINGGU_FUZZ_RUNS ?? 10_000) || 10_000);
const SEED = seedFromEnvironment(13_05);
/** Generous, for a loaded machine and long runs: the drill states counts, not times. */
const TIMEOUT = Math.max(300_000, TOTAL * 60);
const MAX_REPORTED = 10;

function seedFromEnvironment(fallback: number): number {
  const fromEnv = process.env.PINGGU_DRILL_SEED;
  const seed = fromEnv === undefined || fromEnv.trim() === '' ? fallback : Number(fromEnv);
  if (!Number.isSafeInteger(seed))
    throw new Error(`PINGGU_DRILL_SEED is not an integer: ${fromEnv}`);
  return seed;
}

const nameOf = (original: SpreadsheetOriginal): string =>
  original.kind === 'xlsx' ? '名单.xlsx' : '名单.csv';

describe('the spreadsheet fuzz drill', () => {
  it(
    `reads or refuses ${TOTAL} damaged spreadsheets in one typed sentence each, in bounded work`,
    () => {
      const corpus = spreadsheetCorpus(SEED);
      const readings = new Map<SpreadsheetOriginal, TableFileResult>();
      for (const original of corpus.originals) {
        const reading = readTableFile(nameOf(original), original.bytes);
        expect(reading.ok, `${original.label} reads`).toBe(true);
        readings.set(original, reading);
      }

      const outcomes = new Map<string, number>();
      const count = (key: string) => outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
      const violations: string[] = [];
      for (let index = 0; index < TOTAL && violations.length < MAX_REPORTED; index += 1) {
        const fuzzCase: FuzzCase = corpus.caseAt(index);
        const label = `case ${index} (${fuzzCase.kind} of ${fuzzCase.original.label})`;
        const meter = createWorkMeter();
        let result: TableFileResult;
        try {
          result = readTableFile(fuzzCase.fileName, fuzzCase.bytes, undefined, { meter });
        } catch (error) {
          violations.push(`${label}: threw ${String(error)}`);
          continue;
        }
        const original = readings.get(fuzzCase.original);
        if (original === undefined) throw new Error(`no reading of ${fuzzCase.original.label}`);
        const verdict = judgeFuzzCase(fuzzCase, result, meter, original);
        count(`${fuzzCase.kind} → ${verdict.outcome}`);
        count(fuzzCase.kind);
        if (verdict.violation !== undefined) violations.push(`${label}: ${verdict.violation}`);
      }
      expect(violations, `seed ${SEED}: repeat with PINGGU_DRILL_SEED=${SEED}`).toEqual([]);

      // Every kind of damage was tried, and each strict expectation was met at least once.
      const seen = (key: string) => outcomes.get(key) ?? 0;
      if (TOTAL >= 10_000) {
        for (const [key, atLeast] of [
          ['xlsx-bytes', 1000],
          ['xlsx-crc → corrupt', 50],
          ['xlsx-crc → read', 10],
          ['xlsx-encrypted → encrypted', 10],
          ['xlsx-dtd → dtd', 200],
          ['xlsx-flood → read', 100],
          ['xlsx-flood → notXlsx', 100],
          ['xlsx-flood → dtd', 10],
          ['xlsx-nesting → tooDeep', 100],
          ['xlsx-nesting → read', 100],
          ['xlsx-hugeStrings → tooLarge', 20],
          ['xlsx-hugeStrings → read', 10],
          ['xlsx-xmlText', 500],
          ['xlsx-entries', 100],
          ['csv-bytes', 500],
          ['csv-unclosedQuote → unclosedQuote', 100],
          ['csv-rows → tooLarge', 10],
          ['csv-text', 300],
        ] as const) {
          expect(seen(key), key).toBeGreaterThanOrEqual(atLeast);
        }
      }
    },
    TIMEOUT,
  );
});
