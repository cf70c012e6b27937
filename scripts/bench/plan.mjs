// What the suite measures on, full and --quick: the round (a data set of N panels of 10
// bases and 7 experts, scripts/bench/round/largeRound.ts), the panel counts of the scaling
// measurement, the number of score bundles of the batch import, the number of fuzzed
// spreadsheets (spreadsheet_fuzz_p99_ms), the filled workbooks of workbook_import_ms (40 of
// the 200-base round in both: the figure is defined on that round), and the runs. Every figure
// is a median of `runs` runs after `warmup` warm-up runs; the import's warm-ups use the
// first `warmupPanels` panels (they warm the code and IndexedDB, and a full-size one would
// add minutes).
export function benchPlan(quick) {
  return quick
    ? {
        set: 'p20',
        panels: 20,
        runs: 5,
        warmup: 1,
        warmupPanels: 5,
        scaling: [1, 4, 16],
        batch: 20,
        fuzzFiles: 2_000,
        workbooks: { set: 'p20', panels: 20, count: 40 },
      }
    : {
        set: 'p100',
        panels: 100,
        runs: 5,
        warmup: 1,
        warmupPanels: 10,
        scaling: [4, 16, 64],
        batch: 50,
        fuzzFiles: 10_000,
        workbooks: { set: 'p20', panels: 20, count: 40 },
      };
}
