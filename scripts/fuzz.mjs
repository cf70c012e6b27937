// `npm run fuzz [-- --runs N] [-- --seed S]`: the import pipeline fuzz drill
// (tests/renderer/db/drills/importFuzz.test.ts) with N damaged bundles instead of the
// 10,000 `npm test` feeds it, and optionally another seed (a failure prints the one to
// reproduce it with). Runs vitest on that one file; the exit code is vitest's.
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const option = (flag) => {
  const at = args.indexOf(flag);
  return at >= 0 ? args[at + 1] : undefined;
};

const runs = option('--runs') ?? '10000';
const seed = option('--seed');
if (!/^[1-9]\d*$/.test(runs) || (seed !== undefined && !/^-?\d+$/.test(seed))) {
  console.error('Usage: npm run fuzz -- [--runs <positive whole number>] [--seed <integer>]');
  process.exit(2);
}

console.log(`▶ import fuzz drill: ${runs} bundles${seed === undefined ? '' : `, seed ${seed}`}`);
const result = spawnSync(
  'npx',
  ['vitest', 'run', '--project', 'unit', 'tests/renderer/db/drills/importFuzz.test.ts'],
  {
    stdio: 'inherit',
    shell: process.platform === 'win32',
    env: {
      ...process.env,
      PINGGU_FUZZ_RUNS: runs,
      ...(seed === undefined ? {} : { PINGGU_DRILL_SEED: seed }),
    },
  },
);
process.exit(result.status ?? 1);
