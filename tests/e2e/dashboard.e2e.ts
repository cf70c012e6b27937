// The chair's dashboard in Chromium on the demo round: every chart opens and draws exactly
// the marks the pure selectors predict (computed here from the demo generator and
// computeRoundResults), the method switch changes the ranking, a chart exports as a real
// PNG and SVG, and the print view lays the charts out on A4 landscape pages.
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { expertSpread } from '../../shared/charts/expertSpread';
import { baseHistory } from '../../shared/charts/history';
import { leniencyChart } from '../../shared/charts/leniency';
import { methodComparison, resultsByMethod } from '../../shared/charts/methodComparison';
import { panelConcordance } from '../../shared/charts/panelConcordance';
import { rankingChart } from '../../shared/charts/ranking';
import { generateDemoDataset } from '../../shared/demo/demoRound';
import { computeRoundResults } from '../../shared/domain/results';
import type { BaseResult } from '../../shared/domain/results';
import { BASE_TYPE_CODES } from '../../shared/domain/taxonomy';
import { SETTLED, screenshotPath, useMachine } from './helpers/browser';

const dataset = generateDemoDataset();
const demo = dataset.current;
const results = computeRoundResults(demo.round, demo.bases, demo.scoresheets);
const firstType = BASE_TYPE_CODES.find((type) => demo.bases.some((b) => b.type === type)) ?? 'A1';
const ofType = (type: string, rows: readonly BaseResult[] = results) =>
  rows.filter((row) => row.base.type === type);
const scoredOf = (rows: readonly BaseResult[]) => rows.filter((row) => row.aggregate !== null);
/** Base ids in ranking order (rank in type, then code), as the chart draws them. */
const rankingOrder = (rows: readonly BaseResult[]) =>
  rankingChart({
    results: rows,
    round: demo.round,
    scope: { kind: 'type', type: firstType },
  }).bars.map((bar) => bar.baseId);
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

describe("chair's dashboard on the demo round", () => {
  const machine = useMachine({ width: 1366, height: 768 });

  const chart = (testId: string) => machine.page.getByTestId(testId);
  const count = (testId: string, selector: string) => chart(testId).locator(selector).count();
  /**
   * Waits until a chart shows this many marks: Recharts 3 draws its series, reference lines
   * and error bars in later passes than the <svg> and the first series.
   */
  const expectMarks = (testId: string, selector: string, expected: number) =>
    expect.poll(() => count(testId, selector), SETTLED).toBe(expected);
  const openTab = async (name: string, testId: string) => {
    await machine.page.getByRole('tab', { name }).click();
    await chart(testId).locator('svg').first().waitFor();
  };
  const barOrder = () =>
    chart('ranking-chart')
      .locator('.ranking-bar')
      .evaluateAll((groups) => groups.map((g) => g.getAttribute('data-base-id') ?? ''));
  /** Screenshot of a chart's card (or another region) with no toast or tooltip over it. */
  const snap = async (testId: string, name: string, region = '.dashboard-chart-card') => {
    const { page } = machine;
    await page.mouse.move(0, 0);
    await expect
      .poll(() => page.locator('.ant-message-notice').count(), { timeout: 10_000 })
      .toBe(0);
    await page
      .locator(region, { has: chart(testId) })
      .first()
      .screenshot({ path: screenshotPath(name) });
  };

  it('loads the demo round and ranks every scored base of the first type', async () => {
    const { page } = machine;
    await page.goto(machine.url);
    await page.getByTestId('load-demo').click();
    await page.getByTestId('home-round').waitFor();
    await page.getByTestId('main-nav').getByText('组长看板').click();
    await chart('ranking-chart').locator('.ranking-bar').first().waitFor();

    const expected = scoredOf(ofType(firstType));
    expect(await count('ranking-chart', '.ranking-bar')).toBe(expected.length);
    expect(await barOrder()).toEqual(rankingOrder(results));
    // One dashed line per grade threshold above 0 (90, 80, 60).
    await expectMarks('ranking-chart', '.recharts-reference-line', 3);
    const quota = rankingChart({
      results,
      round: demo.round,
      scope: { kind: 'type', type: firstType },
    }).quota.flatMap((report) => report.warnings);
    expect(await page.getByTestId('quota-warnings').locator('.ant-alert').count()).toBe(
      quota.length,
    );
    await snap('ranking-chart', 'dashboard-ranking');
  });

  it('shows one bar per scored base of another type after switching type', async () => {
    const { page } = machine;
    await page.getByTestId('type-switch').getByText('B4', { exact: true }).click();
    await expectMarks('ranking-chart', '.ranking-bar', scoredOf(ofType('B4')).length);
    await page.getByTestId('type-switch').getByText(firstType, { exact: true }).click();
    await expect.poll(() => barOrder(), SETTLED).toEqual(rankingOrder(results));
  });

  it('re-ranks the bases when the chair switches the method to z-scores', async () => {
    const { page } = machine;
    const zResults = computeRoundResults(demo.round, demo.bases, demo.scoresheets, {
      method: 'zScore',
    });
    const before = await barOrder();
    expect(rankingOrder(zResults)).not.toEqual(before); // the demo's lenient expert matters
    await page.getByTestId('method-switch').getByText('Z 分数').click();
    await expect.poll(() => barOrder(), SETTLED).toEqual(rankingOrder(zResults));
    await page
      .getByTestId('method-switch')
      .getByText(/本轮规则/)
      .click();
    await expect.poll(() => barOrder(), SETTLED).toEqual(before);
  });

  it('opens the base profile from a click on a bar: radar, indicator bars, expert dots', async () => {
    const lowest = scoredOf(ofType(firstType)).find(
      (row) => row.base.id === rankingOrder(results).at(-1),
    );
    if (!lowest) throw new Error('the demo has scored bases of the first type');
    await chart('ranking-chart').locator(`.ranking-bar[data-base-id="${lowest.base.id}"]`).click();
    await chart('profile-radar').locator('.recharts-radar').first().waitFor();
    expect(await machine.page.getByTestId('profile-summary').innerText()).toContain(
      lowest.base.name,
    );
    const template = demo.templates.find((t) => t.id === demo.round.templateByType[firstType]);
    const indicators =
      (template?.primaries.length ?? 0) +
      (template?.primaries.reduce((n, p) => n + p.children.length, 0) ?? 0);
    await expectMarks('profile-radar', '.recharts-radar', 2); // base and type average
    await expectMarks('profile-bars', '.recharts-bar-rectangle', 2 * indicators);
    await expectMarks('profile-experts', '.recharts-scatter-symbol', lowest.sheets);
    await snap('profile-radar', 'dashboard-profile', '.ant-row');
  });

  it('draws a box, whiskers and every expert dot per base in the expert spread', async () => {
    await openTab('专家分歧', 'spread-chart');
    const rows = expertSpread({
      results: ofType(firstType),
      scoresheets: demo.scoresheets,
      experts: demo.experts,
    });
    expect(rows.length).toBe(scoredOf(ofType(firstType)).length);
    await expectMarks('spread-chart', '.spread-box', rows.length);
    await expectMarks('spread-chart', '.recharts-errorBar', rows.length);
    await expectMarks(
      'spread-chart',
      '.spread-experts .recharts-scatter-symbol',
      rows.reduce((n, row) => n + row.n, 0),
    );
    const flagged = rows.filter((row) => row.isDisagreement).length;
    expect(flagged).toBeGreaterThan(0);
    await expect
      .poll(() => chart('spread-chart').locator('text').filter({ hasText: /^! / }).count(), SETTLED)
      .toBe(flagged);
    await snap('spread-chart', 'dashboard-spread');
  });

  it("lists Kendall's W for every panel of the demo round beside the spread", async () => {
    const table = machine.page.getByTestId('concordance-table');
    await table.waitFor();
    const rows = table.locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.count(), SETTLED).toBe(demo.panels.length);
    const names = await rows.locator('td:nth-child(1)').allInnerTexts();
    expect([...names].sort()).toEqual(demo.panels.map((p) => p.name).sort());
    const expected = new Map(
      panelConcordance({
        panels: demo.panels,
        bases: demo.bases,
        scoresheets: demo.scoresheets,
      }).map((row) => [row.panelName, row]),
    );
    const shown = await rows.getByTestId('concordance-w').allInnerTexts();
    for (const [index, text] of shown.entries()) {
      const w = Number(text);
      expect(text).toMatch(/^[01]\.\d{3}$/);
      expect(w).toBeGreaterThanOrEqual(0);
      expect(w).toBeLessThanOrEqual(1);
      const row = expected.get(names[index] ?? '');
      expect(text).toBe(row?.w?.toFixed(3));
      expect(await rows.nth(index).getByTestId('concordance-block').innerText()).toBe(
        `${row?.experts} 名专家 × ${row?.bases} 个基地`,
      );
    }
    expect(await rows.getByTestId('concordance-reading').allInnerTexts()).toHaveLength(
      demo.panels.length,
    );
    await table.screenshot({ path: screenshotPath('dashboard-concordance') });
  });

  it('names the experts outside the normal leniency band', async () => {
    await openTab('专家宽严', 'leniency-chart');
    const expected = leniencyChart({
      results: ofType(firstType),
      scoresheets: demo.scoresheets,
      experts: demo.experts,
    });
    await expectMarks('leniency-chart', '.recharts-bar-rectangle', expected.rows.length);
    expect(expected.outliers.length).toBeGreaterThan(0);
    const alert = await machine.page.getByTestId('leniency-outliers').innerText();
    for (const outlier of expected.outliers) expect(alert).toContain(outlier.expertName);
  });

  it('draws one slope line per base across mean, trimmed mean and z-score', async () => {
    await openTab('方法对比', 'method-chart');
    const expected = methodComparison({
      byMethod: resultsByMethod(demo.round, demo.bases, demo.scoresheets),
      scope: { kind: 'type', type: firstType },
    });
    await expectMarks('method-chart', '.recharts-line', expected.rows.length);
    expect(expected.gradeChanges.length).toBeGreaterThan(0);
    const summary = await machine.page.getByTestId('method-summary').innerText();
    for (const row of expected.gradeChanges) expect(summary).toContain(row.name);
  });

  it('counts bases by city and fills the city × type table over all types', async () => {
    const { page } = machine;
    await page.getByTestId('type-switch').getByText('全部', { exact: true }).click();
    await openTab('总览', 'overview-city');
    const cities = new Set(demo.bases.map((b) => b.city));
    await expectMarks('overview-city', '.recharts-bar-rectangle', cities.size);
    expect(
      await page.getByTestId('city-type-table').locator('tbody tr.ant-table-row').count(),
    ).toBe(cities.size);
    await page.getByTestId('type-switch').getByText(firstType, { exact: true }).click();
  });

  it("plots the chosen base's score in every round that evaluated it", async () => {
    const baseId = rankingOrder(results).at(-1);
    const base = demo.bases.find((b) => b.id === baseId);
    if (!base) throw new Error('fixture');
    await openTab('历年评估', 'history-chart');
    const rounds = [...dataset.history, demo].map((r) => ({
      round: r.round,
      bases: r.bases,
      scoresheets: r.scoresheets,
      decisions: r.decisions,
    }));
    const points = baseHistory(base.code, rounds);
    expect(points.length).toBeGreaterThan(1);
    await expectMarks('history-chart', '.history-point', points.length);
  });

  it('exports the ranking as a PNG and an SVG file', async () => {
    const { page } = machine;
    await page.getByRole('tab', { name: '排名' }).click();
    await chart('ranking-chart').locator('.ranking-bar').first().waitFor();
    const [png] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('ranking-chart-export-png').click(),
    ]);
    expect(png.suggestedFilename()).toMatch(/\.png$/);
    const bytes = readFileSync(await png.path());
    expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    const svgWidth = await chart('ranking-chart')
      .locator('svg')
      .first()
      .evaluate((svg) => svg.getBoundingClientRect().width);
    expect(bytes.readUInt32BE(16)).toBe(2 * Math.ceil(svgWidth)); // IHDR width: drawn at 2×

    const [svg] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('ranking-chart-export-svg').click(),
    ]);
    const text = readFileSync(await svg.path(), 'utf8');
    expect(text.startsWith('<svg')).toBe(true);
    const lowest = demo.bases.find((b) => b.id === rankingOrder(results).at(-1));
    expect(text).toContain(lowest?.name ?? '—');
    expect(text).toContain('font-family');
  });

  it('lays the dashboard out on A4 landscape pages for printing', async () => {
    const { page } = machine;
    await page.getByRole('tab', { name: '排名' }).click();
    await page.getByTestId('open-print').click();
    await page.getByTestId('dashboard-print').waitFor();
    await page.getByTestId('print-page').first().locator('.ranking-bar').first().waitFor();
    // Ranking, methods, spread, leniency, overview (counts; tables), and the chosen base's
    // profile (radar and dots; indicator bars) and history: one A4 page each.
    await expect.poll(() => page.getByTestId('print-page').count(), SETTLED).toBe(9);
    const sections = await page.getByTestId('print-page').count();
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.app-chrome').first().isVisible()).toBe(false);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const pageCount = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pageCount).toBe(sections); // each section fits its page, none spills over
    const mediaBox = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\]/.exec(pdf.toString('latin1'));
    expect(Number(mediaBox?.[1])).toBeGreaterThan(Number(mediaBox?.[2])); // landscape
    await page.emulateMedia({ media: 'screen' });
    expect(machine.errors).toEqual([]);
    expect(machine.consoleErrors).toEqual([]);
  });
});

afterAll(() => {
  // Keep the README's screenshots in step with the charts (docs/screenshots is committed).
  mkdirSync('docs/screenshots', { recursive: true });
  for (const name of ['dashboard-ranking', 'dashboard-profile', 'dashboard-spread']) {
    try {
      copyFileSync(screenshotPath(name), `docs/screenshots/${name}.png`);
    } catch {
      // A failed test left no screenshot; the committed one stays.
    }
  }
});
