// `npm run bench [-- --quick] [-- --only <id>] [-- --no-build]`: builds the renderer, runs
// every measurement of scripts/bench/index.mjs, prints a table and writes
// bench/results.json as [{ id, value, unit, target, met }] (git-ignored: figures belong to
// the machine that measured them). Exits 1 if a measurement fails or misses its target.
// --quick takes fewer runs (for CI and pre-commit checks); the full run takes more.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { MEASUREMENTS } from './bench/index.mjs';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const build = !args.includes('--no-build');
const onlyIndex = args.indexOf('--only');
const only = onlyIndex >= 0 ? args[onlyIndex + 1] : undefined;

const selected = MEASUREMENTS.filter((m) => only === undefined || m.id === only);
if (selected.length === 0) {
  console.error(`No measurement "${only}". Known: ${MEASUREMENTS.map((m) => m.id).join(', ')}`);
  process.exit(2);
}

if (build) {
  console.log('▶ building the renderer (vite build)');
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const results = [];
const details = [];
for (const measurement of selected) {
  console.log(`▶ ${measurement.id}: ${measurement.describe}${quick ? ' (quick)' : ''}`);
  try {
    const { value, detail } = await measurement.run({ quick });
    const met =
      measurement.goal === 'above' ? value > measurement.target : value < measurement.target;
    results.push({
      id: measurement.id,
      value: Number(value.toFixed(1)),
      unit: measurement.unit,
      target: measurement.target,
      met,
    });
    details.push(detail ?? '');
  } catch (error) {
    console.error(`  ✗ ${error instanceof Error ? error.message : String(error)}`);
    results.push({
      id: measurement.id,
      value: null,
      unit: measurement.unit,
      target: measurement.target,
      met: false,
    });
    details.push('failed');
  }
}

const rows = results.map((r, i) => ({
  id: r.id,
  value: r.value === null ? '—' : `${r.value} ${r.unit}`,
  target: `${MEASUREMENTS.find((m) => m.id === r.id)?.goal === 'above' ? '>' : '<'} ${r.target} ${r.unit}`,
  met: r.met ? 'yes' : 'NO',
  detail: details[i],
}));
const columns = ['id', 'value', 'target', 'met', 'detail'];
const widths = columns.map((c) => Math.max(c.length, ...rows.map((row) => String(row[c]).length)));
const line = (cells) => cells.map((cell, i) => String(cell).padEnd(widths[i] ?? 0)).join('  ');
console.log(`\n${line(columns)}\n${line(widths.map((w) => '-'.repeat(w)))}`);
for (const row of rows) console.log(line(columns.map((c) => row[c])));

mkdirSync('bench', { recursive: true });
writeFileSync('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);
console.log('\nwrote bench/results.json');
process.exit(results.every((r) => r.met) ? 0 : 1);
