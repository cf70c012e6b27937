// `npm test`: type-checks, lint, format check, the CLI and shell builds, unit tests, renderer
// build and e2e tests in one run. The CLI and the Electron shell are built before the unit
// tests because tests/cli/run.test.ts runs the built `pinggu` bin in a child process and
// tests/electron/builtShellSecurity.test.ts checks the built dist-electron/*.cjs. Each check
// counts as one test; vitest suites are counted test by test (scripts/testSummary.mjs). The
// last line is always `N passed, N failed, N skipped`, which CI reads; the run fails on any
// failure and on any skip that ALLOWED_SKIPS does not name with a reason.
import { rmSync } from 'node:fs';
import { RESULTS_DIR, createTally } from './testSummary.mjs';

rmSync(RESULTS_DIR, { recursive: true, force: true });
const tally = createTally();

tally.check('type-check shared/ (pure TypeScript, no DOM or Node)', 'npx', [
  'tsc',
  '-p',
  'tsconfig.shared.json',
]);
tally.check('type-check renderer/ (web)', 'npx', ['tsc', '-p', 'tsconfig.web.json']);
tally.check('type-check electron/ (node)', 'npx', ['tsc', '-p', 'tsconfig.node.json']);
tally.check('type-check tests/', 'npx', ['tsc', '-p', 'tsconfig.test.json']);
tally.check('lint (no warnings allowed)', 'npx', ['eslint', '.', '--max-warnings', '0']);
tally.check('format (prettier --check)', 'npx', [
  'prettier',
  '--check',
  '--log-level',
  'warn',
  '.',
]);
tally.check('build secretariat CLI (dist-cli/pinggu.mjs)', 'npm', ['run', '--silent', 'build:cli']);
tally.check('build electron shell', 'npm', ['run', '--silent', 'build:electron']);
tally.vitest('unit');
tally.check('build renderer', 'npx', ['vite', 'build', '--logLevel', 'warn']);
tally.vitest('e2e');

process.exit(tally.finish());
