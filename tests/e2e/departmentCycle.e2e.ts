// The department's cycle across two offices, in Chromium, through the UI (issue 14): the
// department's laptop and the secretariat's PC are two profiles, each with its own IndexedDB
// and device key, exchanging files only. (1) The department builds its registry from the
// approvals workbook; (2) it sends a registry bundle, from which the secretariat starts the
// round (codes kept, nothing typed again), issues it, imports the panel's score bundles (written
// here for the round's assignments, signed by three laptops' keys) and records the decisions;
// (3) the round is closed and its result bundle accepted by the department; (4) the statuses
// change as worked out by hand in helpers/departmentCycleData.ts; (5) the next registry
// bundle leaves out the revoked and merged bases and takes the rectification that is due;
// (6) the 后补助 table is scaled to a budget, exported and read back. Then a third, fresh
// secretariat laptop starts the next round from that bundle, and its chair's 历年评估 shows
// the rectified base's result of the year before, which only the bundle brought.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { StaticServer } from '../../scripts/serve.mjs';
import { openBundle } from '../../shared/bundle/bundle';
import { FUNDING_HEADER, FUNDING_SHEET_NAMES } from '../../shared/registry/fundingSheets';
import { readXlsx } from '../../shared/xlsx/read';
import { writeXlsx } from '../../shared/xlsx/write';
import {
  ARTIFACTS_DIR,
  describePage,
  launchMachine,
  screenshotPath,
  SETTLED,
  startServer,
  waitForOrExplain,
} from './helpers/browser';
import type { Machine } from './helpers/browser';
import * as data from './helpers/departmentCycleData';
import * as steps from './helpers/departmentCycleSteps';
import { confirmFingerprints } from './helpers/fingerprints';
import { importBatch, panelCard } from './helpers/threeLaptopsSecretariat';
import { chooseOption, downloadOf } from './helpers/threeLaptopsUi';

const { BASES, baseByCode } = data;

/** The registry bundle a download saved, opened and checked in Node. */
async function openedRegistry(path: string) {
  const opened = await openBundle(new Uint8Array(readFileSync(path)), {
    crypto: globalThis.crypto,
    expectedKinds: ['registry'],
  });
  if (!opened.ok) throw new Error(opened.error.message);
  if (opened.kind !== 'registry') throw new Error(`a ${opened.kind} bundle`);
  return opened;
}

describe("the department's cycle: registry → round → result → registry", () => {
  let server: StaticServer;
  let department: Machine;
  let secretariat: Machine;
  let newcomer: Machine;
  const dir = mkdtempSync(join(tmpdir(), 'pinggu-cycle-'));
  const files = { registry: '', round: '', result: '', next: '' };
  let departmentKey = '';
  let closedAt = '';
  let bases: steps.RoundBases = new Map();

  const shot = (machine: Machine, name: string, fullPage = false) =>
    machine.page.screenshot({ path: screenshotPath(`department-cycle-${name}`), fullPage });
  const go = async (machine: Machine, route: string, ready: string) => {
    await machine.page.goto(`${server.url}#${route}`);
    await waitForOrExplain(machine.page, machine.page.getByTestId(ready).first(), ready);
  };
  const statusOf = (code: string) =>
    department.page.getByTestId(`registry-status-${code}`).innerText();

  beforeAll(async () => {
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    for (const name of readdirSync(ARTIFACTS_DIR).filter((n) =>
      n.startsWith('department-cycle-'),
    )) {
      rmSync(join(ARTIFACTS_DIR, name));
    }
    server = await startServer();
    [department, secretariat, newcomer] = await Promise.all([
      launchMachine({ width: 1440, height: 900 }),
      launchMachine({ width: 1440, height: 900 }),
      launchMachine({ width: 1440, height: 900 }),
    ]);
    for (const machine of [department, secretariat, newcomer]) {
      machine.page.setDefaultTimeout(60_000);
    }
  });

  afterEach(async ({ task }) => {
    if (task.result?.state !== 'fail') return;
    for (const [name, machine] of Object.entries({ department, secretariat, newcomer })) {
      console.log(`after "${task.name}", ${name} shows ${await describePage(machine.page)}`);
      console.log(`${name} page errors: ${JSON.stringify(machine.errors)}`);
    }
  });

  afterAll(async () => {
    await Promise.all([department, secretariat, newcomer].map((machine) => machine?.close()));
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('department: builds the registry from the approvals workbook', async () => {
    const { page } = department;
    await go(department, '/registry/bases', 'registry-bases-empty');
    const file = join(dir, '批建名单.xlsx');
    writeFileSync(file, writeXlsx([{ name: '批建', rows: data.approvalsRows() }]));
    await steps.chooseFile(page, 'registry-approvals-button', file);
    const summary = page.getByTestId('registry-approvals-summary');
    await summary.waitFor();
    expect(await summary.getAttribute('data-new')).toBe('6');
    expect(await summary.getAttribute('data-problems')).toBe('0');
    await page.getByTestId('registry-approvals-confirm').click();
    const count = page.getByTestId('registry-bases-count');
    await expect.poll(() => count.getAttribute('data-total'), SETTLED).toBe('6');
    for (const base of BASES) expect(await statusOf(base.code)).toBe('运行中');
  });

  it('department: sends the registry bundle of every base for the 2026 round', async () => {
    const { page } = department;
    await page.getByTestId('registry-tab-outgoing').click();
    const year = page.getByTestId('registry-outgoing-year');
    await year.fill(String(data.FIRST_YEAR));
    await year.press('Tab');
    const count = page.getByTestId('registry-outgoing-count');
    await expect.poll(() => count.getAttribute('data-count'), SETTLED).toBe('6');
    const saved = await downloadOf(
      page,
      () => page.getByTestId('registry-outgoing-export').click(),
      dir,
      '2026年度名单.pgb',
    );
    files.registry = saved.path;
    const opened = await openedRegistry(files.registry);
    expect(opened.payload.registry.year).toBe(data.FIRST_YEAR);
    expect(opened.payload.registry.bases.map((b) => b.code)).toEqual(BASES.map((b) => b.code));
    departmentKey = opened.signer.fingerprint;
  });

  it('secretariat: starts the round from the registry bundle after comparing its signer', async () => {
    const { page } = secretariat;
    await go(secretariat, '/secretariat', 'round-wizard');
    await page.getByTestId('wizard-start-registry').click();
    await steps.chooseFile(page, 'registry-source-pick', files.registry);
    const fingerprint = page.getByTestId('registry-source-signer');
    await waitForOrExplain(page, fingerprint, 'the verified registry bundle');
    expect(await fingerprint.innerText()).toBe(departmentKey);
    expect(await page.getByTestId('registry-source-total').innerText()).toBe('基地 6 个');
    expect(await page.getByTestId('registry-source-purpose').innerText()).toBe('定期评估');
    expect(await page.getByTestId('registry-source-year').innerText()).toBe('2026');
    const types = await page
      .getByTestId('registry-source-types')
      .locator('tbody tr')
      .allInnerTexts();
    expect(types.map((row) => row.replace(/\s+/g, ' ').trim())).toEqual([
      'A1 省重点实验室 2',
      'B1 省工程研究中心 2',
      'B4 省专业技术创新中心 2',
    ]);
    // Not before the fingerprint is compared and the name given.
    expect(await page.getByTestId('registry-source-continue').isDisabled()).toBe(true);
    await page.getByTestId('registry-source-tick').check();
    await page.getByTestId('registry-source-operator').fill(data.OPERATOR);
    await shot(secretariat, 'wizard-registry', true);
    await page.getByTestId('registry-source-continue').click();

    await page.getByTestId('wizard-registry-source').waitFor();
    expect(await page.getByTestId('wizard-name').inputValue()).toBe(
      '2026年度省级科技创新基地定期评估',
    );
    expect(await page.getByTestId('wizard-year').inputValue()).toBe('2026');
    await page.getByTestId('wizard-next').click();
    await page.getByTestId('wizard-next').click();
    await page.getByTestId('wizard-method-mean').click();
    await page.getByTestId('wizard-next').click();
    await page.getByTestId('wizard-finish').click();
    await page.getByTestId('round-settings').waitFor();
    expect(await page.getByTestId('header-round').innerText()).toBe(
      '2026年度省级科技创新基地定期评估',
    );
    // The roster came with the bundle (its registry codes are checked in the round bundle).
    await go(secretariat, '/secretariat/bases', 'bases-table');
    const shown = await page.getByTestId('bases-table').innerText();
    for (const base of BASES) expect(shown).toContain(base.name);
  });

  it('secretariat: forms the panel, assigns it and issues its round bundle', async () => {
    const { page } = secretariat;
    await go(secretariat, '/secretariat/panels', 'add-panel');
    await page.getByTestId('add-panel').click();
    await page.getByTestId('panel-name-input').fill(data.PANEL);
    await page.getByTestId('panel-save').click();
    await panelCard(page, data.PANEL).waitFor();
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
    const card = panelCard(page, data.PANEL);
    await expect.poll(() => card.locator('tbody tr.ant-table-row').count(), SETTLED).toBe(3);
    await chooseOption(page, card.getByTestId('chair-select'), data.EXPERTS[0]);
    await card.getByTestId('chair-tag').waitFor();

    await go(secretariat, '/secretariat/assignment', 'auto-assign-button');
    await page.getByTestId('auto-assign-button').click();
    await page.getByTestId('auto-assign-preview').waitFor();
    await page.getByTestId('auto-assign-apply').click();
    await page.getByTestId('auto-assign-preview').waitFor({ state: 'detached' });

    await go(secretariat, '/secretariat/exchange', 'issue-button');
    const saved = await downloadOf(page, () => page.getByTestId('issue-button').click(), dir);
    await page.getByTestId('issue-done').waitFor();
    files.round = saved.path;
  });

  it('secretariat: imports the three laptops’ score bundles and sees the means', async () => {
    const { page } = secretariat;
    const written = await steps.writeScoreBundles(files.round, dir);
    bases = written.bases;
    // The round's bases carry the department's registry codes: nothing was typed again.
    expect([...bases.keys()].sort()).toEqual(BASES.map((b) => b.code));
    const result = await importBatch(page, written.files);
    expect(result.outcomes).toEqual(['imported', 'imported', 'imported']);
    expect(result.counts).toContain('新增 18 张');
    await go(secretariat, '/secretariat/results', 'results-table');
    const table = page.getByTestId('results-table');
    for (const base of BASES) {
      const row = table.locator(`tr[data-row-key="${bases.get(base.code)?.id ?? ''}"]`);
      await expect.poll(() => row.innerText(), SETTLED).toContain(base.mean.toFixed(2));
    }
  });

  it('secretariat: records the decisions and closes the round (结束评估)', async () => {
    const { page } = secretariat;
    for (const base of BASES) {
      await steps.recordDecision(page, bases.get(base.code)?.id ?? '', base);
    }
    await shot(secretariat, 'decisions', true);
    const closed = await steps.closeRound(page, dir);
    files.result = closed.result.path;
    await page.getByTestId('round-closed-banner').getByText('已结束 · 第 1 版').waitFor();
    const opened = await openBundle(new Uint8Array(readFileSync(files.result)), {
      crypto: globalThis.crypto,
      expectedKinds: ['result'],
    });
    if (!opened.ok || opened.kind !== 'result') throw new Error('not a result bundle');
    closedAt = opened.payload.round.closure?.closedAt ?? '';
    expect(closedAt).not.toBe('');
    expect(opened.payload.bases.map((b) => b.code).sort()).toEqual(BASES.map((b) => b.code));
  });

  it('department: accepts the result bundle, previewing what it changes', async () => {
    const { page } = department;
    await go(department, '/registry/accept', 'registry-accept-file');
    await steps.chooseFile(page, 'registry-accept-file', files.result);
    const preview = page.getByTestId('registry-accept-preview');
    await waitForOrExplain(page, preview, 'the acceptance preview');
    expect(await page.getByTestId('registry-accept-action').getAttribute('data-action')).toBe(
      'new',
    );
    const change = (code: string, kind: string) =>
      preview.getByTestId(`registry-accept-change-${code}-${kind}`).innerText();
    expect(await change('LN-DC-002', 'status')).toContain('运行中 → 已撤销');
    expect(await change('LN-DC-003', 'mergedInto')).toContain('LN-DC-004');
    expect(await change('LN-DC-005', 'rectifyUntil')).toContain(data.rectifyDeadline(closedAt));
    await page.getByTestId('registry-accept-operator').fill(data.DEPARTMENT);
    await page.getByTestId('registry-accept-confirm').click();
    await page.getByTestId('registry-accept-done').waitFor();
  });

  it('department: the statuses changed as the decisions say', async () => {
    const { page } = department;
    await page.getByTestId('registry-tab-bases').click();
    await expect.poll(() => statusOf('LN-DC-002'), SETTLED).toBe('已撤销');
    expect(await statusOf('LN-DC-001')).toBe('运行中');
    expect(await statusOf('LN-DC-003')).toBe(`已并入 LN-DC-004 ${baseByCode('LN-DC-004').name}`);
    expect(await statusOf('LN-DC-004')).toBe('运行中');
    expect(await statusOf('LN-DC-005')).toBe(`限期整改（至 ${data.rectifyDeadline(closedAt)}）`);
    expect(await statusOf('LN-DC-006')).toBe('运行中');
    const type = (code: string) => page.getByTestId(`registry-type-${code}`).innerText();
    expect(await type('LN-DC-001')).toBe('A1 省重点实验室');
    expect(await type('LN-DC-004')).toBe('B4 省专业技术创新中心');
    const converted = await page.getByTestId('registry-base-row-LN-DC-006').innerText();
    expect(converted).toContain('B3 省产业共性技术创新中心');
    expect(converted).toContain('原为');
    await shot(department, 'registry', true);
  });

  it('department: the result bundle opened on the window becomes the current round at home', async () => {
    const { page } = department;
    await page.goto(server.url);
    await page.getByTestId('welcome').waitFor();
    const bytes = readFileSync(files.result).toString('base64');
    await page.evaluate(
      ([base64, name]) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], name));
        window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, cancelable: true }));
      },
      [bytes, '2026年度结果.pgb'] as const,
    );
    await page.getByTestId('import-preview').waitFor();
    await confirmFingerprints(page, data.DEPARTMENT);
    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-next').click();
    await page.getByTestId('home-round').waitFor();
    expect(await page.getByTestId('header-round').innerText()).toBe(
      '2026年度省级科技创新基地定期评估',
    );
    const rounds = page.getByTestId('all-rounds');
    expect(await rounds.getByTestId('round-archived').count()).toBe(1);
    expect(await rounds.getByTestId('round-row-bases').innerText()).toBe('6');
    expect(await rounds.getByTestId('round-current').count()).toBe(1);
    await shot(department, 'home-archive', true);
  });

  it('department: the next bundle leaves out revoked and merged bases, takes the rectification due', async () => {
    const { page } = department;
    await go(department, '/registry/outgoing', 'registry-outgoing-export');
    const year = page.getByTestId('registry-outgoing-year');
    await year.fill(String(data.NEXT_YEAR));
    await year.press('Tab');
    await steps.chooseMany(page, page.getByTestId('registry-outgoing-types'), [
      'A1 省重点实验室',
      'B3 省产业共性技术创新中心',
      'B4 省专业技术创新中心',
    ]);
    const count = page.getByTestId('registry-outgoing-count');
    // By type alone: 001, 004 and 006; 002 (revoked) and 003 (merged) never go out.
    await expect.poll(() => count.getAttribute('data-count'), SETTLED).toBe('3');
    await page.getByTestId('registry-outgoing-due').fill(data.NEXT_DUE_BY);
    await expect.poll(() => count.getAttribute('data-count'), SETTLED).toBe('4');
    const saved = await downloadOf(
      page,
      () => page.getByTestId('registry-outgoing-export').click(),
      dir,
      '2027年度名单.pgb',
    );
    files.next = saved.path;
    const { registry } = (await openedRegistry(files.next)).payload;
    expect(registry.bases.map((b) => b.code)).toEqual([
      'LN-DC-001',
      'LN-DC-004',
      'LN-DC-005',
      'LN-DC-006',
    ]);
    const rectified = registry.bases.find((b) => b.code === 'LN-DC-005');
    expect(rectified?.status).toBe('rectifying');
    expect(rectified?.history.map((h) => [h.year, h.aggregate, h.disposition])).toEqual([
      [data.FIRST_YEAR, 58, 'rectify'],
    ]);
  });

  it('department: scales the 后补助 to the budget, exports it and reads it back', async () => {
    const { page } = department;
    await go(department, '/registry/funding', 'funding-table');
    const budget = page.getByTestId('funding-budget');
    await budget.fill(String(data.BUDGET));
    await budget.press('Tab');
    await expect.poll(() => page.getByTestId('funding-total').innerText(), SETTLED).toBe('250');
    for (const [code, amount] of Object.entries(data.FUNDING)) {
      expect(await page.getByTestId(`funding-amount-${code}`).innerText(), code).toBe(
        String(amount),
      );
    }
    const file = await downloadOf(page, () => page.getByTestId('funding-export').click(), dir);
    const read = readXlsx(new Uint8Array(readFileSync(file.path)));
    if (!read.ok) throw new Error(read.message);
    const sheet = read.sheets.find((s) => s.name === FUNDING_SHEET_NAMES.table);
    if (!sheet) throw new Error('no 后补助 sheet');
    expect(sheet.rows[2]).toEqual([...FUNDING_HEADER]);
    const codeAt = FUNDING_HEADER.indexOf('基地编号');
    const amountAt = FUNDING_HEADER.indexOf('后补助金额（万元）');
    const amounts = Object.fromEntries(
      sheet.rows.slice(3, -1).map((row) => [row[codeAt], Number(row[amountAt])]),
    );
    expect(amounts).toEqual(data.FUNDING);
    expect(Number(sheet.rows.at(-1)?.[amountAt])).toBe(data.BUDGET);
    expect(department.errors).toEqual([]);
  });

  it('a new secretariat laptop starts 2027 from the bundle; 历年评估 shows the year before', async () => {
    const { page } = newcomer;
    await go(newcomer, '/secretariat', 'round-wizard');
    await page.getByTestId('wizard-start-registry').click();
    await steps.chooseFile(page, 'registry-source-pick', files.next);
    await waitForOrExplain(page, page.getByTestId('registry-source-signer'), 'the bundle');
    expect(await page.getByTestId('registry-source-signer').innerText()).toBe(departmentKey);
    expect(await page.getByTestId('registry-source-total').innerText()).toBe('基地 4 个');
    expect(await page.getByTestId('registry-source-facts').innerText()).toContain(
      '其中 4 个带有历年评估记录',
    );
    await page.getByTestId('registry-source-tick').check();
    await page.getByTestId('registry-source-operator').fill('第三方评估机构 郑洁');
    await page.getByTestId('registry-source-continue').click();
    for (let step = 0; step < 3; step += 1) await page.getByTestId('wizard-next').click();
    await page.getByTestId('wizard-finish').click();
    await page.getByTestId('round-settings').waitFor();

    await go(newcomer, '/dashboard', 'dashboard-tabs');
    await page.getByTestId('type-switch').getByText('全部', { exact: true }).click();
    await page.getByRole('tab', { name: '历年评估' }).click();
    await chooseOption(page, page.getByTestId('history-base'), baseByCode('LN-DC-005').name);
    const history = page.getByTestId('history-table');
    await waitForOrExplain(page, history.getByTestId('history-from-registry'), 'the 2026 line');
    const rows = await history.locator('tbody tr.ant-table-row').allInnerTexts();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('2026年度省级科技创新基地定期评估');
    expect(rows[0]).toContain('58.00');
    expect(rows[0]).toContain('限期整改');
    expect(rows[1]).toContain(String(data.NEXT_YEAR));
    await shot(newcomer, 'history', true);
    expect(newcomer.errors).toEqual([]);
    expect(secretariat.errors).toEqual([]);
  });
});
