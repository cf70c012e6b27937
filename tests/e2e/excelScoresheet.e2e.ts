// An expert without the app scores in LibreOffice Calc (standing in for Excel and WPS), the
// rest of the panel in the app, and the secretariat brings both back in one batch. On a small
// round restored from a backup (tests/e2e/helpers/excelScoresheetRound.ts): the secretariat
// exports the panel's workbooks in one action and issues the panel's round bundle; LibreOffice,
// headless, types 李娜's scores, 处理建议 and 确认提交 into her workbook and saves it as .xlsx
// (tests/e2e/helpers/libreoffice.ts), while on a panel laptop 张伟 scores both bases and 李娜
// also scores the first one in the app, and the laptop exports the panel's score bundle. The
// workbook and the score bundle are dropped on the exchange tab together: both bring 李娜's
// first sheet, neither descending from the other, so there is one conflict, resolved side by
// side by keeping the workbook's copy. The results table then shows, per base, the mean of the
// totals the test typed (summed here, never by the product).
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Download, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { StaticServer } from '../../scripts/serve.mjs';
import {
  ARTIFACTS_DIR,
  SETTLED,
  describePage,
  launchMachine,
  screenshotPath,
  startServer,
} from './helpers/browser';
import type { Machine } from './helpers/browser';
import * as round from './helpers/excelScoresheetRound';
import type { FilledSheet, SmallRound } from './helpers/excelScoresheetRound';
import { confirmFingerprints } from './helpers/fingerprints';
import { fillWithLibreOffice } from './helpers/libreoffice';
import { readResultsTable } from './helpers/threeLaptopsSecretariat';
import * as ui from './helpers/threeLaptopsUi';

const OPERATOR = '秘书处 王芳';
const [CHAIR, EXCEL] = round.EXPERT_NAMES;
const [BASE_1, BASE_2] = round.BASE_NAMES;

/** Drops files on the exchange tab together, as from the file manager. */
async function dropOnExchange(page: Page, files: readonly string[]): Promise<void> {
  const payload = files.map((path) => [
    readFileSync(path).toString('base64'),
    path.slice(path.lastIndexOf('/') + 1),
  ]);
  await page.getByTestId('exchange-tab').evaluate((tab, all) => {
    const transfer = new DataTransfer();
    for (const [data = '', name = ''] of all) {
      const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      transfer.items.add(new File([bytes], name));
    }
    tab.dispatchEvent(
      new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }),
    );
  }, payload);
}

describe('an expert scores in LibreOffice, the panel in the app, one batch brings both back', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pinggu-excel-e2e-'));
  let data: SmallRound;
  let server: StaticServer;
  let secretariat: Machine;
  let laptop: Machine;
  const files = { workbook: '', filled: '', round: '', scores: '' };
  let filled: FilledSheet[] = [];
  /** Totals typed in the app: expert → base → total. */
  const inApp = new Map<string, Map<string, number>>();

  beforeAll(async () => {
    data = await round.smallRound();
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    server = await startServer();
    [secretariat, laptop] = await Promise.all([launchMachine(), launchMachine()]);
    for (const machine of [secretariat, laptop]) machine.page.setDefaultTimeout(60_000);
  });

  afterEach(async ({ task }) => {
    if (task.result?.state !== 'fail') return;
    for (const [name, machine] of Object.entries({ secretariat, laptop })) {
      if (machine === undefined) continue;
      console.log(`after "${task.name}", ${name} shows ${await describePage(machine.page)}`);
      console.log(`${name} page errors: ${JSON.stringify(machine.errors)}`);
    }
  });

  afterAll(async () => {
    await Promise.all([secretariat, laptop].map((machine) => machine?.close()));
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('secretariat: restores the round, exports the panel’s workbooks, issues its round bundle', async () => {
    const { page } = secretariat;
    await page.goto(server.url);
    await page.getByTestId('welcome').waitFor();
    const backup = join(dir, 'Excel评分表演练-备份.pgb');
    writeFileSync(backup, data.backup);
    await ui.dropOnWindow(page, backup, 'Excel评分表演练-备份.pgb');
    await page.getByTestId('import-preview').waitFor();
    await page.getByTestId('import-commit').click();
    await page.getByText('已从备份恢复本机的全部数据。').waitFor();
    await page.getByTestId('import-next').click();
    await page.getByTestId('import-dialog').waitFor({ state: 'hidden' });

    await page.goto(`${server.url}#/secretariat/exchange`);
    const section = page.getByTestId('workbook-export-section');
    await section.waitFor();
    const downloads: Download[] = [];
    page.on('download', (download) => downloads.push(download));
    await section.locator(`[data-panel-id="${data.panelId}"]`).click();
    await page.getByTestId('workbook-export-saved').waitFor();
    await expect.poll(() => downloads.length, SETTLED).toBe(round.EXPERT_NAMES.length);
    page.removeAllListeners('download');
    expect(downloads.map((d) => d.suggestedFilename()).sort()).toEqual(
      round.EXPERT_NAMES.map((name) => `评分表-${name}-${round.ROUND_NAME}.xlsx`).sort(),
    );
    const hers = downloads.find((d) => d.suggestedFilename().includes(`-${EXCEL}-`));
    if (!hers) throw new Error(`no workbook for ${EXCEL}`);
    files.workbook = join(dir, hers.suggestedFilename());
    await hers.saveAs(files.workbook);

    const rows = page.getByTestId('issue-section').locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.count(), SETTLED).toBe(1);
    const issued = await ui.downloadOf(page, () => page.getByTestId('issue-button').click(), dir);
    await page.getByTestId('issue-done').waitFor();
    expect(issued.suggested).toContain(round.PANEL_NAME);
    files.round = issued.path;
    expect(secretariat.errors).toEqual([]);
  });

  it('LibreOffice fills 李娜’s workbook while the panel scores on its laptop', async () => {
    const inLibreOffice = async () => {
      filled = await round.planFilling(new Uint8Array(readFileSync(files.workbook)), 1);
      expect(filled.map((s) => s.sheet)).toEqual([...round.BASE_CODES]);
      files.filled = join(dir, `已填-评分表-${EXCEL}.xlsx`);
      await fillWithLibreOffice(
        files.workbook,
        files.filled,
        filled.flatMap((s) => s.cells),
      );
      // The file is LibreOffice's own .xlsx, not ours with cells patched in.
      const parts = unzipSync(new Uint8Array(readFileSync(files.filled)));
      expect(strFromU8(parts['docProps/app.xml'] ?? new Uint8Array())).toContain(
        '<Application>LibreOffice',
      );
      // For the README's screenshot (rendered by hand), beside the other artifacts.
      copyFileSync(files.filled, join(ARTIFACTS_DIR, 'excel-scoresheet-libreoffice.xlsx'));
    };
    const onLaptop = async () => {
      const { page } = laptop;
      await page.goto(`${server.url}#/scoring`);
      expect(await ui.openRoundBundle(page, files.round)).toContain(round.PANEL_NAME);
      const plan: [string, number, string[]][] = [
        [CHAIR, 0, [BASE_1, BASE_2]],
        [EXCEL, 3, [BASE_1]],
      ];
      for (const [expert, who, bases] of plan) {
        await ui.chooseExpert(page, expert);
        const totals = new Map<string, number>();
        for (const base of bases) {
          const index = round.BASE_NAMES.indexOf(base as (typeof round.BASE_NAMES)[number]);
          const scores = data.maxima.map((max, row) => round.scoreFor(max, who, index, row));
          await ui.scoreAndSubmit(page, base, { ids: data.indicatorIds, scores });
          totals.set(base, round.sum(scores));
        }
        inApp.set(expert, totals);
      }
      const saved = await ui.exportScores(page, round.PANEL_NAME, dir, '沈阳组-电脑.pgb');
      expect(saved.result).toContain('共 3 份评分表');
      files.scores = saved.path;
    };
    await Promise.all([inLibreOffice(), onLaptop()]);
    // The two copies of 李娜's first sheet differ, so importing both is a real conflict.
    expect(filled[0]?.total).not.toBe(inApp.get(EXCEL)?.get(BASE_1));
    expect(laptop.errors).toEqual([]);
  }, 180_000);

  it('secretariat: imports the workbook and the score bundle in one batch; one conflict', async () => {
    const { page } = secretariat;
    await page.goto(`${server.url}#/secretariat/exchange`);
    await page.getByTestId('batch-import-button').waitFor();
    await dropOnExchange(page, [files.filled, files.scores]);
    await expect.poll(() => page.getByTestId('batch-file-row').count(), SETTLED).toBe(2);
    const statuses = await page
      .getByTestId('batch-file-status')
      .evaluateAll((tags) => tags.map((tag) => tag.getAttribute('data-status')));
    expect(statuses).toEqual(['ready', 'ready']);
    expect(await page.getByTestId('batch-workbook').innerText()).toContain(EXCEL);
    expect(await confirmFingerprints(page, OPERATOR)).toBe(1); // the laptop's key only
    await page.getByTestId('batch-commit-button').click();
    const summary = page.getByTestId('batch-summary');
    await summary.waitFor();
    const outcomes = await summary
      .getByTestId('batch-summary-outcome')
      .evaluateAll((tags) => tags.map((tag) => tag.getAttribute('data-outcome')));
    expect(outcomes).toEqual(['imported', 'imported']);
    expect(await page.getByTestId('batch-summary-counts').innerText()).toContain('冲突 1 项');
    await page.getByTestId('open-conflicts').waitFor();
    await page.screenshot({ path: screenshotPath('excel-libreoffice-batch'), fullPage: true });
    expect(secretariat.errors).toEqual([]);
  });

  it('secretariat: resolves the conflict side by side, keeping the workbook’s copy', async () => {
    const { page } = secretariat;
    const fromExcel = filled[0]?.total;
    const fromApp = inApp.get(EXCEL)?.get(BASE_1);
    await page.goto(`${server.url}#/secretariat/conflicts`);
    await page.locator('[data-testid="conflicts-tab-label"][data-open="1"]').waitFor();
    const list = page.getByTestId('conflict-list');
    expect(await list.innerText()).toContain(EXCEL);
    expect(await list.innerText()).toContain(BASE_1);
    await list.locator('[data-testid^="conflict-open-"]').first().click();
    const view = page.getByTestId('conflict-side-by-side');
    await view.waitFor();
    const totals = await view
      .locator('[data-testid="conflict-indicators"] tr[data-row-key="total"] td')
      .allInnerTexts();
    const [local, incoming] = [Number(totals[2]), Number(totals[3])];
    expect([local, incoming].sort((x, y) => x - y)).toEqual(
      [fromExcel, fromApp].sort((x = 0, y = 0) => x - y),
    );
    await view.evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: screenshotPath('excel-libreoffice-conflict') });
    await page.getByTestId('conflict-actor').fill(OPERATOR);
    const choice = local === fromExcel ? 'local' : 'incoming';
    await page.getByTestId(`resolve-${choice}`).click();
    await page.getByTestId(`resolve-${choice}-confirm`).click();
    await page.getByTestId('conflict-outcome').waitFor();
    expect(await page.getByTestId('conflict-outcome').innerText()).toContain(OPERATOR);
    await page.locator('[data-testid="conflicts-tab-label"][data-open="0"]').waitFor();
    expect(secretariat.errors).toEqual([]);
  });

  it('the results are the means of the totals typed, the workbook’s for 李娜', async () => {
    const { page } = secretariat;
    await page.goto(`${server.url}#/secretariat/results`);
    const shown = await readResultsTable(page);
    round.BASE_NAMES.forEach((base, i) => {
      const totals = [inApp.get(CHAIR)?.get(base), filled[i]?.total];
      const typed = totals.filter((t): t is number => t !== undefined);
      expect(typed).toHaveLength(2); // 张伟's in the app, 李娜's in LibreOffice; 王强 none
      expect(shown.get(base)?.sheets, base).toBe('2');
      expect(shown.get(base)?.aggregate, base).toBe((round.sum(typed) / 2).toFixed(2));
    });
    expect([...shown.keys()].sort()).toEqual([BASE_1, BASE_2].sort());
    await page.screenshot({ path: screenshotPath('excel-libreoffice-results'), fullPage: true });
    expect(secretariat.errors).toEqual([]);
  });
});
