// What the suite measures on, full and --quick: the round (a data set of N panels of 10
// bases and 7 experts, scripts/bench/round/largeRound.ts), the panel counts of the scaling
// measurement, the number of score bundles of the batch import, and the runs. Every figure
// is a median of `runs` runs after `warmup` warm-up runs.
export function benchPlan(quick) {
  return quick
    ? { set: 'p20', panels: 20, runs: 5, warmup: 1, scaling: [1, 4, 16], batch: 20 }
    : { set: 'p100', panels: 100, runs: 5, warmup: 1, scaling: [6, 24, 96], batch: 50 };
}
