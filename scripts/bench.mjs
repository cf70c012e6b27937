// `npm run bench [-- --quick] [-- --only <id>[,<id>…]] [-- --no-build]`: builds the app, the
// bench page, the CLI and the round generator into .bench/ (never dist/: see
// scripts/bench/build.mjs), runs every measurement of scripts/bench/index.mjs, prints a
// table and the detail of each, and writes bench/results.json as
// [{ id, value, unit, target, goal, met, detail }] (git-ignored: figures belong to the
// machine that measured them). Exits 1 if a measurement fails or misses its target.
// --quick measures the same things on a smaller round (scripts/bench/plan.mjs).
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { BENCH_DIR, buildAll } from './bench/build.mjs';
import { MEASUREMENTS } from './bench/index.mjs';
import { GOAL_SYMBOLS, meetsTarget } from './bench/stats.mjs';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const build = !args.includes('--no-build');
const onlyIndex = args.indexOf('--only');
const only = onlyIndex >= 0 ? (args[onlyIndex + 1] ?? '').split(',') : undefined;

const selected = MEASUREMENTS.filter((m) => only === undefined || only.includes(m.id));
if (selected.length === 0 || (only !== undefined && selected.length !== only.length)) {
  console.error(`No measurement "${only}". Known: ${MEASUREMENTS.map((m) => m.id).join(', ')}`);
  process.exit(2);
}

const started = Date.now();
const seconds = (ms) => `${(ms / 1000).toFixed(0)} s`;
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
const loadAtStart = load();

if (build) {
  console.log('▶ building into .bench/ (app, bench page, CLI, round generator)');
  await buildAll();
  console.log(`  built in ${seconds(Date.now() - started)}`);
}

const results = [];
const durations = [];
// With PINGGU_BENCH_DIR, results.json goes beside the private builds.
const resultsDir = process.env.PINGGU_BENCH_DIR === undefined ? 'bench' : BENCH_DIR;
const resultsFile = join(resultsDir, 'results.json');
const writeResults = () => {
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
};
for (const measurement of selected) {
  console.log(`▶ ${measurement.id}: ${measurement.describe}${quick ? ' (quick)' : ''}`);
  const t0 = Date.now();
  let value = null;
  let detail;
  try {
    const outcome = await measurement.run({ quick });
    value = Number(outcome.value.toFixed(measurement.digits ?? 1));
    detail = outcome.detail ?? '';
  } catch (error) {
    detail = `failed: ${error instanceof Error ? error.message : String(error)}`;
    console.error(`  ✗ ${detail}`);
  }
  durations.push(Date.now() - t0);
  // A measurement may set another target for the smaller --quick round (quickTarget).
  const target = quick ? (measurement.quickTarget ?? measurement.target) : measurement.target;
  results.push({
    id: measurement.id,
    value,
    unit: measurement.unit,
    target,
    goal: measurement.goal,
    met: meetsTarget(measurement.goal, value, target),
    detail,
  });
  console.log(`  ${value ?? '—'} ${measurement.unit} in ${seconds(Date.now() - t0)}`);
  // Written after each measurement, so a run cut short keeps what it measured.
  writeResults();
}

const rows = results.map((r, i) => ({
  id: r.id,
  value: r.value === null ? '—' : `${r.value} ${r.unit}`,
  target: `${GOAL_SYMBOLS[r.goal]} ${r.target} ${r.unit}`,
  met: r.met ? 'yes' : 'NO',
  time: seconds(durations[i] ?? 0),
}));
const columns = ['id', 'value', 'target', 'met', 'time'];
const widths = columns.map((c) => Math.max(c.length, ...rows.map((row) => String(row[c]).length)));
const line = (cells) => cells.map((cell, i) => String(cell).padEnd(widths[i] ?? 0)).join('  ');
console.log(`\n${line(columns)}\n${line(widths.map((w) => '-'.repeat(w)))}`);
for (const row of rows) console.log(line(columns.map((c) => row[c])));
console.log('');
for (const r of results) console.log(`${r.id}: ${r.detail}`);
console.log(
  `\n${quick ? 'quick' : 'full'} run: ${seconds(Date.now() - started)} in all; load average ${loadAtStart} at the start, ${load()} at the end`,
);

writeResults();
console.log(`wrote ${resultsFile}`);
process.exit(results.every((r) => r.met) ? 0 : 1);
