// The department's registry (省厅基地库) in Chromium: approvals imported from an .xlsx the
// product's own writer made, a closed round's signed result bundle previewed and accepted
// (its merge, revocation, conversion and rectification worked out by hand in
// tests/helpers/registryAcceptBuilders.ts), an open round's bundle refused with the reason,
// the statuses and a base's history shown, the same bundle again changing nothing, and the
// registry bundles for the next round and for a follow-up round exported and opened with
// openBundle: revoked and merged bases left out.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBundle } from '../../shared/bundle/bundle';
import { generateSigningKeyPair, publicKeyFingerprint } from '../../shared/bundle/bundleCrypto';
import type { SigningKeyPair } from '../../shared/bundle/bundleCrypto';
import { beijingDate } from '../../shared/registry/order';
import { writeXlsx } from '../../shared/xlsx/write';
import {
  approvalsSheetRows,
  CYCLE_ROUND_ID,
  cycleResultBundle,
  cycleResultPayload,
} from '../helpers/registryAcceptBuilders';
import { screenshotPath, SETTLED, useMachine, waitForOrExplain } from './helpers/browser';

describe('the department registry', () => {
  const machine = useMachine();
  const dir = mkdtempSync(join(tmpdir(), 'pinggu-registry-e2e-'));
  let signer: SigningKeyPair | undefined;
  const key = async (): Promise<SigningKeyPair> =>
    (signer ??= await generateSigningKeyPair(globalThis.crypto));

  const choose = async (testId: string, file: string) => {
    const { page } = machine;
    const choosing = page.waitForEvent('filechooser');
    await page.getByTestId(testId).click();
    await (await choosing).setFiles(file);
  };
  const statusText = (code: string) =>
    machine.page.getByTestId(`registry-status-${code}`).innerText();

  it('imports the approvals sheet into an empty registry, and the same sheet again changes nothing', async () => {
    const { page } = machine;
    await page.goto(`${machine.url}#/registry/bases`);
    await page.getByTestId('registry-bases-empty').waitFor();
    const file = join(dir, '批建名单.xlsx');
    writeFileSync(file, writeXlsx([{ name: '批建', rows: approvalsSheetRows() }]));

    await choose('registry-approvals-button', file);
    const summary = page.getByTestId('registry-approvals-summary');
    await summary.waitFor();
    expect(await summary.getAttribute('data-new')).toBe('6');
    expect(await summary.getAttribute('data-problems')).toBe('0');
    await page.getByTestId('registry-approvals-confirm').click();
    await page.getByTestId('registry-approvals-preview').waitFor({ state: 'detached' });
    const count = page.getByTestId('registry-bases-count');
    await expect.poll(() => count.getAttribute('data-total'), SETTLED).toBe('6');
    expect(await statusText('LN-REG-001')).toBe('运行中');
    expect(await page.getByTestId('registry-type-LN-REG-001').innerText()).toBe(
      '重点实验室（待整合）',
    );

    await choose('registry-approvals-button', file);
    await summary.waitFor();
    expect(await summary.getAttribute('data-unchanged')).toBe('6');
    expect(await page.getByTestId('registry-approvals-confirm').isDisabled()).toBe(true);
    await page.getByTestId('registry-approvals-cancel').click();
    await page.getByTestId('registry-approvals-preview').waitFor({ state: 'detached' });
  });

  it("refuses an open round's bundle with the reason and accepts nothing", async () => {
    const { page } = machine;
    const file = join(dir, '进行中.pgb');
    writeFileSync(file, await cycleResultBundle(cycleResultPayload({ open: true }), await key()));
    await page.getByTestId('registry-tab-accept').click();
    await choose('registry-accept-file', file);
    const error = page.getByTestId('registry-accept-error');
    await waitForOrExplain(page, error, 'the refusal');
    expect(await error.innerText()).toContain('进行中.pgb');
    expect(await error.innerText()).toContain('尚未结束评估');
    expect(await page.getByTestId('registry-accept-preview').count()).toBe(0);
    expect(await page.getByTestId(`registry-round-row-${CYCLE_ROUND_ID}`).count()).toBe(0);
  });

  it('previews every change of a closed round with the signer, then accepts it', async () => {
    const { page } = machine;
    const file = join(dir, '2024结果.pgb');
    writeFileSync(file, await cycleResultBundle(cycleResultPayload(), await key()));
    await choose('registry-accept-file', file);
    const preview = page.getByTestId('registry-accept-preview');
    await waitForOrExplain(page, preview, 'the preview');
    expect(await page.getByTestId('registry-accept-action').getAttribute('data-action')).toBe(
      'new',
    );
    const fingerprint = await publicKeyFingerprint(globalThis.crypto, (await key()).publicKeyRaw);
    expect(await page.getByTestId('registry-accept-fingerprint').innerText()).toBe(fingerprint);
    const change = (code: string, kind: string) =>
      preview.getByTestId(`registry-accept-change-${code}-${kind}`).innerText();
    expect(await change('LN-REG-002', 'status')).toContain('运行中 → 已并入');
    expect(await change('LN-REG-002', 'mergedInto')).toContain('LN-REG-003');
    expect(await change('LN-REG-004', 'rectifyUntil')).toContain('2025-06-20');
    expect(await change('LN-REG-005', 'type')).toContain('工程研究中心 → B3');
    expect(await change('LN-REG-006', 'status')).toContain('运行中 → 已撤销');
    await page.screenshot({ path: screenshotPath('registry-accept-preview'), fullPage: true });

    await page.getByTestId('registry-accept-operator').fill('省科技厅 刘洋');
    await page.getByTestId('registry-accept-confirm').click();
    await page.getByTestId('registry-accept-done').waitFor();
    const row = page.getByTestId(`registry-round-row-${CYCLE_ROUND_ID}`);
    await row.waitFor();
    expect(await row.innerText()).toContain('省科技厅 刘洋');
  });

  it('shows each base with its new status, and a base’s history', async () => {
    const { page } = machine;
    await page.getByTestId('registry-tab-bases').click();
    await expect.poll(() => statusText('LN-REG-006'), SETTLED).toBe('已撤销');
    expect(await statusText('LN-REG-001')).toBe('运行中');
    expect(await statusText('LN-REG-002')).toBe('已并入 LN-REG-003 辽宁省化工过程工程技术研究中心');
    expect(await statusText('LN-REG-004')).toBe('限期整改（至 2025-06-20）');
    expect(await page.getByTestId('registry-type-LN-REG-001').innerText()).toBe('A1 省重点实验室');
    const converted = await page.getByTestId('registry-base-row-LN-REG-005').innerText();
    expect(converted).toContain('B3 省产业共性技术创新中心');
    expect(converted).toContain('原为 工程研究中心');
    await page.screenshot({ path: screenshotPath('registry-bases'), fullPage: true });

    await page.getByTestId('registry-base-row-LN-REG-004').click();
    const drawer = page.getByTestId('registry-base-drawer');
    await drawer.waitFor();
    const history = await drawer.getByTestId('registry-drawer-history').innerText();
    expect(history).toContain('2024年度省级科技创新基地优化整合评估');
    expect(history).toContain('58.00');
    expect(history).toContain('限期整改');
    expect(await drawer.getByTestId('registry-drawer-story').innerText()).toContain(
      '2024 年限期整改',
    );
    await page.screenshot({ path: screenshotPath('registry-base-history') });
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
  });

  it('accepting the same bundle again changes nothing', async () => {
    const { page } = machine;
    await page.getByTestId('registry-tab-accept').click();
    await choose('registry-accept-file', join(dir, '2024结果.pgb'));
    const action = page.getByTestId('registry-accept-action');
    await action.waitFor();
    expect(await action.getAttribute('data-action')).toBe('unchanged');
    expect(await page.getByTestId('registry-accept-notice').innerText()).toContain(
      '再次接收不会有任何更改',
    );
    expect(await page.getByTestId('registry-accept-confirm').count()).toBe(0);
    await page.getByTestId('registry-accept-cancel').click();
    expect(
      await page.getByTestId('registry-rounds-table').locator('tbody tr.ant-table-row').count(),
    ).toBe(1);
  });

  const exported = async (name: string) => {
    const { page } = machine;
    const downloading = page.waitForEvent('download');
    await page.getByTestId('registry-outgoing-export').click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/\.pgb$/u);
    const path = join(dir, name);
    await download.saveAs(path);
    const opened = await openBundle(new Uint8Array(readFileSync(path)), {
      crypto: globalThis.crypto,
      expectedKinds: ['registry'],
    });
    if (!opened.ok) throw new Error(opened.error.message);
    if (opened.kind !== 'registry') throw new Error(`a ${opened.kind} bundle`);
    return opened;
  };

  it('exports the next round’s registry bundle without the revoked and merged bases', async () => {
    const { page } = machine;
    await page.getByTestId('registry-tab-outgoing').click();
    const count = page.getByTestId('registry-outgoing-count');
    await expect.poll(() => count.getAttribute('data-count'), SETTLED).toBe('4');
    const opened = await exported('名单.pgb');
    const { registry } = opened.payload;
    expect(registry.bases.map((b) => b.code)).toEqual([
      'LN-REG-001',
      'LN-REG-003',
      'LN-REG-004',
      'LN-REG-005',
    ]);
    expect(registry.selection.purpose).toBe('periodic');
    expect(registry.bases.find((b) => b.code === 'LN-REG-004')?.history).toEqual([
      expect.objectContaining({ roundId: CYCLE_ROUND_ID, aggregate: 58, disposition: 'rectify' }),
    ]);
    expect(machine.errors).toEqual([]);
  });

  it('makes the follow-up round of the rectifications due in one action', async () => {
    const { page } = machine;
    await page.getByTestId('registry-outgoing-followup').click();
    const today = beijingDate(new Date().toISOString());
    expect(await page.getByTestId('registry-outgoing-due').inputValue()).toBe(today);
    const count = page.getByTestId('registry-outgoing-count');
    await expect.poll(() => count.getAttribute('data-count'), SETTLED).toBe('1');
    expect(await page.getByTestId('registry-outgoing-title').inputValue()).toContain('复评');
    const opened = await exported('复评.pgb');
    expect(opened.payload.registry.selection).toEqual({ purpose: 'followUp', rectifyDueBy: today });
    expect(opened.payload.registry.bases.map((b) => b.code)).toEqual(['LN-REG-004']);
    await page.screenshot({ path: screenshotPath('registry-outgoing'), fullPage: true });
    expect(machine.errors).toEqual([]);
  });
});
