// The secretariat's 分组与回避 in Chromium on the demo round: auto-assign with a preview
// (bases re-dealt except those already being scored; the issued bundles flagged), the panel
// balance after applying, an own-institution conflict listed as 回避 and never assigned in
// the matrix, a conflict declared through the UI, and a second run with nothing to change.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { generateDemoDataset } from '../../shared/demo/demoRound';
import { roundConflicts, writesForChanges } from '../../shared/secretariat/assignmentChanges';
import { planAutoAssignment } from '../../shared/secretariat/assignmentPlan';
import { SETTLED, screenshotPath, useMachine } from './helpers/browser';

// What the app must compute from the same demo records: the plan and the round after it.
const demo = generateDemoDataset().current;
const planned = planAutoAssignment(demo, { keepExisting: false });
if (!planned.ok) throw new Error(planned.message);
const plan = planned.value;
let n = 0;
const writes = writesForChanges(plan.changes, demo.bases, demo.round.id, {
  now: () => '2024-01-01T00:00:00.000Z',
  newId: () => `e2e-${(n += 1)}`,
});
const movedBases = new Map(writes.bases.map((b) => [b.id, b]));
const basesAfter = demo.bases.map((b) => movedBases.get(b.id) ?? b);
const panelOfBase = new Map(basesAfter.map((b) => [b.id, b.panelId]));
const sizes = [...plan.placement.sizes.values()];
const [minSize, maxSize] = [Math.min(...sizes), Math.max(...sizes)];

// An expert whose institution hosts a base of their own panel.
const ownInstitution = roundConflicts(demo).find(
  (c) =>
    c.kind === 'institution' &&
    demo.experts.find((e) => e.id === c.expertId)?.panelId === panelOfBase.get(c.baseId),
);
const conflictExpert = demo.experts.find((e) => e.id === ownInstitution?.expertId);
const conflictBase = basesAfter.find((b) => b.id === ownInstitution?.baseId);
// A pair to declare: assigned after the plan, and no sheet started for it.
const removedIds = new Set(writes.remove);
const assignmentsAfter = [
  ...demo.assignments.filter(
    (a) => !removedIds.has(a.id) && !writes.put.some((p) => p.id === a.id),
  ),
  ...writes.put,
];
const toDeclare = assignmentsAfter.find(
  (a) =>
    !a.recusal &&
    a.expertId !== conflictExpert?.id &&
    !demo.scoresheets.some((s) => s.expertId === a.expertId && s.baseId === a.baseId),
);
const declareExpert = demo.experts.find((e) => e.id === toDeclare?.expertId);
const declareBase = basesAfter.find((b) => b.id === toDeclare?.baseId);
if (!conflictExpert || !conflictBase || !declareExpert || !declareBase) {
  throw new Error('the demo round lacks an own-institution conflict or an open pair');
}
const panelName = (id: string | undefined) => demo.panels.find((p) => p.id === id)?.name ?? '';

const cell = (page: Page, expertId: string, baseId: string) =>
  page.locator(
    `[data-testid="matrix-cell"][data-expert-id="${expertId}"][data-base-id="${baseId}"]`,
  );
const conflictRow = (page: Page, expertId: string, baseId: string, kind: string) =>
  page.locator(
    `[data-testid="conflict-row"][data-expert-id="${expertId}"][data-base-id="${baseId}"][data-kind="${kind}"]`,
  );

async function choose(page: Page, testId: string, text: string) {
  await page.getByTestId(testId).click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/** Shows the matrix of a panel and pages to the base's column. */
async function showCell(page: Page, expertId: string, baseId: string) {
  await page.getByRole('tab', { name: '分配矩阵' }).click();
  await choose(page, 'matrix-panel-select', panelName(panelOfBase.get(baseId)));
  await page.getByTestId('assignment-matrix').waitFor();
  for (let k = 0; k < 5 && (await cell(page, expertId, baseId).count()) === 0; k += 1) {
    await page.locator('.ant-pagination-next').first().click();
  }
  return cell(page, expertId, baseId);
}

describe('the secretariat assigns bases and experts, with conflicts of interest', () => {
  const machine = useMachine({ width: 1440, height: 900 });

  it('loads the demo round and opens 分组与回避', async () => {
    const { page } = machine;
    await page.goto(machine.url);
    await page.getByTestId('load-demo').click();
    await page.getByTestId('home-round').waitFor();
    await page.getByTestId('main-nav').getByText('秘书处').click();
    await page.getByRole('tab', { name: '分组与回避' }).click();
    await page.getByTestId('assignment-tab').waitFor();
    expect(page.url()).toContain('#/secretariat/assignment');
  });

  it('previews the automatic assignment, then applies it: panels balanced as planned', async () => {
    const { page } = machine;
    await page.getByTestId('keep-existing').click(); // re-deal the bases nobody started
    await page.getByTestId('auto-assign-button').click();
    const preview = page.getByTestId('auto-assign-preview');
    await preview.waitFor();
    // The demo's round bundles were issued: the panels touched need new ones.
    expect(await page.getByTestId('preview-notice').first().innerText()).toContain(
      '评审包已经发出',
    );
    expect(await page.getByTestId('preview-summary').innerText()).toBe(
      `${plan.changes.moves.length} 个基地调整专家组；新增 ${plan.changes.add.length} 条、修改 ${plan.changes.update.length} 条、取消 ${plan.changes.remove.length} 条分配`,
    );
    for (const [panelId, size] of plan.placement.sizes) {
      const after = page
        .getByTestId('preview-sizes')
        .locator(`tr[data-row-key="${panelId}"] [data-testid="preview-after"]`);
      expect(await after.innerText()).toBe(String(size));
    }
    await page.screenshot({ path: screenshotPath('assignment-preview') });
    await page.getByTestId('auto-assign-apply').click();
    await preview.waitFor({ state: 'detached' });
    const balance = page.getByTestId('panel-balance');
    await page
      .locator(`[data-testid="panel-balance"][data-max="${maxSize}"][data-min="${minSize}"]`)
      .waitFor();
    expect(await balance.innerText()).toBe(`每组 ${minSize}–${maxSize} 个基地`);
    expect(maxSize - minSize).toBeLessThan(37 - 24); // the demo's regional panels: 24 to 37
  });

  it('lists the own-institution conflict as 回避 and never assigns it in the matrix', async () => {
    const { page } = machine;
    await page.getByRole('tab', { name: '利益冲突与回避' }).click();
    await page.getByTestId('conflict-list').waitFor();
    const row = conflictRow(page, conflictExpert.id, conflictBase.id, 'institution');
    // The row stands on the bases (and panel balance) already; its status follows the
    // assignments' live query, which may see the applied plan a moment later.
    await expect.poll(() => row.getAttribute('data-status'), SETTLED).toBe('recused');
    const text = await row.innerText();
    expect(text).toContain(conflictExpert.name);
    expect(text).toContain(conflictBase.name);
    expect(text).toContain('单位相同');
    expect(text).toContain('已回避');

    const conflictCell = await showCell(page, conflictExpert.id, conflictBase.id);
    expect(await conflictCell.getAttribute('data-state')).toBe('conflict');
    expect(await conflictCell.innerText()).toBe('回避');
    await conflictCell.hover();
    expect(await page.getByRole('tooltip').last().innerText()).toContain('为该基地依托单位');
    await page.screenshot({ path: screenshotPath('assignment-matrix'), fullPage: true });
  });

  it('declares a conflict through the UI: listed as declared, and the cell turns 回避', async () => {
    const { page } = machine;
    await page.getByRole('tab', { name: '利益冲突与回避' }).click();
    await page.getByTestId('declare-conflict-button').click();
    await choose(page, 'declare-panel', panelName(declareExpert.panelId));
    await choose(page, 'declare-expert', declareExpert.name);
    await choose(page, 'declare-base', declareBase.name);
    await page.getByTestId('declare-reason').fill('其配偶在该基地任职');
    await page.getByTestId('declare-confirm').click();
    const row = conflictRow(page, declareExpert.id, declareBase.id, 'declared');
    await row.waitFor();
    expect(await row.getAttribute('data-status')).toBe('recused');
    expect(await row.innerText()).toContain('其配偶在该基地任职');
    await page.screenshot({ path: screenshotPath('assignment-conflicts'), fullPage: true });

    const declared = await showCell(page, declareExpert.id, declareBase.id);
    expect(await declared.getAttribute('data-state')).toBe('conflict');
  });

  it('finds nothing to change when auto-assign runs again', async () => {
    const { page } = machine;
    await page.getByTestId('auto-assign-button').click();
    await page.getByTestId('preview-nothing').waitFor();
    expect(await page.getByTestId('auto-assign-apply').isDisabled()).toBe(true);
    await page
      .getByRole('button', { name: '取 消' })
      .or(page.getByRole('button', { name: '取消' }))
      .click();
    expect(machine.errors).toEqual([]);
  });
});
