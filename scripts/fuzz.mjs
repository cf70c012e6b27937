// `npm run fuzz [-- --runs N] [-- --seed S]`: the import pipeline fuzz drill
// (tests/renderer/db/drills/importFuzz.test.ts) with N damaged bundles instead of the
// 10,000 `npm test` feeds it, and optionally another seed (a failure prints the one to
// reproduce it with). With `--spreadsheets`, the spreadsheet fuzz drill instead
// (tests/shared/roster/tableFileFuzz.test.ts: N damaged .xlsx and CSV files). Runs vitest
// on that one file; the exit code is vitest's.
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const option = (flag) => {
  const at = args.indexOf(flag);
  return at >= 0 ? args[at + 1] : undefined;
};

const runs = option('--runs') ?? '10000';
const seed = option('--seed');
const spreadsheets = args.includes('--spreadsheets');
if (!/^[1-9]\d*$/.test(runs) || (seed !== undefined && !/^-?\d+$/.test(seed))) {
  console.error(
    'Usage: npm run fuzz -- [--spreadsheets] [--runs <positive whole number>] [--seed <integer>]',
  );
  process.exit(2);
}

const drill = spreadsheets
  ? {
      name: 'spreadsheet fuzz drill',
      unit: 'files',
      file: 'tests/shared/roster/tableFileFuzz.test.ts',
    }
  : {
      name: 'import fuzz drill',
      unit: 'bundles',
      file: 'tests/renderer/db/drills/importFuzz.test.ts',
    };
console.log(`▶ ${drill.name}: ${runs} ${drill.unit}${seed === undefined ? '' : `, seed ${seed}`}`);
const result = spawnSync('npx', ['vitest', 'run', '--project', 'unit', drill.file], {
  stdio: 'inherit',
  shell: process.platform === 'win32',
  env: {
    ...process.env,
    PINGGU_FUZZ_RUNS: runs,
    ...(seed === undefined ? {} : { PINGGU_DRILL_SEED: seed }),
  },
});
process.exit(result.status ?? 1);
