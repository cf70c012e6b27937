// 结束评估 in Chromium on one secretariat profile, on a small round restored from a backup
// (tests/e2e/helpers/closingRound.ts): closing is refused with its list of 5 (one open
// conflict, three bases without a decision, one sheet never started); the missing sheet is
// waived with a reason, the conflict settled and the decisions recorded, each through its
// link; the round closes as version 1, writing the final report and result bundle, whose
// SHA-256 the banner shows; a decision can no longer be changed; reopening needs a reason;
// closed again, it is version 2.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBundle } from '../../shared/bundle/bundle';
import { SETTLED, screenshotPath, useMachine } from './helpers/browser';
import { closingRound } from './helpers/closingRound';
import type { ClosingRound } from './helpers/closingRound';
import { chooseOption } from './helpers/threeLaptopsUi';

const OPERATOR = '秘书处 王芳';
const HEX64 = /\b[0-9a-f]{64}\b/g;

let data: ClosingRound;
const downloads = mkdtempSync(join(tmpdir(), 'pinggu-closing-e2e-'));

beforeAll(async () => {
  data = await closingRound();
});
afterAll(() => {
  rmSync(downloads, { recursive: true, force: true });
});

/** Drops `bytes` on the window as a file, like a clerk dragging it from a USB stick. */
async function drop(page: Page, bytes: Uint8Array, name: string): Promise<void> {
  await page.evaluate(
    ([base64, fileName]) => {
      const bytesOf = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytesOf], fileName));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, cancelable: true }));
    },
    [Buffer.from(bytes).toString('base64'), name] as const,
  );
}

type Saved = { name: string; bytes: Buffer; sha256: string };

describe('closing a round (结束评估) and reopening it', () => {
  const machine = useMachine({ width: 1440, height: 900 });
  const blockers = () => machine.page.getByTestId('round-close-blocker');

  /** Confirms the closing and returns the two files it downloads (report, result bundle). */
  const confirmClosing = async (): Promise<Saved[]> => {
    const { page } = machine;
    const saved: Saved[] = [];
    const collecting = new Promise<void>((resolve) => {
      page.on('download', (file) => {
        const path = join(downloads, file.suggestedFilename());
        void file.saveAs(path).then(() => {
          const bytes = readFileSync(path);
          const sha256 = createHash('sha256').update(bytes).digest('hex');
          saved.push({ name: file.suggestedFilename(), bytes, sha256 });
          if (saved.length === 2) resolve();
        });
      });
    });
    await page.getByTestId('round-close-actor').fill(OPERATOR);
    await page.getByTestId('round-close-confirm').click();
    await collecting;
    page.removeAllListeners('download');
    // The report first, then the result bundle.
    return [...saved].sort(
      (a, b) => Number(a.name.endsWith('.pgb')) - Number(b.name.endsWith('.pgb')),
    );
  };

  it('restores the small round and refuses to close it, listing the 5 things in the way', async () => {
    const { page } = machine;
    await page.goto(machine.url);
    await page.getByTestId('welcome').waitFor();
    await drop(page, data.backup, '结束评估演练-备份.pgb');
    await page.getByTestId('import-preview').waitFor();
    await page.getByTestId('import-commit').click();
    await page.getByText('已从备份恢复本机的全部数据。').waitFor();
    await page.getByTestId('import-next').click();
    await page.getByTestId('import-dialog').waitFor({ state: 'hidden' });
    await page.goto(`${machine.url}#/secretariat/results`);
    await page.getByTestId('round-close').click();
    await page.getByTestId('round-close-blockers').waitFor();
    expect(await blockers().count()).toBe(5);
    const kinds = await blockers().evaluateAll((items) =>
      items.map((item) => item.getAttribute('data-kind')),
    );
    expect(kinds).toEqual([
      'openConflict',
      'undecidedBase',
      'undecidedBase',
      'undecidedBase',
      'missingSheet',
    ]);
    const missing = blockers().filter({ has: page.getByTestId('round-close-waive') });
    expect(await missing.innerText()).toContain(
      `${data.missing.expert}（沈阳组）· ${data.missing.base}`,
    );
    await page.screenshot({ path: screenshotPath('closing-refused'), fullPage: false });
  });

  it('waives the missing sheet only with a reason', async () => {
    const { page } = machine;
    await page.getByTestId('round-close-waive').click();
    await page.getByTestId('round-waive-actor').fill(OPERATOR);
    await page.getByTestId('round-waive-confirm').click();
    expect(await page.getByTestId('round-waive-error').innerText()).toContain('请填写缺评的原因。');
    await page.getByTestId('round-waive-reason').fill('专家电话告知因病无法评审');
    await page.getByTestId('round-waive-confirm').click();
    await expect.poll(() => blockers().count(), SETTLED).toBe(4);
  });

  it('settles the conflict through its link', async () => {
    const { page } = machine;
    await blockers().first().getByRole('link').click();
    await page.getByTestId('conflict-side-by-side').waitFor();
    await page.getByTestId('conflict-actor').fill(OPERATOR);
    await page.getByTestId('resolve-local').click();
    await page.getByTestId('resolve-local-confirm').click();
    await page.getByTestId('conflict-outcome').waitFor();
    await page.locator('[data-testid="conflicts-tab-label"][data-open="0"]').waitFor();
  });

  it('records the three decisions from the list, and nothing stands in the way any more', async () => {
    const { page } = machine;
    await page.goto(`${machine.url}#/secretariat/results`);
    await page.getByTestId('round-close').click();
    await expect.poll(() => blockers().count(), SETTLED).toBe(3);
    for (let left = 3; left > 0; left -= 1) {
      await blockers().first().getByText('作出决定').click();
      await page.getByTestId('decision-form').waitFor();
      await chooseOption(page, page.getByTestId('decision-disposition'), '保留并调整方向');
      await page.getByTestId('decision-reason').fill('评估结果良好，建议保留并调整研究方向');
      await page.getByTestId('decision-actor').fill(OPERATOR);
      await page.getByTestId('decision-save').click();
      await page.getByTestId('decision-current').getByText(OPERATOR).waitFor();
      await page.locator('.ant-drawer-close').click();
      await page.getByTestId('decision-drawer').waitFor({ state: 'hidden' });
      await expect.poll(() => blockers().count(), SETTLED).toBe(left - 1);
    }
    await page.getByText('妨碍结束评估的事项已全部处理').waitFor();
  });

  let firstResultName = '';

  it('closes as version 1, writing the final files whose SHA-256 the banner shows', async () => {
    const { page } = machine;
    await page.getByTestId('round-close').click();
    const [report, result] = await confirmClosing();
    if (!report || !result) throw new Error('the final files were not downloaded');
    expect(report.name).toMatch(/^评估报告-2024-.+-第1版\.xlsx$/);
    expect(result.name).toMatch(/^结果包-2024-.+-第1版\.pgb$/);
    firstResultName = result.name;
    const banner = page.getByTestId('round-closed-banner');
    await banner.getByText('已结束 · 第 1 版').waitFor();
    await expect
      .poll(async () => (await banner.innerText()).match(HEX64)?.length ?? 0, SETTLED)
      .toBe(2);
    const text = await banner.innerText();
    expect(text).toContain(report.sha256);
    expect(text).toContain(result.sha256);
    expect(text).toContain(OPERATOR);
    const opened = await openBundle(new Uint8Array(result.bytes), { crypto: globalThis.crypto });
    if (!opened.ok || opened.kind !== 'result') throw new Error('not a result bundle');
    expect(opened.payload.round.closure?.version).toBe(1);
    await page.screenshot({ path: screenshotPath('closing-closed'), fullPage: false });
  });

  it('refuses to change a decision of the closed round', async () => {
    const { page } = machine;
    await page.locator('[data-testid^="decide-"]').first().click();
    await page.getByTestId('decision-form').waitFor();
    expect(await page.getByTestId('decision-save').isDisabled()).toBe(true);
    expect(await page.getByTestId('decision-basis').innerText()).toContain(
      '结束评估时所依据的结果',
    );
    await page.locator('.ant-drawer-close').click();
    await page.getByTestId('decision-drawer').waitFor({ state: 'hidden' });
  });

  it('refuses to reopen without a reason, then reopens with one', async () => {
    const { page } = machine;
    await page.getByTestId('round-reopen').click();
    await page.getByTestId('round-reopen-actor').fill(OPERATOR);
    await page.getByTestId('round-reopen-confirm').click();
    expect(await page.getByTestId('round-reopen-error').innerText()).toContain(
      '请填写重新开启的原因。',
    );
    expect(await page.getByTestId('round-closed-banner').isVisible()).toBe(true);
    await page.getByTestId('round-reopen-reason').fill('一项决定的理由有笔误，需要更正');
    await page.getByTestId('round-reopen-confirm').click();
    await page.getByTestId('round-reopened-note').waitFor();
    expect(await page.getByTestId('round-reopened-note').innerText()).toContain('第 2 版');
  });

  it('closes again as version 2', async () => {
    const { page } = machine;
    await page.getByTestId('round-close').click();
    const [report, result] = await confirmClosing();
    if (!report || !result) throw new Error('the final files were not downloaded');
    expect(result.name).toMatch(/-第2版\.pgb$/);
    expect(result.name).not.toBe(firstResultName);
    const banner = page.getByTestId('round-closed-banner');
    await banner.getByText('已结束 · 第 2 版').waitFor();
    await expect.poll(async () => banner.innerText(), SETTLED).toContain(result.sha256);
    const opened = await openBundle(new Uint8Array(result.bytes), { crypto: globalThis.crypto });
    if (!opened.ok || opened.kind !== 'result') throw new Error('not a result bundle');
    expect(opened.payload.round.closure?.version).toBe(2);
    expect(machine.errors).toEqual([]);
  });
});
