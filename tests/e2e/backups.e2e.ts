// Backups in the browser build, end to end in Chromium: load the demo, back it up by hand,
// wipe it (delete the demo round), restore from the list, and the home screen shows the demo
// numbers again. Then the same loss on a fresh start is met by the offer to restore the
// newest backup, and a downloaded backup restores from its file.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoDataset } from '../../shared/demo/demoRound';
import { launchMachine, screenshotPath, startServer, type Machine } from './helpers/browser';
import type { StaticServer } from '../../scripts/serve.mjs';

describe('backups in the browser build', () => {
  let server: StaticServer;
  let machine: Machine;
  let downloadedPath = '';
  const demo = generateDemoDataset().current;

  beforeAll(async () => {
    server = await startServer();
    machine = await launchMachine();
  });

  afterAll(async () => {
    await machine?.close();
    await server?.close();
  });

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
    await page.goto(server.url);
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
    await page.locator('.restore-offer').waitFor();
    expect(await page.locator('.restore-offer').innerText()).toContain('发现备份');
    await page.screenshot({ path: screenshotPath('restore-offer') });
    await page.locator('.restore-offer .ant-btn-primary').click();
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
