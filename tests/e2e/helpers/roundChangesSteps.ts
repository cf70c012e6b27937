// The steps of the round-changes test that the three-laptops helpers do not already have: the
// set-up up to the automatic assignment (their steps, in order), adding an expert to a panel,
// recording a change after issue on the assignment tab, scoring chosen sheets on a laptop,
// reading the 作废记录 card and recording a decision for every base.
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { SETTLED } from './browser';
import { secondaryIndicators } from '../../../shared/domain/templates';
import type { RoundChangeInput } from '../../../shared/secretariat/roundChangePlans';
import * as data from './threeLaptopsData';
import * as office from './threeLaptopsSecretariat';
import type { BaseRow } from './threeLaptopsSecretariat';
import * as ui from './threeLaptopsUi';

export type Go = (route: string, ready: string) => Promise<void>;

/** Wizard (mean rule), roster, re-weighted template, panels and experts, automatic assignment. */
export async function setUpRound(page: Page, go: Go, dir: string): Promise<BaseRow[]> {
  await go('/', 'new-round-home');
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
  await page.getByTestId('template-row-A1').getByText('自定义').waitFor();
  await go('/secretariat/panels', 'add-panel');
  await office.createPanels(page);
  await go('/secretariat/assignment', 'auto-assign-button');
  await office.autoAssign(page);
  await go('/secretariat/bases', 'bases-table');
  return office.readBasesTable(page);
}

/** Adds an expert to a panel on the panels tab (as the secretariat would for a replacement). */
export async function addExpert(
  page: Page,
  panel: string,
  expert: { name: string; institution: string },
): Promise<void> {
  const card = office.panelCard(page, panel);
  await card.getByTestId('add-expert').click();
  await page.getByTestId('expert-name').fill(expert.name);
  await page.getByTestId('expert-institution').fill(expert.institution);
  await page.getByTestId('expert-save').click();
  await card.getByText(expert.name).waitFor();
}

type ChangeFields = {
  panel?: string;
  expert?: string;
  replacement?: string;
  base?: string;
  targetPanel?: string;
};

/** Records a change after issue through its dialog on the assignment tab. */
export async function recordChange(
  page: Page,
  kind: RoundChangeInput['kind'],
  fields: ChangeFields,
  reason: string,
): Promise<void> {
  await page.getByTestId(`change-${kind}`).click();
  const dialog = page.getByTestId('change-dialog');
  await dialog.waitFor();
  const pick = async (testId: string, text: string | undefined) => {
    if (text !== undefined) await ui.chooseOption(page, page.getByTestId(testId), text);
  };
  await pick('change-panel', fields.panel);
  await pick('change-expert', fields.expert);
  await pick('change-replacement', fields.replacement);
  await pick('change-base', fields.base);
  await pick('change-target-panel', fields.targetPanel);
  await page.getByTestId('change-reason').fill(reason);
  await page.getByTestId('change-actor').fill(data.OPERATOR);
  await page.getByTestId('change-confirm').click();
  await dialog.waitFor({ state: 'detached' });
}

/** The replacement, who joins after the round was issued, and how lenient they are. */
export const REPLACEMENT = { name: '陈刚', institution: '辽宁大学', bias: 0.02 };

/** What an expert types, as threeLaptopsData.typedScores does, the replacement included. */
export function typedScores(expertName: string, baseName: string): data.TypedSheet {
  if (expertName !== REPLACEMENT.name) return data.typedScores(expertName, baseName);
  const base = data.baseByName(baseName);
  const indicators = secondaryIndicators(data.templateOf(base.type));
  return {
    ids: indicators.map((s) => s.id),
    scores: indicators.map(
      (s) => Math.floor(s.maxPoints * (base.level + REPLACEMENT.bias) * 2) / 2,
    ),
  };
}

/**
 * Opens a re-issued round bundle on a panel laptop, as threeLaptopsUi.openRoundBundle does, and
 * returns the changes its preview lists (one text per change, empty when it lists none).
 */
export async function openReissuedBundle(
  page: Page,
  file: string,
  passphrase?: string,
): Promise<string[]> {
  const choosing = page.waitForEvent('filechooser');
  await page.getByTestId('open-round-bundle').click();
  await (await choosing).setFiles(file);
  if (passphrase !== undefined) {
    await page.getByTestId('bundle-passphrase').fill(passphrase);
    await page.getByTestId('bundle-passphrase').press('Enter');
  }
  await page.getByTestId('bundle-preview').waitFor();
  const changes = await page.getByTestId('bundle-change').allInnerTexts();
  await page.getByRole('button', { name: '导 入' }).click();
  await page.getByTestId('bundle-done').click();
  await page.getByTestId('bundle-done').waitFor({ state: 'detached' });
  return changes;
}

/** The expert scores and submits these bases on this laptop; each is recorded in `sheets`. */
export async function scoreSheets(
  page: Page,
  expertName: string,
  baseNames: readonly string[],
  sheets: data.SheetRecord[],
): Promise<void> {
  await ui.chooseExpert(page, expertName);
  for (const baseName of baseNames) {
    const typed = typedScores(expertName, baseName);
    await ui.scoreAndSubmit(page, baseName, typed);
    sheets.push({ expert: expertName, base: baseName, total: data.sum(typed.scores) });
  }
}

export type VoidedRow = { base: string; expert: string; total: string; reason: string };

/** The 作废记录 card's rows: base (its name line), expert, total and reason. */
export async function readVoided(page: Page): Promise<VoidedRow[]> {
  const card = page.getByTestId('voided-sheets');
  await card.waitFor();
  const header = (await card.locator('thead th').allInnerTexts()).map((t) => t.trim());
  const at = (title: string) => header.indexOf(title);
  const columns = [at('基地'), at('专家'), at('总分'), at('原因')];
  expect(
    columns.every((i) => i >= 0),
    header.join('|'),
  ).toBe(true);
  const rows = await card.getByTestId('voided-sheet-row').evaluateAll(
    (trs, indexes) =>
      trs.map((tr) => {
        const cells = [...tr.querySelectorAll('td')].map((td) => td.innerText.trim());
        return indexes.map((i) => cells[i] ?? '');
      }),
    columns,
  );
  return rows.map(([base = '', expert = '', total = '', reason = '']) => ({
    base: base.split('\n')[0]?.trim() ?? '',
    expert,
    total,
    reason,
  }));
}

/**
 * Imports score bundles in one batch: picks the files, ticks each new panel key as checked
 * against the panel's paper summary where the preview asks for it, imports, and returns each
 * file's outcome.
 */
export async function importFiles(page: Page, files: readonly string[]): Promise<string[]> {
  await page.getByTestId('batch-import-button').waitFor();
  const choosing = page.waitForEvent('filechooser');
  await page.getByTestId('batch-import-button').click();
  await (await choosing).setFiles([...files]);
  await page.getByTestId('batch-commit-button').waitFor();
  await expect.poll(() => page.getByTestId('batch-file-row').count(), SETTLED).toBe(files.length);
  const keys = page.getByTestId('batch-confirm-key');
  for (let i = 0; i < (await keys.count()); i += 1) await keys.nth(i).check();
  if ((await page.getByTestId('key-operator').count()) > 0) {
    await page.getByTestId('key-operator').fill(data.OPERATOR);
  }
  await page.getByTestId('batch-commit-button').click();
  const summary = page.getByTestId('batch-summary');
  await summary.waitFor();
  return summary
    .getByTestId('batch-summary-outcome')
    .evaluateAll((tags) => tags.map((tag) => tag.getAttribute('data-outcome') ?? ''));
}

/** Records 纳入 (into the base's own type) for every base without a decision. */
export async function decideAll(page: Page, bases: readonly BaseRow[]): Promise<void> {
  for (const base of bases) {
    const type = data.baseByName(base.name).type;
    await office.recordDecision(page, base.id, {
      disposition: '纳入',
      target: `${type} `,
      reason: '评估结果符合要求，纳入新序列',
    });
  }
}
