// spreadsheet_fuzz_p99_ms: the slowest 1% of fuzzed spreadsheets. The spreadsheet fuzz
// drill's corpus (10,000 damaged .xlsx and CSV files; --quick: 2,000) is read with
// readTableFile, the reader the app's spreadsheet worker runs, in a fresh `node` process
// (.bench/fuzz/fuzzTimes.mjs, built from scripts/bench/spreadsheet/fuzzTimes.ts); each run
// times every file and takes the 99th percentile. The value is the median of those over
// the measured runs after a warm-up run, which also checks every answer against the
// drill's expectations (a wrong answer fails the measurement). Target: at most 200 ms: the
// worker's own time budget (20 s) is for huge honest files, not for damaged ones.
import { spawnSync } from 'node:child_process';
import { FUZZ_TIMES_FILE } from './build.mjs';
import { benchPlan } from './plan.mjs';
import { formatRuns, median } from './stats.mjs';

const SEED = 1305;

export const spreadsheetFuzzMeasurement = {
  id: 'spreadsheet_fuzz_p99_ms',
  unit: 'ms',
  target: 200,
  goal: 'atMost',
  digits: 1,
  describe: 'Read fuzzed .xlsx and CSV files: the slowest 1% (p99 per file)',
  async run({ quick }) {
    const plan = benchPlan(quick);
    const result = spawnSync(
      process.execPath,
      [
        FUZZ_TIMES_FILE,
        String(plan.fuzzFiles),
        String(plan.runs),
        String(plan.warmup),
        String(SEED),
      ],
      { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
    );
    if (result.status !== 0) {
      throw new Error(
        `fuzzTimes exited ${result.status}: ${result.stderr.trim().split('\n').pop()}`,
      );
    }
    const report = JSON.parse(result.stdout);
    if (report.violations.length > 0) {
      throw new Error(`answers against expectations: ${report.violations.join('; ')}`);
    }
    const p99s = report.runs.map((r) => r.p99);
    const slowest = report.runs.reduce((a, b) => (b.slowest.ms > a.slowest.ms ? b : a)).slowest;
    const outcomes = Object.entries(report.outcomes)
      .sort(([, a], [, b]) => b - a)
      .map(([outcome, n]) => `${outcome} ${n}`)
      .join(', ');
    return {
      value: median(p99s),
      detail:
        `${report.files} files (seed ${report.seed}): p99 per run [${p99s.map((ms) => ms.toFixed(1)).join(', ')}] ms, ` +
        `median file ${median(report.runs.map((r) => r.median)).toFixed(2)} ms, slowest ${slowest.ms.toFixed(0)} ms ` +
        `(case ${slowest.index}, ${slowest.kind}); outcomes: ${outcomes}; ` +
        `${plan.runs} runs after ${plan.warmup} warm-up, runs ${formatRuns(p99s)}`,
    };
  },
};
