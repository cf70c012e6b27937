// The whole product, end to end, through the UI of three laptops (three Chromium profiles,
// each with its own IndexedDB and device key): the secretariat prepares a round (wizard with
// the mean rule, roster workbook, re-weighted template, panels and experts from a CSV, chairs,
// automatic assignment with a conflict of interest) and issues the round bundles (panel 2
// encrypted); laptop A scores panel 1, laptop B panel 2 with a recusal; one sheet is edited
// concurrently on both laptops; the secretariat imports every score bundle in one batch,
// resolves the conflict side by side, records decisions, exports the workbook (read back with
// exceljs) and the signed result bundle (checked by `pinggu verify`), and importing the same
// bundles again changes nothing. Every aggregate is checked against the mean the test
// computes itself from the scores it typed.
//
// The concurrent edit: 王芳 (panel 1) scores and submits a sheet on laptop A, which exports
// its score bundle. Laptop B opens panel 1's round bundle and imports that score bundle (the
// common ancestor), then the chair reopens the sheet there and 王芳 lowers two scores. Back on
// laptop A the chair reopens the same sheet and 王芳 lowers one score differently. Neither
// copy descends from the other (each carries an edit of its own device on top of the
// ancestor), so the secretariat sees one conflict; it keeps laptop B's copy. (A reopen and a
// new edit on one laptop would not be concurrent: that copy simply descends from the first.)
import { mkdirSync, copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaticServer } from '../../scripts/serve.mjs';
import { lines, runCli } from '../helpers/cli';
import { excelWorkbook, loadWithExcelJs, excelValues } from '../helpers/xlsxBuilders';
import { launchMachine, screenshotPath, startServer, type Machine } from './helpers/browser';
import * as data from './helpers/threeLaptopsData';
import * as ui from './helpers/threeLaptopsUi';
import { importBatch, readBasesTable, readResultsTable } from './helpers/threeLaptopsSecretariat';
import type { BaseRow, ResultCells } from './helpers/threeLaptopsSecretariat';

const { BASES, EXPERTS, PANEL_1, PANEL_2 } = data;

describe('three laptops: a round from set-up to the signed result', () => {
  let server: StaticServer;
  let office: Machine;
  let laptopA: Machine;
  let laptopB: Machine;
  const dir = mkdtempSync(join(tmpdir(), 'pinggu-3l-'));
  const shots = new Map<string, string>();
  const shot = async (machine: Machine, name: string, fullPage = false) => {
    const path = screenshotPath(`three-laptops-${String(shots.size + 1).padStart(2, '0')}-${name}`);
    shots.set(name, path);
    await machine.page.screenshot({ path, fullPage });
  };
  const go = async (machine: Machine, route: string, ready: string) => {
    await machine.page.goto(`${server.url}#${route}`);
    await machine.page.getByTestId(ready).first().waitFor();
  };

  // What the secretariat's screens said, and what the test did, for the later steps.
  let bases: BaseRow[] = [];
  const basesOf = (panel: string) => bases.filter((b) => b.panel === panel).map((b) => b.name);
  let conflicted = { expert: '', base: data.CONFLICT_BASE.name };
  const roundFiles = new Map<string, string>();
  const roundFile = (panel: string) => roundFiles.get(panel) ?? '';
  const scoreFiles = { a1: '', a2: '', b1: '', b2: '' };
  const sheets: data.SheetRecord[] = [];
  let edited = { base: '', expert: '王芳', onA: 0, onB: 0 };

  beforeAll(async () => {
    server = await startServer();
    [office, laptopA, laptopB] = await Promise.all([
      launchMachine(),
      launchMachine(),
      launchMachine(),
    ]);
    for (const m of [office, laptopA, laptopB]) m.page.setDefaultTimeout(60_000);
  });

  afterAll(async () => {
    await Promise.all([office, laptopA, laptopB].map((m) => m?.close()));
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('secretariat: creates the round with the wizard, aggregating by the mean', async () => {
    const { page } = office;
    await page.goto(server.url);
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
    await shot(office, 'wizard');
    await page.getByTestId('wizard-finish').click();
    await page.getByTestId('round-settings').waitFor();
    expect(await page.getByTestId('header-round').innerText()).toBe(data.ROUND_NAME);
  });

  it('secretariat: imports the roster workbook (legacy types mapped)', async () => {
    const { page } = office;
    await go(office, '/secretariat/bases', 'roster-import-button');
    const file = join(dir, '基地名单.xlsx');
    writeFileSync(file, await excelWorkbook([{ name: '基地名单', rows: data.ROSTER_ROWS }]));
    const choosing = page.waitForEvent('filechooser');
    await page.getByTestId('roster-import-button').click();
    await (await choosing).setFiles(file);
    await page.getByTestId('roster-preview').waitFor();
    expect(await page.getByTestId('roster-preview-summary').innerText()).toContain(
      `共 ${BASES.length} 行数据：${BASES.length} 行可导入，0 行有问题。`,
    );
    await page.getByTestId('roster-import-confirm').click();
    await page.getByTestId('roster-preview').waitFor({ state: 'detached' });
    await page.getByText(`共 ${BASES.length} 个基地`).waitFor();
    const text = await page.getByTestId('bases-table').innerText();
    for (const base of BASES) expect(text).toContain(base.name);
    expect(text).toContain('B4');
    await shot(office, 'roster');
  });

  it('secretariat: copies the key-laboratory system and re-weights it to 100', async () => {
    const { page } = office;
    await go(office, '/secretariat/templates', 'templates-table');
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
    expect(await page.getByTestId('template-total').innerText()).toBe('一级指标合计 100 / 100 分');
    await shot(office, 'template', true);
    await page.getByTestId('template-save').click();
    await page.locator('[data-testid="template-name-A1"]', { hasText: edits.name }).waitFor();
    expect(await page.getByTestId('template-row-A1').innerText()).toContain('自定义');
  });

  it('secretariat: creates two panels, imports the experts from CSV and chooses the chairs', async () => {
    const { page } = office;
    await go(office, '/secretariat/panels', 'add-panel');
    const card = (name: string) =>
      page.locator(`[data-testid="panel-card"][data-panel-name="${name}"]`);
    for (const name of [PANEL_1, PANEL_2]) {
      await page.getByTestId('add-panel').click();
      await page.getByTestId('panel-name-input').fill(name);
      await page.getByTestId('panel-save').click();
      await card(name).waitFor();
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
    for (const panel of [PANEL_1, PANEL_2]) {
      const members = EXPERTS.filter((e) => e.panel === panel);
      await expect
        .poll(() => card(panel).locator('tbody tr.ant-table-row').count())
        .toBe(members.length);
      await ui.chooseOption(
        page,
        card(panel).getByTestId('chair-select'),
        data.chairOf(panel).name,
      );
      await card(panel).getByTestId('chair-tag').waitFor();
    }
    await shot(office, 'panels', true);
  });

  it('secretariat: auto-assigns; the conflict of interest is detected and not assigned', async () => {
    const { page } = office;
    await go(office, '/secretariat/assignment', 'auto-assign-button');
    await page.getByTestId('auto-assign-button').click();
    await page.getByTestId('auto-assign-preview').waitFor();
    await page.getByTestId('auto-assign-apply').click();
    await page.getByTestId('auto-assign-preview').waitFor({ state: 'detached' });
    await page.locator('[data-testid="panel-balance"][data-min="3"][data-max="3"]').waitFor();

    await go(office, '/secretariat/bases', 'bases-table');
    bases = await readBasesTable(page);
    expect(bases.map((b) => b.name).sort()).toEqual(BASES.map((b) => b.name).sort());
    expect(basesOf(PANEL_1)).toHaveLength(3);
    expect(basesOf(PANEL_2)).toHaveLength(3);
    const conflictPanel = bases.find((b) => b.name === conflicted.base)?.panel;
    // Both panels have an expert of 东北大学: whichever got the base has a conflict.
    conflicted = {
      ...conflicted,
      expert: conflictPanel === PANEL_1 ? '王芳' : '周涛',
    };

    await go(office, '/secretariat/assignment', 'assignment-tab');
    await page.getByRole('tab', { name: '利益冲突与回避' }).click();
    const conflictBaseId = bases.find((b) => b.name === conflicted.base)?.id ?? '';
    const row = page.locator(
      `[data-testid="conflict-row"][data-kind="institution"][data-base-id="${conflictBaseId}"][data-status="recused"]`,
    );
    await row.waitFor();
    expect(await row.count()).toBe(1);
    expect(await row.innerText()).toContain(conflicted.expert);
    expect(await row.innerText()).toContain('单位相同');
    const expertId = (await row.getAttribute('data-expert-id')) ?? '';
    await shot(office, 'conflict-of-interest');

    await page.getByRole('tab', { name: '分配矩阵' }).click();
    await ui.chooseOption(page, page.getByTestId('matrix-panel-select'), conflictPanel ?? '');
    const cell = page.locator(
      `[data-testid="matrix-cell"][data-expert-id="${expertId}"][data-base-id="${conflictBaseId}"]`,
    );
    await cell.waitFor();
    expect(await cell.getAttribute('data-state')).toBe('conflict');
    expect(await cell.innerText()).toBe('回避');
    await shot(office, 'assignment-matrix');
  });

  it('secretariat: issues one round bundle per panel, panel 2 encrypted, as downloads', async () => {
    const { page } = office;
    await go(office, '/secretariat/exchange', 'issue-button');
    const rows = page.getByTestId('issue-section').locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(2);
    const names = await rows.locator('td:nth-child(2)').allInnerTexts();
    const row2 = names.indexOf(PANEL_2) + 1;
    await page.getByTestId(`panel-passphrase-${row2}`).fill(data.PASSPHRASE);
    await page.getByTestId(`panel-passphrase-again-${row2}`).fill(data.PASSPHRASE);
    const downloads: Promise<void>[] = [];
    page.on('download', (download) => {
      const path = join(dir, download.suggestedFilename());
      downloads.push(download.saveAs(path));
      for (const panel of [PANEL_1, PANEL_2]) {
        if (download.suggestedFilename().includes(panel)) roundFiles.set(panel, path);
      }
    });
    await page.getByTestId('issue-button').click();
    await page.getByTestId('issue-done').waitFor();
    await expect.poll(() => downloads.length).toBe(2);
    await Promise.all(downloads);
    page.removeAllListeners('download');
    expect(await page.getByTestId('issue-done').innerText()).toContain('已下发 2 个评审包');
    expect(roundFile(PANEL_1)).toMatch(new RegExp(`评审包-${PANEL_1}-.+\\.pgb$`));
    expect(roundFile(PANEL_2)).toMatch(new RegExp(`评审包-${PANEL_2}-.+\\.pgb$`));
    await page.getByTestId('issue-section').getByText('已加密').waitFor();
    await shot(office, 'issued', true);
  });

  /** Scores every base of the expert's list on this laptop, or checks it shows 回避. */
  const scoreAll = async (machine: Machine, expertName: string, declareRecusal: boolean) => {
    const { page } = machine;
    await ui.chooseExpert(page, expertName);
    const expert = data.expertByName(expertName);
    const list = await ui.myBases(page);
    expect([...list.keys()].sort()).toEqual(basesOf(expert.panel).sort());
    let hasDeclared = !declareRecusal;
    for (const baseName of basesOf(expert.panel)) {
      if (expertName === conflicted.expert && baseName === conflicted.base) {
        expect(list.get(baseName)).toBe('回避');
        continue;
      }
      if (!hasDeclared) {
        await ui.recuse(page, baseName, data.RECUSAL_REASON);
        sheets.push({ expert: expertName, base: baseName, total: null });
        hasDeclared = true;
        continue;
      }
      const typed = data.typedScores(expertName, baseName);
      await ui.scoreAndSubmit(page, baseName, typed.ids, typed.scores);
      sheets.push({ expert: expertName, base: baseName, total: data.sum(typed.scores) });
    }
    const states = await ui.myBases(page);
    expect([...states.values()].every((s) => s === '已提交' || s === '回避')).toBe(true);
  };

  it('laptop A: opens panel 1’s round bundle; both experts score by keyboard and submit', async () => {
    const { page } = laptopA;
    await page.goto(`${server.url}#/scoring`);
    const preview = await ui.openRoundBundle(page, roundFile(PANEL_1));
    expect(preview).toContain(PANEL_1);
    for (const expert of EXPERTS.filter((e) => e.panel === PANEL_1)) {
      await scoreAll(laptopA, expert.name, false);
    }
    await shot(laptopA, 'laptop-a-scored');
    const exported = await ui.exportScores(page, PANEL_1, dir, 'A-沈阳组-第一次.pgb');
    scoreFiles.a1 = exported.path;
    const count = sheets.filter((s) => data.expertByName(s.expert).panel === PANEL_1).length;
    expect(exported.result).toContain(`共 ${count} 份评分表`);
  });

  it('laptop B: opens panel 2’s encrypted bundle with the passphrase; one expert recuses', async () => {
    const { page } = laptopB;
    await page.goto(`${server.url}#/scoring`);
    const preview = await ui.openRoundBundle(page, roundFile(PANEL_2), data.PASSPHRASE);
    expect(preview).toContain(PANEL_2);
    for (const expert of EXPERTS.filter((e) => e.panel === PANEL_2)) {
      await scoreAll(laptopB, expert.name, expert.name === data.DECLARING_EXPERT);
    }
    await page.getByRole('button', { name: '专家组总览' }).click();
    await page.getByTestId('panel-matrix').waitFor();
    expect(await page.getByTestId('panel-summary').innerText()).toContain(
      '全部评分表均已提交或回避',
    );
    await shot(laptopB, 'laptop-b-panel-matrix');
    await page.getByRole('button', { name: '返回专家评分' }).click();
  });

  it('one sheet is edited concurrently on laptops B and A, from a common ancestor', async () => {
    // The ancestor: laptop A's sheet, carried to laptop B by A's first score bundle.
    edited = {
      ...edited,
      base:
        basesOf(PANEL_1).find((b) => !(conflicted.expert === '王芳' && b === conflicted.base)) ??
        '',
    };
    const typed = data.typedScores(edited.expert, edited.base);
    const onB = data.editedScores(typed, data.EDIT_ON_B);
    const onA = data.editedScores(typed, data.EDIT_ON_A);
    edited = { ...edited, onA: data.sum(onA), onB: data.sum(onB) };
    const changes = (scores: number[]) =>
      new Map(
        typed.ids.flatMap((id, i) => (scores[i] !== typed.scores[i] ? [[id, scores[i] ?? 0]] : [])),
      );

    const b = laptopB.page;
    await b.getByTestId('expert-select').waitFor();
    await ui.openRoundBundle(b, roundFile(PANEL_1));
    await go(laptopB, '/', 'home-round');
    await ui.dropOnWindow(b, scoreFiles.a1, 'A-沈阳组-第一次.pgb');
    await b.getByTestId('import-commit').click();
    await b.getByTestId('import-next').click();
    await b.getByTestId('import-dialog').waitFor({ state: 'detached' });
    await go(laptopB, '/scoring', 'expert-select');
    await ui.chooseExpert(b, edited.expert);
    expect((await ui.myBases(b)).get(edited.base)).toBe('已提交');
    // 李明 has no PIN on laptop B: he confirms with his name.
    await ui.reopenEditSubmit(b, edited.base, data.chairOf(PANEL_1).name, changes(onB), edited.onB);

    const a = laptopA.page;
    await ui.chooseExpert(a, edited.expert);
    // On laptop A the chair has a PIN, which he types to confirm.
    await ui.reopenEditSubmit(a, edited.base, ui.PIN, changes(onA), edited.onA);
    const record = sheets.find((s) => s.expert === edited.expert && s.base === edited.base);
    if (record) record.total = edited.onB; // the secretariat keeps laptop B's copy below
  });

  it('the panels export their score bundles (downloads)', async () => {
    scoreFiles.a2 = (await ui.exportScores(laptopA.page, PANEL_1, dir, 'A-沈阳组-最终.pgb')).path;
    scoreFiles.b1 = (await ui.exportScores(laptopB.page, PANEL_1, dir, 'B-沈阳组.pgb')).path;
    const b2 = await ui.exportScores(laptopB.page, PANEL_2, dir, 'B-大连组.pgb');
    scoreFiles.b2 = b2.path;
    expect(b2.suggested).toMatch(
      new RegExp(`^评分包-${data.ROUND_YEAR}-${PANEL_2}-\\d{8}-\\d{4}\\.pgb$`),
    );
    for (const file of Object.values(scoreFiles)) {
      const verified = await runCli(['verify', file]);
      expect(verified.code, verified.stderr).toBe(0);
    }
    expect(laptopA.errors).toEqual([]);
    expect(laptopB.errors).toEqual([]);
  });

  const panel1Sheets = () =>
    sheets.filter((s) => data.expertByName(s.expert).panel === PANEL_1).length;
  const panel2Sheets = () => sheets.length - panel1Sheets();
  const batchFiles = () => [scoreFiles.a1, scoreFiles.a2, scoreFiles.b1, scoreFiles.b2];

  it('secretariat: imports all score bundles in one batch and sees the conflict', async () => {
    const { page } = office;
    await go(office, '/secretariat/exchange', 'batch-import-button');
    const batch = await importBatch(page, batchFiles());
    expect(batch.statuses).toEqual(['ready', 'ready', 'ready', 'ready']);
    expect(batch.outcomes).toEqual(['imported', 'imported', 'imported', 'imported']);
    expect(batch.totals).toBe(
      '共 4 个文件：导入 4 个（其中 4 个带来更改），失败 0 个，跳过 0 个。',
    );
    const n1 = panel1Sheets();
    const n2 = panel2Sheets();
    // A's first bundle brings panel 1; its last one the newer copy of the edited sheet;
    // B's copy of panel 1 the concurrent one; B's panel 2 bundle the rest.
    expect(batch.counts).toBe(
      `评分表合计：新增 ${n1 + n2} 张，更新 1 张，未变 ${2 * (n1 - 1)} 张，冲突 1 项，拒收 0 张。`,
    );
    expect(batch.progress.some((s) => s.startsWith('importing'))).toBe(true);
    await page.getByTestId('open-conflicts').waitFor();
    await shot(office, 'batch-summary');

    await go(office, '/secretariat/progress', 'progress-overall');
    const recused = sheets.filter((s) => s.total === null).length + 1;
    expect(await page.getByTestId('progress-overall').innerText()).toContain(
      `应评 ${sheets.length + 1} 份：已提交 ${sheets.length + 1 - recused}，回避 ${recused}，草稿 0，未开始 0`,
    );
    await shot(office, 'progress');
  });

  it('secretariat: resolves the conflict side by side, keeping laptop B’s copy', async () => {
    const { page } = office;
    await go(office, '/secretariat/conflicts', 'conflict-list');
    await page.locator('[data-testid="conflicts-tab-label"][data-open="1"]').waitFor();
    const list = page.getByTestId('conflict-list');
    expect(await list.innerText()).toContain(edited.expert);
    expect(await list.innerText()).toContain(edited.base);
    await list.locator('[data-testid^="conflict-open-"]').first().click();
    const view = page.getByTestId('conflict-side-by-side');
    await view.waitFor();
    const total = await view
      .locator('[data-testid="conflict-indicators"] tr[data-row-key="total"] td')
      .allInnerTexts();
    const [local, incoming] = [Number(total[2]), Number(total[3])];
    expect([local, incoming].sort()).toEqual([edited.onA, edited.onB].sort());
    await page.getByTestId('conflict-actor').fill(data.OPERATOR);
    await shot(office, 'conflict');
    const choice = local === edited.onB ? 'local' : 'incoming';
    await page.getByTestId(`resolve-${choice}`).click();
    await page.getByTestId(`resolve-${choice}-confirm`).click();
    await page.getByTestId('conflict-outcome').waitFor();
    expect(await page.getByTestId('conflict-outcome').innerText()).toContain(data.OPERATOR);
    await page.locator('[data-testid="conflicts-tab-label"][data-open="0"]').waitFor();
  });

  let shownBefore = new Map<string, ResultCells>();
  const expected = () => data.expectedResults(sheets);
  const checkResults = (shown: Map<string, ResultCells>) => {
    for (const [name, want] of expected()) {
      const cells = shown.get(name);
      expect(cells?.sheets, name).toBe(String(want.sheets));
      expect(cells?.aggregate, name).toBe(want.mean === null ? '—' : want.mean.toFixed(2));
    }
  };

  it('secretariat: the results are the means of the typed totals; decisions are recorded', async () => {
    const { page } = office;
    await go(office, '/secretariat/results', 'results-table');
    checkResults(await readResultsTable(page));
    const [included, target, merged] = [BASES[1], BASES[3], BASES[4]];
    const idOf = (name: string) => bases.find((b) => b.name === name)?.id ?? '';
    // A merge with its target and rationale …
    await page.getByTestId(`decide-${idOf(merged?.name ?? '')}`).click();
    await page.getByTestId('decision-form').waitFor();
    await ui.chooseOption(page, page.getByTestId('decision-disposition'), '合并');
    await ui.chooseOption(page, page.getByTestId('decision-target'), target?.name ?? '');
    await page.getByTestId('decision-reason').fill('研究方向与冶金装备中心高度重叠，建议并入');
    await page.getByTestId('decision-actor').fill(data.OPERATOR);
    await page.getByTestId('decision-save').click();
    await page
      .getByTestId('decision-current')
      .getByText(`合并 → ${target?.name ?? ''}`)
      .waitFor();
    await shot(office, 'decision');
    await page.keyboard.press('Escape');
    await page.getByTestId('decision-drawer').waitFor({ state: 'hidden' });
    // … and an inclusion.
    await page.getByTestId(`decide-${idOf(included?.name ?? '')}`).click();
    await page.getByTestId('decision-form').waitFor();
    await ui.chooseOption(page, page.getByTestId('decision-disposition'), '纳入');
    await ui.chooseOption(page, page.getByTestId('decision-target'), 'A1 ');
    await page.getByTestId('decision-reason').fill('评估结果良好，纳入新序列');
    await page.getByTestId('decision-save').click();
    await page.getByTestId('decision-current').getByText('纳入', { exact: false }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('decision-drawer').waitFor({ state: 'hidden' });
    shownBefore = await readResultsTable(page);
    checkResults(shownBefore);
    expect(shownBefore.get(merged?.name ?? '')?.decision).toBe(`合并 → ${target?.name ?? ''}`);
    await shot(office, 'results');
  });

  const readReport = async () => {
    const { path } = await ui.downloadOf(
      office.page,
      () => office.page.getByTestId('report-export-xlsx').click(),
      dir,
    );
    return loadWithExcelJs(new Uint8Array(readFileSync(path)));
  };
  const reportRows = (workbook: Awaited<ReturnType<typeof readReport>>) => {
    const sheet = workbook.getWorksheet('基地结果');
    if (!sheet) throw new Error('no 基地结果');
    const [header = [], ...rows] = excelValues(sheet);
    const col = (name: string) => header.indexOf(name);
    return new Map(
      rows.map((row) => [
        String(row[col('基地名称')]),
        {
          sheets: row[col('有效评分表')],
          aggregate: row[col('综合得分')],
          decision: row[col('最终决定')],
        },
      ]),
    );
  };
  let reportBefore = new Map<string, unknown>();

  it('secretariat: exports the workbook (read back with exceljs) and the signed result bundle', async () => {
    const { page } = office;
    await go(office, '/secretariat/report', 'report-tab');
    const workbook = await readReport();
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      '汇总',
      '基地结果',
      '指标均分',
      '评分表',
      '冲突',
      '决定',
    ]);
    const rows = reportRows(workbook);
    expect(rows.size).toBe(BASES.length);
    for (const [name, want] of expected()) {
      const row = rows.get(name);
      expect(row?.sheets, name).toBe(want.sheets);
      if (want.mean === null) expect(row?.aggregate ?? null, name).toBeNull();
      else expect(Number(row?.aggregate), name).toBeCloseTo(want.mean, 6);
    }
    expect(rows.get(BASES[4]?.name ?? '')?.decision).toBe('合并');
    expect(workbook.getWorksheet('评分表')?.rowCount).toBe(sheets.length + 1);
    expect(workbook.getWorksheet('冲突')?.rowCount).toBe(2);
    expect(workbook.getWorksheet('决定')?.rowCount).toBe(3);
    reportBefore = rows;
    await shot(office, 'report', true);

    const bundle = await ui.downloadOf(
      page,
      () => page.getByTestId('report-result-bundle').click(),
      dir,
    );
    const verified = await runCli(['verify', bundle.path]);
    expect(verified.code, verified.stderr).toBe(0);
    expect(lines(verified.stdout)).toEqual([
      expect.stringMatching(new RegExp(`^OK .+ result \\S+ - ${sheets.length}$`)),
    ]);
  });

  it('secretariat: importing the same bundles again changes nothing', async () => {
    const { page } = office;
    await go(office, '/secretariat/exchange', 'batch-import-button');
    if (await page.getByTestId('batch-again').isVisible())
      await page.getByTestId('batch-again').click();
    const batch = await importBatch(page, batchFiles());
    expect(batch.statuses).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged']);
    expect(batch.totals).toBe(
      '共 4 个文件：导入 4 个（其中 0 个带来更改），失败 0 个，跳过 0 个。',
    );
    const n1 = panel1Sheets();
    expect(batch.counts).toBe(
      `评分表合计：新增 0 张，更新 0 张，未变 ${3 * n1 + panel2Sheets()} 张，冲突 0 项，拒收 0 张。`,
    );
    expect(await page.getByTestId('open-conflicts').count()).toBe(0);
    await shot(office, 'reimport-unchanged', true);

    await go(office, '/secretariat/results', 'results-table');
    const shownAfter = await readResultsTable(page);
    expect(shownAfter).toEqual(shownBefore);
    checkResults(shownAfter);
    await go(office, '/secretariat/report', 'report-tab');
    expect(reportRows(await readReport())).toEqual(reportBefore);
    expect(office.errors).toEqual([]);

    // The README's secretariat screenshots, at 1366×768.
    mkdirSync('docs/screenshots', { recursive: true });
    for (const [from, to] of [
      ['assignment-matrix', 'secretariat-assignment'],
      ['progress', 'secretariat-progress'],
      ['conflict', 'secretariat-conflict'],
      ['results', 'secretariat-results'],
    ] as const) {
      copyFileSync(shots.get(from) ?? '', `docs/screenshots/${to}.png`);
    }
  });
});
