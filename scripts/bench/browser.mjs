// Chromium for the benchmarks: Debian's /usr/bin/chromium driven by playwright-core, a
// build served on 127.0.0.1, a fresh profile per launch (nothing cached between runs),
// flags that keep the browser from doing background work while it is measured. The app
// (.bench/renderer) and the bench page (.bench/page, with the generated bundles under
// data/) are built by scripts/bench/build.mjs.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serveStatic } from '../serve.mjs';
import { APP_DIR, PAGE_DIR } from './build.mjs';

export const CHROMIUM_PATH = process.env.PINGGU_CHROMIUM ?? '/usr/bin/chromium';
export { APP_DIR, PAGE_DIR };

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Exact heap figures (performance.memory) and gc() for the import benchmarks. */
export const MEMORY_ARGS = ['--enable-precise-memory-info', '--js-flags=--expose-gc'];

/** Launches Chromium on a profile folder (a fresh temporary one unless given). */
export async function launchBrowser({ args = [], userDataDir } = {}) {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium not found at ${CHROMIUM_PATH}`);
  const profile = userDataDir ?? mkdtempSync(join(tmpdir(), 'pinggu-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, ...args],
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return {
    page,
    errors,
    profile,
    close: async () => {
      await context.close();
      if (userDataDir === undefined) rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Serves `dir` (default: the app) and opens one page at 1366×768 in a fresh profile.
 * Call close() when done.
 */
export async function openBenchPage({ dir = APP_DIR, args = [] } = {}) {
  if (!existsSync(join(dir, 'index.html'))) {
    throw new Error(`${dir} is missing: the harness builds it unless --no-build is given`);
  }
  const server = await serveStatic(dir, 0);
  const browser = await launchBrowser({ args }).catch(async (error) => {
    await server.close();
    throw error;
  });
  return {
    ...browser,
    url: server.url,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * Opens the bench page at `?bench=<name>&…` and waits for its report
 * (renderer/bench/benchEntry.tsx). Rejects with the page's own error message when the
 * benchmark failed.
 */
export async function runPageBench(params, { timeoutMs = 600_000, args = [] } = {}) {
  const browser = await openBenchPage({ dir: PAGE_DIR, args });
  try {
    const { page } = browser;
    page.on('console', (message) => {
      if (message.text().startsWith('[bench] ')) console.log(`  ${message.text().slice(8)}`);
    });
    await page.goto(`${browser.url}?${new URLSearchParams(params).toString()}`);
    await page.waitForFunction(() => document.body.dataset.benchDone !== undefined, undefined, {
      timeout: timeoutMs,
      polling: 250,
    });
    const report = JSON.parse(
      (await page.evaluate(() => document.body.dataset.benchReport)) ?? '{}',
    );
    if (report.error) throw new Error(report.error);
    if (browser.errors.length > 0) throw new Error(`page errors: ${browser.errors.join('; ')}`);
    return report;
  } finally {
    await browser.close();
  }
}
