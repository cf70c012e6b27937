// `npm test`: type-checks, lint, format check, the CLI and shell builds, unit tests, renderer
// build and e2e tests in one run. The CLI and the Electron shell are built before the unit
// tests because tests/cli/run.test.ts runs the built `pinggu` bin in a child process and
// tests/electron/builtShellSecurity.test.ts checks the built dist-electron/*.cjs. Each check
// counts as one test; vitest suites report their own counts. The last line is always
// `N passed, N failed`, which CI reads.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const resultsDir = '.test-results';
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

let passed = 0;
let failed = 0;
const failures = [];

const run = (label, command, args) => {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  return result.status === 0;
};

const check = (label, command, args) => {
  if (run(label, command, args)) {
    passed += 1;
  } else {
    failed += 1;
    failures.push(label);
  }
};

const vitestSuite = (project) => {
  const output = `${resultsDir}/${project}.json`;
  const ok = run(`vitest (${project})`, 'npx', [
    'vitest',
    'run',
    '--project',
    project,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${output}`,
  ]);
  if (!existsSync(output)) {
    failed += 1;
    failures.push(`vitest ${project} (no results: the run itself failed)`);
    return;
  }
  const report = JSON.parse(readFileSync(output, 'utf8'));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  // A suite that fails to load (syntax error, failed import) has no tests but is a failure.
  const brokenFiles = (report.testResults ?? []).filter(
    (file) => file.status === 'failed' && (file.assertionResults ?? []).length === 0,
  );
  failed += brokenFiles.length;
  if (!ok) {
    failures.push(`vitest ${project}`);
    // Vitest failed without a failing test (e.g. an unhandled error): still a failure.
    if ((report.numFailedTests ?? 0) === 0 && brokenFiles.length === 0) failed += 1;
  }
};

check('type-check shared/ (pure TypeScript, no DOM or Node)', 'npx', [
  'tsc',
  '-p',
  'tsconfig.shared.json',
]);
check('type-check renderer/ (web)', 'npx', ['tsc', '-p', 'tsconfig.web.json']);
check('type-check electron/ (node)', 'npx', ['tsc', '-p', 'tsconfig.node.json']);
check('type-check tests/', 'npx', ['tsc', '-p', 'tsconfig.test.json']);
check('lint (no warnings allowed)', 'npx', ['eslint', '.', '--max-warnings', '0']);
check('format (prettier --check)', 'npx', ['prettier', '--check', '--log-level', 'warn', '.']);
check('build secretariat CLI (dist-cli/pinggu.mjs)', 'npm', ['run', '--silent', 'build:cli']);
check('build electron shell', 'npm', ['run', '--silent', 'build:electron']);
vitestSuite('unit');
check('build renderer', 'npx', ['vite', 'build', '--logLevel', 'warn']);
vitestSuite('e2e');

if (failures.length > 0) console.log(`\nFailed: ${failures.join('; ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
