// The UI steps the three-laptops test repeats, written once: choosing options, downloads,
// opening a round bundle on a panel laptop, an expert choosing their name, scoring a sheet
// by keyboard, recusing, reopening with the chair's PIN, and exporting the panel's score bundle.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { chooseOption, waitForOrExplain } from './browser';
import { fmt, sum } from './threeLaptopsData';

export const PIN = '2468';

// Kept here for the files that import it from this module; it lives in browser.ts.
export { chooseOption };

/** Runs `action`, which downloads one file, and saves it as `dir/name` (default: its own name). */
export async function downloadOf(
  page: Page,
  action: () => Promise<void>,
  dir: string,
  name?: string,
): Promise<{ path: string; suggested: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), action()]);
  const suggested = download.suggestedFilename();
  const path = join(dir, name ?? suggested);
  await download.saveAs(path);
  return { path, suggested };
}

/** Drops a file on the window, as from the file manager. */
export async function dropOnWindow(page: Page, path: string, name: string): Promise<void> {
  const base64 = readFileSync(path).toString('base64');
  await page.evaluate(
    ([data, fileName]) => {
      const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], fileName));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, cancelable: true }));
    },
    [base64, name] as const,
  );
}

/** Opens a round bundle through 打开评审包 on the scoring screen, with its passphrase if any. */
export async function openRoundBundle(
  page: Page,
  file: string,
  passphrase?: string,
): Promise<string> {
  await page.getByTestId('open-round-bundle').waitFor();
  const choosing = page.waitForEvent('filechooser');
  await page.getByTestId('open-round-bundle').click();
  await (await choosing).setFiles(file);
  if (passphrase !== undefined) {
    await page.getByTestId('bundle-passphrase').fill(passphrase);
    await page.getByTestId('bundle-passphrase').press('Enter');
  }
  const preview = page.getByTestId('bundle-preview');
  await preview.waitFor();
  const text = await preview.innerText();
  await page.getByRole('button', { name: '导 入' }).click();
  await page.getByTestId('bundle-done').click();
  await page.getByTestId('bundle-done').waitFor({ state: 'detached' });
  return text;
}

// Per laptop (one page each): who has set a PIN there, and who is chosen now.
const laptops = new WeakMap<Page, { withPin: Set<string>; current?: string }>();

/** The expert picks their name; a PIN is set on first use on this laptop, typed after. */
export async function chooseExpert(page: Page, name: string): Promise<void> {
  const laptop = laptops.get(page) ?? { withPin: new Set<string>() };
  laptops.set(page, laptop);
  if (laptop.current === name) {
    await page.getByTestId('my-bases').waitFor();
    return;
  }
  await page.getByTestId('expert-select').click();
  await page.keyboard.type(name);
  await page.keyboard.press('Enter');
  if (laptop.withPin.has(name)) {
    const unlocking = page.getByTestId('pin-unlock');
    await unlocking.fill(PIN);
    await unlocking.press('Enter');
    await unlocking.waitFor({ state: 'detached' });
  } else {
    const setting = page.getByTestId('pin-new');
    await setting.fill(PIN);
    await page.getByTestId('pin-again').fill(PIN);
    await page.getByTestId('pin-save').click();
    await setting.waitFor({ state: 'detached' });
    laptop.withPin.add(name);
  }
  laptop.current = name;
  await page.locator('[data-testid="expert-select"]', { hasText: name }).waitFor();
  await page.getByTestId('my-bases').waitFor();
}

/** The names of the bases in the chosen expert's list, with each row's state. */
export async function myBases(page: Page): Promise<Map<string, string>> {
  const rows = page.getByTestId('my-bases').locator('tbody tr.ant-table-row');
  const list = await rows.evaluateAll((trs) =>
    trs.map((tr) => [
      tr.querySelector<HTMLElement>('td strong')?.innerText.trim() ?? '',
      tr.querySelector<HTMLElement>('[data-testid="row-state"]')?.innerText.trim() ?? '',
    ]),
  );
  return new Map(list.map(([name = '', state = '']) => [name, state]));
}

const waitSaved = (page: Page) =>
  page.locator('[data-testid="save-state"][data-state="saved"]').waitFor();

async function openSheet(page: Page, baseName: string): Promise<void> {
  const row = page
    .getByTestId('my-bases')
    .locator('tbody tr.ant-table-row')
    .filter({ hasText: baseName });
  await row.click();
  await page.locator('[data-testid="sheet-base-name"]', { hasText: baseName }).waitFor();
}

async function backToList(page: Page): Promise<void> {
  await page.getByTestId('sheet-back').click();
  await page.getByTestId('my-bases').waitFor();
}

async function submitSheet(page: Page): Promise<void> {
  await waitSaved(page);
  await page.getByTestId('sheet-submit').click();
  await page.getByTestId('submit-confirm').click();
  const submitted = page.locator('[data-testid="sheet-state"]', { hasText: '已提交' });
  await waitForOrExplain(page, submitted, 'the sheet showing 已提交');
}

/**
 * Types the scores indicator by indicator (type, Enter, type, Enter …) as experts do, picks
 * 纳入 with Space, writes the overall comment, checks the total and submits.
 */
export async function scoreAndSubmit(
  page: Page,
  baseName: string,
  sheet: { ids: readonly string[]; scores: readonly number[] },
): Promise<void> {
  const { ids, scores } = sheet;
  await openSheet(page, baseName);
  expect(await page.getByTestId('sheet-state').innerText()).toBe('未开始');
  await page.getByTestId(`score-${ids[0] ?? ''}`).focus();
  for (const score of scores) {
    await page.keyboard.type(String(score));
    await page.keyboard.press('Enter');
  }
  await page.keyboard.press('Space'); // 纳入, with the base's own type as its target
  await page.getByTestId('overall-comment').fill(`${baseName}：运行规范，成果较好。`);
  expect(await page.getByTestId('sheet-total').innerText()).toBe(fmt(sum(scores)));
  expect(await page.getByTestId('sheet-scored').innerText()).toBe(
    `已打分 ${ids.length} / ${ids.length}`,
  );
  await submitSheet(page);
  await backToList(page);
}

/** Declares a recusal on a base not yet started. */
export async function recuse(page: Page, baseName: string, reason: string): Promise<void> {
  await openSheet(page, baseName);
  await page.getByTestId('sheet-recuse').click();
  await page.getByTestId('recusal-reason').fill(reason);
  await page.getByTestId('recusal-confirm').click();
  await page.locator('[data-testid="sheet-state"]', { hasText: '回避' }).waitFor();
  await backToList(page);
}

/**
 * The chair reopens a submitted sheet with the chair's PIN: `pin` when the chair has one on
 * this laptop, `newPin` (typed twice) when the chair sets one now. The expert then changes
 * scores and submits again.
 */
export async function reopenEditSubmit(
  page: Page,
  baseName: string,
  proof: { pin: string } | { newPin: string },
  changes: ReadonlyMap<string, number>,
  expectedTotal: number,
): Promise<void> {
  await openSheet(page, baseName);
  await page.getByTestId('sheet-reopen').click();
  await page.getByTestId('reopen-reason').fill('组长同意复核后修改分数');
  if ('pin' in proof) {
    await page.getByTestId('reopen-proof').fill(proof.pin);
  } else {
    await page.getByTestId('reopen-proof-new').fill(proof.newPin);
    await page.getByTestId('reopen-proof-again').fill(proof.newPin);
  }
  await page.getByTestId('reopen-confirm').click();
  await page.locator('[data-testid="sheet-state"]', { hasText: '草稿' }).waitFor();
  for (const [id, score] of changes) {
    const input = page.getByTestId(`score-${id}`);
    await input.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(String(score));
    await page.keyboard.press('Tab');
  }
  await page.locator('[data-testid="sheet-total"]', { hasText: fmt(expectedTotal) }).waitFor();
  expect(await page.getByTestId('sheet-total').innerText()).toBe(fmt(expectedTotal));
  await submitSheet(page);
  await backToList(page);
}

/** Exports a panel's score bundle from the panel overview; returns the saved file. */
export async function exportScores(
  page: Page,
  panelName: string,
  dir: string,
  saveAs: string,
): Promise<{ path: string; suggested: string; result: string }> {
  await page.getByRole('button', { name: '专家组总览' }).click();
  await page.getByTestId('panel-matrix').waitFor();
  const select = page.getByTestId('panel-select');
  if (!(await select.innerText()).includes(panelName)) {
    await chooseOption(page, select, panelName);
    await page.locator('[data-testid="panel-select"]', { hasText: panelName }).waitFor();
  }
  await page.getByTestId('export-scores').click();
  const saved = await downloadOf(
    page,
    () => page.getByRole('button', { name: '导 出' }).click(),
    dir,
    saveAs,
  );
  const result = await page.getByTestId('export-result').innerText();
  await page.getByRole('button', { name: '确 定' }).click();
  await page.getByTestId('export-result').waitFor({ state: 'detached' });
  await page.getByRole('button', { name: '返回专家评分' }).click();
  await page.getByTestId('expert-select').waitFor();
  return { ...saved, result };
}
