// The secretariat's last steps in Chromium on the demo round: the 进度 tab counts exactly what
// an independent reference (tests/helpers/completenessReference.ts) counts, and exports the
// reminder list (CSV and Excel downloads, and a printable page); a score bundle from a second
// laptop that edited one sheet concurrently opens a conflict, which the clerk compares side by
// side and settles with agreed values (a refused value first); the results tab compares methods, warns about quotas, lists each
// panel's Kendall's W, and a merge decision with its target and rationale is recorded and
// shows in the base's audit history.
import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBundle } from '../../shared/bundle/bundle';
import { generateSigningKeyPair } from '../../shared/bundle/bundleCrypto';
import { generateDemoDataset } from '../../shared/demo/demoRound';
import { formatHlc } from '../../shared/domain/hlc';
import { secondaryIndicators } from '../../shared/domain/templates';
import type { Scoresheet } from '../../shared/domain/types';
import {
  referenceCounts,
  referenceOutstandingPanels,
  referenceReminderPeople,
} from '../helpers/completenessReference';
import { SETTLED, screenshotPath, useMachine } from './helpers/browser';
import { confirmFingerprints } from './helpers/fingerprints';
import { chooseOption } from './helpers/threeLaptopsUi';

const demo = generateDemoDataset().current;
const counts = referenceCounts(demo);
const reminderPeople = referenceReminderPeople(demo);

// A submitted sheet of a key laboratory, edited again on another laptop: its first
// indicator moved by one point.
const local = demo.scoresheets.find(
  (s) =>
    s.status === 'submitted' &&
    !s.recusal &&
    demo.bases.find((b) => b.id === s.baseId)?.type === 'A1',
);
const template = demo.templates.find((t) => t.id === local?.templateId);
const indicator = template ? secondaryIndicators(template)[0] : undefined;
const expert = demo.experts.find((e) => e.id === local?.expertId);
if (!local || !template || !indicator || !expert) throw new Error('demo data incomplete');
const before = local.scores[indicator.id] ?? 0;
const edited = before >= 1 ? before - 1 : before + 1;
const incoming: Scoresheet = {
  ...local,
  scores: { ...local.scores, [indicator.id]: edited },
  overallComment: `${local.overallComment}（复核后修改）`,
  revision: local.revision + 1,
  deviceId: 'laptop-e2e',
  versions: { 'laptop-e2e': 1 },
  hlc: formatHlc({
    ms: Date.parse('2023-10-20T08:00:00.000Z'),
    counter: 0,
    deviceId: 'laptop-e2e',
  }),
  updatedAt: '2023-10-20T08:00:00.000Z',
};

// Two key laboratories of the round: one is merged into the other.
const [mergedBase, targetBase] = demo.bases.filter((b) => b.type === 'A1');
if (!mergedBase || !targetBase) throw new Error('the demo has fewer than two key laboratories');
const RATIONALE = '研究方向高度重叠，经专家组评议建议并入';

const DOWNLOADS = mkdtempSync(join(tmpdir(), 'pinggu-results-'));

describe('secretariat progress, conflicts and results on the demo round', () => {
  const machine = useMachine({ width: 1440, height: 900 });

  const download = async (testId: string) => {
    const { page } = machine;
    const downloading = page.waitForEvent('download');
    await page.getByTestId(testId).click();
    const file = await downloading;
    const path = join(DOWNLOADS, file.suggestedFilename());
    await file.saveAs(path);
    return { name: file.suggestedFilename(), bytes: readFileSync(path) };
  };

  it('shows every panel with the counts the reference gives', async () => {
    const { page } = machine;
    await page.goto(machine.url);
    await page.getByTestId('load-demo').click();
    await page.getByTestId('home-round').waitFor();
    await page.goto(`${machine.url}#/secretariat/progress`);
    await page.getByTestId('progress-overall').waitFor();
    expect(await page.getByTestId('progress-overall').innerText()).toContain(
      `应评 ${counts.expected} 份：已提交 ${counts.submitted}，回避 ${counts.recused}，草稿 ${counts.draft}，未开始 ${counts.missing}`,
    );
    // The first card shows with the counts, the page's others a render later.
    await expect
      .poll(() => page.getByTestId('progress-panel-card').count(), SETTLED)
      .toBe(demo.panels.length);
    expect(reminderPeople.length).toBeGreaterThan(0);

    await page.getByTestId('only-outstanding').click();
    expect(await page.getByTestId('progress-panel-card').count()).toBe(
      referenceOutstandingPanels(demo),
    );
    await page.screenshot({ path: screenshotPath('secretariat-progress'), fullPage: false });
  });

  it('exports the reminder list as CSV and as an Excel workbook', async () => {
    const csv = await download('reminder-export-csv');
    expect(csv.name).toMatch(/^催办清单-.+-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = csv.bytes.toString('utf8');
    expect(text.startsWith('\uFEFF专家组,专家,工作单位,联系电话,未完成份数')).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines.length - 2).toBe(reminderPeople.length);
    // Panels appear in the app's panel order; every expert who owes sheets is there once.
    const people = lines.slice(1, -1).map((line) => line.split(',').slice(0, 2).join(','));
    expect(people.sort()).toEqual([...reminderPeople].sort());

    const xlsx = await download('reminder-export-xlsx');
    expect(xlsx.name).toMatch(/\.xlsx$/);
    expect([...xlsx.bytes.subarray(0, 2)]).toEqual([0x50, 0x4b]);
  });

  it('opens a printable reminder list and returns from it', async () => {
    const { page } = machine;
    await page.getByTestId('reminder-print-open').click();
    const sheet = page.getByTestId('reminder-print');
    await sheet.waitFor();
    expect(await sheet.locator('tbody tr').count()).toBe(reminderPeople.length);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#root').isVisible()).toBe(false);
    expect(await sheet.isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    await page.getByTestId('reminder-print-close').click();
    await sheet.waitFor({ state: 'detached' });
  });

  it('opens a conflict from a second laptop and compares the two copies side by side', async () => {
    const { page } = machine;
    const signer = await generateSigningKeyPair(globalThis.crypto);
    const bytes = await createBundle({
      kind: 'scores',
      roundId: demo.round.id,
      panelId: expert.panelId,
      payload: { scoresheets: [incoming], audit: [] },
      deviceId: 'laptop-e2e',
      appVersion: '0.1.0',
      createdAt: '2023-10-20T09:00:00.000Z',
      signer,
      crypto: globalThis.crypto,
    });
    await page.goto(`${machine.url}#/secretariat/conflicts`);
    await page.getByTestId('conflict-list').waitFor();
    expect(await page.getByTestId('conflict-list').innerText()).toContain('没有评分冲突');
    await page.evaluate((base64) => {
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([data], '复核-评分.pgb'));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, cancelable: true }));
    }, Buffer.from(bytes).toString('base64'));
    await page.getByTestId('import-preview').waitFor();
    expect(await confirmFingerprints(page)).toBe(1);
    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-next').click();

    await page.locator('[data-testid="conflicts-tab-label"][data-open="1"]').waitFor();
    // The tab's label counts open conflicts in a live query of its own: the list's query may
    // see the import a moment later.
    const list = page.getByTestId('conflict-list');
    await expect.poll(() => list.innerText(), SETTLED).toContain('复核-评分.pgb');
    expect(await list.innerText()).toContain(expert.name);
    const view = page.getByTestId('conflict-side-by-side');
    await view.waitFor();
    // The edited indicator and the overall comment are marked as different, nothing else is.
    const row = view.locator(`tr[data-row-key="${indicator.id}"]`);
    expect(await row.locator('[data-different="true"]').count()).toBe(2);
    expect(await row.innerText()).toContain(String(edited));
    expect(await row.innerText()).toContain(String(before));
    const meta = view.getByTestId('conflict-meta');
    expect(
      await meta.locator('tr[data-row-key="overallComment"] [data-different="true"]').count(),
    ).toBe(2);
    expect(await meta.locator('tr[data-row-key="status"] [data-different="true"]').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('secretariat-conflict'), fullPage: false });
  });

  it('refuses an agreed score above the maximum, then saves the agreed values, audited', async () => {
    const { page } = machine;
    await page.getByTestId('resolve-manual').click();
    const input = page.getByTestId(`manual-score-${indicator.id}`);
    await input.fill(String(indicator.maxPoints + 5));
    await page.getByTestId('conflict-actor').fill('秘书处 王芳');
    await page.getByTestId('manual-save').click();
    expect(await page.getByTestId('manual-problems').innerText()).toContain(
      `分值须在 0 到 ${indicator.maxPoints} 之间`,
    );
    expect(
      await page.locator('[data-testid="conflicts-tab-label"]').getAttribute('data-open'),
    ).toBe('1');
    await input.fill(String(before));
    await page.getByTestId('manual-save').click();
    const outcome = page.getByTestId('conflict-outcome');
    await outcome.waitFor();
    expect(await outcome.innerText()).toContain('秘书处 王芳');
    expect(await outcome.innerText()).toContain('录入商定的分数');
    await page.locator('[data-testid="conflicts-tab-label"][data-open="0"]').waitFor();
    expect(machine.errors).toEqual([]);
  });

  it('compares the four methods and shows the quota check above the results', async () => {
    const { page } = machine;
    await page.goto(`${machine.url}#/secretariat/results`);
    await page.getByTestId('results-table').waitFor();
    await page.getByTestId('quota-warnings').waitFor();
    await page.getByTestId('method-compare').getByText('四种方法对照').click();
    const header = await page.getByTestId('results-table').locator('thead').innerText();
    for (const name of ['算术平均', '中位数', '去极值平均', 'Z 分数'])
      expect(header).toContain(name);
    await page.getByTestId('method-compare').getByText('本轮规则', { exact: false }).click();
    expect(await page.getByTestId('results-table').locator('thead').innerText()).toContain(
      '汇总得分',
    );
    // Below the results: Kendall's W of each panel, a number between 0 and 1.
    const concordance = page.getByTestId('concordance-table');
    const rows = concordance.locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.count(), SETTLED).toBe(demo.panels.length);
    const names = await rows.locator('td:nth-child(1)').allInnerTexts();
    expect([...names].sort()).toEqual(demo.panels.map((p) => p.name).sort());
    for (const text of await rows.getByTestId('concordance-w').allInnerTexts()) {
      expect(text).toMatch(/^[01]\.\d{3}$/);
      expect(Number(text)).toBeGreaterThanOrEqual(0);
      expect(Number(text)).toBeLessThanOrEqual(1);
    }
  });

  it('records a merge into another key laboratory with a rationale, seen in the audit history', async () => {
    const { page } = machine;
    await page.getByTestId('filter-search').locator('input').fill(mergedBase.name);
    await page.getByTestId(`decide-${mergedBase.id}`).click();
    const form = page.getByTestId('decision-form');
    await form.waitFor();
    // Checked picks: on a busy machine a click can land while a dropdown is still opening.
    await chooseOption(page, page.getByTestId('decision-disposition'), '合并');
    await chooseOption(page, page.getByTestId('decision-target'), targetBase.name, {
      search: true,
    });
    // Without a rationale nothing is recorded.
    await page.getByTestId('decision-actor').fill('秘书处 王芳');
    await page.getByTestId('decision-save').click();
    await form.getByText('请填写决定理由').waitFor();
    expect(await page.getByTestId('decision-audit').innerText()).toContain('暂无记录');

    await page.getByTestId('decision-reason').fill(RATIONALE);
    await page.getByTestId('decision-save').click();
    const current = page.getByTestId('decision-current');
    await current.getByText(`合并 → ${targetBase.name}`, { exact: false }).waitFor();
    expect(await current.innerText()).toContain('秘书处 王芳');
    const audit = page.getByTestId('decision-audit');
    await audit.getByText(`合并 → ${targetBase.name}：${RATIONALE}`).waitFor();
    expect(await audit.innerText()).toContain('秘书处 王芳');
    await page.screenshot({ path: screenshotPath('secretariat-decision'), fullPage: false });

    await page.keyboard.press('Escape');
    const row = page.locator(`tr[data-row-key="${mergedBase.id}"]`);
    expect(await row.getByTestId('row-decision').innerText()).toBe(`合并 → ${targetBase.name}`);
    expect(machine.errors).toEqual([]);
  });
});
