// Chromium for the benchmarks: Debian's /usr/bin/chromium driven by playwright-core, the
// built renderer served on 127.0.0.1, a fresh profile per launch (nothing cached between
// runs), flags that keep the browser from doing background work while it is measured.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { serveStatic } from '../serve.mjs';

export const CHROMIUM_PATH = process.env.PINGGU_CHROMIUM ?? '/usr/bin/chromium';
export const RENDERER_DIR = resolve('dist/renderer');

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

/** Serves dist/renderer and opens one page at 1366×768. Call close() when done. */
export async function openBenchPage() {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error('dist/renderer is missing: the harness builds it unless --no-build is given');
  }
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium not found at ${CHROMIUM_PATH}`);
  const server = await serveStatic(RENDERER_DIR, 0);
  const userDataDir = mkdtempSync(join(tmpdir(), 'pinggu-bench-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return {
    page,
    url: server.url,
    errors,
    close: async () => {
      await context.close();
      await server.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Opens `?bench=<name>&…` and waits for the page's report (renderer/bench/benchEntry.tsx).
 * Rejects with the page's own error message when the benchmark failed.
 */
export async function runPageBench(params, timeoutMs = 300_000) {
  const browser = await openBenchPage();
  try {
    const { page } = browser;
    await page.goto(`${browser.url}?${new URLSearchParams(params).toString()}`);
    await page.waitForFunction(() => document.body.dataset.benchDone !== undefined, undefined, {
      timeout: timeoutMs,
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
