// `npm run screenshots [-- name …]`: refreshes the README's screenshots in docs/screenshots, on
// purpose. Tests never write there (they save screenshots in the git-ignored
// tests/e2e/artifacts): this script builds the renderer into a temporary folder, runs the
// e2e files that take the README's pictures with PINGGU_ARTIFACTS_DIR pointing at a fresh
// temporary folder, and only when every one of them passed and every picture exists copies
// them over docs/screenshots. Review the result with `git diff --stat docs/screenshots`.
// Names (e.g. `dashboard`, `threeLaptops`) limit the run to those e2e files.
// docs/screenshots/excel-scoresheet-libreoffice.png is not taken by a test (it is LibreOffice
// Calc's print preview of a filled workbook) and is not refreshed here.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** e2e file → [screenshot it saves, name in docs/screenshots]. */
const SHOTS = {
  smoke: [['home', 'home']],
  dashboard: [
    ['dashboard-ranking', 'dashboard-ranking'],
    ['dashboard-profile', 'dashboard-profile'],
    ['dashboard-spread', 'dashboard-spread'],
  ],
  scoring: [['scoresheet', 'scoresheet']],
  voidedOnLaptop: [
    ['scoring-reissued-change', 'panel-reissued-change'],
    ['scoring-voided-sheet', 'panel-voided-sheet'],
  ],
  threeLaptops: [
    ['three-laptops-06-assignment-matrix', 'secretariat-assignment'],
    ['three-laptops-10-batch-summary', 'secretariat-batch-import'],
    ['three-laptops-12-conflict', 'secretariat-conflict'],
    ['three-laptops-13-results', 'secretariat-results'],
  ],
  results: [['secretariat-progress', 'secretariat-progress']],
  roundChanges: [
    ['round-changes', 'secretariat-round-changes'],
    ['voided-sheets', 'secretariat-voided-sheets'],
  ],
  closing: [
    ['closing-refused', 'closing-refused'],
    ['closing-closed', 'closing-closed'],
  ],
  lostLaptop: [['lost-laptop-preview', 'continue-here']],
};

const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !(name in SHOTS));
if (unknown.length > 0) {
  console.error(`Unknown: ${unknown.join(', ')}. Known: ${Object.keys(SHOTS).join(', ')}`);
  process.exit(2);
}
const files = asked.length > 0 ? asked : Object.keys(SHOTS);

const work = mkdtempSync(join(tmpdir(), 'pinggu-screenshots-'));
const rendererDir = join(work, 'renderer');
const artifactsDir = join(work, 'artifacts');
const run = (label, args, env = process.env) => {
  console.log(`\n▶ ${label}`);
  const result = spawnSync('npx', args, {
    stdio: 'inherit',
    shell: process.platform === 'win32',
    env,
  });
  return result.status === 0;
};

let exitCode = 0;
try {
  if (
    !run('build renderer', [
      'vite',
      'build',
      '--outDir',
      rendererDir,
      '--emptyOutDir',
      '--logLevel',
      'warn',
    ])
  ) {
    throw new Error('the renderer did not build');
  }
  const passed = run(
    `e2e: ${files.join(', ')}`,
    ['vitest', 'run', '--project', 'e2e', ...files.map((name) => `tests/e2e/${name}.e2e.ts`)],
    { ...process.env, PINGGU_RENDERER_DIR: rendererDir, PINGGU_ARTIFACTS_DIR: artifactsDir },
  );
  if (!passed) throw new Error('an e2e file failed: docs/screenshots is left as it was');
  const copies = files.flatMap((name) => SHOTS[name]);
  const missing = copies.filter(([from]) => !existsSync(join(artifactsDir, `${from}.png`)));
  if (missing.length > 0) {
    throw new Error(`not taken: ${missing.map(([from]) => from).join(', ')}; nothing was copied`);
  }
  mkdirSync('docs/screenshots', { recursive: true });
  for (const [from, to] of copies) {
    copyFileSync(join(artifactsDir, `${from}.png`), join('docs/screenshots', `${to}.png`));
    console.log(`docs/screenshots/${to}.png ← ${from}.png`);
  }
  console.log('\nReview with: git diff --stat docs/screenshots');
} catch (error) {
  console.error(`\n${error instanceof Error ? error.message : String(error)}`);
  exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
process.exit(exitCode);
