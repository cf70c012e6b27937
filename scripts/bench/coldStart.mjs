// cold_start_ms: from navigation to the app (the built renderer, .bench/renderer, served on
// 127.0.0.1 as `npm start` serves it without Electron) to the home page showing the demo
// round, in a new Chromium process on a fresh profile. "Interactive" here: the home page's
// round view (data-testid="home-round": round, counts and progress, read from IndexedDB)
// is in the DOM and the frame after it has been painted (rAF, then a macrotask).
//
// The demo round is loaded once into a template profile (click 加载演示数据); each run gets a
// copy of that profile WITHOUT its HTTP cache, code cache and GPU caches, so the app's
// scripts are fetched, parsed and compiled from scratch while its data is already there,
// as on a clerk's laptop after a reboot. The server keeps one port so the copied
// IndexedDB belongs to the same origin. Also reported: first contentful paint.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { serveStatic } from '../serve.mjs';
import { APP_DIR, launchBrowser } from './browser.mjs';
import { benchPlan } from './plan.mjs';
import { formatRuns, measuredRuns, median } from './stats.mjs';

const CACHE_DIRS = new Set([
  'Cache',
  'Code Cache',
  'GPUCache',
  'GrShaderCache',
  'ShaderCache',
  'DawnGraphiteCache',
  'DawnWebGPUCache',
]);

/** Set up in the page before any of the app's scripts run. */
function watchHome() {
  const state = { home: 0, painted: 0 };
  window.__coldStart = state;
  const observer = new MutationObserver(() => {
    if (state.home > 0 || !document.querySelector('[data-testid="home-round"]')) return;
    state.home = performance.now();
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => (state.painted = performance.now()), 0));
  });
  observer.observe(document, { childList: true, subtree: true });
}

async function templateProfile(url) {
  const dir = mkdtempSync(join(tmpdir(), 'pinggu-bench-cold-template-'));
  const browser = await launchBrowser({ userDataDir: dir });
  try {
    await browser.page.goto(url);
    await browser.page.getByTestId('load-demo').click();
    await browser.page.getByTestId('home-round').waitFor({ timeout: 120_000 });
    await browser.page.getByTestId('stat-submitted').waitFor();
  } finally {
    await browser.close();
  }
  return dir;
}

async function coldRun(url, template) {
  const dir = mkdtempSync(join(tmpdir(), 'pinggu-bench-cold-'));
  cpSync(template, dir, {
    recursive: true,
    filter: (source) =>
      !CACHE_DIRS.has(basename(source)) && !basename(source).startsWith('Singleton'),
  });
  const browser = await launchBrowser({ userDataDir: dir });
  try {
    const { page } = browser;
    await page.addInitScript(watchHome);
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__coldStart?.painted > 0, undefined, {
      timeout: 60_000,
      polling: 50,
    });
    const result = await page.evaluate(() => ({
      ...window.__coldStart,
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
    }));
    if (browser.errors.length > 0) throw new Error(`page errors: ${browser.errors.join('; ')}`);
    return result;
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export const coldStartMeasurement = {
  id: 'cold_start_ms',
  unit: 'ms',
  target: 2000,
  goal: 'atMost',
  digits: 0,
  describe: 'Navigation → home page with the demo round painted, fresh profile (Chromium)',
  async run({ quick }) {
    const plan = benchPlan(quick);
    const server = await serveStatic(APP_DIR, 0);
    let template;
    try {
      template = await templateProfile(server.url);
      const runs = [];
      for (let i = 0; i < plan.warmup + plan.runs; i += 1)
        runs.push(await coldRun(server.url, template));
      const measured = measuredRuns(runs, plan.warmup, plan.runs);
      const painted = measured.map((r) => r.painted);
      const fcp = measured.map((r) => r.fcp);
      return {
        value: median(painted),
        detail:
          `new Chromium process, profile holding the 120-base demo round but no HTTP/code cache; navigation start → home-round in the DOM median ${Math.round(median(measured.map((r) => r.home)))} ms, → that frame painted median ${Math.round(median(painted))} ms [${formatRuns(painted)}]; ` +
          `first contentful paint median ${Math.round(median(fcp))} ms; ${plan.runs} runs after ${plan.warmup} warm-up`,
      };
    } finally {
      await server.close();
      if (template) rmSync(template, { recursive: true, force: true });
    }
  },
};
