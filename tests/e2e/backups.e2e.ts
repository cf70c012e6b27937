// Backups in the browser build, end to end in Chromium: load the demo, back it up by hand,
// wipe it (delete the demo round), restore from the list, and the home screen shows the demo
// numbers again. Then the same loss on a fresh start is met by the offer to restore the
// newest backup, and a downloaded backup restores from its file. A department laptop that
// holds only its registry is backed up too, and restoring that backup after a round was
// accepted gives back the registry as it was. A bundle dropped on the window outside the
// scoring screen opens the generic import dialog.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { generateSigningKeyPair } from '../../shared/bundle/bundleCrypto';
import { generateDemoDataset } from '../../shared/demo/demoRound';
import { writeXlsx } from '../../shared/xlsx/write';
import {
  approvalsSheetRows,
  cycleResultBundle,
  cycleResultPayload,
} from '../helpers/registryAcceptBuilders';
import { screenshotPath, SETTLED, useMachine, waitForOrExplain } from './helpers/browser';

/** Dialogs zoom in: waits until the one matching selector is fully shown (for screenshots). */
const shownFully = (page: Page, selector: string) =>
  page.waitForFunction((css) => {
    const dialog = document.querySelector(css);
    return dialog !== null && getComputedStyle(dialog).opacity === '1';
  }, selector);

describe('backups in the browser build', () => {
  const machine = useMachine();
  let downloadedPath = '';
  const demo = generateDemoDataset().current;

  const statValue = (id: string) =>
    machine.page.getByTestId(id).locator('.ant-statistic-content-value').innerText();

  const expectDemoNumbers = async () => {
    await machine.page.getByTestId('home-round').waitFor();
    expect(await statValue('stat-bases')).toBe(String(demo.bases.length));
    expect(await statValue('stat-panels')).toBe(String(demo.panels.length));
    expect(await statValue('stat-experts')).toBe(String(demo.experts.length));
  };

  const goTo = async (label: string) => {
    await machine.page.getByTestId('main-nav').getByText(label).click();
  };

  const removeDemo = async () => {
    const { page } = machine;
    await goTo('首页');
    await page.getByRole('button', { name: /删除演示轮次/ }).click();
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await page.getByTestId('welcome').waitFor();
  };

  it('backs up the demo round by hand and lists the backup', async () => {
    const { page } = machine;
    await page.goto(machine.url);
    await page.getByTestId('load-demo').click();
    await expectDemoNumbers();
    await goTo('备份与恢复');
    await page.getByTestId('backups-page').waitFor();
    await page.getByTestId('backup-now').click();
    const rows = page.getByTestId('backups-table').locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    const row = await rows.first().innerText();
    expect(row).toContain('手动备份');
    expect(row).toMatch(/[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}/);
    expect(row).toContain('本机');
    await page.screenshot({ path: screenshotPath('backups') });
  });

  it('downloads a backup as a .pgb file', async () => {
    const { page } = machine;
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('backups-table').getByRole('button', { name: /下载/ }).first().click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^pinggu-backup-.+-manual\.pgb$/);
    downloadedPath = (await download.path()) ?? '';
    expect((await readFile(downloadedPath)).subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('restores the backup after the demo round was deleted', async () => {
    const { page } = machine;
    await removeDemo();
    await goTo('备份与恢复');
    await page.getByTestId('backup-restore').first().click();
    await page.getByTestId('restore-summary').waitFor();
    expect(await page.getByTestId('restore-summary').innerText()).toMatch(
      /包含 [1-9]\d* 个轮次、[1-9]\d* 份评分表/,
    );
    await page.locator('.restore-confirm .ant-btn-dangerous').click();
    await page.getByText('已从备份恢复本机的全部数据。').waitFor();
    await goTo('首页');
    await expectDemoNumbers();
  });

  it('offers the newest backup when the app starts with an empty database', async () => {
    const { page } = machine;
    await removeDemo();
    await page.reload();
    const offer = page.locator('.restore-offer');
    await offer.locator('.ant-btn-primary').waitFor({ state: 'visible' });
    await shownFully(page, '.restore-offer');
    expect(await offer.innerText()).toContain('发现备份');
    await page.screenshot({ path: screenshotPath('restore-offer'), animations: 'disabled' });
    await offer.locator('.ant-btn-primary').click();
    await expectDemoNumbers();
  });

  it('restores a downloaded backup from its file', async () => {
    const { page } = machine;
    await removeDemo();
    await goTo('备份与恢复');
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByTestId('restore-from-file').click(),
    ]);
    await chooser.setFiles(downloadedPath);
    await page.locator('.restore-confirm .ant-btn-dangerous').click();
    await page.getByText('已从备份恢复本机的全部数据。').first().waitFor();
    await goTo('首页');
    await expectDemoNumbers();
    expect(machine.errors).toEqual([]);
  });
});

describe('a department laptop restored from its backup', () => {
  const machine = useMachine();
  const dir = mkdtempSync(join(tmpdir(), 'pinggu-backup-registry-e2e-'));

  const choose = async (testId: string, file: string) => {
    const choosing = machine.page.waitForEvent('filechooser');
    await machine.page.getByTestId(testId).click();
    await (await choosing).setFiles(file);
  };
  const statusText = (code: string) =>
    machine.page.getByTestId(`registry-status-${code}`).innerText();

  it('has its registry bases back as they were when it was backed up', async () => {
    const { page } = machine;
    await page.goto(`${machine.url}#/registry/bases`);
    await page.getByTestId('registry-bases-empty').waitFor();
    const sheet = join(dir, '批建名单.xlsx');
    writeFileSync(sheet, writeXlsx([{ name: '批建', rows: approvalsSheetRows() }]));
    await choose('registry-approvals-button', sheet);
    await page.getByTestId('registry-approvals-summary').waitFor();
    await page.getByTestId('registry-approvals-confirm').click();
    const count = page.getByTestId('registry-bases-count');
    await expect.poll(() => count.getAttribute('data-total'), SETTLED).toBe('6');

    // A laptop without any round is backed up all the same: its registry is its data.
    await page.getByTestId('main-nav').getByText('备份与恢复').click();
    await page.getByTestId('backup-now').click();
    const manual = page
      .getByTestId('backups-table')
      .locator('tbody tr.ant-table-row', { hasText: '手动备份' });
    await manual.first().waitFor();

    // After the backup the department accepts a round, which revokes LN-REG-006.
    await page.goto(`${machine.url}#/registry/bases`);
    await page.getByTestId('registry-tab-accept').click();
    const result = join(dir, '2024结果.pgb');
    const signer = await generateSigningKeyPair(globalThis.crypto);
    writeFileSync(result, await cycleResultBundle(cycleResultPayload(), signer));
    await choose('registry-accept-file', result);
    await waitForOrExplain(page, page.getByTestId('registry-accept-preview'), 'the preview');
    await page.getByTestId('registry-accept-operator').fill('省科技厅 刘洋');
    await page.getByTestId('registry-accept-confirm').click();
    await page.getByTestId('registry-accept-done').waitFor();
    await page.getByTestId('registry-tab-bases').click();
    await expect.poll(() => statusText('LN-REG-006'), SETTLED).toBe('已撤销');

    await page.getByTestId('main-nav').getByText('备份与恢复').click();
    await manual.first().getByTestId('backup-restore').click();
    await page.getByTestId('restore-summary').waitFor();
    // What it restores: no round, but the registry's six approvals (none accepted yet then).
    expect(await page.getByTestId('restore-summary').innerText()).toContain(
      '另含省厅基地库：已接收的评估结果 0 轮，批建 6 条。',
    );
    await page.locator('.restore-confirm .ant-btn-dangerous').click();
    await page.getByText('已从备份恢复本机的全部数据。').first().waitFor();

    await page.goto(`${machine.url}#/registry/bases`);
    await expect.poll(() => count.getAttribute('data-total'), SETTLED).toBe('6');
    await expect.poll(() => statusText('LN-REG-006'), SETTLED).toBe('运行中');
    expect(await page.getByTestId('registry-type-LN-REG-001').innerText()).toBe(
      '重点实验室（待整合）',
    );
    expect(machine.errors).toEqual([]);
  });
});

describe('a bundle dropped on the window', () => {
  const machine = useMachine();

  it('opens the import dialog with the preview, and imports the round after confirmation', async () => {
    const { page } = machine;
    await page.goto(machine.url);
    await page.getByTestId('welcome').waitFor();
    const bytes = readFileSync('tests/fixtures/bundles/v1/round.pgb').toString('base64');
    await page.evaluate((base64) => {
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([data], 'round.pgb'));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, cancelable: true }));
    }, bytes);
    const preview = page.getByTestId('import-preview');
    await preview.waitFor();
    expect(await page.getByTestId('import-kind').innerText()).toBe('评审任务包');
    expect(await page.getByTestId('import-fingerprint').innerText()).toBe('56A7-ADA6-525D-D92B');
    expect(await preview.innerText()).toContain('首次导入');
    await shownFully(page, '.ant-modal');
    await page.screenshot({ path: screenshotPath('import-dialog') });
    await page.getByTestId('import-commit').click();
    await page.getByText('导入完成').waitFor();
    await page.getByTestId('import-next').click();
    await page.getByTestId('header-round').waitFor();
    expect(machine.errors).toEqual([]);
  });
});
