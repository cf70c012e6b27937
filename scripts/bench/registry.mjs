// registry_10y_ms: a department's archive of 10 accepted rounds of 1,000 bases (generated
// deterministically on the bench page, renderer/bench/registryData.ts) in the app's database;
// the time from mounting the registry's bases table and the 有进有出 Sankey until the table's
// first page and every Sankey node are drawn (renderer/bench/registryBench.tsx): each view
// reads IndexedDB and folds the registry inside the timed span. Median of the runs after
// warm-up mounts. --quick: 10 rounds of 250 bases. Target: at most 1,000 ms.
import { runPageBench } from './browser.mjs';
import { formatRuns } from './stats.mjs';

export const registryMeasurement = {
  id: 'registry_10y_ms',
  unit: 'ms',
  target: 1000,
  goal: 'atMost',
  digits: 0,
  describe:
    '10 accepted rounds of 1,000 bases: registry read and built, its table’s first page and the Sankey drawn',
  async run({ quick }) {
    const bases = quick ? 250 : 1000;
    const runs = quick ? 5 : 9;
    const warmup = quick ? 1 : 2;
    const report = await runPageBench({
      bench: 'registry',
      rounds: '10',
      bases: String(bases),
      runs: String(runs),
      warmup: String(warmup),
    });
    return {
      value: report.median,
      detail: `${report.rounds} rounds, ${report.outcomes} base outcomes, ${report.approvals} approvals → ${report.registryBases} bases, ${report.events} events, ${report.flows} flows; ${report.rows} rows and ${report.sankeyNodes} Sankey nodes drawn; median of [${formatRuns(report.runs)}] ms after warm-up [${formatRuns(report.warmups)}] ms, each view reading and folding the registry itself; mounted alone (each on its own tab in the app): table ${report.tableOnlyMs.toFixed(0)} ms, Sankey ${report.sankeyOnlyMs.toFixed(0)} ms; untimed breakdown: IndexedDB read ${report.readMs.toFixed(0)} ms, fold ${report.foldMs.toFixed(0)} ms, flows ${report.flowsMs.toFixed(0)} ms`,
    };
  },
};
