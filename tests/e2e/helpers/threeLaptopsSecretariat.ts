// The secretariat's screens in the three-laptops test: reading the bases table, the results
// table and the batch import summary, and importing a batch of score bundles.
import { expect } from 'vitest';
import type { Page } from 'playwright-core';

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
  await expect.poll(() => page.getByTestId('batch-file-row').count()).toBe(files.length);
  const statuses = await page
    .getByTestId('batch-file-status')
    .evaluateAll((tags) => tags.map((tag) => tag.getAttribute('data-status')));
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
