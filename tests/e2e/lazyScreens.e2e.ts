// The screens other than the home page are loaded on first visit (renderer/app/lazyPages.ts):
// a cold start fetches neither the charts nor the secretariat's or the scoring area's code;
// a screen whose code cannot be fetched (files replaced by an update while the app
// was open) says so in Chinese with a reload button instead of leaving a white page; and the
// printable pages open straight from their address, with their own stylesheets.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SETTLED, screenshotPath, useMachine } from './helpers/browser';

// The chunks are named after the area modules in renderer/app/areas/ and the lazy modules.
const AREA_CHUNK = /\/assets\/(dashboard|secretariat|scoring)-[^/]*\.js$/;
const DASHBOARD_CHUNK = /\/assets\/dashboard-[^/]*\.js$/;

const scriptsRequested = (page: Page): string[] => {
  const urls: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') urls.push(request.url());
  });
  return urls;
};

describe('screens loaded on demand', () => {
  const machine = useMachine();

  it("paints the home page without fetching the other areas' code", async () => {
    const { page } = machine;
    const scripts = scriptsRequested(page);
    await page.goto(machine.url);
    await page.getByTestId('welcome').waitFor();
    await page.getByTestId('load-demo').click();
    await page.getByTestId('home-round').waitFor({ timeout: 120_000 });
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((url) => AREA_CHUNK.test(url))).toEqual([]);

    await page.getByTestId('main-nav').getByText('组长看板').click();
    await page.getByTestId('dashboard-tabs').waitFor();
    expect(scripts.some((url) => DASHBOARD_CHUNK.test(url))).toBe(true);
    expect(machine.errors).toEqual([]);
  });

  it('says in Chinese that a screen could not be loaded, and reloading brings it back', async () => {
    const { context, url } = machine;
    // A new tab: this one has not loaded the dashboard's code yet.
    const page = await context.newPage();
    try {
      await page.goto(url);
      await page.getByTestId('home-round').waitFor();
      await page.route(DASHBOARD_CHUNK, (route) => route.abort());
      await page.getByTestId('main-nav').getByText('组长看板').click();
      const failure = page.getByTestId('route-failure');
      await failure.waitFor();
      expect(await failure.innerText()).toContain('页面文件未能加载');
      expect(await page.getByTestId('main-nav').isVisible()).toBe(true);
      await page.screenshot({ path: screenshotPath('route-failure') });

      await page.unroute(DASHBOARD_CHUNK);
      await page.getByTestId('route-reload').click();
      await page.getByTestId('dashboard-tabs').waitFor();
      expect(await page.getByTestId('route-failure').count()).toBe(0);
    } finally {
      await page.close();
    }
  });

  it('opens the printable report straight from its address, with its print stylesheet', async () => {
    const { context, url } = machine;
    const page = await context.newPage();
    try {
      await page.goto(`${url}#/secretariat/print/report`);
      const overview = page.getByTestId('report-overview-page');
      await overview.waitFor();
      // 12 mm of padding on screen comes from reportPrint.css, loaded with the chunk.
      const padding = async () =>
        Math.round(
          Number.parseFloat(await overview.evaluate((el) => getComputedStyle(el).paddingTop)),
        );
      await expect.poll(padding, SETTLED).toBe(Math.round((12 * 96) / 25.4));
      await page.emulateMedia({ media: 'print' });
      expect(await padding()).toBe(0);
    } finally {
      await page.close();
    }
  });

  it('opens the printable dashboard straight from its address', async () => {
    const { context, url } = machine;
    const page = await context.newPage();
    try {
      await page.goto(`${url}#/dashboard/print`);
      await page.getByTestId('dashboard-print').waitFor();
      await expect.poll(() => page.getByTestId('print-page').count(), SETTLED).toBeGreaterThan(0);
      const width = await page
        .getByTestId('print-page')
        .first()
        .evaluate((el) => getComputedStyle(el).width);
      // 277 mm wide on screen (dashboard/print.css): the stylesheet came with the chunk.
      expect(Math.round(Number.parseFloat(width))).toBe(Math.round((277 * 96) / 25.4));
    } finally {
      await page.close();
    }
  });
});
