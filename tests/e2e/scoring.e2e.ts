// The expert's day in Chromium: load the demo round, choose an expert (setting a PIN), fill
// one scoresheet with the keyboard only, find every value after a reload, see an
// out-of-range score refused, submit, reopen with the chair's PIN (set on first use), notice a
// second window's edit, declare a recusal on another base, print the panel summary and
// export the score bundle (checked with `pinggu verify`). Then a fresh laptop opens round
// bundles: one dropped on the window, one encrypted through the file picker.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { generateDemoDataset } from '../../shared/demo/demoRound';
import { secondaryIndicators } from '../../shared/domain/templates';
import { createBundle } from '../../shared/bundle/bundle';
import { makeBundle, sampleInput, testSigner } from '../helpers/bundleBuilders';
import { openFile } from '../helpers/cli';
import { SETTLED, launchMachine, screenshotPath, useMachine } from './helpers/browser';

const demo = generateDemoDataset().current;
const PIN = '2468';
const CHAIR_PIN = '1357';
const run = promisify(execFile);

// A panel member (not the chair) with at least two bases nobody has started.
const openBases = (expertId: string) =>
  demo.assignments
    .filter((a) => a.expertId === expertId && !a.recusal)
    .filter((a) => !demo.scoresheets.some((s) => s.expertId === expertId && s.baseId === a.baseId))
    .map((a) => a.baseId);
const expert = demo.experts.find(
  (e) =>
    demo.panels.some((p) => p.id === e.panelId && p.chairExpertId !== e.id) &&
    openBases(e.id).length >= 2,
);
if (!expert) throw new Error('the demo has no expert with two bases to score');
const chair = demo.experts.find(
  (e) => e.id === demo.panels.find((p) => p.id === expert.panelId)?.chairExpertId,
);
const [sheetBaseId = '', recuseBaseId = ''] = openBases(expert.id);
const sheetBase = demo.bases.find((b) => b.id === sheetBaseId);
const template = demo.templates.find(
  (t) => t.id === demo.round.templateByType[sheetBase?.type ?? 'A1'],
);
if (!sheetBase || !template || !chair) throw new Error('demo data incomplete');
const indicators = secondaryIndicators(template);
// 80% of each maximum, on the half-point scale.
const scoreFor = (max: number) => Math.floor(max * 1.6) / 2;
const expectedTotal = indicators.reduce((sum, s) => sum + scoreFor(s.maxPoints), 0);
const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

const scoreInput = (page: Page, id: string) => page.getByTestId(`score-${id}`);
const waitSaved = (page: Page) =>
  page.locator('[data-testid="save-state"][data-state="saved"]').waitFor();

async function openSheetByKeyboard(page: Page, baseId: string) {
  const row = page.locator(`tr[data-row-key="${baseId}"]`);
  // A dialog that just closed hands the focus back to where it was opened from; wait for it.
  await page
    .locator('.ant-modal-wrap')
    .first()
    .waitFor({ state: 'hidden' })
    .catch(() => undefined);
  await expect
    .poll(async () => {
      await row.focus();
      return row.evaluate((element) => element === document.activeElement);
    }, SETTLED)
    .toBe(true);
  await page.keyboard.press('Enter');
  await page.getByTestId('scoresheet').waitFor();
  expect(await page.getByTestId('sheet-base-name').innerText()).toBe(
    demo.bases.find((b) => b.id === baseId)?.name,
  );
}

describe('an expert scores on the panel laptop', () => {
  const machine = useMachine();

  it('loads the demo round and chooses the expert, who sets a PIN', async () => {
    const { page } = machine;
    await page.goto(machine.url);
    await page.getByTestId('load-demo').click();
    await page.getByTestId('home-round').waitFor();
    await page.getByTestId('main-nav').getByText('专家评分').click();
    expect(await page.getByTestId('expert-progress').innerText()).toBe('请先在上方选择您的姓名');

    await page.getByTestId('expert-select').click();
    await page.keyboard.type(expert.name);
    await page.keyboard.press('Enter');
    await page.getByTestId('pin-new').fill(PIN);
    await page.getByTestId('pin-again').fill(PIN);
    await page.getByTestId('pin-save').click();
    await page.getByTestId('my-bases').waitFor();
    const assigned = demo.assignments.filter((a) => a.expertId === expert.id).length;
    expect(await page.getByTestId('expert-progress').innerText()).toMatch(
      new RegExp(`^已提交 \\d+ / ${assigned}$`),
    );
  });

  it('fills a scoresheet with the keyboard only and sees the total', async () => {
    const { page } = machine;
    await openSheetByKeyboard(page, sheetBaseId);
    expect(await page.getByTestId('sheet-state').innerText()).toBe('未开始');
    // The first open score has the focus: type, Enter, type, Enter …
    for (const indicator of indicators) {
      await page.keyboard.type(String(scoreFor(indicator.maxPoints)));
      await page.keyboard.press('Enter');
    }
    // … then the recommendation: Space picks 纳入 (with the base's own type as its target).
    await page.keyboard.press('Space');
    for (let i = 0; i < 6; i += 1) {
      const focused = await page.evaluate(() =>
        document.activeElement?.getAttribute('data-testid'),
      );
      if (focused === 'overall-comment') break;
      await page.keyboard.press('Tab');
    }
    await page.keyboard.type('整体运行良好，成果突出。');
    await page.keyboard.press('Tab');

    expect(await page.getByTestId('sheet-total').innerText()).toBe(fmt(expectedTotal));
    expect(await page.getByTestId('sheet-scored').innerText()).toBe(
      `已打分 ${indicators.length} / ${indicators.length}`,
    );
    await waitSaved(page);
    // The saver reports 'saved' when its write commits; the state tag follows the live query.
    await expect.poll(() => page.getByTestId('sheet-state').innerText(), SETTLED).toBe('草稿');
  });

  it('finds every value again after a reload', async () => {
    const { page } = machine;
    await page.reload();
    await page.getByTestId('scoresheet').waitFor();
    for (const indicator of indicators) {
      expect(await scoreInput(page, indicator.id).inputValue()).toBe(
        String(scoreFor(indicator.maxPoints)),
      );
    }
    expect(await page.getByTestId('overall-comment').inputValue()).toBe('整体运行良好，成果突出。');
    expect(
      await page.getByTestId('disposition').locator('input:checked').getAttribute('value'),
    ).toBe('include');
    expect(await page.getByTestId('sheet-total').innerText()).toBe(fmt(expectedTotal));
  });

  it('refuses an out-of-range score on the spot and keeps the saved one', async () => {
    const { page } = machine;
    const first = indicators[0];
    if (!first) throw new Error('template without indicators');
    const input = scoreInput(page, first.id);
    await input.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(String(first.maxPoints + 10));
    const error = page.getByTestId(`score-error-${first.id}`);
    expect(await error.innerText()).toContain(`分值须在 0 到 ${first.maxPoints} 之间`);
    expect(await error.innerText()).toContain('未保存');
    expect(await page.getByTestId('sheet-total').innerText()).toBe(fmt(expectedTotal));
    await page.keyboard.press('Escape');
    expect(await input.inputValue()).toBe(String(scoreFor(first.maxPoints)));
    expect(await error.count()).toBe(0);
    // Arrow keys move by half a point and save like typing.
    await page.keyboard.press('ArrowUp');
    expect(await input.inputValue()).toBe(fmt(scoreFor(first.maxPoints) + 0.5));
    await page.keyboard.press('ArrowDown');
    await waitSaved(page);
    await page.screenshot({ path: screenshotPath('scoresheet'), fullPage: true });
  });

  it('submits the sheet, which locks it and writes the audit log', async () => {
    const { page } = machine;
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('submit-confirm').click();
    await page.locator('[data-testid="sheet-state"]', { hasText: '已提交' }).waitFor();
    expect(await scoreInput(page, indicators[0]?.id ?? '').isEditable()).toBe(false);
    await page.getByTestId('sheet-locked').waitFor();
    const audit = page.getByTestId('audit-trail');
    await audit.getByText('提交', { exact: true }).waitFor();
    expect(await audit.innerText()).toContain('状态: 草稿 → 已提交');
    expect(await audit.innerText()).toContain(expert.name);
  });

  it("reopens the submitted sheet only with the chair's PIN, which a chair without one sets first", async () => {
    const { page } = machine;
    await page.getByTestId('sheet-reopen').click();
    await page.getByTestId('reopen-reason').fill('打印后发现评语需要补充');
    // The demo's chair has no PIN on this laptop: the dialog asks the chair to set one.
    expect(await page.getByTestId('reopen-proof-hint').innerText()).toContain(
      `组长 ${chair.name} 尚未在本机设置 PIN`,
    );
    expect(await page.getByTestId('reopen-proof').count()).toBe(0);
    // The chair's name confirms nothing; two different PINs neither.
    await page.getByTestId('reopen-proof-new').fill(chair.name);
    await page.getByTestId('reopen-proof-again').fill(chair.name);
    await page.getByTestId('reopen-confirm').click();
    await page.getByText('PIN 须为 4–6 位数字，未退回。').waitFor();
    await page.getByTestId('reopen-proof-new').fill(CHAIR_PIN);
    await page.getByTestId('reopen-proof-again').fill('9999');
    await page.getByTestId('reopen-confirm').click();
    await page.getByText('两次输入的 PIN 不一致，未退回。').waitFor();
    expect(await page.getByTestId('sheet-state').innerText()).toBe('已提交');

    await page.getByTestId('reopen-proof-again').fill(CHAIR_PIN);
    await page.getByTestId('reopen-confirm').click();
    await page.locator('[data-testid="sheet-state"]', { hasText: '草稿' }).waitFor();
    const audit = page.getByTestId('audit-trail');
    await audit.getByText('退回修改', { exact: true }).waitFor();
    expect(await audit.innerText()).toContain(
      `组长${chair.name}确认退回（组长设置 PIN 并验证）；退回原因：打印后发现评语需要补充`,
    );
  });

  it('tells a second window that the sheet changed under it, and reloads on request', async () => {
    const { page, context } = machine;
    const second = await context.newPage();
    await second.goto(page.url());
    // A new window asks for the PIN again.
    await second.getByTestId('pin-locked').fill(PIN);
    await second.getByTestId('pin-locked').press('Enter');
    await second.getByTestId('my-bases').waitFor();
    await openSheetByKeyboard(second, sheetBaseId);

    const last = indicators.at(-1);
    if (!last) throw new Error('template without indicators');
    await scoreInput(page, last.id).fill('0');
    await waitSaved(page);
    await second.getByTestId('sheet-conflict').waitFor();
    expect(await second.getByTestId('sheet-conflict').innerText()).toContain(
      '此评分表已在另一个窗口中修改',
    );
    await second.getByTestId('sheet-reload').click();
    expect(await scoreInput(second, last.id).inputValue()).toBe('0');
    expect(await second.getByTestId('sheet-conflict').count()).toBe(0);
    await second.close();

    await scoreInput(page, last.id).fill(String(scoreFor(last.maxPoints)));
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('submit-confirm').click();
    await page.locator('[data-testid="sheet-state"]', { hasText: '已提交' }).waitFor();
  });

  it('declares a recusal with a reason on another base, which locks it', async () => {
    const { page } = machine;
    await page.getByTestId('sheet-back').click();
    await page.getByTestId('my-bases').waitFor();
    await openSheetByKeyboard(page, recuseBaseId);
    await page.getByTestId('sheet-recuse').click();
    expect(await page.getByTestId('recusal-confirm').isDisabled()).toBe(true);
    await page.getByTestId('recusal-reason').fill('曾在该基地依托单位兼职');
    await page.getByTestId('recusal-confirm').click();
    await page.locator('[data-testid="sheet-state"]', { hasText: '回避' }).waitFor();
    expect(await page.getByTestId('sheet-locked').innerText()).toContain('曾在该基地依托单位兼职');
    await page.getByTestId('audit-trail').getByText('回避', { exact: true }).waitFor();

    await page.getByTestId('sheet-back').click();
    const row = page.locator(`tr[data-row-key="${recuseBaseId}"]`);
    expect(await row.getByTestId('row-state').innerText()).toBe('回避');
    expect(await row.innerText()).toContain('曾在该基地依托单位兼职');
    const scored = page.locator(`tr[data-row-key="${sheetBaseId}"]`);
    expect(await scored.getByTestId('row-state').innerText()).toBe('已提交');
    expect(await scored.innerText()).toContain(expectedTotal.toFixed(1));
  });

  it("shows the chair the panel's matrix and prints the summary with the device fingerprint", async () => {
    const { page } = machine;
    await page.getByText('专家组总览').click();
    await page.getByTestId('panel-matrix').waitFor();
    expect(await page.getByTestId('panel-summary').innerText()).toContain('应评');
    await page.getByTestId('print-panel').click();
    await page.getByTestId('print-panel-summary').waitFor();
    expect(await page.getByTestId('print-panel-summary').innerText()).toContain(sheetBase.name);
    await page.getByTestId('print-fingerprint').waitFor();
    expect(await page.getByTestId('print-fingerprint').innerText()).toMatch(
      /[0-9A-F]{4}(-[0-9A-F]{4}){3}/,
    );
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('main-nav').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
  });

  it('exports the panel score bundle, warns about unsubmitted sheets, and `pinggu verify` accepts it', async () => {
    const { page } = machine;
    await page.goBack();
    await page.getByTestId('export-scores').click();
    expect(await page.getByTestId('export-warning').innerText()).toContain('未提交');
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: '导 出' }).click();
    const download = await downloading;
    const file = join(mkdtempSync(join(tmpdir(), 'pinggu-scores-')), download.suggestedFilename());
    await download.saveAs(file);
    expect(download.suggestedFilename()).toMatch(/^评分包-2023-.+\.pgb$/);

    const result = await page.getByTestId('export-result').innerText();
    const panelExperts = new Set(
      demo.experts.filter((e) => e.panelId === expert.panelId).map((e) => e.id),
    );
    const panelSheets = demo.scoresheets.filter((s) => panelExperts.has(s.expertId)).length + 2;
    expect(result).toContain(`共 ${panelSheets} 份评分表`);

    const { stdout } = await run('npx', ['--no-install', 'pinggu', 'verify', file]);
    const { fingerprint } = (await openFile(file)).signer;
    expect(stdout.trim()).toBe(
      `OK ${file} scores ${demo.round.id} ${expert.panelId} ${panelSheets} ${fingerprint}`,
    );
    expect(machine.errors).toEqual([]);
  });
});

describe('a fresh panel laptop opens round bundles', () => {
  const machine = useMachine();

  it('opens a bundle dropped on the window, shows the preview and imports it', async () => {
    const { page } = machine;
    await page.goto(`${machine.url}#/scoring`);
    await page.getByTestId('open-round-bundle').waitFor();
    const bytes = readFileSync('tests/fixtures/bundles/v1/round.pgb').toString('base64');
    await page.evaluate((base64) => {
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([data], 'round.pgb'));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, cancelable: true }));
    }, bytes);
    const preview = page.getByTestId('bundle-preview');
    await preview.waitFor();
    expect(await preview.innerText()).toContain('56A7-ADA6-525D-D92B');
    // The file's own SHA-256, to compare with the secretariat's hand-over sheet.
    const sha256 = createHash('sha256')
      .update(readFileSync('tests/fixtures/bundles/v1/round.pgb'))
      .digest('hex');
    await expect
      .poll(() => page.getByTestId('import-sha256').getAttribute('data-sha256'), SETTLED)
      .toBe(sha256);
    expect(await page.getByTestId('import-sha256-compare').innerText()).toContain('交接单');
    await page.getByRole('button', { name: '导 入' }).click();
    await page.getByTestId('bundle-done').click();
    await page.getByTestId('header-round').waitFor();
    await page.getByTestId('expert-select').click();
    await page.getByText('李明 ·').waitFor();
    await page.keyboard.press('Escape');
  });

  it('asks for the passphrase of an encrypted bundle until it is right', async () => {
    // Another laptop: the sample bundle's record ids overlap those of the one imported above.
    const laptop = await launchMachine();
    const { page } = laptop;
    await page.goto(`${machine.url}#/scoring`);
    const { bytes, input } = await makeBundle('round', { passphrase: '大连-2024' });
    const file = join(mkdtempSync(join(tmpdir(), 'pinggu-round-')), 'round-encrypted.pgb');
    writeFileSync(file, bytes);
    const choosing = page.waitForEvent('filechooser');
    await page.getByTestId('open-round-bundle').click();
    await (await choosing).setFiles(file);
    await page.getByTestId('bundle-passphrase').fill('wrong');
    await page.getByTestId('bundle-passphrase').press('Enter');
    await page.getByText('口令不正确，请重新输入').waitFor();
    await page.getByTestId('bundle-passphrase').fill('大连-2024');
    await page.getByTestId('bundle-passphrase').press('Enter');
    await page.getByTestId('bundle-preview').waitFor();
    await page.getByRole('button', { name: '导 入' }).click();
    await page.getByTestId('bundle-done').click();
    const roundName = input.kind === 'round' ? input.payload.round.name : '';
    await page.locator('[data-testid="header-round"]', { hasText: roundName }).waitFor();
    expect(laptop.errors).toEqual([]);
    expect(machine.errors).toEqual([]);
    await laptop.close();
  });

  it('lists what a re-issued round bundle withdraws, drops it, and offers colleagues’ score bundles', async () => {
    const laptop = await launchMachine();
    const { page } = laptop;
    const sample = sampleInput('round', { signer: await testSigner() });
    if (sample.kind !== 'round') throw new Error('a round bundle input');
    // The sample's bases share one name: the one to be moved gets its own.
    const [sampleBase] = sample.payload.bases;
    if (!sampleBase) throw new Error('sample without bases');
    const moved = { ...sampleBase, name: '辽宁省智能制造装备重点实验室' };
    const first = {
      ...sample,
      payload: {
        ...sample.payload,
        bases: sample.payload.bases.map((b) => (b.id === moved.id ? moved : b)),
      },
    };
    // The secretariat moves that base to another panel and issues the panel's bundle again.
    const reissued = {
      ...first,
      createdAt: '2024-05-12T08:30:00.000Z',
      payload: {
        ...first.payload,
        bases: first.payload.bases.filter((b) => b.id !== moved.id),
        assignments: first.payload.assignments.filter((a) => a.baseId !== moved.id),
      },
    };
    const withdrawnAssignments =
      first.payload.assignments.length - reissued.payload.assignments.length;
    expect(withdrawnAssignments).toBeGreaterThan(0);
    const dir = mkdtempSync(join(tmpdir(), 'pinggu-reissue-'));
    const open = async (name: string, bytes: Uint8Array) => {
      const file = join(dir, name);
      writeFileSync(file, bytes);
      const choosing = page.waitForEvent('filechooser');
      await page.getByTestId('open-round-bundle').click();
      await (await choosing).setFiles(file);
      await page.getByTestId('bundle-preview').waitFor();
    };
    await page.goto(`${machine.url}#/scoring`);
    await open('round-first.pgb', await createBundle(first));
    expect(await page.getByTestId('bundle-withdrawn').count()).toBe(0);
    await page.getByRole('button', { name: '导 入' }).click();
    await page.getByTestId('bundle-done').click();
    await page.getByTestId('expert-select').waitFor();

    await open('round-reissued.pgb', await createBundle(reissued));
    const withdrawn = page.getByTestId('bundle-withdrawn');
    expect(await withdrawn.innerText()).toContain(`基地：${moved.name}`);
    expect(await withdrawn.innerText()).toContain(`评审任务 ${withdrawnAssignments} 项`);
    await page.screenshot({ path: screenshotPath('scoring-reissued-withdrawn') });
    await page.getByRole('button', { name: '导 入' }).click();
    await page.getByTestId('bundle-done').click();
    // The expert's list no longer offers the moved base.
    const [assignment] = reissued.payload.assignments;
    const expertName = first.payload.experts.find((e) => e.id === assignment?.expertId)?.name;
    await page.getByTestId('expert-select').click();
    await page.keyboard.type(expertName ?? '');
    await page.keyboard.press('Enter');
    await page.getByTestId('pin-skip').click();
    await page.getByTestId('my-bases').waitFor();
    await expect
      .poll(() => page.getByTestId('my-bases').innerText(), SETTLED)
      .not.toContain(moved.name);
    const [remaining] = reissued.payload.bases;
    expect(await page.getByTestId('my-bases').innerText()).toContain(remaining?.name ?? '?');

    // The chair's matrix: no expert has a sheet on this laptop yet, so it says they may score
    // elsewhere and offers to import their score bundles into the import dialog.
    await page.getByRole('button', { name: '专家组总览' }).click();
    await page.getByTestId('panel-matrix').waitFor();
    const elsewhere = await page.getByTestId('others-elsewhere').innerText();
    for (const expert of reissued.payload.experts) expect(elsewhere).toContain(expert.name);
    const choosing = page.waitForEvent('filechooser');
    await page.getByTestId('import-scores').click();
    await (await choosing).setFiles(join(dir, 'round-reissued.pgb'));
    await page.getByTestId('import-preview').waitFor();
    expect(await page.getByTestId('import-kind').innerText()).toBe('评审任务包');
    await page.keyboard.press('Escape');
    await page.getByTestId('import-dialog').waitFor({ state: 'detached' });
    expect(laptop.errors).toEqual([]);
    await laptop.close();
  });
});
