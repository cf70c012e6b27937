// scaling_16x: the app's import of a round made of the first k panels' bundles (10 bases,
// 70 sheets each), for k = 1×, 4× and 16× a base size, each from a fresh database holding
// that round's roster (renderer/bench/importBench.ts, ?bench=scaling). Linear work gives
// 16; the target allows a little more.
import { MEMORY_ARGS, runPageBench } from './browser.mjs';
import { ensureSet } from './data.mjs';
import { benchPlan } from './plan.mjs';
import { formatRuns, measuredRuns, median } from './stats.mjs';

export const scalingMeasurement = {
  id: 'scaling_16x',
  unit: '×',
  target: 17,
  goal: 'atMost',
  digits: 2,
  describe: 'Import time for 16× the data ÷ for 1× (our pipeline, rounds of k panels)',
  async run({ quick }) {
    const plan = benchPlan(quick);
    ensureSet(plan.set, plan.panels);
    const report = await runPageBench(
      {
        bench: 'scaling',
        set: plan.set,
        sizes: plan.scaling.join(','),
        runs: String(plan.runs),
        warmup: String(plan.warmup),
      },
      { args: MEMORY_ARGS, timeoutMs: 3_600_000 },
    );
    const sizes = report.sizes.map((s) => ({
      ...s,
      // The page reports measured runs only (its warm-ups import the smallest round).
      measured: measuredRuns(s.ms, 0, plan.runs),
    }));
    const [one, four, sixteen] = sizes.map((s) => median(s.measured));
    return {
      value: sixteen / one,
      detail:
        sizes
          .map(
            (s) =>
              `${s.panels} panels (${s.sheets} sheets): median ${Math.round(median(s.measured))} ms [${formatRuns(s.measured)}], ${(median(s.measured) / s.sheets).toFixed(2)} ms/sheet`,
          )
          .join('; ') +
        `; 4×/1× = ${(four / one).toFixed(2)}, 16×/1× = ${(sixteen / one).toFixed(2)}; sizes rotated per iteration, ${plan.runs} runs after ${report.warmup} warm-up`,
    };
  },
};
