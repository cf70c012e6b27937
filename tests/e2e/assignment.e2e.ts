// The secretariat's 分组与回避 in Chromium on the demo round: auto-assign with a preview
// (bases re-dealt except those already being scored; the issued bundles flagged), then the
// stored round is checked against the definitions (tests/helpers/assignmentReference.ts),
// not against the planner: bases being scored kept their panel, the panels are as level as
// those allow, every base is scored by every expert of its panel, and an expert is never
// assigned a base of their own institution; the preview's numbers are the changes the
// stored records show. Then an own-institution conflict is listed as 回避 and never assigned
// in the matrix, a conflict is declared through the UI, and a second run has nothing to change.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { generateDemoDataset } from '../../shared/demo/demoRound';
import {
  isOwnInstitution,
  levelledSizes,
  panelSizes,
  recordChanges,
  startedBaseIds,
  type Pair,
  type PanelExpert,
  type PlacedBase,
} from '../helpers/assignmentReference';
import { SETTLED, screenshotPath, useMachine, waitForOrExplain } from './helpers/browser';

const demo = generateDemoDataset().current;
const panelIds = demo.panels.map((p) => p.id);
const panelName = (id: string | undefined) => demo.panels.find((p) => p.id === id)?.name ?? '';
const started = startedBaseIds(demo.scoresheets);

type StoredBase = PlacedBase & { name: string; roundId: string };
type StoredExpert = PanelExpert & { name: string; roundId: string };
type StoredPair = Pair & { panelId: string; roundId: string };
type Stored = { bases: StoredBase[]; experts: StoredExpert[]; assignments: StoredPair[] };

/** The demo round's bases, experts and assignments as the app stored them (IndexedDB). */
async function readRound(page: Page): Promise<Stored> {
  const all = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('pinggu');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('cannot open pinggu'));
    });
    const read = (store: string) =>
      new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error(`cannot read ${store}`));
      });
    try {
      return {
        bases: await read('bases'),
        experts: await read('experts'),
        assignments: await read('assignments'),
      };
    } finally {
      db.close();
    }
  });
  const ofRound = <T extends { roundId: string }>(records: unknown[]) =>
    (records as T[]).filter((record) => record.roundId === demo.round.id);
  return {
    bases: ofRound<StoredBase>(all.bases),
    experts: ofRound<StoredExpert>(all.experts),
    assignments: ofRound<StoredPair>(all.assignments),
  };
}

// Read from the app's records as the tests go; the conflict and the pair to declare are
// chosen from the round after the plan.
let before: Stored | undefined;
let after: Stored | undefined;
const roundAfter = (): Stored => {
  if (!after) throw new Error('the plan was not applied');
  return after;
};
/** An own-institution pair of one panel after the plan, and an open pair to declare. */
const chosenPairs = () => {
  const { bases, experts, assignments } = roundAfter();
  const own = experts
    .flatMap((expert) =>
      bases
        .filter((base) => base.panelId === expert.panelId && isOwnInstitution(expert, base))
        .map((base) => ({ expert, base })),
    )
    .at(0);
  // On a base held in its panel (others started scoring it), so a later re-deal keeps it.
  const open = assignments.find(
    (a) =>
      a.recusal === undefined &&
      a.expertId !== own?.expert.id &&
      started.has(a.baseId) &&
      !demo.scoresheets.some((s) => s.expertId === a.expertId && s.baseId === a.baseId),
  );
  const declareExpert = experts.find((e) => e.id === open?.expertId);
  const declareBase = bases.find((b) => b.id === open?.baseId);
  if (!own || !declareExpert || !declareBase) {
    throw new Error('the round lacks an own-institution conflict or an open pair');
  }
  return { conflictExpert: own.expert, conflictBase: own.base, declareExpert, declareBase };
};

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
  const panelId = roundAfter().bases.find((b) => b.id === baseId)?.panelId;
  await choose(page, 'matrix-panel-select', panelName(panelId));
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

  it('previews the automatic assignment, then applies it: the preview is what is stored', async () => {
    const { page } = machine;
    before = await readRound(page);
    expect(before.bases).toHaveLength(demo.bases.length);
    await page.getByTestId('keep-existing').click(); // re-deal the bases nobody started
    await page.getByTestId('auto-assign-button').click();
    const preview = page.getByTestId('auto-assign-preview');
    await preview.waitFor();
    // The demo's round bundles were issued: the panels touched need new ones.
    expect(await page.getByTestId('preview-notice').first().innerText()).toContain(
      '评审包已经发出',
    );
    const summary = await page.getByTestId('preview-summary').innerText();
    const shownSizes = new Map<string, string>();
    for (const panelId of panelIds) {
      const cell = page
        .getByTestId('preview-sizes')
        .locator(`tr[data-row-key="${panelId}"] [data-testid="preview-after"]`);
      shownSizes.set(panelId, await cell.innerText());
    }
    await page.screenshot({ path: screenshotPath('assignment-preview') });
    await page.getByTestId('auto-assign-apply').click();
    await preview.waitFor({ state: 'detached' });
    after = await readRound(page);

    // The preview announced exactly the changes that were stored.
    const oldPanel = new Map(before.bases.map((b) => [b.id, b.panelId]));
    const moved = after.bases.filter((b) => oldPanel.get(b.id) !== b.panelId).length;
    const pairs = recordChanges(before.assignments, after.assignments);
    expect(summary).toBe(
      `${moved} 个基地调整专家组；新增 ${pairs.added} 条、修改 ${pairs.changed} 条、取消 ${pairs.removed} 条分配`,
    );
    const sizes = panelSizes(after.bases, panelIds);
    expect(Object.fromEntries(shownSizes)).toEqual(
      Object.fromEntries([...sizes].map(([id, n]) => [id, String(n)])),
    );
    expect(moved).toBeGreaterThan(0);

    // One panel per base; a base being scored stays in its panel.
    for (const base of after.bases) {
      expect(panelIds, base.name).toContain(base.panelId);
      if (started.has(base.id)) expect(base.panelId, base.name).toBe(oldPanel.get(base.id));
    }
    // As level as the held bases allow: the panels that took re-dealt bases differ by ≤ 1.
    const held = panelIds.map(
      (id) => before?.bases.filter((b) => b.panelId === id && started.has(b.id)).length ?? 0,
    );
    const free = demo.bases.length - held.reduce((n, k) => n + k, 0);
    expect([...sizes.values()].sort((a, b) => b - a)).toEqual(levelledSizes(held, free));
    const grown = panelIds
      .filter((id, i) => (sizes.get(id) ?? 0) > (held[i] ?? 0))
      .map((id) => sizes.get(id) ?? 0);
    expect(Math.max(...grown) - Math.min(...grown)).toBeLessThanOrEqual(1);
    const [minSize, maxSize] = [Math.min(...sizes.values()), Math.max(...sizes.values())];
    await page
      .locator(`[data-testid="panel-balance"][data-max="${maxSize}"][data-min="${minSize}"]`)
      .waitFor();
    expect(await page.getByTestId('panel-balance').innerText()).toBe(
      `每组 ${minSize}–${maxSize} 个基地`,
    );

    // Every expert of a base's panel is assigned to it (no count asked: all of them), nobody
    // else; an own-institution pair only as 回避.
    for (const base of after.bases) {
      const ofBase = after.assignments.filter((a) => a.baseId === base.id);
      const panelExperts = after.experts.filter((e) => e.panelId === base.panelId);
      expect(ofBase.map((a) => a.expertId).sort(), base.name).toEqual(
        panelExperts.map((e) => e.id).sort(),
      );
      for (const expert of panelExperts) {
        if (!isOwnInstitution(expert, base)) continue;
        const pair = ofBase.find((a) => a.expertId === expert.id);
        expect(pair?.recusal, `${expert.name} on ${base.name}`).toBeDefined();
      }
    }
  });

  it('lists the own-institution conflict as 回避 and never assigns it in the matrix', async () => {
    const { page } = machine;
    await page.getByRole('tab', { name: '利益冲突与回避' }).click();
    await page.getByTestId('conflict-list').waitFor();
    const { conflictExpert, conflictBase } = chosenPairs();
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
    const { declareExpert, declareBase } = chosenPairs();
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
    await waitForOrExplain(
      page,
      page.getByTestId('preview-nothing'),
      'the preview saying there is nothing to change',
    );
    expect(await page.getByTestId('auto-assign-apply').isDisabled()).toBe(true);
    await page
      .getByRole('button', { name: '取 消' })
      .or(page.getByRole('button', { name: '取消' }))
      .click();
    expect(machine.errors).toEqual([]);
  });
});
