// The secretariat's exchange of bundles in Chromium: load the demo round, issue one round
// bundle per panel (one encrypted) — each a download in the browser — check them with
// `pinggu verify`, print the hand-over sheet (each file's SHA-256 checked against the file
// downloaded), then bring back the panels' score bundles written by `pinggu demo` for the
// same round in one batch (with a damaged file and a copy), watching the progress and reading
// the summary, each panel's key ticked as compared with its paper summary; the trusted keys
// exported as a trust file that `pinggu merge --trust` accepts, and printed; a file dropped on
// the tab. Last, a fresh panel laptop opens one issued bundle and shows the same SHA-256 to
// compare with the sheet.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Download } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { generateDemoDataset } from '../../shared/demo/demoRound';
import { SETTLED, screenshotPath, useMachine } from './helpers/browser';
import { CHECKER, confirmFingerprints } from './helpers/fingerprints';

const run = promisify(execFile);
const demo = generateDemoDataset().current;
const PASSPHRASE = '大连组现场口令2023';
// PINGGU_CLI_BUILT: a CLI built elsewhere (as tests/cli/run.test.ts), else the package's bin.
const pinggu = (args: string[], env: Record<string, string> = {}) =>
  run('node', [process.env.PINGGU_CLI_BUILT ?? 'cli/pinggu.mjs', ...args], {
    env: { ...process.env, ...env },
  });
// Shared by the secretariat's block and the panel laptop's block below.
const downloadDir = mkdtempSync(join(tmpdir(), 'pinggu-exchange-'));
const issuedFile = (panelName: string) =>
  join(downloadDir, `评审包-${panelName}-${demo.round.name}.pgb`);
/** SHA-256 of the downloaded file, as `sha256sum` prints it. */
const sha256OfFile = (path: string) =>
  createHash('sha256').update(readFileSync(path)).digest('hex');
/** The hand-over sheet's short form: the first 16 hex digits in groups of four. */
const grouped = (hex: string) => hex.slice(0, 16).match(/.{4}/g)?.join(' ');
/** Panel names in the order of the issue table's rows; the second one's bundle is encrypted. */
let rowPanels: string[] = [];
/** The folder `pinggu demo` wrote the batch's bundles into. */
let demoFolder = '';
let encryptedPanel = '';

/** Score sheets per panel, as `pinggu demo` puts them in each panel's score bundle. */
const sheetsOfPanel = (panelId: string): number => {
  const bases = new Set(demo.bases.filter((b) => b.panelId === panelId).map((b) => b.id));
  return demo.scoresheets.filter((s) => bases.has(s.baseId)).length;
};

describe('the secretariat issues round bundles and collects score bundles', () => {
  // Several builds and test runs may share this machine: be patient with a slow page.
  const machine = useMachine({ height: 1000, defaultTimeout: 90_000 });

  it('loads the demo round, whose id is the one `pinggu demo` writes bundles for', async () => {
    const { page } = machine;
    await page.goto(machine.url);
    await page.getByTestId('load-demo').click();
    await page.getByTestId('home-round').waitFor();
    await page.goto(`${machine.url}#/secretariat/exchange`);
    await page.getByTestId('issue-button').waitFor();
    const rows = page.getByTestId('issue-section').locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.count(), SETTLED).toBe(demo.panels.length);
    rowPanels = await rows.locator('td:nth-child(2)').allInnerTexts();
    expect([...rowPanels].sort()).toEqual(demo.panels.map((p) => p.name).sort());
  });

  it('issues one bundle per panel, the second encrypted, each one a download', async () => {
    const { page } = machine;
    encryptedPanel = rowPanels[1] ?? '';
    await page.getByTestId('panel-passphrase-2').fill(PASSPHRASE);
    await page.getByTestId('panel-passphrase-again-2').fill('typed differently');
    await page.getByTestId('issue-button').click();
    expect(await page.getByTestId('issue-input-errors').innerText()).toContain('不一致');
    await page.getByTestId('panel-passphrase-again-2').fill(PASSPHRASE);

    const downloads: Download[] = [];
    page.on('download', (download) => downloads.push(download));
    await page.getByTestId('issue-button').click();
    await page.getByTestId('issue-done').waitFor();
    await expect.poll(() => downloads.length, { timeout: 30_000 }).toBe(demo.panels.length);
    expect(await page.getByTestId('issue-done').innerText()).toContain(
      `已下发 ${demo.panels.length} 个评审包`,
    );

    const names = downloads.map((d) => d.suggestedFilename());
    expect(names).toEqual(rowPanels.map((panel) => `评审包-${panel}-${demo.round.name}.pgb`));
    for (const download of downloads) {
      await download.saveAs(join(downloadDir, download.suggestedFilename()));
    }
    // The table now shows when and what each panel was given, with each file's own SHA-256.
    const section = page.getByTestId('issue-section');
    await expect.poll(() => section.getByText('已加密').count(), SETTLED).toBe(1);
    for (const [index, panelName] of rowPanels.entries()) {
      const shown = section.getByTestId(`issued-sha256-${index + 1}`);
      expect(await shown.getAttribute('data-sha256')).toBe(sha256OfFile(issuedFile(panelName)));
    }
    await page.screenshot({ path: screenshotPath('exchange-issued'), fullPage: true });
    expect(machine.errors).toEqual([]);
  });

  it('`pinggu verify` accepts every issued bundle (the encrypted one with its passphrase)', async () => {
    for (const [index, panelName] of rowPanels.entries()) {
      const panel = demo.panels.find((p) => p.name === panelName);
      const file = issuedFile(panelName);
      const env: Record<string, string> = index === 1 ? { PINGGU_PASSPHRASE: PASSPHRASE } : {};
      const { stdout } = await pinggu(['verify', file], env);
      // Then the signer's fingerprint: the secretariat's key, the same for every panel.
      expect(stdout.trim()).toMatch(/ [0-9A-F]{4}(-[0-9A-F]{4}){3}$/);
      expect(stdout.trim().replace(/ \S+$/, '')).toBe(
        `OK ${file} round ${demo.round.id} ${panel?.id ?? '?'} 0`,
      );
    }
    const encrypted = issuedFile(encryptedPanel);
    await expect(pinggu(['verify', encrypted])).rejects.toMatchObject({ code: 2 });
  });

  it('prints a hand-over sheet with one row per panel, each file’s SHA-256 and the signing key’s fingerprint', async () => {
    const { page } = machine;
    await page.getByTestId('handover-link').click();
    const sheet = page.getByTestId('print-handover');
    await sheet.waitFor();
    const rows = sheet.getByTestId('handover-row');
    expect(await rows.count()).toBe(demo.panels.length);
    const texts = await rows.allInnerTexts();
    const fingerprints = texts.map((t) => /[0-9A-F]{4}(-[0-9A-F]{4}){3}/.exec(t)?.[0]);
    expect(new Set(fingerprints).size).toBe(1);
    expect(fingerprints[0]).toBeDefined();
    expect(texts.filter((t) => /\t是\t/.test(t))).toHaveLength(1);
    expect(texts.find((t) => t.includes(encryptedPanel))).toMatch(/\t是\t/);
    // Each row's file fingerprint is the SHA-256 of the very file downloaded for that panel.
    const hashes: string[] = [];
    for (const index of texts.keys()) {
      const row = rows.nth(index);
      const panelName = await row.locator('td:nth-child(2)').innerText();
      const expected = sha256OfFile(issuedFile(panelName));
      const cell = row.getByTestId('handover-sha256');
      expect(await cell.getAttribute('data-sha256')).toBe(expected);
      expect(await row.getByTestId('handover-sha256-short').innerText()).toBe(grouped(expected));
      expect(await row.getByTestId('handover-sha256-full').innerText()).toBe(expected);
      hashes.push(expected);
    }
    expect(new Set(hashes).size).toBe(demo.panels.length);
    expect(await sheet.getByTestId('handover-sha256-missing').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('exchange-handover'), fullPage: true });
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('main-nav').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    await page.goBack();
    await page.getByTestId('issue-button').waitFor();
  });

  it('collects the panels’ score bundles in one batch, a damaged file and a copy included', async () => {
    const { page } = machine;
    const demoDir = mkdtempSync(join(tmpdir(), 'pinggu-demo-'));
    await pinggu(['demo', '--out', demoDir]);
    const scores = demo.panels.map((_, i) => join(demoDir, `scores-panel-${i + 1}.pgb`));
    const [first = '', second = ''] = scores;
    const damaged = join(demoDir, '评分包-拔出U盘时损坏.pgb');
    const bytes = readFileSync(second);
    writeFileSync(damaged, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const copy = join(demoDir, '评分包-副本.pgb');
    copyFileSync(first, copy);
    const files = [first, damaged, ...scores.slice(1), copy];

    // Record every state the progress bar shows.
    await page.evaluate(() => {
      const seen: string[] = [];
      Object.assign(window, { progressSeen: seen });
      new MutationObserver(() => {
        const bar = document.querySelector('[data-testid="batch-progress"]');
        if (!bar) return;
        const state = `${bar.getAttribute('data-phase')} ${bar.getAttribute('data-done')}/${bar.getAttribute('data-total')}`;
        if (seen.at(-1) !== state) seen.push(state);
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });

    const choosing = page.waitForEvent('filechooser');
    await page.getByTestId('batch-import-button').click();
    await (await choosing).setFiles(files);
    const rows = page.getByTestId('batch-file-row');
    await expect.poll(() => rows.count(), { timeout: 60_000 }).toBe(files.length);
    const statuses = await page
      .getByTestId('batch-file-status')
      .evaluateAll((tags) => tags.map((tag) => tag.getAttribute('data-status')));
    expect(statuses).toEqual(['ready', 'failed', 'ready', 'ready', 'ready', 'duplicate']);
    expect(await rows.nth(1).innerText()).toContain('拔出U盘时损坏');
    expect(await rows.nth(5).innerText()).toContain('与第 1 个文件是同一个数据包');
    // Each panel laptop's first key waits for a person's tick (one per key), and so the import.
    const keyChecks = page.getByTestId('batch-key-checks');
    expect(await keyChecks.getByTestId('batch-confirm-key').count()).toBe(scores.length);
    expect(await page.getByTestId('batch-commit-why').innerText()).toContain(
      `还有 ${scores.length} 个签名密钥未核对`,
    );
    expect(await page.getByTestId('batch-commit-button').isDisabled()).toBe(true);
    await page.screenshot({ path: screenshotPath('exchange-batch-preview'), fullPage: true });
    expect(await confirmFingerprints(page)).toBe(scores.length);
    expect(await page.getByTestId('batch-commit-why').count()).toBe(0);
    demoFolder = demoDir;

    await page.getByTestId('batch-commit-button').click();
    const summary = page.getByTestId('batch-summary');
    await summary.waitFor();
    expect(await page.getByTestId('batch-summary-totals').innerText()).toBe(
      `共 ${files.length} 个文件：导入 ${scores.length} 个（其中 ${scores.length} 个带来更改），失败 1 个，跳过 1 个。`,
    );
    // The demo on this machine already holds every sheet; the files bring the panels' keys.
    const sheets = demo.panels.reduce((sum, p) => sum + sheetsOfPanel(p.id), 0);
    expect(await page.getByTestId('batch-summary-counts').innerText()).toBe(
      `评分表合计：新增 0 张，更新 0 张，未变 ${sheets} 张，冲突 0 项，拒收 0 张。`,
    );
    const outcomes = await summary
      .getByTestId('batch-summary-outcome')
      .evaluateAll((tags) => tags.map((tag) => tag.getAttribute('data-outcome')));
    expect(outcomes).toEqual(['imported', 'failed', 'imported', 'imported', 'imported', 'skipped']);

    const seen = await page.evaluate(
      () => (window as unknown as { progressSeen: string[] }).progressSeen,
    );
    const importing = seen.filter((s) => s.startsWith('importing'));
    expect(importing.length).toBeGreaterThan(0);
    for (const state of seen) {
      const [phase, counts = ''] = state.split(' ');
      const [done, total] = counts.split('/').map(Number);
      expect(total).toBe(phase === 'reading' ? files.length - 1 : scores.length);
      expect(done).toBeLessThanOrEqual(total ?? 0);
    }
    const doneOf = (list: string[]) => list.map((s) => Number(s.split(' ')[1]?.split('/')[0]));
    const importedSoFar = doneOf(importing);
    expect([...importedSoFar].sort((a, b) => a - b)).toEqual(importedSoFar);
    await page.screenshot({ path: screenshotPath('exchange-batch-summary'), fullPage: true });
    expect(await page.getByTestId('open-conflicts').count()).toBe(0);
    expect(machine.errors).toEqual([]);
  });

  it('takes a score bundle dropped on the tab into the batch, not the window’s import dialog', async () => {
    const { page } = machine;
    await page.getByTestId('batch-again').click();
    const demoDir = mkdtempSync(join(tmpdir(), 'pinggu-demo-drop-'));
    await pinggu(['demo', '--out', demoDir]);
    const dropped = readFileSync(join(demoDir, 'scores-panel-1.pgb')).toString('base64');
    await page.getByTestId('exchange-tab').evaluate((tab, base64) => {
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([data], '拖入的评分包.pgb'));
      tab.dispatchEvent(
        new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }),
      );
    }, dropped);
    await expect
      .poll(() => page.getByTestId('batch-file-row').count(), { timeout: 60_000 })
      .toBe(1);
    const status = page.getByTestId('batch-file-status');
    expect(await status.getAttribute('data-status')).toBe('unchanged');
    // Imported a moment ago: the panel laptop's key is pinned now.
    expect(await page.getByTestId('batch-key-status').innerText()).toBe('已信任的密钥');
    expect(await page.getByTestId('import-dialog').count()).toBe(0);
    expect(machine.errors).toEqual([]);
  });

  it('lists the keys ticked with who checked them, exports them as a trust file `pinggu merge --trust` accepts, and prints them', async () => {
    const { page } = machine;
    const section = page.getByTestId('trust-section');
    await expect
      .poll(() => section.getByTestId('trust-fingerprint').count(), SETTLED)
      .toBe(demo.panels.length);
    expect(await section.innerText()).toContain(CHECKER);
    const downloading = page.waitForEvent('download');
    await page.getByTestId('trust-export').click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^评估通-信任密钥-.*\.pgtrust\.json$/);
    const trustFile = join(demoFolder, 'trust.pgtrust.json');
    await download.saveAs(trustFile);
    const trust = JSON.parse(readFileSync(trustFile, 'utf8'));
    expect(trust).toMatchObject({ format: 'pinggu-trust', version: 1, roundId: demo.round.id });
    expect(trust.keys).toHaveLength(demo.panels.length);
    expect(trust.keys.every((k: { pinnedBy: string }) => k.pinnedBy === CHECKER)).toBe(true);

    const bundles = demo.panels.flatMap((_, i) => [
      join(demoFolder, `round-panel-${i + 1}.pgb`),
      join(demoFolder, `scores-panel-${i + 1}.pgb`),
    ]);
    const result = join(demoFolder, 'result.pgb');
    const home = { PINGGU_HOME: demoFolder };
    await pinggu(['merge', '--trust', trustFile, '--out', result, ...bundles], home);
    const { stdout } = await pinggu(['report', result]);
    expect(JSON.parse(stdout)).toMatchObject({ status: 'open', keysVerified: true });

    await page.getByTestId('trust-print-link').click();
    const printed = page.getByTestId('print-trust');
    await printed.waitFor();
    expect(await printed.getByTestId('print-trust-row').count()).toBe(demo.panels.length);
    const shown = await printed.getByTestId('print-trust-row').allInnerTexts();
    for (const key of trust.keys) {
      expect(shown.some((row) => row.includes(key.fingerprint))).toBe(true);
    }
    await page.screenshot({ path: screenshotPath('exchange-trust-print'), fullPage: true });
    await page.goBack();
    await page.getByTestId('trust-section').waitFor();
    expect(machine.errors).toEqual([]);
  });
});

describe('a panel laptop opens an issued round bundle', () => {
  const machine = useMachine({ height: 1000, defaultTimeout: 90_000 });

  it('shows the SHA-256 of the opened file, to compare with the hand-over sheet', async () => {
    const { page } = machine;
    // The first row of the issue table was issued without a passphrase.
    const panelName = rowPanels[0] ?? '';
    expect(panelName).not.toBe('');
    expect(panelName).not.toBe(encryptedPanel);
    const file = issuedFile(panelName);
    await page.goto(machine.url);
    await page.getByTestId('main-nav').waitFor();
    const base64 = readFileSync(file).toString('base64');
    const name = `评审包-${panelName}-${demo.round.name}.pgb`;
    await page.evaluate(
      ([data64, fileName]) => {
        const data = Uint8Array.from(atob(data64), (c) => c.charCodeAt(0));
        const transfer = new DataTransfer();
        transfer.items.add(new File([data], fileName));
        window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, cancelable: true }));
      },
      [base64, name] as const,
    );
    await page.getByTestId('import-preview').waitFor();
    expect(await page.getByTestId('import-kind').innerText()).toBe('评审任务包');
    const expected = sha256OfFile(file);
    const shown = page.getByTestId('import-sha256');
    await expect.poll(() => shown.getAttribute('data-sha256'), SETTLED).toBe(expected);
    expect(await page.getByTestId('import-sha256-short').innerText()).toBe(grouped(expected));
    expect(await page.getByTestId('import-sha256-compare').innerText()).toContain('交接单');
    await page.screenshot({ path: screenshotPath('exchange-open-sha256') });
    expect(machine.errors).toEqual([]);
  });
});
