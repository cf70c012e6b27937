// The steps of the lost-laptop test that the three-laptops helpers do not have: setting up
// and issuing the round with those helpers in one go, leaving a sheet half typed (a laptop
// that dies mid-sheet), finishing it on another laptop, 在本机继续 and its refusals, and a
// batch import that ticks whatever fingerprint confirmation the secretariat's screen asks for.
import { confirmFingerprints } from './fingerprints';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { SETTLED, waitForOrExplain } from './browser';
import * as data from './threeLaptopsData';
import * as office from './threeLaptopsSecretariat';
import type { BaseRow } from './threeLaptopsSecretariat';
import { fmt, sum } from './threeLaptopsData';

/** The secretariat's set-up as in the three-laptops test; returns the bases and round bundles. */
export async function setUpAndIssue(
  page: Page,
  url: string,
  dir: string,
): Promise<{ bases: BaseRow[]; roundFiles: Map<string, string> }> {
  const go = async (route: string, ready: string) => {
    await page.goto(`${url}#${route}`);
    await page.getByTestId(ready).first().waitFor();
  };
  await page.goto(url);
  await office.createRound(page);
  await page.getByTestId('wizard-finish').click();
  await page.getByTestId('round-settings').waitFor();
  await go('/secretariat/bases', 'roster-import-button');
  await office.previewRoster(page, dir);
  await page.getByTestId('roster-import-confirm').click();
  await page.getByText(`共 ${data.BASES.length} 个基地`).waitFor();
  await go('/secretariat/templates', 'templates-table');
  await office.editKeyLabTemplate(page);
  await page.getByTestId('template-save').click();
  const templateName = data.TEMPLATE_EDITS.name;
  await page.locator('[data-testid="template-name-A1"]', { hasText: templateName }).waitFor();
  await go('/secretariat/panels', 'add-panel');
  await office.createPanels(page);
  await go('/secretariat/assignment', 'auto-assign-button');
  await office.autoAssign(page);
  await page.locator('[data-testid="panel-balance"][data-min="3"][data-max="3"]').waitFor();
  await go('/secretariat/bases', 'bases-table');
  const bases = await office.readBasesTable(page);
  await go('/secretariat/exchange', 'issue-button');
  const roundFiles = await office.issueRoundBundles(page, dir);
  return { bases, roundFiles };
}

async function openSheet(page: Page, baseName: string): Promise<void> {
  const row = page
    .getByTestId('my-bases')
    .locator('tbody tr.ant-table-row')
    .filter({ hasText: baseName });
  await row.click();
  await page.locator('[data-testid="sheet-base-name"]', { hasText: baseName }).waitFor();
}

const saved = (page: Page) =>
  page.locator('[data-testid="save-state"][data-state="saved"]').waitFor();

async function backToList(page: Page): Promise<void> {
  await page.getByTestId('sheet-back').click();
  await page.getByTestId('my-bases').waitFor();
}

/** Types the first scores of a base not started yet and leaves it a draft (the laptop dies). */
export async function typeFirstScores(
  page: Page,
  baseName: string,
  sheet: { ids: readonly string[]; scores: readonly number[] },
): Promise<void> {
  await openSheet(page, baseName);
  await page.getByTestId(`score-${sheet.ids[0] ?? ''}`).focus();
  for (const score of sheet.scores) {
    await page.keyboard.type(String(score));
    await page.keyboard.press('Enter');
  }
  await saved(page);
  await backToList(page);
}

/**
 * Opens a draft, checks the scores already in it, types every score over (each field
 * selected first), picks 纳入 with Space, writes the comment, checks the total and submits.
 */
export async function finishDraft(
  page: Page,
  baseName: string,
  sheet: { ids: readonly string[]; scores: readonly number[] },
  alreadyThere: ReadonlyMap<string, number>,
): Promise<void> {
  await openSheet(page, baseName);
  expect(await page.getByTestId('sheet-state').innerText()).toBe('草稿');
  for (const [id, score] of alreadyThere) {
    expect(await page.getByTestId(`score-${id}`).inputValue()).toBe(fmt(score));
  }
  for (const [i, id] of sheet.ids.entries()) {
    await page.getByTestId(`score-${id}`).focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(String(sheet.scores[i] ?? ''));
  }
  await page.keyboard.press('Enter');
  await page.keyboard.press('Space'); // 纳入, with the base's own type as its target
  await page.getByTestId('overall-comment').fill(`${baseName}：在本机继续后完成评分。`);
  const total = fmt(sum(sheet.scores));
  await page.locator('[data-testid="sheet-total"]', { hasText: total }).waitFor();
  expect(await page.getByTestId('sheet-total').innerText()).toBe(total);
  await saved(page);
  await page.getByTestId('sheet-submit').click();
  await page.getByTestId('submit-confirm').click();
  const submitted = page.locator('[data-testid="sheet-state"]', { hasText: '已提交' });
  await waitForOrExplain(page, submitted, 'the continued sheet showing 已提交');
  await backToList(page);
}

async function chooseContinueFile(page: Page, file: string): Promise<void> {
  const choosing = page.waitForEvent('filechooser');
  await page.getByTestId('continue-here').click();
  await (await choosing).setFiles(file);
}

/** 在本机继续 with a file that must be refused: returns the sentence shown, and closes it. */
export async function continueRefused(page: Page, file: string): Promise<string> {
  await chooseContinueFile(page, file);
  const refusal = page.getByTestId('continue-refusal');
  await waitForOrExplain(page, refusal, 'the continue refusal');
  const text = await refusal.innerText();
  await page.getByRole('button', { name: '确 定' }).click();
  await refusal.waitFor({ state: 'detached' });
  return text;
}

export type ContinuePreviewRow = { cells: string[]; outcome: string };

/** 在本机继续 with the lost laptop's file: reads the preview, fills who and why, confirms. */
export async function continueHere(
  page: Page,
  file: string,
  form: { actor: string; reason: string },
  /** Called with the preview filled in, before confirming (e.g. for a screenshot). */
  onPreview: () => Promise<unknown> = async () => undefined,
): Promise<{ preview: string; rows: ContinuePreviewRow[]; done: string }> {
  await chooseContinueFile(page, file);
  const preview = page.getByTestId('continue-preview');
  await waitForOrExplain(page, preview, 'the continue preview');
  const rows = await page
    .getByTestId('continue-rows')
    .locator('tbody tr.ant-table-row')
    .evaluateAll((trs) =>
      trs.map((tr) => ({
        cells: [...tr.querySelectorAll<HTMLElement>('td')].map((td) => td.innerText.trim()),
        outcome:
          tr.querySelector('[data-testid="continue-outcome"]')?.getAttribute('data-outcome') ?? '',
      })),
    );
  const text = await preview.innerText();
  await page.getByTestId('continue-actor').fill(form.actor);
  await page.getByTestId('continue-reason').fill(form.reason);
  // Should this laptop's pins ask a person to accept the lost laptop's key, accept it.
  const accept = page.getByTestId('continue-accept-key');
  if ((await accept.count()) > 0) await accept.click();
  await onPreview();
  await page.getByTestId('continue-confirm').click();
  const done = page.getByTestId('continue-done');
  await waitForOrExplain(page, done, 'the continuation being committed');
  const doneText = await page.locator('.ant-result-subtitle').innerText();
  await done.click();
  await done.waitFor({ state: 'detached' });
  return { preview: text, rows, done: doneText };
}

/**
 * Imports score bundles in one batch at the secretariat. Whatever confirmation of a new
 * laptop's fingerprint the screen asks for (a checkbox whose test id names a key, a
 * fingerprint or trust) is ticked, as the clerk does after comparing it with the paper, and
 * an empty field for who checked (a test id naming an operator) gets the clerk's name.
 */
export async function importTickingKeys(
  page: Page,
  files: readonly string[],
): Promise<{ totals: string; counts: string }> {
  await page.getByTestId('batch-import-button').waitFor();
  const choosing = page.waitForEvent('filechooser');
  await page.getByTestId('batch-import-button').click();
  await (await choosing).setFiles([...files]);
  await page.getByTestId('batch-commit-button').waitFor();
  await expect.poll(() => page.getByTestId('batch-file-row').count(), SETTLED).toBe(files.length);
  // First the key confirmations (a person's tick and name), then the files they allowed.
  await confirmFingerprints(page);
  await page.evaluate(() => {
    const boxes = [...document.querySelectorAll<HTMLElement>('[data-testid]')]
      .filter((el) => /^batch-include-/.test(el.getAttribute('data-testid') ?? ''))
      .map((el) =>
        el instanceof HTMLInputElement ? el : el.querySelector<HTMLInputElement>('input'),
      )
      .filter((input): input is HTMLInputElement => input?.type === 'checkbox');
    for (const box of new Set(boxes)) if (!box.checked && !box.disabled) box.click();
  });
  const commit = page.getByTestId('batch-commit-button');
  await expect.poll(() => commit.isEnabled(), SETTLED).toBe(true);
  await commit.click();
  const summary = page.getByTestId('batch-summary');
  await waitForOrExplain(page, summary, 'the batch summary');
  return {
    totals: await page.getByTestId('batch-summary-totals').innerText(),
    counts: await page.getByTestId('batch-summary-counts').innerText(),
  };
}
