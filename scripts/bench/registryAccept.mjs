// registry_accept_ms: the department accepts one closed round's result bundle of 1,000 bases
// (7,000 submitted sheets, a decision with its basis per base) into its registry, from the
// file's bytes to the committed registry, through the registry area's repository
// (prepareAcceptance + commitAcceptance) in Debian's Chromium (renderer/bench/
// registryAcceptBench.ts, ?bench=registryAccept). Each run starts from an empty registry.
// --quick uses the 200-base round.
import { runPageBench } from './browser.mjs';
import { benchPlan } from './plan.mjs';
import { formatMb, formatRuns, measuredRuns, median } from './stats.mjs';

export const registryAcceptMeasurement = {
  id: 'registry_accept_ms',
  unit: 'ms',
  target: 2_000,
  goal: 'atMost',
  digits: 0,
  describe: "Accepting one closed round's result bundle into the registry (prepare + commit)",
  async run({ quick }) {
    const plan = benchPlan(quick);
    const report = await runPageBench(
      {
        bench: 'registryAccept',
        panels: String(plan.panels),
        runs: String(plan.runs),
        warmup: String(plan.warmup),
      },
      { timeoutMs: 1_800_000 },
    );
    const ms = measuredRuns(report.ms, report.warmup, plan.runs);
    const part = (name) => Math.round(median(measuredRuns(report[name], report.warmup, plan.runs)));
    const decisions = Object.entries(report.decisions)
      .map(([code, count]) => `${code} ${count}`)
      .join(', ');
    return {
      value: median(ms),
      detail:
        `result bundle of ${report.bases} bases, ${report.sheets} sheets (${formatMb(report.bytes)} file; decisions ${decisions}) ` +
        `accepted from its bytes into an empty registry: prepareAcceptance (open + verify, SHA-256, condense, plan) + commitAcceptance (one audited transaction), ` +
        `${report.stored.changes} registry changes; median of [${formatRuns(ms)}] ms after ${report.warmup} warm-up ` +
        `(prepare median ${part('prepareMs')} ms, commit ${part('commitMs')} ms; openBundle alone, timed apart, ${part('openMs')} ms)`,
    };
  },
};
