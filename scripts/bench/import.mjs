// import_vs_floor, import_vs_pouchdb and peak_memory_ratio: one page run (renderer/bench/
// importBench.ts, ?bench=import) imports every score bundle of the round (1,000 bases,
// 100 panels, 7,000 sheets, 140,000 scores; --quick: 200 bases) three ways per iteration,
// in rotated order: the app's pipeline (prepareBatch + commitBatch, as the screen, into a
// real Dexie database holding the round's roster), the floor of the same bytes (unzip,
// inflate, SHA-256, JSON.parse, one bulkPut, no checks) and PouchDB's bulkDocs on
// IndexedDB. The three measurements share that run.
import { MEMORY_ARGS, runPageBench } from './browser.mjs';
import { ensureSet } from './data.mjs';
import { benchPlan } from './plan.mjs';
import { formatMb, formatRuns, measuredRuns, median, ratioOfMedians } from './stats.mjs';

const reports = new Map();

function importReport(quick) {
  if (!reports.has(quick)) {
    const plan = benchPlan(quick);
    ensureSet(plan.set, plan.panels);
    const params = {
      bench: 'import',
      set: plan.set,
      runs: String(plan.runs),
      warmup: String(plan.warmup),
      warmupPanels: String(plan.warmupPanels),
    };
    reports.set(
      quick,
      runPageBench(params, { args: MEMORY_ARGS, timeoutMs: 3_600_000 }).then((report) => ({
        report,
        ms: Object.fromEntries(
          ['ours', 'floor', 'pouch', 'writes'].map((mode) => [
            mode,
            measuredRuns(
              report.runs[mode].map((r) => r.ms),
              report.warmup,
              plan.runs,
            ),
          ]),
        ),
        prepare: measuredRuns(
          report.runs.ours.map((r) => r.prepareMs ?? Number.NaN),
          report.warmup,
        ),
        peaks: {
          ours: measuredRuns(
            report.runs.ours.map((r) => r.peakBytes),
            report.warmup,
          ),
          floor: measuredRuns(
            report.runs.floor.map((r) => r.peakBytes),
            report.warmup,
          ),
          retained: measuredRuns(
            report.runs.ours.map((r) => r.retainedBytes),
            report.warmup,
          ),
        },
      })),
    );
  }
  return reports.get(quick);
}

const roundText = (r) =>
  `${r.panels} score bundles (${r.sheets} sheets, ${r.scores} scores; ${formatMb(r.bundleBytes)} of bundles, ${formatMb(r.uncompressedBytes)} of JSON)`;

// Targets: issue 15 (import at the floor).
export const importFloorMeasurement = {
  id: 'import_vs_floor',
  unit: '×',
  target: 1.5,
  goal: 'atMost',
  digits: 2,
  describe: 'Import of a round’s score bundles through the app’s pipeline ÷ the raw floor',
  async run({ quick }) {
    const { report, ms, prepare } = await importReport(quick);
    const plan = benchPlan(quick);
    return {
      value: ratioOfMedians(ms.ours, ms.floor),
      detail:
        `${roundText(report)} into Dexie with the roster present. Ours (prepareBatch + commitBatch, as the import screen runs them) median ${Math.round(median(ms.ours))} ms [${formatRuns(ms.ours)}], of which preparing every file (open, check, preview) median ${Math.round(median(prepare))} ms; ` +
        `floor (unzip, inflate, SHA-256, JSON.parse, one bulkPut, no checks) median ${Math.round(median(ms.floor))} ms [${formatRuns(ms.floor)}]; ` +
        `${ms.ours.length} runs after ${report.warmup} warm-up (on ${plan.warmupPanels} panels), modes rotated`,
    };
  },
};

export const importPouchMeasurement = {
  id: 'import_vs_pouchdb',
  unit: '×',
  target: 2,
  goal: 'atLeast',
  digits: 2,
  describe: 'PouchDB bulkDocs of the same sheets ÷ the app’s import (higher is better for us)',
  async run({ quick }) {
    const { report, ms } = await importReport(quick);
    return {
      value: ratioOfMedians(ms.pouch, ms.ours),
      detail:
        `PouchDB 9 (pouchdb-browser, idb adapter) bulkDocs of the same ${report.sheets} sheets, one call per bundle, input already parsed, median ${Math.round(median(ms.pouch))} ms [${formatRuns(ms.pouch)}] ` +
        `vs ours median ${Math.round(median(ms.ours))} ms (from the bytes, every check, strict durability); ` +
        `our writes alone (per bundle the sheets and the import's one audit record, in commitBatch's groups of one transaction each, input parsed) median ${Math.round(median(ms.writes))} ms [${formatRuns(ms.writes)}], ${(median(ms.pouch) / median(ms.writes)).toFixed(2)}× faster than PouchDB`,
    };
  },
};

export const peakMemoryMeasurement = {
  id: 'peak_memory_ratio',
  unit: '×',
  target: 3,
  /** A smaller round's payload is smaller next to the heap's fixed part: 4× there. */
  quickTarget: 4,
  goal: 'atMost',
  digits: 2,
  describe: 'Peak JS heap during the import ÷ uncompressed size of the imported bundles',
  async run({ quick }) {
    const { report, peaks } = await importReport(quick);
    if (report.memorySource === 'unavailable') throw new Error('performance.memory unavailable');
    const peak = median(peaks.ours);
    return {
      value: peak / report.uncompressedBytes,
      detail:
        `performance.memory.usedJSHeapSize (Chromium --enable-precise-memory-info), sampled every 20 ms and after every prepare and commit, minus the heap after a forced gc() just before the import: ` +
        `median peak ${formatMb(peak)} [${peaks.ours.map(formatMb).join(', ')}] over ${formatMb(report.uncompressedBytes)} of payload JSON; the floor's peak ${formatMb(median(peaks.floor))}; after our import and a forced gc() the heap is ${formatMb(median(peaks.retained))} above the baseline`,
    };
  },
};
