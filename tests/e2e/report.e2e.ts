// The secretariat's 报告 tab in Chromium on the demo round: the Excel workbook downloads and
// exceljs reads back the values computeRoundResults gives for the same (deterministic) demo
// data, the CSV is UTF-8 with a BOM and CRLF, the printout puts each base type on its own A4
// page, and the signed result bundle passes `pinggu verify`.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDemoDataset } from '../../shared/demo/demoRound';
import { GRADE_LABELS } from '../../shared/domain/grading';
import { computeRoundResults } from '../../shared/domain/results';
import { lines, openFile, runCli } from '../helpers/cli';
import { SETTLED, screenshotPath, useMachine } from './helpers/browser';

const demo = generateDemoDataset().current;
const results = computeRoundResults(demo.round, demo.bases, demo.scoresheets);
const resultByCode = new Map(results.map((r) => [r.base.code, r]));
const typesPresent = new Set(demo.bases.map((b) => b.type)).size;

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

  it('exports an Excel workbook whose numbers are the results of computeRoundResults', async () => {
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
      expect(cell('有效评分表')).toBe(expected.sheets);
      expect(cell('综合得分') ?? null).toBe(expected.aggregate);
      expect(cell('算术平均') ?? null).toBe(expected.byMethod.mean.value);
      expect(cell('Z分数平均') ?? null).toBe(expected.byMethod.zScore.value);
      expect(cell('等级') ?? null).toBe(expected.grade ? GRADE_LABELS[expected.grade].zh : null);
      expect(cell('类型内排名') ?? null).toBe(expected.rankInType);
      expect(cell('最终决定')).toBe('未决定');
      if (expected.aggregate !== null) scored += 1;
    }
    expect(scored).toBeGreaterThan(0);
    expect(workbook.getWorksheet('评分表')?.rowCount).toBe(demo.scoresheets.length + 1);
    const summary = workbook.getWorksheet('汇总');
    const basesRow = summary
      ?.getSheetValues()
      .find((values) => Array.isArray(values) && values[1] === '基地');
    expect(Array.isArray(basesRow) ? basesRow[2] : null).toBe(demo.bases.length);
  });

  it('exports 基地结果 as CSV with a BOM, CRLF and 2 decimals', async () => {
    const file = await download('report-export-csv');
    expect(file.name).toMatch(/^基地结果-2023-.+\.csv$/);
    const bytes = readFileSync(file.path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = bytes.toString('utf8').slice(1).split('\r\n');
    expect(rows).toHaveLength(demo.bases.length + 2);
    expect(rows.at(-1)).toBe('');
    const header = rows[0]?.split(',') ?? [];
    const scoredRow = rows
      .slice(1)
      .map((line) => line.split(','))
      .find((cells) => resultByCode.get(cells[0] ?? '')?.aggregate != null);
    const expected = resultByCode.get(scoredRow?.[0] ?? '');
    expect(scoredRow?.[header.indexOf('综合得分')]).toBe(expected?.aggregate?.toFixed(2));
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
