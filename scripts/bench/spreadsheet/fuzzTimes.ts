// `node .bench/fuzz/fuzzTimes.mjs FILES RUNS WARMUP SEED`: times readTableFile (the reader
// the spreadsheet worker runs) on FILES damaged spreadsheets of the fuzz drill's corpus
// (tests/helpers/spreadsheetFuzz.ts, seed SEED), WARMUP + RUNS times over, and prints one
// JSON line: per measured run the 99th percentile, the median and the slowest file (its
// damage and time), the count of each outcome, and any case answered against its
// expectation (which fails the measurement). Only the read is timed, not making the file.
// Built by scripts/bench/build.mjs; measured by scripts/bench/spreadsheetFuzz.mjs.
import { readTableFile } from '../../../shared/roster/tableFile';
import type { TableFileResult } from '../../../shared/roster/tableFile';
import { createWorkMeter } from '../../../shared/xlsx/workMeter';
import { spreadsheetCorpus } from '../../../tests/helpers/spreadsheetFuzz';
import { judgeFuzzCase } from '../../../tests/helpers/spreadsheetFuzzCheck';
import type { SpreadsheetOriginal } from '../../../tests/helpers/spreadsheetOriginals';

type RunFigures = {
  p99: number;
  median: number;
  slowest: { kind: string; index: number; ms: number };
};

/** The value at quantile p of the sorted values, nearest rank (as scripts/bench/stats.mjs). */
const quantile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? NaN;

function main(): void {
  const [files, runs, warmup, seed] = process.argv.slice(2).map(Number);
  if (![files, runs, warmup, seed].every((n) => Number.isSafeInteger(n))) {
    throw new Error('usage: fuzzTimes.mjs FILES RUNS WARMUP SEED');
  }
  const corpus = spreadsheetCorpus(seed ?? 0);
  const readings = new Map<SpreadsheetOriginal, TableFileResult>(
    corpus.originals.map((o) => [
      o,
      readTableFile(o.kind === 'xlsx' ? 'a.xlsx' : 'a.csv', o.bytes),
    ]),
  );
  const outcomes: Record<string, number> = {};
  const violations: string[] = [];
  const measured: RunFigures[] = [];
  for (let run = 0; run < (warmup ?? 0) + (runs ?? 0); run += 1) {
    const times: number[] = [];
    let slowest = { kind: '', index: -1, ms: -1 };
    for (let index = 0; index < (files ?? 0); index += 1) {
      const fuzzCase = corpus.caseAt(index);
      const meter = createWorkMeter();
      const start = performance.now();
      const result = readTableFile(fuzzCase.fileName, fuzzCase.bytes, undefined, { meter });
      const ms = performance.now() - start;
      times.push(ms);
      if (ms > slowest.ms) slowest = { kind: fuzzCase.kind, index, ms };
      if (run > 0) continue;
      const original = readings.get(fuzzCase.original);
      if (original === undefined) throw new Error('an original without its reading');
      const verdict = judgeFuzzCase(fuzzCase, result, meter, original);
      outcomes[verdict.outcome] = (outcomes[verdict.outcome] ?? 0) + 1;
      if (verdict.violation !== undefined && violations.length < 5) {
        violations.push(`case ${index} (${fuzzCase.kind}): ${verdict.violation}`);
      }
    }
    if (run < (warmup ?? 0)) continue;
    const sorted = [...times].sort((a, b) => a - b);
    measured.push({ p99: quantile(sorted, 0.99), median: quantile(sorted, 0.5), slowest });
  }
  process.stdout.write(
    `${JSON.stringify({ files, seed, runs: measured, outcomes, violations })}\n`,
  );
}

main();
