// 有进有出 and 后补助 in Chromium over a three-year registry written into the app's IndexedDB
// (tests/helpers/registryFlowScenario.ts: 2 approvals, 3 accepted rounds, every count worked
// out by hand): the per-year, per-type table, the Sankey's legacy and new types, the year
// range, the chart exports; then R2022's funding table with a budget of 500 万元 adding up
// exactly to it, the settings saved and audited, the Excel for the finance office read back
// with the product's reader, and the printout with its signature lines.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { FUNDING_HEADER, FUNDING_SHEET_NAMES } from '../../shared/registry/fundingSheets';
import { readXlsx } from '../../shared/xlsx/read';
import {
  SCENARIO_BUDGET,
  scenarioApprovals,
  scenarioFunding,
  scenarioFundingUnscaled,
  scenarioRounds,
  scenarioYearTypeCounts,
} from '../helpers/registryFlowScenario';
import {
  chooseOption,
  screenshotPath,
  SETTLED,
  useMachine,
  waitForOrExplain,
} from './helpers/browser';

/** Runs `action`, which downloads one file, and saves it as `dir/name` (default: its own). */
async function downloadOf(
  page: Page,
  action: () => Promise<void>,
  dir: string,
  name?: string,
): Promise<{ path: string; suggested: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), action()]);
  const suggested = download.suggestedFilename();
  const path = join(dir, name ?? suggested);
  await download.saveAs(path);
  return { path, suggested };
}

/** Writes the scenario's approvals and accepted rounds into the app's database. */
async function seedRegistry(page: Page): Promise<void> {
  await page.evaluate(
    async ({ approvals, rounds }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('pinggu');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('cannot open pinggu'));
      });
      try {
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction(['registryApprovals', 'registryRounds'], 'readwrite');
          for (const approval of approvals) tx.objectStore('registryApprovals').put(approval);
          for (const round of rounds) tx.objectStore('registryRounds').put(round);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error ?? new Error('seeding failed'));
        });
      } finally {
        db.close();
      }
    },
    { approvals: scenarioApprovals, rounds: scenarioRounds },
  );
}

async function auditActions(page: Page): Promise<{ action: string; detail?: string }[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('pinggu');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('cannot open pinggu'));
    });
    try {
      return await new Promise<{ action: string; detail?: string }[]>((resolve, reject) => {
        const request = db.transaction('auditLog').objectStore('auditLog').getAll();
        request.onsuccess = () => resolve(request.result as { action: string; detail?: string }[]);
        request.onerror = () => reject(request.error ?? new Error('cannot read auditLog'));
      });
    } finally {
      db.close();
    }
  });
}

const COUNT_KEYS = [
  'entered',
  'included',
  'converted',
  'rectifying',
  'merged',
  'revoked',
  'active',
] as const;

describe('有进有出 and 后补助 of the department registry', () => {
  const machine = useMachine();
  const dir = mkdtempSync(join(tmpdir(), 'pinggu-flows-e2e-'));
  const cell = (year: number, type: string, key: string) =>
    machine.page.getByTestId(`flows-${year}-${type}-${key}`).innerText();

  it('counts every year and type as worked out by hand', async () => {
    const { page } = machine;
    await page.goto(`${machine.url}#/registry/flows`);
    await page.getByTestId('flows-empty').waitFor();
    await seedRegistry(page);
    await page.reload();
    await waitForOrExplain(page, page.getByTestId('flows-table'), 'the per-year table');
    for (const row of scenarioYearTypeCounts) {
      for (const key of COUNT_KEYS) {
        expect(await cell(row.year, row.type, key), `${row.year} ${row.type} ${key}`).toBe(
          String(row[key] ?? 0),
        );
      }
    }
    // The year totals, by hand: 2020 seven legacy bases entered, four included (K01, E01,
    // E02, T01), K02 revoked, T02 merged, C01 rectifying, five left on the list; 2021 P01
    // entered, C01 included, E01 converted, T01 rectifying, six on the list; 2022 P02 entered,
    // T01 revoked, six on the list.
    const totals = {
      2020: {
        entered: 7,
        included: 4,
        converted: 0,
        rectifying: 1,
        merged: 1,
        revoked: 1,
        active: 5,
      },
      2021: {
        entered: 1,
        included: 1,
        converted: 1,
        rectifying: 1,
        merged: 0,
        revoked: 0,
        active: 6,
      },
      2022: {
        entered: 1,
        included: 0,
        converted: 0,
        rectifying: 0,
        merged: 0,
        revoked: 1,
        active: 6,
      },
    };
    for (const [year, counts] of Object.entries(totals)) {
      for (const [key, value] of Object.entries(counts)) {
        expect(await cell(Number(year), 'total', key), `${year} total ${key}`).toBe(String(value));
      }
    }
    // No row for a type nothing happened to (B2 before 2022, B3, C*).
    expect(await page.getByTestId('flows-row-2021-B2').count()).toBe(0);
    expect(await page.getByTestId('flows-row-2022-B3').count()).toBe(0);
    expect(machine.errors).toEqual([]);
  });

  it('draws the legacy types flowing into the new types, and narrows to the years chosen', async () => {
    const { page } = machine;
    const sankey = page.getByTestId('registry-flows-sankey');
    const node = (code: string) => sankey.getByTestId(`sankey-node-${code}`);
    await waitForOrExplain(page, node('keyLaboratory'), 'the Sankey');
    const expected: Record<string, string> = {
      keyLaboratory: '重点实验室 2',
      engineeringResearchCenter: '工程研究中心 1',
      engineeringLaboratory: '工程实验室 1',
      engineeringTechnologyCenter: '工程技术研究中心 1',
      industrialSpecializedPlatform: '产业专业技术创新平台 1',
      clinicalResearchCenter: '临床医学研究中心 1',
      new: '新批建 2',
      A1: 'A1 省重点实验室 1',
      B1: 'B1 省工程研究中心 2',
      B2: 'B2 省产业技术创新研究院 1',
      B4: 'B4 省专业技术创新中心 2',
      B5: 'B5 省临床医学研究中心 1',
      'to:B4': 'B4 省专业技术创新中心（转入） 1',
      merged: '合并 1',
      revoked: '撤销 2',
    };
    await expect
      .poll(() => sankey.locator('.registry-sankey-node').count(), SETTLED)
      .toBe(Object.keys(expected).length);
    for (const [code, text] of Object.entries(expected)) {
      expect(await node(code).textContent(), code).toBe(text);
    }
    await page.screenshot({ path: screenshotPath('registry-flows'), fullPage: true });

    const svg = await downloadOf(
      page,
      () => page.getByTestId('registry-flows-sankey-export-svg').click(),
      dir,
      'sankey.svg',
    );
    const markup = readFileSync(svg.path, 'utf8');
    expect(markup).toContain('基地整合流向（2020–2022 年）');
    expect(markup).toContain('B5 省临床医学研究中心 1');
    const png = await downloadOf(
      page,
      () => page.getByTestId('registry-flows-yearly-export-png').click(),
      dir,
      'yearly.png',
    );
    expect([...readFileSync(png.path).subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47]);

    // 2020 alone: the integration round, no approval yet, no conversion.
    await chooseOption(page, page.getByTestId('flows-year-to'), '2020');
    await expect.poll(() => node('new').count(), SETTLED).toBe(0);
    expect(await node('to:B4').count()).toBe(0);
    expect(await node('keyLaboratory').textContent()).toBe('重点实验室 2');
    expect(await page.getByTestId('flows-row-2021-total').count()).toBe(0);
    expect(page.url()).toContain('to=2020');
  });

  it('prints the flows on A4 pages', async () => {
    const { page } = machine;
    await page.getByTestId('flows-print').click();
    const printed = page.getByTestId('flows-print-page');
    await waitForOrExplain(page, printed, 'the printout');
    await expect.poll(() => printed.getByTestId('print-page').count(), SETTLED).toBe(3);
    expect(await printed.getByTestId('sankey-node-A1').textContent()).toBe('A1 省重点实验室 1');
    expect(await printed.getByTestId('flows-2020-total-entered').innerText()).toBe('7');
  });

  const amount = (code: string) => machine.page.getByTestId(`funding-amount-${code}`).innerText();

  it('scales R2022’s post-subsidies to the budget, adding up exactly, and saves the settings', async () => {
    const { page } = machine;
    await page.goto(`${machine.url}#/registry/funding`);
    await waitForOrExplain(page, page.getByTestId('funding-table'), 'the funding table');
    expect(await page.getByTestId('funding-round').innerText()).toContain('2022年度定期评估');
    for (const [code, value] of Object.entries(scenarioFundingUnscaled)) {
      expect(await amount(code), code).toBe(String(value));
    }
    expect(await page.getByTestId('funding-total').innerText()).toBe('550');

    const budget = page.getByTestId('funding-budget');
    await budget.fill(String(SCENARIO_BUDGET));
    await budget.press('Tab');
    await expect.poll(() => amount('E02'), SETTLED).toBe(String(scenarioFunding['E02']));
    for (const [code, value] of Object.entries(scenarioFunding)) {
      expect(await amount(code), code).toBe(String(value));
    }
    expect(await page.getByTestId('funding-total').innerText()).toBe(String(SCENARIO_BUDGET));
    expect(await page.getByTestId('funding-row-K01').innerText()).toContain('稳定支持');
    expect(await page.getByTestId('funding-row-T01').innerText()).toContain('不予补助');

    await page.getByTestId('funding-operator').fill('省科技厅 王敏');
    await page.getByTestId('funding-save').click();
    await page.getByTestId('funding-unsaved').waitFor({ state: 'detached' });
    const audit = (await auditActions(page)).filter((e) => e.action === 'registry.funding');
    expect(audit).toHaveLength(1);
    expect(audit[0]?.detail).toContain('总预算 500 万元');
    await page.screenshot({ path: screenshotPath('registry-funding'), fullPage: true });

    await page.reload();
    await waitForOrExplain(page, page.getByTestId('funding-table'), 'the funding table again');
    expect(await page.getByTestId('funding-budget').inputValue()).toBe(String(SCENARIO_BUDGET));
    expect(await page.getByTestId('funding-total').innerText()).toBe(String(SCENARIO_BUDGET));
  });

  it('refuses a budget that is not whole 万元, with the reason', async () => {
    const { page } = machine;
    const budget = page.getByTestId('funding-budget');
    await budget.fill('500.5');
    await budget.press('Tab');
    const problems = page.getByTestId('funding-problems');
    await problems.waitFor();
    expect(await problems.innerText()).toContain('总预算必须是不小于 0 的整数');
    expect(await page.getByTestId('funding-table').count()).toBe(0);
    await budget.fill(String(SCENARIO_BUDGET));
    await budget.press('Tab');
    await page.getByTestId('funding-table').waitFor();
  });

  it('exports the funding table to Excel and reads the amounts back', async () => {
    const { page } = machine;
    const file = await downloadOf(page, () => page.getByTestId('funding-export').click(), dir);
    expect(file.suggested).toBe('后补助-2022-2022年度定期评估.xlsx');
    const read = readXlsx(new Uint8Array(readFileSync(file.path)));
    if (!read.ok) throw new Error(read.message);
    const sheet = read.sheets.find((s) => s.name === FUNDING_SHEET_NAMES.table);
    if (!sheet) throw new Error('no 后补助 sheet');
    expect(sheet.rows[2]).toEqual([...FUNDING_HEADER]);
    const codeAt = FUNDING_HEADER.indexOf('基地编号');
    const amountAt = FUNDING_HEADER.indexOf('后补助金额（万元）');
    const amounts: Record<string, number> = Object.fromEntries(
      sheet.rows.slice(3, -1).map((row) => [row[codeAt], Number(row[amountAt])]),
    );
    expect(amounts).toEqual(scenarioFunding);
    const total = sheet.rows.at(-1);
    expect(total?.[codeAt]).toBe('合计');
    expect(Number(total?.[amountAt])).toBe(SCENARIO_BUDGET);
    expect(Object.values(amounts).reduce((sum, value) => sum + value, 0)).toBe(SCENARIO_BUDGET);
  });

  it('prints the funding table with signature lines', async () => {
    const { page } = machine;
    await page.getByTestId('funding-print').click();
    const printed = page.getByTestId('funding-print-page');
    await waitForOrExplain(page, printed.getByTestId('funding-print-table'), 'the printout');
    expect(await printed.getByTestId('funding-print-total').innerText()).toBe('500');
    expect(await printed.getByTestId('funding-print-row-E01').innerText()).toContain('182');
    const signatures = await printed.getByTestId('funding-signatures').innerText();
    expect(signatures).toContain('经办人');
    expect(signatures).toContain('审核人');
    expect(signatures).toContain('日期');
    await page.screenshot({ path: screenshotPath('registry-funding-print'), fullPage: true });
    expect(machine.errors).toEqual([]);
    expect(machine.consoleErrors).toEqual([]);
  });
});
