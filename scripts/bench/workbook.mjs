// workbook_import_ms: the secretariat batch-imports 40 filled Excel scoresheet workbooks
// (renderer/bench/workbookBench.ts, ?bench=workbook) of the 200-base round (set p20, full
// and --quick alike: the figure is defined on that round) into a database that holds the
// round's roster, through the import screen's runBatchImport. The workbooks are written by
// the app's writer and filled before anything is timed.
import { MEMORY_ARGS, runPageBench } from './browser.mjs';
import { ensureSet } from './data.mjs';
import { benchPlan } from './plan.mjs';
import { formatRuns, measuredRuns, median } from './stats.mjs';

export const workbookMeasurement = {
  id: 'workbook_import_ms',
  unit: 'ms',
  target: 10_000,
  goal: 'atMost',
  digits: 0,
  describe: 'Secretariat batch import (runBatchImport) of 40 filled scoresheet workbooks',
  async run({ quick }) {
    const plan = benchPlan(quick);
    const { set, panels, count } = plan.workbooks;
    ensureSet(set, panels);
    const report = await runPageBench(
      {
        bench: 'workbook',
        set,
        count: String(count),
        runs: String(plan.runs),
        warmup: String(plan.warmup),
      },
      { args: MEMORY_ARGS, timeoutMs: 1_800_000 },
    );
    const ms = measuredRuns(report.ms, report.warmup, plan.runs);
    return {
      value: median(ms),
      detail: `${report.label}: ${report.count} workbooks (${report.sheets} sheets, ${(report.bytes / 1024).toFixed(0)} KiB) of a ${report.bases}-base round, roster present; median of [${formatRuns(ms)}] ms after ${report.warmup} warm-up; ${(median(ms) / report.count).toFixed(0)} ms per workbook`,
    };
  },
};
