// The counting behind `npm test` (scripts/test.mjs) and `npm run test:e2e` (scripts/e2e.mjs):
// checks (type-checks, lint, builds) count as one test each; a vitest project's tests are
// read from its JSON report, test by test. The last line printed is always
// `N passed, N failed, N skipped`, which CI reads. Vitest's outcomes come from the reporter
// scripts/vitestOutcomes.mjs (vitest's JSON report cannot tell a failed setup from a skip).
//
// - skipped counts every test that did not run: it.skip, skipIf/runIf, ctx.skip(), describe.skip
//   and todo (pending) tests;
// - a test that did not run because its file's setup failed (a beforeAll that throws, e.g.
//   the browser does not start) counts as failed, one failure per such test; a file that
//   fails to load counts one failure, and so does a file whose tests all ran but whose
//   teardown (afterAll) failed;
// - a skip is on purpose only when ALLOWED_SKIPS below names the file, the test and the
//   reason. Any other skipped or todo test fails the run (exit code 1), listed by name.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Tests skipped on purpose, each with its reason. `test` is the test's describe titles and
 * title joined by ' > '. The only way to skip a test without failing `npm test`.
 */
export const ALLOWED_SKIPS = [
  {
    file: 'tests/electron/main/services/deviceKey.test.ts',
    test: 'the Electron device key > is readable by the user only: file 0600, folder 0700',
    reason: 'POSIX file modes: Windows has no 0600/0700 permission bits (runIf not win32)',
  },
];

export const RESULTS_DIR = '.test-results';

const REPORTER = fileURLToPath(new URL('./vitestOutcomes.mjs', import.meta.url));

export function createTally() {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const failures = [];
  const unexplainedSkips = [];

  const run = (label, command, args, env = process.env) => {
    console.log(`\n▶ ${label}`);
    const result = spawnSync(command, args, {
      stdio: 'inherit',
      shell: process.platform === 'win32',
      env,
    });
    return result.status === 0;
  };

  /** One command, one test: passed when it exits 0. */
  const check = (label, command, args, env) => {
    if (run(label, command, args, env)) passed += 1;
    else {
      failed += 1;
      failures.push(label);
    }
  };

  const isAllowed = (file, name) =>
    ALLOWED_SKIPS.some((entry) => entry.file === file && entry.test === name);

  /** Adds one test file of the outcomes vitestOutcomes.mjs wrote. */
  const countFile = ({ file, errors, tests }) => {
    if (tests.length === 0 && errors.length > 0) {
      failed += 1;
      failures.push(`${file} (did not load: ${errors[0]?.split('\n')[0]})`);
      return;
    }
    let notRunHere = 0;
    for (const test of tests) {
      if (test.state === 'passed') passed += 1;
      else if (test.state === 'failed') failed += 1;
      else if (isAllowed(file, test.name)) skipped += 1;
      else if (test.isSetupFailed) {
        // Not run because a beforeAll above it failed: as much a failure as a failed test.
        failed += 1;
        notRunHere += 1;
      } else {
        skipped += 1;
        unexplainedSkips.push(
          `${file} > ${test.name} (${test.mode === 'todo' ? 'todo' : test.state})`,
        );
      }
    }
    if (notRunHere > 0) failures.push(`${file} (${notRunHere} tests not run: its setup failed)`);
    else if (errors.length > 0) {
      // Every test ran, yet a hook failed (an afterAll): one failure.
      failed += 1;
      failures.push(`${file} (failed outside its tests: ${errors[0]?.split('\n')[0]})`);
    }
  };

  /** A vitest project, counted test by test. */
  const vitest = (project, extraArgs = [], env = process.env) => {
    const output = `${RESULTS_DIR}/${project}.outcomes.json`;
    rmSync(output, { force: true });
    const ok = run(
      `vitest (${project})`,
      'npx',
      [
        'vitest',
        'run',
        '--project',
        project,
        '--reporter=default',
        `--reporter=${REPORTER}`,
        ...extraArgs,
      ],
      { ...env, PINGGU_TEST_OUTCOMES: output },
    );
    if (!existsSync(output)) {
      failed += 1;
      failures.push(`vitest ${project} (no results: the run itself failed)`);
      return;
    }
    const failedBefore = failed;
    const outcomes = JSON.parse(readFileSync(output, 'utf8'));
    for (const file of outcomes.files) countFile(file);
    if (outcomes.unhandledErrors.length > 0) {
      failed += 1;
      failures.push(`vitest ${project} (${outcomes.unhandledErrors.length} unhandled errors)`);
    }
    if (!ok && failed === failedBefore) {
      // Vitest failed with every test accounted for: still a failure.
      failed += 1;
      failures.push(`vitest ${project} (failed outside any test)`);
    }
  };

  /** Prints the failures, the unexplained skips and the summary line; the exit code. */
  const finish = () => {
    if (failures.length > 0) console.log(`\nFailed: ${failures.join('; ')}`);
    if (unexplainedSkips.length > 0) {
      console.log(
        `\nSkipped without a reason in ALLOWED_SKIPS (scripts/testSummary.mjs):\n  ${unexplainedSkips.join('\n  ')}`,
      );
    }
    console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
    return failed > 0 || unexplainedSkips.length > 0 ? 1 : 0;
  };

  return { check, vitest, finish };
}
