// The whole product, end to end, through the UI of three laptops (three Chromium profiles,
// each with its own IndexedDB and device key). The secretariat prepares a round (wizard with
// the mean rule, roster workbook, re-weighted template, panels and experts from a CSV, chairs,
// automatic assignment with a conflict of interest) and issues the round bundles (panel 2
// encrypted). Laptop A scores panel 1 while laptop B scores panel 2 (one recusal). One sheet
// is then edited concurrently on both laptops. The secretariat imports every score bundle in
// one batch, resolves the conflict side by side, records decisions, exports the workbook (read
// back with exceljs) and the signed result bundle (`pinggu verify`); importing the same
// bundles again changes nothing. Every aggregate is checked against the mean the test
// computes itself from the scores it typed.
//
// The concurrent edit: 王芳 (panel 1) scores and submits a sheet on laptop A, which exports
// its score bundle. Laptop B opens panel 1's round bundle and imports that score bundle: the
// common ancestor. Then, at the same time, the chair reopens the sheet on each laptop and
// 王芳 lowers different scores on each. Neither copy descends from the other (each adds an
// edit of its own device to the ancestor), so the secretariat sees one conflict, and keeps
// laptop B's copy. (A reopen and a new edit on one laptop would not be concurrent: that copy
// simply descends from the first.)
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { StaticServer } from '../../scripts/serve.mjs';
import { lines, runCli } from '../helpers/cli';
import {
  ARTIFACTS_DIR,
  describePage,
  launchMachine,
  screenshotPath,
  startServer,
} from './helpers/browser';
import type { Machine } from './helpers/browser';
import * as data from './helpers/threeLaptopsData';
import * as panels from './helpers/threeLaptopsPanels';
import type { ConcurrentEdit, Flow } from './helpers/threeLaptopsPanels';
import * as office from './helpers/threeLaptopsSecretariat';
import type { ResultCells } from './helpers/threeLaptopsSecretariat';
import * as ui from './helpers/threeLaptopsUi';

const { BASES, PANEL_1, PANEL_2 } = data;
const [INCLUDED, MERGE_TARGET, MERGED] = [BASES[1], BASES[3], BASES[4]];
const MERGE_RATIONALE = '研究方向与冶金装备中心高度重叠，经专家组评议建议并入';

describe('three laptops: a round from set-up to the signed result', () => {
  let server: StaticServer;
  let secretariat: Machine;
  let laptopA: Machine;
  let laptopB: Machine;
  const flow: Flow = {
    dir: mkdtempSync(join(tmpdir(), 'pinggu-3l-')),
    bases: [],
    conflicted: { expert: '', base: data.CONFLICT_BASE.name },
    sheets: [],
  };
  const roundFiles = new Map<string, string>();
  const roundFile = (panel: string) => roundFiles.get(panel) ?? '';
  const scoreFiles = { a1: '', a2: '', b1: '', b2: '' };
  let edit: ConcurrentEdit | undefined;

  // Screenshots, numbered in the order of the steps (the laptops work in parallel).
  const STEPS = [
    'wizard',
    'roster',
    'template',
    'panels',
    'conflict-of-interest',
    'assignment-matrix',
    'issued',
    'laptop-a-scored',
    'laptop-b-panel-matrix',
    'batch-summary',
    'progress',
    'conflict',
    'results',
    'report',
    'reimport-unchanged',
  ] as const;
  const shotPath = (name: (typeof STEPS)[number]) =>
    screenshotPath(`three-laptops-${String(STEPS.indexOf(name) + 1).padStart(2, '0')}-${name}`);
  const shot = (machine: Machine, name: (typeof STEPS)[number], fullPage = false) =>
    machine.page.screenshot({ path: shotPath(name), fullPage });
  const go = async (route: string, ready: string, machine = secretariat) => {
    await machine.page.goto(`${server.url}#${route}`);
    await machine.page.getByTestId(ready).first().waitFor();
  };

  beforeAll(async () => {
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    for (const name of readdirSync(ARTIFACTS_DIR).filter((n) => n.startsWith('three-laptops-'))) {
      rmSync(join(ARTIFACTS_DIR, name));
    }
    server = await startServer();
    [secretariat, laptopA, laptopB] = await Promise.all([
      launchMachine(),
      launchMachine(),
      launchMachine(),
    ]);
    // Other builds and tests may share this machine: be patient with a slow page.
    for (const machine of [secretariat, laptopA, laptopB]) machine.page.setDefaultTimeout(60_000);
  });

  // A failed step prints what each machine showed then, and its last input events.
  afterEach(async ({ task }) => {
    if (task.result?.state !== 'fail') return;
    const machines = { secretariat, laptopA, laptopB };
    for (const [name, machine] of Object.entries(machines)) {
      if (machine === undefined) continue;
      console.log(`after "${task.name}", ${name} shows ${await describePage(machine.page)}`);
      console.log(`${name} page errors: ${JSON.stringify(machine.errors)}`);
    }
  });

  afterAll(async () => {
    await Promise.all([secretariat, laptopA, laptopB].map((machine) => machine?.close()));
    await server?.close();
    rmSync(flow.dir, { recursive: true, force: true });
  });

  it('secretariat: creates the round with the wizard, aggregating by the mean', async () => {
    const { page } = secretariat;
    await page.goto(server.url);
    await office.createRound(page);
    await shot(secretariat, 'wizard');
    await page.getByTestId('wizard-finish').click();
    await page.getByTestId('round-settings').waitFor();
    expect(await page.getByTestId('header-round').innerText()).toBe(data.ROUND_NAME);
  });

  it('secretariat: imports the roster workbook, legacy types mapped to the new ones', async () => {
    const { page } = secretariat;
    await go('/secretariat/bases', 'roster-import-button');
    expect(await office.previewRoster(page, flow.dir)).toContain(
      `共 ${BASES.length} 行数据：${BASES.length} 行可导入，0 行有问题。`,
    );
    await page.getByTestId('roster-import-confirm').click();
    await page.getByTestId('roster-preview').waitFor({ state: 'detached' });
    await page.getByText(`共 ${BASES.length} 个基地`).waitFor();
    const text = await page.getByTestId('bases-table').innerText();
    for (const base of BASES) expect(text).toContain(base.name);
    expect(text).toContain('B4 省专业技术创新中心');
    await shot(secretariat, 'roster');
  });

  it('secretariat: copies the key-laboratory system and re-weights it, still 100', async () => {
    const { page } = secretariat;
    await go('/secretariat/templates', 'templates-table');
    await office.editKeyLabTemplate(page);
    expect(await page.getByTestId('template-total').innerText()).toBe('一级指标合计 100 / 100 分');
    await shot(secretariat, 'template', true);
    await page.getByTestId('template-save').click();
    const name = data.TEMPLATE_EDITS.name;
    await page.locator('[data-testid="template-name-A1"]', { hasText: name }).waitFor();
    expect(await page.getByTestId('template-row-A1').innerText()).toContain('自定义');
  });

  it('secretariat: creates two panels, imports the experts from CSV, chooses the chairs', async () => {
    const { page } = secretariat;
    await go('/secretariat/panels', 'add-panel');
    await office.createPanels(page);
    for (const panel of [PANEL_1, PANEL_2]) {
      const text = await office.panelCard(page, panel).innerText();
      for (const expert of data.EXPERTS.filter((e) => e.panel === panel)) {
        expect(text).toContain(expert.institution);
      }
    }
    await shot(secretariat, 'panels', true);
  });

  it('secretariat: auto-assigns; the conflict of interest is detected and never assigned', async () => {
    const { page } = secretariat;
    await go('/secretariat/assignment', 'auto-assign-button');
    await office.autoAssign(page);
    await page.locator('[data-testid="panel-balance"][data-min="3"][data-max="3"]').waitFor();

    await go('/secretariat/bases', 'bases-table');
    flow.bases = await office.readBasesTable(page);
    expect(flow.bases.map((b) => b.name).sort()).toEqual(BASES.map((b) => b.name).sort());
    expect(panels.basesOf(flow, PANEL_1)).toHaveLength(3);
    // Each panel has an expert of 东北大学, the host of CONFLICT_BASE: whichever panel the
    // assignment chose for that base, its expert from 东北大学 must not score it.
    const conflictBase = flow.bases.find((b) => b.name === flow.conflicted.base);
    flow.conflicted.expert = conflictBase?.panel === PANEL_1 ? '王芳' : '周涛';

    await go('/secretariat/assignment', 'assignment-tab');
    await page.getByRole('tab', { name: '利益冲突与回避' }).click();
    const row = office.recusedConflictRow(page, conflictBase?.id ?? '');
    await row.waitFor();
    expect(await row.count()).toBe(1);
    expect(await row.innerText()).toContain(flow.conflicted.expert);
    expect(await row.innerText()).toContain('单位相同');
    const expertId = (await row.getAttribute('data-expert-id')) ?? '';
    await shot(secretariat, 'conflict-of-interest');

    const cell = await office.matrixCell(page, conflictBase?.panel ?? '', {
      expertId,
      baseId: conflictBase?.id ?? '',
    });
    expect(await cell.getAttribute('data-state')).toBe('conflict');
    expect(await cell.innerText()).toBe('回避');
    await shot(secretariat, 'assignment-matrix');
  });

  it('secretariat: issues one round bundle per panel, panel 2 encrypted, as downloads', async () => {
    const { page } = secretariat;
    await go('/secretariat/exchange', 'issue-button');
    for (const [panel, file] of await office.issueRoundBundles(page, flow.dir)) {
      roundFiles.set(panel, file);
    }
    expect(await page.getByTestId('issue-done').innerText()).toContain('已下发 2 个评审包');
    expect(roundFile(PANEL_1)).toContain(`评审包-${PANEL_1}-${data.ROUND_NAME}.pgb`);
    expect(roundFile(PANEL_2)).toContain(`评审包-${PANEL_2}-${data.ROUND_NAME}.pgb`);
    await page.getByTestId('issue-section').getByText('已加密').waitFor();
    await shot(secretariat, 'issued', true);
  });

  it('laptops A and B score at the same time: by keyboard, one recusal, all submitted', async () => {
    const onA = async () => {
      const { page } = laptopA;
      await page.goto(`${server.url}#/scoring`);
      await panels.scorePanel(page, flow, PANEL_1, roundFile(PANEL_1));
      await shot(laptopA, 'laptop-a-scored');
      const saved = await ui.exportScores(page, PANEL_1, flow.dir, 'A-沈阳组-第一次.pgb');
      scoreFiles.a1 = saved.path;
      expect(saved.result).toContain(`共 ${panels.sheetsOfPanel(flow, PANEL_1)} 份评分表`);
    };
    const onB = async () => {
      const { page } = laptopB;
      await page.goto(`${server.url}#/scoring`);
      // Panel 2's bundle is encrypted: the passphrase read out at the site opens it.
      await panels.scorePanel(page, flow, PANEL_2, roundFile(PANEL_2), data.PASSPHRASE);
      await page.getByRole('button', { name: '专家组总览' }).click();
      await page.getByTestId('panel-matrix').waitFor();
      expect(await page.getByTestId('panel-summary').innerText()).toContain(
        '全部评分表均已提交或回避',
      );
      await shot(laptopB, 'laptop-b-panel-matrix');
      await page.getByRole('button', { name: '返回专家评分' }).click();
    };
    await Promise.all([onA(), onB()]);
    const recusals = flow.sheets.filter((s) => s.total === null);
    expect(recusals.map((s) => s.expert)).toEqual([data.DECLARING_EXPERT]);
  }, 240_000); // about 100 indicators typed key by key on two laptops

  it('one sheet is edited concurrently on laptops A and B, from a common ancestor', async () => {
    const planned = panels.planConcurrentEdit(flow);
    edit = planned;
    await Promise.all([
      panels.editOnLaptopB(laptopB.page, server.url, planned, {
        round: roundFile(PANEL_1),
        scoresFromA: scoreFiles.a1,
      }),
      panels.editOnLaptopA(laptopA.page, planned),
    ]);
  });

  it('the laptops export their score bundles, which `pinggu verify` accepts', async () => {
    const [a2, fromB] = await Promise.all([
      ui.exportScores(laptopA.page, PANEL_1, flow.dir, 'A-沈阳组-最终.pgb'),
      (async () => ({
        b1: await ui.exportScores(laptopB.page, PANEL_1, flow.dir, 'B-沈阳组.pgb'),
        b2: await ui.exportScores(laptopB.page, PANEL_2, flow.dir, 'B-大连组.pgb'),
      }))(),
    ]);
    Object.assign(scoreFiles, { a2: a2.path, b1: fromB.b1.path, b2: fromB.b2.path });
    expect(fromB.b2.suggested).toMatch(
      new RegExp(`^评分包-${data.ROUND_YEAR}-${PANEL_2}-\\d{8}-\\d{4}\\.pgb$`),
    );
    for (const file of Object.values(scoreFiles)) {
      const verified = await runCli(['verify', file]);
      expect(verified.code, verified.stderr).toBe(0);
    }
    expect(laptopA.errors).toEqual([]);
    expect(laptopB.errors).toEqual([]);
  });

  const batch = () => [scoreFiles.a1, scoreFiles.a2, scoreFiles.b1, scoreFiles.b2];
  const n1 = () => panels.sheetsOfPanel(flow, PANEL_1);
  const n2 = () => panels.sheetsOfPanel(flow, PANEL_2);

  it('secretariat: imports every score bundle in one batch, sees progress and the conflict', async () => {
    const { page } = secretariat;
    await go('/secretariat/exchange', 'batch-import-button');
    const result = await office.importBatch(page, batch());
    expect(result.statuses).toEqual(['ready', 'ready', 'ready', 'ready']);
    expect(result.outcomes).toEqual(['imported', 'imported', 'imported', 'imported']);
    expect(result.totals).toBe(
      '共 4 个文件：导入 4 个（其中 4 个带来更改），失败 0 个，跳过 0 个。',
    );
    // A's first bundle brings panel 1, A's last one the newer copy of the edited sheet, B's
    // copy of panel 1 the concurrent one (a conflict), B's panel 2 bundle the rest.
    expect(result.counts).toBe(
      `评分表合计：新增 ${n1() + n2()} 张，更新 1 张，未变 ${2 * (n1() - 1)} 张，冲突 1 项，拒收 0 张。`,
    );
    // The progress bar counted the files while reading them, then while importing them.
    const importing = result.progress.filter((state) => state.startsWith('importing '));
    expect(importing.length).toBeGreaterThan(0);
    expect(importing.every((state) => /^importing [0-4]\/4$/.test(state))).toBe(true);
    await page.getByTestId('open-conflicts').waitFor();
    await shot(secretariat, 'batch-summary');

    await go('/secretariat/progress', 'progress-overall');
    // Expected: every assignment, including the conflict of interest (回避 from the start).
    const recused = flow.sheets.filter((s) => s.total === null).length + 1;
    const expected = flow.sheets.length + 1;
    expect(await page.getByTestId('progress-overall').innerText()).toContain(
      `应评 ${expected} 份：已提交 ${expected - recused}，回避 ${recused}，草稿 0，未开始 0`,
    );
    await shot(secretariat, 'progress');
  });

  it('secretariat: resolves the conflict side by side, keeping laptop B’s copy', async () => {
    const { page } = secretariat;
    if (!edit) throw new Error('no concurrent edit');
    await go('/secretariat/conflicts', 'conflict-list');
    await page.locator('[data-testid="conflicts-tab-label"][data-open="1"]').waitFor();
    const list = page.getByTestId('conflict-list');
    expect(await list.innerText()).toContain(edit.expert);
    expect(await list.innerText()).toContain(edit.base);
    await list.locator('[data-testid^="conflict-open-"]').first().click();
    const view = page.getByTestId('conflict-side-by-side');
    await view.waitFor();
    const totals = await view
      .locator('[data-testid="conflict-indicators"] tr[data-row-key="total"] td')
      .allInnerTexts();
    const [shown, other] = [Number(totals[2]), Number(totals[3])];
    expect([shown, other].sort((x, y) => x - y)).toEqual(
      [edit.totalOnA, edit.totalOnB].sort((x, y) => x - y),
    );
    await view.evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await shot(secretariat, 'conflict');
    await page.getByTestId('conflict-actor').fill(data.OPERATOR);
    const choice = shown === edit.totalOnB ? 'local' : 'incoming';
    await page.getByTestId(`resolve-${choice}`).click();
    await page.getByTestId(`resolve-${choice}-confirm`).click();
    await page.getByTestId('conflict-outcome').waitFor();
    expect(await page.getByTestId('conflict-outcome').innerText()).toContain(data.OPERATOR);
    await page.locator('[data-testid="conflicts-tab-label"][data-open="0"]').waitFor();
    const sheet = flow.sheets.find((s) => s.expert === edit?.expert && s.base === edit.base);
    if (sheet) sheet.total = edit.totalOnB;
  });

  let shownBefore = new Map<string, ResultCells>();
  const checkResults = (shown: Map<string, ResultCells>) =>
    office.expectResults(shown, data.expectedResults(flow.sheets));
  const idOf = (name = '') => flow.bases.find((b) => b.name === name)?.id ?? '';

  it('secretariat: the results are the means of the typed totals; decisions are recorded', async () => {
    const { page } = secretariat;
    await go('/secretariat/results', 'results-table');
    checkResults(await office.readResultsTable(page));
    const merge = await office.recordDecision(page, idOf(MERGED?.name), {
      disposition: '合并',
      target: MERGE_TARGET?.name ?? '',
      reason: MERGE_RATIONALE,
    });
    expect(merge).toContain(`合并 → ${MERGE_TARGET?.name ?? ''}`);
    await office.recordDecision(page, idOf(INCLUDED?.name), {
      disposition: '纳入',
      target: 'A1 ',
      reason: '评估结果良好，纳入新序列',
    });
    shownBefore = await office.readResultsTable(page);
    checkResults(shownBefore);
    expect(shownBefore.get(MERGED?.name ?? '')?.decision).toBe(
      `合并 → ${MERGE_TARGET?.name ?? ''}`,
    );
    await page.locator('.ant-message-notice').first().waitFor({ state: 'detached' });
    await page.getByTestId('quota-warnings').evaluate((e) => e.scrollIntoView({ block: 'start' }));
    await shot(secretariat, 'results');
  });

  let reportBefore = new Map<string, unknown>();

  it('secretariat: exports the workbook (read back with exceljs) and the signed result bundle', async () => {
    const { page } = secretariat;
    await go('/secretariat/report', 'report-tab');
    const workbook = await office.exportReport(page, flow.dir);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      '汇总',
      '基地结果',
      '指标均分',
      '评分表',
      '冲突',
      '决定',
    ]);
    const rows = office.reportResultRows(workbook);
    expect(rows.size).toBe(BASES.length);
    for (const [name, want] of data.expectedResults(flow.sheets)) {
      const row = rows.get(name);
      expect(row?.sheets, name).toBe(want.sheets);
      expect(Number(row?.aggregate), name).toBeCloseTo(want.mean ?? Number.NaN, 6);
    }
    expect(rows.get(MERGED?.name ?? '')).toMatchObject({
      decision: '合并',
      reason: MERGE_RATIONALE,
    });
    expect(rows.get(INCLUDED?.name ?? '')?.decision).toBe('纳入');
    expect(workbook.getWorksheet('评分表')?.rowCount).toBe(flow.sheets.length + 1);
    expect(workbook.getWorksheet('冲突')?.rowCount).toBe(2);
    expect(workbook.getWorksheet('决定')?.rowCount).toBe(3);
    reportBefore = rows;
    await shot(secretariat, 'report', true);

    const bundle = await ui.downloadOf(
      page,
      () => page.getByTestId('report-result-bundle').click(),
      flow.dir,
    );
    const verified = await runCli(['verify', bundle.path]);
    expect(verified.code, verified.stderr).toBe(0);
    expect(lines(verified.stdout)).toEqual([
      expect.stringMatching(
        new RegExp(`^OK .+ result \\S+ - ${flow.sheets.length} [0-9A-F]{4}(-[0-9A-F]{4}){3}$`),
      ),
    ]);
  });

  it('secretariat: importing the same bundles again changes nothing', async () => {
    const { page } = secretariat;
    await go('/secretariat/exchange', 'batch-import-button');
    const result = await office.importBatch(page, batch());
    expect(result.statuses).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged']);
    expect(result.totals).toBe(
      '共 4 个文件：导入 4 个（其中 0 个带来更改），失败 0 个，跳过 0 个。',
    );
    expect(result.counts).toBe(
      `评分表合计：新增 0 张，更新 0 张，未变 ${3 * n1() + n2()} 张，冲突 0 项，拒收 0 张。`,
    );
    expect(await page.getByTestId('open-conflicts').count()).toBe(0);
    await shot(secretariat, 'reimport-unchanged', true);

    await go('/secretariat/results', 'results-table');
    const shownAfter = await office.readResultsTable(page);
    expect(shownAfter).toEqual(shownBefore);
    checkResults(shownAfter);
    await go('/secretariat/report', 'report-tab');
    expect(office.reportResultRows(await office.exportReport(page, flow.dir))).toEqual(
      reportBefore,
    );
    expect(secretariat.errors).toEqual([]);
  });
});
