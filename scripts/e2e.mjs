// `npm run test:e2e [-- files or vitest options]`: only the end-to-end tests, with the same
// renderer build and the same counting and summary line as `npm test` (scripts/testSummary.mjs):
// the build counts as one test, then every e2e test; the last line is
// `N passed, N failed, N skipped`. With PINGGU_RENDERER_DIR set, the renderer is built into
// that folder (and served from it by the tests) instead of dist/renderer, so a run does not
// replace the build others are testing.
import { createTally } from './testSummary.mjs';

const tally = createTally();
const outDir = process.env.PINGGU_RENDERER_DIR;
tally.check('build renderer', 'npx', [
  'vite',
  'build',
  '--logLevel',
  'warn',
  ...(outDir ? ['--outDir', outDir, '--emptyOutDir'] : []),
]);
tally.vitest('e2e', process.argv.slice(2));

process.exit(tally.finish());
