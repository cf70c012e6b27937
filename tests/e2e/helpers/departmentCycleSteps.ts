// Steps of the department's cycle e2e (departmentCycle.e2e.ts) that several tests take: picking
// a file through the open dialog, the panel's score bundles written in Node for the round's
// assignments (as three expert laptops would send them), a decision recorded in the results
// tab, the closing (结束评估) with its two downloads, and a multiple choice in a select.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { createBundle, openBundle } from '../../../shared/bundle/bundle';
import { generateSigningKeyPair } from '../../../shared/bundle/bundleCrypto';
import { formatHlc } from '../../../shared/domain/hlc';
import type { Scoresheet } from '../../../shared/domain/types';
import { scoresForTotal } from '../../helpers/chartRound';
import { SETTLED } from './browser';
import { BASES, EXPERTS, OPERATOR } from './departmentCycleData';
import type { CycleBase } from './departmentCycleData';
import { chooseOption } from './threeLaptopsUi';

/** Clicks the button that opens the file dialog and answers it with `path`. */
export async function chooseFile(page: Page, testId: string, path: string): Promise<void> {
  const choosing = page.waitForEvent('filechooser');
  await page.getByTestId(testId).click();
  await (await choosing).setFiles(path);
}

/** Opens the select and ticks each option of a multiple select, then closes it. */
export async function chooseMany(page: Page, select: Locator, texts: readonly string[]) {
  await select.click();
  const open = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  for (const text of texts) {
    await open.locator('.ant-select-item-option').filter({ hasText: text }).first().click();
  }
  await page.keyboard.press('Escape');
  for (const text of texts) expect(await select.innerText()).toContain(text);
}

export type RoundBases = Map<string, { id: string; base: CycleBase }>;

/**
 * One score bundle per expert laptop for the issued round bundle at `roundFile`: every
 * assigned base scored to the total the data gives that expert, submitted, signed with the
 * laptop's own new key. Returns the files and the round's base ids by registry code.
 */
export async function writeScoreBundles(
  roundFile: string,
  dir: string,
): Promise<{ files: string[]; bases: RoundBases }> {
  const crypto = globalThis.crypto;
  const opened = await openBundle(new Uint8Array(readFileSync(roundFile)), {
    crypto,
    expectedKinds: ['round'],
  });
  if (!opened.ok || opened.kind !== 'round') throw new Error('not a round bundle');
  const { round, bases, experts, assignments, templates } = opened.payload;
  const byCode: RoundBases = new Map();
  for (const base of bases) {
    const data = BASES.find((b) => b.code === base.code);
    if (data === undefined) throw new Error(`unexpected base ${base.code}`);
    byCode.set(base.code, { id: base.id, base: data });
  }
  const files: string[] = [];
  const at = '2026-11-20T02:00:00.000Z';
  for (const expert of experts) {
    const index = EXPERTS.indexOf(expert.name as (typeof EXPERTS)[number]);
    if (index < 0) throw new Error(`unexpected expert ${expert.name}`);
    const deviceId = `laptop-${index + 1}`;
    const sheets = assignments
      .filter((a) => a.expertId === expert.id)
      .map((assignment, k): Scoresheet => {
        const base = bases.find((b) => b.id === assignment.baseId);
        const data = base && byCode.get(base.code)?.base;
        const template = templates.find((t) => t.id === (base && round.templateByType[base.type]));
        if (!base || !data || !template) throw new Error(`assignment ${assignment.id}`);
        const hlc = formatHlc({ ms: Date.parse(at) + k * 1000, counter: 0, deviceId });
        return {
          id: `sheet-${expert.id}-${base.id}`,
          roundId: round.id,
          baseId: base.id,
          expertId: expert.id,
          templateId: template.id,
          templateVersion: template.version,
          scores: scoresForTotal(template, data.totals[index] ?? 0),
          comments: {},
          overallComment: '现场考察情况与材料一致。',
          status: 'submitted',
          submittedAt: at,
          revision: 2,
          hlc,
          deviceId,
          updatedAt: at,
          versions: { [deviceId]: 2 },
        };
      });
    const bytes = await createBundle({
      kind: 'scores',
      roundId: round.id,
      panelId: expert.panelId,
      payload: { scoresheets: sheets, audit: [] },
      deviceId,
      appVersion: '0.1.0',
      createdAt: '2026-11-20T09:00:00.000Z',
      signer: await generateSigningKeyPair(crypto),
      crypto,
    });
    const file = join(dir, `评分-${expert.name}.pgb`);
    writeFileSync(file, bytes);
    files.push(file);
  }
  return { files, bases: byCode };
}

/** Records a base's decision in its drawer (target type or base when it needs one). */
export async function recordDecision(page: Page, baseId: string, base: CycleBase): Promise<void> {
  const { disposition, target, reason } = base.decision;
  await page.getByTestId(`decide-${baseId}`).click();
  await page.getByTestId('decision-form').waitFor();
  await chooseOption(page, page.getByTestId('decision-disposition'), disposition);
  if (target !== undefined) {
    await chooseOption(page, page.getByTestId('decision-target'), target);
  }
  await page.getByTestId('decision-reason').fill(reason);
  await page.getByTestId('decision-actor').fill(OPERATOR);
  await page.getByTestId('decision-save').click();
  await page.getByTestId('decision-current').getByText(OPERATOR).waitFor();
  await page.keyboard.press('Escape');
  await page.getByTestId('decision-drawer').waitFor({ state: 'hidden' });
}

export type Saved = { name: string; path: string; sha256: string };

/** 结束评估: confirms the closing and saves the report and the result bundle it downloads. */
export async function closeRound(
  page: Page,
  dir: string,
): Promise<{ report: Saved; result: Saved }> {
  await page.getByTestId('round-close').click();
  const saved: Saved[] = [];
  const onDownload = (file: { suggestedFilename(): string; saveAs(p: string): Promise<void> }) => {
    const path = join(dir, file.suggestedFilename());
    void file.saveAs(path).then(() => {
      const sha256 = createHash('sha256').update(readFileSync(path)).digest('hex');
      saved.push({ name: file.suggestedFilename(), path, sha256 });
    });
  };
  page.on('download', onDownload);
  await page.getByTestId('round-close-actor').fill(OPERATOR);
  await page.getByTestId('round-close-confirm').click();
  await expect.poll(() => saved.length, SETTLED).toBe(2);
  page.off('download', onDownload);
  const report = saved.find((s) => s.name.endsWith('.xlsx'));
  const result = saved.find((s) => s.name.endsWith('.pgb'));
  if (!report || !result) throw new Error(`closing saved ${saved.map((s) => s.name).join(', ')}`);
  return { report, result };
}
