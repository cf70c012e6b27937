// The Excel scoresheet round trip through the secretariat's screens in Chromium: load the demo
// round, export one panel's workbooks in one action (a download per expert in the browser),
// fill one expert's workbook the way a spreadsheet program saves typed cells, bring it back
// through the batch import's 选择 Excel 评分表… (preview row marked as an Excel scoresheet, no
// key to tick), import it, and import the same file again: nothing changes. (LibreOffice
// filling the workbook is tests/e2e/excelScoresheet.e2e.ts.)
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Download } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { generateDemoDataset } from '../../shared/demo/demoRound';
import { readXlsx } from '../../shared/xlsx/read';
import { IDENTITY_SHEET, sheetLayout } from '../../shared/workbook';
import { typeInto } from '../helpers/workbookBuilders';
import type { CellValue } from '../helpers/workbookBuilders';
import { SETTLED, screenshotPath, useMachine } from './helpers/browser';

const demo = generateDemoDataset().current;
const folder = mkdtempSync(join(tmpdir(), 'pinggu-workbooks-'));
const panel = [...demo.panels].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))[0];
const scoring = demo.experts.filter(
  (e) =>
    e.panelId === panel?.id &&
    demo.assignments.some((a) => a.expertId === e.id && a.recusal === undefined),
);
let filledPath = '';

/** Every score of every base sheet of the workbook: the maximum minus 0.5; submitted. */
function filled(bytes: Uint8Array): Uint8Array {
  const read = readXlsx(bytes);
  if (!read.ok) throw new Error(read.message);
  const identity = read.sheets.find((s) => s.name === IDENTITY_SHEET)?.rows ?? [];
  const edits: Record<string, Record<string, CellValue>> = {};
  for (const [, sheetName, , , templateId] of identity.filter((r) => r[0] === 'base')) {
    const template = demo.templates.find((t) => t.id === templateId);
    if (!template || !sheetName) throw new Error(`template ${templateId ?? ''}`);
    const layout = sheetLayout(template);
    const cells: Record<string, CellValue> = {};
    for (const row of layout.rows) cells[`D${row.row}`] = row.maxPoints - 0.5;
    cells[`B${layout.inputs.disposition}`] = '保留并调整方向';
    cells[`B${layout.inputs.confirm}`] = '是';
    edits[sheetName] = cells;
  }
  return typeInto(bytes, edits);
}

describe('Excel scoresheets through the secretariat’s screens', () => {
  const machine = useMachine({ height: 1000, defaultTimeout: 90_000 });

  it('exports a panel’s workbooks in one action, one file per expert', async () => {
    const { page } = machine;
    await page.goto(machine.url);
    await page.getByTestId('load-demo').click();
    await page.getByTestId('home-round').waitFor();
    await page.goto(`${machine.url}#/secretariat/exchange`);
    const section = page.getByTestId('workbook-export-section');
    await section.waitFor();
    const downloads: Download[] = [];
    page.on('download', (download) => downloads.push(download));
    await section.locator(`[data-panel-id="${panel?.id ?? ''}"]`).click();
    await page.getByTestId('workbook-export-saved').waitFor();
    await expect.poll(() => downloads.length, { timeout: 30_000 }).toBe(scoring.length);
    const names = downloads.map((d) => d.suggestedFilename()).sort();
    expect(names).toEqual(scoring.map((e) => `评分表-${e.name}-${demo.round.name}.xlsx`).sort());
    const expert = scoring[0];
    const mine = downloads.find((d) => d.suggestedFilename().includes(`-${expert?.name ?? ''}-`));
    if (!mine) throw new Error('download');
    const path = join(folder, mine.suggestedFilename());
    await mine.saveAs(path);
    filledPath = join(folder, `已填-${mine.suggestedFilename()}`);
    writeFileSync(filledPath, filled(new Uint8Array(readFileSync(path))));
    await section.screenshot({ path: screenshotPath('excel-export') });
    expect(machine.errors).toEqual([]);
  });

  it('imports the filled workbook through the batch import, without a key to tick', async () => {
    const { page } = machine;
    const choosing = page.waitForEvent('filechooser');
    await page.getByTestId('batch-import-workbooks-button').click();
    await (await choosing).setFiles([filledPath]);
    const rows = page.getByTestId('batch-file-row');
    await expect.poll(() => rows.count(), SETTLED).toBe(1);
    expect(await page.getByTestId('batch-workbook').innerText()).toContain(scoring[0]?.name);
    expect(await page.getByTestId('batch-file-status').getAttribute('data-status')).toBe('ready');
    expect(await page.getByTestId('batch-confirm-key').count()).toBe(0);
    await rows.first().locator('.ant-table-row-expand-icon').click();
    await page.getByTestId('workbook-preview').waitFor();
    const states = await page
      .getByTestId('workbook-base-state')
      .evaluateAll((tags) => tags.map((tag) => tag.getAttribute('data-state')));
    expect(states.length).toBeGreaterThan(0);
    expect(new Set(states)).toEqual(new Set(['submitted']));
    await page.screenshot({ path: screenshotPath('excel-batch-preview'), fullPage: true });
    await page.getByTestId('batch-commit-button').click();
    await page.getByTestId('batch-summary').waitFor();
    const outcomes = await page
      .getByTestId('batch-summary-outcome')
      .evaluateAll((tags) => tags.map((tag) => tag.getAttribute('data-outcome')));
    expect(outcomes).toEqual(['imported']);
    expect(machine.errors).toEqual([]);
  });

  it('recognises the same file imported again: nothing changes', async () => {
    const { page } = machine;
    await page.getByTestId('batch-again').click();
    const choosing = page.waitForEvent('filechooser');
    await page.getByTestId('batch-import-workbooks-button').click();
    await (await choosing).setFiles([filledPath]);
    await expect
      .poll(() => page.getByTestId('batch-file-status').getAttribute('data-status'), SETTLED)
      .toBe('unchanged');
    expect(machine.errors).toEqual([]);
  });
});
