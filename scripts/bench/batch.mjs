// secretariat_batch_import_ms: the secretariat imports many panels' score bundles at once
// (50 of the 1,000-base round; --quick: the 20 of the 200-base round) into a database that
// holds the whole round's roster (renderer/bench/importBench.ts, ?bench=batch). The page
// says whether it ran the batch importer (runBatchImport) or the per-file loop.
import { MEMORY_ARGS, runPageBench } from './browser.mjs';
import { ensureSet } from './data.mjs';
import { benchPlan } from './plan.mjs';
import { formatRuns, measuredRuns, median } from './stats.mjs';

export const batchMeasurement = {
  id: 'secretariat_batch_import_ms',
  unit: 'ms',
  target: 15_000,
  goal: 'atMost',
  digits: 0,
  describe: 'Secretariat batch import (runBatchImport) of 50 score bundles of the round',
  async run({ quick }) {
    const plan = benchPlan(quick);
    ensureSet(plan.set, plan.panels);
    const report = await runPageBench(
      {
        bench: 'batch',
        set: plan.set,
        count: String(plan.batch),
        runs: String(plan.runs),
        warmup: String(plan.warmup),
      },
      { args: MEMORY_ARGS, timeoutMs: 1_800_000 },
    );
    const ms = measuredRuns(report.ms, report.warmup, plan.runs);
    return {
      value: median(ms),
      detail: `${report.label}: ${report.count} score bundles (${report.sheets} sheets) of a ${plan.panels * 10}-base round, roster present; median of [${formatRuns(ms)}] ms after ${report.warmup} warm-up; ${(median(ms) / report.count).toFixed(0)} ms per bundle`,
    };
  },
};
