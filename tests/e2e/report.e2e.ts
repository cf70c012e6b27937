// The secretariat's 报告 tab in Chromium on the demo round: the Excel workbook downloads and
// exceljs reads back the values an independent reference (tests/helpers/
// aggregationReference.ts, written from the README's definitions) gives for the same
// (deterministic) demo data, the CSV is UTF-8 with a BOM and CRLF, the printout puts each
// base type on its own A4 page, and the signed result bundle passes `pinggu verify`.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDemoDataset } from '../../shared/demo/demoRound';
import { referenceResults, showsValue } from '../helpers/aggregationReference';
import { lines, openFile, runCli } from '../helpers/cli';
import { SETTLED, screenshotPath, useMachine } from './helpers/browser';

const demo = generateDemoDataset().current;
const results = referenceResults(demo.round, demo.bases, demo.scoresheets);
const resultByCode = new Map(results.map((r) => [r.base.code, r]));
const typesPresent = new Set(demo.bases.map((b) => b.type)).size;
const GRADE_ZH: Readonly<Record<string, string>> = {
  excellent: '优秀',
  good: '良好',
  pass: '合格',
  fail: '不合格',
};

// The demo round's rule: the trimmed mean (one off each end) from 5 counted sheets up.
const { method, trimCount, trimMinSheets } = demo.round.aggregation;
if (method !== 'trimmedMean' || trimCount !== 1 || trimMinSheets !== 5) {
  throw new Error('the demo round no longer trims one off each end from 5 sheets');
}
const TRIMMED = '去掉最高分和最低分后平均';

/** A number cell holds the reference's value (to float noise); an empty cell holds null. */
function expectNumber(cell: unknown, expected: number | null, what: string): void {
  if (expected === null) {
    expect(cell ?? null, what).toBeNull();
    return;
  }
  expect(typeof cell, what).toBe('number');
  expect(Math.abs(Number(cell) - expected), `${what}: ${String(cell)} vs ${expected}`).toBeLessThan(
    1e-9,
  );
}

type Cell = ExcelJS.CellValue;

describe('report tab on the demo round', () => {
  const machine = useMachine({ width: 1366, height: 900 });
  const downloads = mkdtempSync(join(tmpdir(), 'pinggu-report-e2e-'));

  afterAll(() => {
    rmSync(downloads, { recursive: true, force: true });
  });

  /** Clicks a button that downloads a file; the file's path and suggested name. */
  const download = async (testId: string): Promise<{ path: string; name: string }> => {
    const { page } = machine;
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId(testId).click(),
    ]);
    const path = join(downloads, file.suggestedFilename());
    await file.saveAs(path);
    return { path, name: file.suggestedFilename() };
  };

  it('shows what each export holds, and that the demo bases are still undecided', async () => {
    const { page } = machine;
    await page.goto(machine.url);
    await page.getByTestId('load-demo').click();
    await page.getByTestId('home-round').waitFor();
    await page.getByTestId('main-nav').getByText('秘书处').click();
    await page.getByRole('tab', { name: '报告' }).click();
    await page.getByTestId('report-tab').waitFor();
    expect(await page.getByTestId('report-undecided-warning').innerText()).toContain(
      `有 ${demo.bases.length} 个基地尚未作出最终决定`,
    );
    const contents = await page.getByTestId('report-xlsx-contents').innerText();
    expect(contents).toContain(`${demo.bases.length} 个基地`);
    expect(contents).toContain(`${demo.scoresheets.length} 份原始评分表`);
    expect(await page.getByTestId('report-bundle-contents').innerText()).toContain(
      `${demo.bases.length} 个基地、${demo.scoresheets.length} 份原始评分表`,
    );
    await page.screenshot({ path: screenshotPath('report'), fullPage: true });
  });

  it('exports an Excel workbook whose numbers are the reference results', async () => {
    const file = await download('report-export-xlsx');
    expect(file.name).toMatch(/^评估报告-2023-.+\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    const bytes = readFileSync(file.path);
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      '汇总',
      '基地结果',
      '指标均分',
      '评分表',
      '冲突',
      '决定',
    ]);
    const sheet = workbook.getWorksheet('基地结果');
    if (!sheet) throw new Error('no 基地结果');
    const header = (sheet.getRow(1).values as Cell[]).slice(1);
    const col = (name: string) => header.indexOf(name) + 1;
    expect(sheet.rowCount).toBe(demo.bases.length + 1);
    let scored = 0;
    for (let r = 2; r <= sheet.rowCount; r += 1) {
      const row = sheet.getRow(r);
      const expected = resultByCode.get(String(row.getCell(col('基地编号')).value));
      if (!expected) throw new Error(`unknown base in row ${r}`);
      const cell = (name: string) => row.getCell(col(name)).value;
      const code = expected.base.code;
      expect(cell('有效评分表')).toBe(expected.sheets);
      expectNumber(cell('综合得分'), expected.value, `${code} 综合得分`);
      expectNumber(cell('算术平均'), expected.byMethod.mean, `${code} 算术平均`);
      expectNumber(cell('中位数'), expected.byMethod.median, `${code} 中位数`);
      expectNumber(
        cell('去掉最高最低分平均'),
        expected.byMethod.trimmedMean,
        `${code} 去掉最高最低分平均`,
      );
      expectNumber(cell('Z分数平均'), expected.byMethod.zScore, `${code} Z分数平均`);
      expectNumber(cell('最低分'), expected.totals[0] ?? null, `${code} 最低分`);
      expectNumber(cell('最高分'), expected.totals.at(-1) ?? null, `${code} 最高分`);
      expectNumber(cell('极差'), expected.range, `${code} 极差`);
      expect(cell('实际汇总方法') ?? null).toBe(
        expected.sheets === 0 ? null : expected.sheets >= trimMinSheets ? TRIMMED : '算术平均',
      );
      expect(cell('意见分歧') ?? null).toBe(expected.sheets === 0 ? null : expected.isDisagreement);
      expect(cell('类别内排名') ?? null).toBe(expected.rankInCategory);
      expect(cell('等级') ?? null).toBe(expected.grade ? GRADE_ZH[expected.grade] : null);
      expect(cell('类型内排名') ?? null).toBe(expected.rankInType);
      expect(cell('最终决定')).toBe('未决定');
      if (expected.value !== null) scored += 1;
    }
    expect(scored).toBeGreaterThan(0);
    expect(workbook.getWorksheet('评分表')?.rowCount).toBe(demo.scoresheets.length + 1);
    const summary = workbook.getWorksheet('汇总');
    const basesRow = summary
      ?.getSheetValues()
      .find((values) => Array.isArray(values) && values[1] === '基地');
    expect(Array.isArray(basesRow) ? basesRow[2] : null).toBe(demo.bases.length);
  });

  it('exports 基地结果 as CSV with a BOM, CRLF and at most 2 decimals', async () => {
    const file = await download('report-export-csv');
    expect(file.name).toMatch(/^基地结果-2023-.+\.csv$/);
    const bytes = readFileSync(file.path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = bytes.toString('utf8').slice(1).split('\r\n');
    expect(rows).toHaveLength(demo.bases.length + 2);
    expect(rows.at(-1)).toBe('');
    const header = rows[0]?.split(',') ?? [];
    const column = header.indexOf('综合得分');
    expect(column).toBeGreaterThan(0);
    let scored = 0;
    for (const cells of rows.slice(1, -1).map((line) => line.split(','))) {
      const expected = resultByCode.get(cells[0] ?? '');
      if (!expected) throw new Error(`unknown base ${cells[0]} in the CSV`);
      const shown = cells[column] ?? '';
      if (expected.value === null) continue;
      scored += 1;
      // Whole numbers as they are (92), others with 2 decimals (85.33).
      const whole = Math.round(expected.value);
      const isWhole = Math.abs(expected.value - whole) < 1e-9;
      const ok = isWhole
        ? shown === String(whole) || shown === whole.toFixed(2)
        : showsValue(shown, expected.value, 2);
      expect(ok, `${expected.base.code}: ${shown} for ${expected.value}`).toBe(true);
    }
    expect(scored).toBeGreaterThan(0);
  });

  it('prints one A4 page of overview and one page per base type, with every base ranked', async () => {
    const { page } = machine;
    await page.getByTestId('report-print').click();
    await page.getByTestId('report-print-page').waitFor();
    await expect
      .poll(() => page.getByTestId('report-type-page').count(), SETTLED)
      .toBe(typesPresent);
    expect(await page.getByTestId('report-ranking-row').count()).toBe(demo.bases.length);
    expect(await page.getByTestId('report-signatures').count()).toBe(1);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.app-chrome').first().isVisible()).toBe(false);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const pageCount = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pageCount).toBeGreaterThanOrEqual(typesPresent + 1);
    const mediaBox = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\]/.exec(pdf.toString('latin1'));
    // A4 portrait: 210 × 297 mm is about 595 × 842 points.
    expect(Math.abs(Number(mediaBox?.[1]) - 595)).toBeLessThan(2);
    expect(Math.abs(Number(mediaBox?.[2]) - 842)).toBeLessThan(2);
    await page.emulateMedia({ media: 'screen' });
    await page.getByText('返回报告').click();
    await page.getByTestId('report-tab').waitFor();
  });

  it('saves a signed result bundle that `pinggu verify` accepts', async () => {
    expect(await machine.page.getByTestId('report-bundle-refusal').count()).toBe(0);
    const file = await download('report-result-bundle');
    expect(file.name).toMatch(/^结果包-2023-.+\.pgb$/);
    const verified = await runCli(['verify', file.path]);
    expect(verified.code, verified.stderr).toBe(0);
    const { fingerprint } = (await openFile(file.path)).signer;
    expect(lines(verified.stdout)).toEqual([
      `OK ${file.path} result ${demo.round.id} - ${demo.scoresheets.length} ${fingerprint}`,
    ]);
    expect(machine.errors).toEqual([]);
    expect(machine.consoleErrors).toEqual([]);
  });
});
