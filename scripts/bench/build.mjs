// The builds `npm run bench` measures, each into its own folder under .bench/ (git-ignored),
// so a benchmark never empties dist/renderer or dist-cli under someone else's feet:
//   .bench/renderer  the app's renderer (vite.config.ts, as `npm run build:renderer`)
//   .bench/page      the bench page (renderer/bench/index.html): benchmarks and PouchDB
//   .bench/cli       the secretariat CLI (vite.cli.config.ts, as `npm run build:cli`)
//   .bench/node      the round generator (scripts/bench/round/generate.ts) for Node
//   .bench/fuzz      the spreadsheet fuzz timer (scripts/bench/spreadsheet/fuzzTimes.ts) for Node
// PINGGU_BENCH_DIR puts all of it (and results.json) elsewhere, so two people measuring in one
// checkout do not rebuild each other's folders.
import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { build, loadConfigFromFile } from 'vite';

export const BENCH_DIR = resolve(process.env.PINGGU_BENCH_DIR ?? '.bench');
export const APP_DIR = resolve(BENCH_DIR, 'renderer');
export const PAGE_DIR = resolve(BENCH_DIR, 'page');
export const CLI_FILE = resolve(BENCH_DIR, 'cli', 'pinggu.mjs');
export const GENERATOR_FILE = resolve(BENCH_DIR, 'node', 'generate.mjs');
export const FUZZ_TIMES_FILE = resolve(BENCH_DIR, 'fuzz', 'fuzzTimes.mjs');

const isNodeBuiltin = (id) => id.startsWith('node:') || builtinModules.includes(id);

/** A single-file ES module for Node from one entry (as vite.cli.config.ts builds the CLI). */
const nodeBuild = (entry, outDir, fileName) => ({
  configFile: false,
  logLevel: 'warn',
  publicDir: false,
  build: {
    outDir,
    emptyOutDir: true,
    target: 'node20',
    ssr: entry,
    minify: false,
    reportCompressedSize: false,
    rolldownOptions: {
      external: isNodeBuiltin,
      output: { format: 'es', entryFileNames: fileName, codeSplitting: false },
    },
  },
  ssr: { noExternal: true, target: 'node' },
});

/** The app build's CSP plugin (vite.config.ts), which Node cannot import as TypeScript. */
async function appCspPlugin() {
  const loaded = await loadConfigFromFile(
    { command: 'build', mode: 'production' },
    resolve('vite.config.ts'),
  );
  const plugin = loaded?.config.plugins?.flat().find((p) => p && p.name === 'pinggu-csp');
  if (!plugin) throw new Error('vite.config.ts has no pinggu-csp plugin');
  return plugin;
}

export async function buildAll() {
  await build({
    configFile: resolve('vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: APP_DIR, emptyOutDir: true },
  });
  await build({
    configFile: false,
    logLevel: 'warn',
    root: resolve('renderer/bench'),
    base: './',
    publicDir: false,
    // The app's Content-Security-Policy, so the code measured runs as it does in the app (zod,
    // for one, compiles its validators with new Function where eval is allowed, not in the app).
    plugins: [react(), await appCspPlugin()],
    build: {
      outDir: PAGE_DIR,
      emptyOutDir: true,
      chunkSizeWarningLimit: 8000,
      reportCompressedSize: false,
    },
  });
  await build({
    configFile: resolve('vite.cli.config.ts'),
    logLevel: 'warn',
    build: { outDir: resolve(BENCH_DIR, 'cli'), emptyOutDir: true },
  });
  await build(
    nodeBuild(
      resolve('scripts/bench/round/generate.ts'),
      resolve(BENCH_DIR, 'node'),
      'generate.mjs',
    ),
  );
  await buildFuzzTimes();
}

/** The spreadsheet fuzz timer alone (spreadsheet_fuzz_p99_ms). */
export async function buildFuzzTimes() {
  await build(
    nodeBuild(
      resolve('scripts/bench/spreadsheet/fuzzTimes.ts'),
      resolve(BENCH_DIR, 'fuzz'),
      'fuzzTimes.mjs',
    ),
  );
}
