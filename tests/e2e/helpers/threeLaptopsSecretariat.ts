// The secretariat's screens in the three-laptops test: the set-up steps (wizard, roster,
// template, panels and experts, issuing the round bundles), reading the bases and results
// tables, importing a batch of score bundles and recording a decision.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type ExcelJS from 'exceljs';
import type { Download, Locator, Page } from 'playwright-core';
import { excelValues, excelWorkbook, loadWithExcelJs } from '../../helpers/xlsxBuilders';
import { SETTLED } from './browser';
import { confirmFingerprints } from './fingerprints';
import * as data from './threeLaptopsData';
import { chooseOption, downloadOf } from './threeLaptopsUi';

/** Creates the round with the wizard: periodic, proposed grade bands, the mean rule. */
export async function createRound(page: Page): Promise<void> {
  await page.getByTestId('new-round-home').click();
  await page.getByTestId('round-wizard').waitFor();
  await page.getByTestId('wizard-name').fill(data.ROUND_NAME);
  await page.getByTestId('wizard-year').fill(String(data.ROUND_YEAR));
  await page.getByTestId('wizard-type-periodic').click();
  await page.getByTestId('wizard-next').click();
  await page.getByTestId('wizard-next').click(); // grade bands and quotas as proposed
  await page.getByTestId('wizard-method-mean').click();
  await page.getByTestId('wizard-next').click();
  await page.getByTestId('wizard-template-A1').waitFor();
}

/** Writes the roster workbook with exceljs and picks it; returns the preview's summary. */
export async function previewRoster(page: Page, dir: string): Promise<string> {
  const file = join(dir, '基地名单.xlsx');
  writeFileSync(file, await excelWorkbook([{ name: '基地名单', rows: data.ROSTER_ROWS }]));
  const choosing = page.waitForEvent('filechooser');
  await page.getByTestId('roster-import-button').click();
  await (await choosing).setFiles(file);
  await page.getByTestId('roster-preview').waitFor();
  return page.getByTestId('roster-preview-summary').innerText();
}

/** Copies the key-laboratory system and re-weights it; the editor is left open. */
export async function editKeyLabTemplate(page: Page): Promise<void> {
  await page.getByTestId('template-copy-A1').click();
  await page.getByTestId('template-editor').waitFor();
  const edits = data.TEMPLATE_EDITS;
  for (const [id, points] of Object.entries(edits.secondary)) {
    await page.getByTestId(`secondary-points-${id}`).fill(String(points));
  }
  for (const [id, points] of Object.entries(edits.primary)) {
    await page.getByTestId(`primary-points-${id}`).fill(String(points));
  }
  await page.getByTestId('template-name').fill(edits.name);
  await page.getByTestId('template-problems').waitFor({ state: 'detached' });
}

export const panelCard = (page: Page, name: string) =>
  page.locator(`[data-testid="panel-card"][data-panel-name="${name}"]`);

/** Creates both panels, imports the experts from a CSV sheet and chooses each chair. */
export async function createPanels(page: Page): Promise<void> {
  for (const name of [data.PANEL_1, data.PANEL_2]) {
    await page.getByTestId('add-panel').click();
    await page.getByTestId('panel-name-input').fill(name);
    await page.getByTestId('panel-save').click();
    await panelCard(page, name).waitFor();
  }
  const choosing = page.waitForEvent('filechooser');
  await page.getByTestId('import-experts').click();
  await (
    await choosing
  ).setFiles({
    name: '专家名单.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`\uFEFF${data.EXPERT_CSV}`, 'utf8'),
  });
  await page.getByTestId('expert-import-preview').waitFor();
  await page.getByTestId('expert-import-confirm').click();
  await page.getByTestId('expert-import-confirm').waitFor({ state: 'detached' });
  for (const panel of [data.PANEL_1, data.PANEL_2]) {
    const members = data.EXPERTS.filter((e) => e.panel === panel).length;
    const card = panelCard(page, panel);
    await expect.poll(() => card.locator('tbody tr.ant-table-row').count(), SETTLED).toBe(members);
    await chooseOption(page, card.getByTestId('chair-select'), data.chairOf(panel).name);
    await card.getByTestId('chair-tag').waitFor();
  }
}

/** Runs the automatic assignment and applies the plan it previews. */
export async function autoAssign(page: Page): Promise<void> {
  await page.getByTestId('auto-assign-button').click();
  await page.getByTestId('auto-assign-preview').waitFor();
  await page.getByTestId('auto-assign-apply').click();
  await page.getByTestId('auto-assign-preview').waitFor({ state: 'detached' });
}

/** The conflicts list's row of an own-institution conflict on this base, marked 回避. */
export const recusedConflictRow = (page: Page, baseId: string) =>
  page.locator(
    `[data-testid="conflict-row"][data-kind="institution"][data-status="recused"][data-base-id="${baseId}"]`,
  );

/** The assignment matrix's cell of an expert and base, in the panel's matrix. */
export async function matrixCell(
  page: Page,
  panel: string,
  pair: { expertId: string; baseId: string },
): Promise<Locator> {
  await page.getByRole('tab', { name: '分配矩阵' }).click();
  await chooseOption(page, page.getByTestId('matrix-panel-select'), panel);
  const cell = page.locator(
    `[data-testid="matrix-cell"][data-expert-id="${pair.expertId}"][data-base-id="${pair.baseId}"]`,
  );
  await cell.waitFor();
  return cell;
}

/** Issues both round bundles, panel 2's encrypted; returns the saved file of each panel. */
export async function issueRoundBundles(page: Page, dir: string): Promise<Map<string, string>> {
  const rows = page.getByTestId('issue-section').locator('tbody tr.ant-table-row');
  await expect.poll(() => rows.count(), SETTLED).toBe(2);
  const names = await rows.locator('td:nth-child(2)').allInnerTexts();
  const row = names.indexOf(data.PANEL_2) + 1;
  await page.getByTestId(`panel-passphrase-${row}`).fill(data.PASSPHRASE);
  await page.getByTestId(`panel-passphrase-again-${row}`).fill(data.PASSPHRASE);
  const files = new Map<string, string>();
  const saving: Promise<void>[] = [];
  const onDownload = (download: Download) => {
    const path = join(dir, download.suggestedFilename());
    saving.push(download.saveAs(path));
    const panel = [data.PANEL_1, data.PANEL_2].find((p) =>
      download.suggestedFilename().startsWith(`评审包-${p}-`),
    );
    if (panel !== undefined) files.set(panel, path);
  };
  page.on('download', onDownload);
  await page.getByTestId('issue-button').click();
  await page.getByTestId('issue-done').waitFor();
  await expect.poll(() => saving.length, SETTLED).toBe(2);
  await Promise.all(saving);
  page.off('download', onDownload);
  return files;
}

/** Records a decision in the base's drawer and closes it. */
export async function recordDecision(
  page: Page,
  baseId: string,
  decision: { disposition: string; target: string; reason: string },
): Promise<string> {
  await page.getByTestId(`decide-${baseId}`).click();
  await page.getByTestId('decision-form').waitFor();
  await chooseOption(page, page.getByTestId('decision-disposition'), decision.disposition);
  await chooseOption(page, page.getByTestId('decision-target'), decision.target);
  await page.getByTestId('decision-reason').fill(decision.reason);
  await page.getByTestId('decision-actor').fill(data.OPERATOR);
  await page.getByTestId('decision-save').click();
  const current = page.getByTestId('decision-current');
  await current.getByText(decision.disposition, { exact: false }).waitFor();
  const text = await current.innerText();
  await page.keyboard.press('Escape');
  await page.getByTestId('decision-drawer').waitFor({ state: 'hidden' });
  return text;
}

export type BaseRow = { id: string; name: string; panel: string };

/** The bases table as shown: id, name and panel of each row. */
export async function readBasesTable(page: Page): Promise<BaseRow[]> {
  const table = page.getByTestId('bases-table');
  const header = await table.locator('thead th').allInnerTexts();
  const panelColumn = header.findIndex((title) => title.trim() === '专家组');
  expect(panelColumn).toBeGreaterThan(0);
  return table.locator('tbody tr.ant-table-row').evaluateAll(
    (rows, column) =>
      rows.map((row) => {
        const cells = [...row.querySelectorAll('td')].map((td) => td.innerText.trim());
        return {
          id: row.getAttribute('data-row-key') ?? '',
          name: cells[0] ?? '',
          panel: cells[column] ?? '',
        };
      }),
    panelColumn,
  );
}

export type ResultCells = { sheets: string; aggregate: string; decision: string };

/** The results table as shown, by base name: valid sheets, aggregate and decision. */
export async function readResultsTable(page: Page): Promise<Map<string, ResultCells>> {
  const table = page.getByTestId('results-table');
  await table.locator('tbody tr.ant-table-row').first().waitFor();
  const header = (await table.locator('thead th').allInnerTexts()).map((t) => t.trim());
  const column = (title: string) => {
    const index = header.indexOf(title);
    expect(index, `column ${title} in ${header.join('|')}`).toBeGreaterThanOrEqual(0);
    return index;
  };
  const wanted = [column('有效评分表'), column('汇总得分'), column('最终决定')];
  const rows = await table.locator('tbody tr.ant-table-row').evaluateAll(
    (trs, indexes) =>
      trs.map((tr) => {
        const cells = [...tr.querySelectorAll('td')].map((td) => td.innerText.trim());
        return [cells[0] ?? '', ...indexes.map((i) => cells[i] ?? '')];
      }),
    wanted,
  );
  return new Map(
    rows.map(([name = '', sheets = '', aggregate = '', decision = '']) => [
      // The name cell also shows the base code on a second line.
      name.split('\n')[0]?.trim() ?? '',
      { sheets, aggregate, decision },
    ]),
  );
}

/** Checks the results table against the expected valid sheets and means of each base. */
export function expectResults(
  shown: ReadonlyMap<string, ResultCells>,
  expected: ReadonlyMap<string, data.ExpectedBase>,
): void {
  for (const [name, want] of expected) {
    const cells = shown.get(name);
    expect(cells?.sheets, name).toBe(String(want.sheets));
    expect(cells?.aggregate, name).toBe(want.mean === null ? '—' : want.mean.toFixed(2));
  }
}

/** Exports the report workbook (a download) and reads it with exceljs. */
export async function exportReport(page: Page, dir: string): Promise<ExcelJS.Workbook> {
  const saved = await downloadOf(page, () => page.getByTestId('report-export-xlsx').click(), dir);
  return loadWithExcelJs(new Uint8Array(readFileSync(saved.path)));
}

/** 基地结果 by base name: valid sheets, aggregate, final decision and its rationale. */
export function reportResultRows(workbook: ExcelJS.Workbook): Map<string, Record<string, unknown>> {
  const sheet = workbook.getWorksheet('基地结果');
  if (!sheet) throw new Error('no 基地结果 in the workbook');
  const [header = [], ...rows] = excelValues(sheet);
  const cell = (row: unknown[], name: string) => row[header.indexOf(name)];
  return new Map(
    rows.map((row) => [
      String(cell(row, '基地名称')),
      {
        sheets: cell(row, '有效评分表'),
        aggregate: cell(row, '综合得分'),
        decision: cell(row, '最终决定'),
        reason: cell(row, '决定理由'),
      },
    ]),
  );
}

export type BatchResult = {
  statuses: (string | null)[];
  totals: string;
  counts: string;
  outcomes: (string | null)[];
  progress: string[];
};

/** Picks the files in one multi-file chooser, checks the preview, imports them and reads the summary. */
export async function importBatch(page: Page, files: readonly string[]): Promise<BatchResult> {
  await page.getByTestId('batch-import-button').waitFor();
  // Record every state the progress bar shows.
  await page.evaluate(() => {
    const seen: string[] = [];
    Object.assign(window, { progressSeen: seen });
    new MutationObserver(() => {
      const bar = document.querySelector('[data-testid="batch-progress"]');
      if (!bar) return;
      const state = `${bar.getAttribute('data-phase')} ${bar.getAttribute('data-done')}/${bar.getAttribute('data-total')}`;
      if (seen.at(-1) !== state) seen.push(state);
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  const choosing = page.waitForEvent('filechooser');
  await page.getByTestId('batch-import-button').click();
  await (await choosing).setFiles([...files]);
  await page.getByTestId('batch-commit-button').waitFor();
  await expect.poll(() => page.getByTestId('batch-file-row').count(), SETTLED).toBe(files.length);
  const statuses = await page
    .getByTestId('batch-file-status')
    .evaluateAll((tags) => tags.map((tag) => tag.getAttribute('data-status')));
  await confirmFingerprints(page);
  await page.getByTestId('batch-commit-button').click();
  const summary = page.getByTestId('batch-summary');
  await summary.waitFor();
  const outcomes = await summary
    .getByTestId('batch-summary-outcome')
    .evaluateAll((tags) => tags.map((tag) => tag.getAttribute('data-outcome')));
  const progress = await page.evaluate(
    () => (window as unknown as { progressSeen: string[] }).progressSeen,
  );
  return {
    statuses,
    totals: await page.getByTestId('batch-summary-totals').innerText(),
    counts: await page.getByTestId('batch-summary-counts').innerText(),
    outcomes,
    progress,
  };
}
