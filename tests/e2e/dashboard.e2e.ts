// The chair's dashboard in Chromium on the demo round: every chart opens and draws exactly
// the marks, ranks and scores an independent reference predicts (tests/helpers/
// aggregationReference.ts and chartReference.ts, written from the README's definitions and
// importing nothing from shared/domain or shared/charts), the method switch changes the
// ranking, a chart exports as a real PNG and SVG, and the print view lays the charts out on
// A4 landscape pages. Screenshots go to the ignored artifacts folder; `npm run screenshots`
// copies them into docs/screenshots on purpose.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateDemoDataset } from '../../shared/demo/demoRound';
import {
  rankedOfType,
  referenceResults,
  showsValue,
  type RefMethod,
  type RefResult,
} from '../helpers/aggregationReference';
import {
  refGradeChanges,
  refKendallW,
  refLeniency,
  refLeniencyOutliers,
  refQuotaWarnings,
} from '../helpers/chartReference';
import { SETTLED, screenshotPath, useMachine } from './helpers/browser';

const dataset = generateDemoDataset();
const demo = dataset.current;
/** The dashboard opens on the plan's first type, 省重点实验室. */
const FIRST_TYPE = 'A1';
if (!demo.bases.some((b) => b.type === FIRST_TYPE)) throw new Error('the demo has no A1 base');
const resultsBy = (method?: RefMethod) =>
  referenceResults(demo.round, demo.bases, demo.scoresheets, method);
const results = resultsBy();
const ofType = (type: string, rows: readonly RefResult[] = results) =>
  rows.filter((row) => row.base.type === type);
const scoredOf = (rows: readonly RefResult[]) => rows.filter((row) => row.value !== null);
/** Base ids in ranking order (rank in type, then code), as the chart draws them. */
const rankingOrder = (rows: readonly RefResult[]) =>
  rankedOfType(rows, FIRST_TYPE).map((row) => row.base.id);
const lowestId = rankingOrder(results).at(-1);
const lowest = results.find((row) => row.base.id === lowestId);
if (!lowest) throw new Error('the demo has scored bases of the first type');
const GRADE_ZH: Readonly<Record<string, string>> = {
  excellent: '优秀',
  good: '良好',
  pass: '合格',
  fail: '不合格',
};
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
  /** Each bar's two labels: `rank. name`, and the score with its marks (◆ quota, ! spread). */
  const barLabels = async (): Promise<Map<string, string[]>> => {
    const texts = await chart('ranking-chart')
      .locator('.ranking-labels text')
      .evaluateAll((nodes) =>
        nodes.map((node) => [node.getAttribute('data-base-id') ?? '', node.textContent ?? '']),
      );
    const labels = new Map<string, string[]>();
    for (const [id = '', text = ''] of texts) labels.set(id, [...(labels.get(id) ?? []), text]);
    return labels;
  };
  /** The ranking shows the reference's ranks (1, 2, 2, 4), names, scores and flags. */
  const expectRanking = async (rows: readonly RefResult[]) => {
    const ranked = rankedOfType(rows, FIRST_TYPE);
    await expect.poll(() => barOrder(), SETTLED).toEqual(ranked.map((row) => row.base.id));
    const labels = await barLabels();
    for (const row of ranked) {
      const [name, score = ''] = labels.get(row.base.id) ?? [];
      expect(name).toBe(`${row.rankInType}. ${row.base.name}`);
      const shown = score.split(' ')[0] ?? '';
      expect(showsValue(shown, row.value ?? NaN, 1), `${row.base.code}: ${shown}`).toBe(true);
      expect(score.includes('!'), `${row.base.code} flagged`).toBe(row.isDisagreement);
    }
  };
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

    expect(await count('ranking-chart', '.ranking-bar')).toBe(scoredOf(ofType(FIRST_TYPE)).length);
    await expectRanking(results);
    // One dashed line per grade threshold above 0 (90, 80, 60).
    await expectMarks('ranking-chart', '.recharts-reference-line', 3);
    const rectify = new Set(
      demo.decisions.filter((d) => d.disposition.code === 'rectify').map((d) => d.baseId),
    );
    expect(await page.getByTestId('quota-warnings').locator('.ant-alert').count()).toBe(
      refQuotaWarnings(results, FIRST_TYPE, rectify),
    );
    await snap('ranking-chart', 'dashboard-ranking');
  });

  it('shows one bar per scored base of another type after switching type', async () => {
    const { page } = machine;
    await page.getByTestId('type-switch').getByText('B4', { exact: true }).click();
    await expectMarks('ranking-chart', '.ranking-bar', scoredOf(ofType('B4')).length);
    await page.getByTestId('type-switch').getByText(FIRST_TYPE, { exact: true }).click();
    await expect.poll(() => barOrder(), SETTLED).toEqual(rankingOrder(results));
  });

  it('re-ranks the bases when the chair switches the method to z-scores', async () => {
    const { page } = machine;
    const zResults = resultsBy('zScore');
    const before = await barOrder();
    expect(rankingOrder(zResults)).not.toEqual(before); // the demo's lenient expert matters
    await page.getByTestId('method-switch').getByText('Z 分数').click();
    await expectRanking(zResults);
    await page
      .getByTestId('method-switch')
      .getByText(/本轮规则/)
      .click();
    await expect.poll(() => barOrder(), SETTLED).toEqual(before);
  });

  it('opens the base profile from a click on a bar: radar, indicator bars, expert dots', async () => {
    await chart('ranking-chart').locator(`.ranking-bar[data-base-id="${lowest.base.id}"]`).click();
    await chart('profile-radar').locator('.recharts-radar').first().waitFor();
    expect(await machine.page.getByTestId('profile-summary').innerText()).toContain(
      lowest.base.name,
    );
    const template = demo.templates.find((t) => t.id === demo.round.templateByType[FIRST_TYPE]);
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
    const rows = scoredOf(ofType(FIRST_TYPE));
    await expectMarks('spread-chart', '.spread-box', rows.length);
    await expectMarks('spread-chart', '.recharts-errorBar', rows.length);
    await expectMarks(
      'spread-chart',
      '.spread-experts .recharts-scatter-symbol',
      rows.reduce((n, row) => n + row.sheets, 0),
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
    const shown = await rows.getByTestId('concordance-w').allInnerTexts();
    for (const [index, text] of shown.entries()) {
      const panel = demo.panels.find((p) => p.name === names[index]);
      const baseIds = demo.bases.filter((b) => b.panelId === panel?.id).map((b) => b.id);
      const expected = refKendallW(demo.scoresheets, baseIds);
      expect(text).toMatch(/^[01]\.\d{3}$/);
      expect(showsValue(text, expected.w ?? NaN, 3), `${names[index]}: W ${text}`).toBe(true);
      expect(await rows.nth(index).getByTestId('concordance-block').innerText()).toBe(
        `${expected.experts} 名专家 × ${expected.bases} 个基地`,
      );
    }
    expect(await rows.getByTestId('concordance-reading').allInnerTexts()).toHaveLength(
      demo.panels.length,
    );
    await table.screenshot({ path: screenshotPath('dashboard-concordance') });
  });

  it('names the experts outside the normal leniency band', async () => {
    await openTab('专家宽严', 'leniency-chart');
    const inView = new Set(ofType(FIRST_TYPE).map((row) => row.base.id));
    const leniency = refLeniency(demo.scoresheets, inView);
    await expectMarks('leniency-chart', '.recharts-bar-rectangle', leniency.length);
    const outliers = refLeniencyOutliers(leniency);
    expect(outliers.length).toBeGreaterThan(0);
    const alert = await machine.page.getByTestId('leniency-outliers').innerText();
    for (const outlier of outliers) {
      const name = demo.experts.find((e) => e.id === outlier.expertId)?.name ?? outlier.expertId;
      expect(alert).toContain(name);
    }
  });

  it('draws one slope line per base across mean, trimmed mean and z-score', async () => {
    await openTab('方法对比', 'method-chart');
    await expectMarks('method-chart', '.recharts-line', scoredOf(ofType(FIRST_TYPE)).length);
    const changes = refGradeChanges(demo.round, demo.bases, demo.scoresheets, FIRST_TYPE);
    expect(changes.length).toBeGreaterThan(0);
    const summary = await machine.page.getByTestId('method-summary').innerText();
    for (const base of changes) expect(summary).toContain(base.name);
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
    await page.getByTestId('type-switch').getByText(FIRST_TYPE, { exact: true }).click();
  });

  it("plots the chosen base's score in every round that evaluated it", async () => {
    await openTab('历年评估', 'history-chart');
    // Oldest first; each round under its own rule, grade bands and pool of sheets.
    const points = [...dataset.history, demo]
      .sort((a, b) => a.round.year - b.round.year)
      .flatMap((r) => {
        const base = r.bases.find((b) => b.code === lowest.base.code);
        const row =
          base &&
          referenceResults(r.round, r.bases, r.scoresheets).find(
            (candidate) => candidate.base.id === base.id,
          );
        return row ? [row] : [];
      });
    expect(points.length).toBeGreaterThan(1);
    await expectMarks('history-chart', '.history-point', points.length);
    const labels = await chart('history-chart')
      .locator('.history-point')
      .evaluateAll((groups) => groups.map((g) => g.querySelector('text')?.textContent ?? ''));
    expect(labels).toHaveLength(points.length);
    for (const [index, row] of points.entries()) {
      const [score = '', grade] = labels[index]?.split(' ') ?? [];
      expect(showsValue(score, row.value ?? NaN, 1), `${row.base.code}: ${score}`).toBe(true);
      expect(grade).toBe(GRADE_ZH[row.grade ?? '']);
    }
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
    expect(text).toContain(lowest.base.name);
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
