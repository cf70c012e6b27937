import { describe, expect, it } from 'vitest';
import { readXlsx } from '../../../shared/xlsx';
import {
  scoresheetWorkbookFileName,
  WorkbookExportError,
  writeScoresheetWorkbook,
} from '../../../shared/workbook';
import { loadWithExcelJs } from '../../helpers/xlsxBuilders';
import {
  EXPORTED_AT,
  protectionOf,
  validationsOf,
  workbookRound,
} from '../../helpers/workbookBuilders';

const crypto = globalThis.crypto;

async function exported() {
  const setup = workbookRound();
  const bytes = await writeScoresheetWorkbook(setup.input, crypto);
  return { setup, bytes, workbook: await loadWithExcelJs(bytes) };
}

// The built-in A1 system: 3 primaries of 3 secondaries (INDICATORS.md), so rows 5–13 hold the
// indicators, 14 the total, 16–22 the inputs and 24 the signature line.
const A1_ROWS = [
  ['研究水平与贡献（50 分）', '总体定位与研究方向', 10, 'A1.1.1'],
  [null, '承担任务与经费', 15, 'A1.1.2'],
  [null, '代表性研究成果', 25, 'A1.1.3'],
  ['队伍建设与人才培养（30 分）', '队伍结构与团队建设', 10, 'A1.2.1'],
  [null, '实验室主任与学术带头人', 10, 'A1.2.2'],
  [null, '人才培养', 10, 'A1.2.3'],
  ['开放交流与运行管理（20 分）', '仪器设备开放共享', 7, 'A1.3.1'],
  [null, '学术交流与合作', 6, 'A1.3.2'],
  [null, '运行管理与依托单位支持', 7, 'A1.3.3'],
];

describe('writeScoresheetWorkbook', () => {
  it('holds 说明, one sheet per assigned base named by its code, and a very hidden identity', async () => {
    const { workbook } = await exported();
    expect(workbook.worksheets.map((s) => [s.name, s.state])).toEqual([
      ['说明', 'visible'],
      ['LN-A1-001', 'visible'],
      ['LN-B1-002', 'visible'],
      ['pinggu-identity', 'veryHidden'],
    ]);
    // LN-A1-003 is assigned but recused: no sheet.
  });

  it('lays out a base sheet: header, one row per secondary, ids in a hidden column', async () => {
    const sheet = (await exported()).workbook.getWorksheet('LN-A1-001');
    if (!sheet) throw new Error('sheet missing');
    const row = (r: number, columns: string[]) =>
      columns.map((c) => sheet.getCell(`${c}${r}`).value);
    expect(row(4, ['A', 'B', 'C', 'D', 'E', 'F', 'G'])).toEqual([
      '一级指标',
      '二级指标',
      '满分',
      '得分',
      '评语',
      '一级小计',
      '指标编号',
    ]);
    A1_ROWS.forEach(([primary, secondary, max, id], i) => {
      const values = row(5 + i, ['B', 'C', 'D', 'E', 'G']);
      expect(values).toEqual([secondary, max, null, null, id]);
      if (primary !== null) expect(sheet.getCell(`A${5 + i}`).value).toBe(primary);
    });
    expect(sheet.getColumn('G').hidden).toBe(true);
    expect(row(14, ['A', 'C'])).toEqual(['总分', 100]);
    expect(row(16, ['A'])).toEqual(['回避']);
    expect([16, 17, 18, 19, 20, 21, 22].map((r) => sheet.getCell(`A${r}`).value)).toEqual([
      '回避',
      '回避理由',
      '处理建议',
      '目标',
      '理由',
      '总体评价',
      '确认提交',
    ]);
    expect(sheet.getCell('A24').value).toBe('专家签名：');
    expect(sheet.getCell('D24').value).toBe('日期：');
  });

  it('computes subtotals and the total with live formulas', async () => {
    const sheet = (await exported()).workbook.getWorksheet('LN-A1-001');
    const formula = (ref: string) => (sheet?.getCell(ref).value as { formula?: string }).formula;
    expect([formula('F5'), formula('F8'), formula('F11'), formula('D14')]).toEqual([
      'SUM(D5:D7)',
      'SUM(D8:D10)',
      'SUM(D11:D13)',
      'SUM(D5:D13)',
    ]);
    expect(sheet?.model.merges).toEqual(
      expect.arrayContaining(['A5:A7', 'F5:F7', 'A8:A10', 'F8:F10', 'A11:A13', 'F11:F13']),
    );
  });

  it('protects every sheet without a password; only 得分, 评语 and the inputs are unlocked', async () => {
    const { workbook } = await exported();
    for (const sheet of workbook.worksheets) {
      expect(protectionOf(sheet)).toMatchObject({ sheet: true });
      expect(protectionOf(sheet)).not.toHaveProperty('algorithmName');
    }
    const sheet = workbook.getWorksheet('LN-A1-001');
    if (!sheet) throw new Error('sheet missing');
    const unlocked: string[] = [];
    sheet.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        if (cell.protection?.locked === false && !cell.isMerged) unlocked.push(cell.address);
        if (cell.protection?.locked === false && cell.isMerged && cell.master === cell) {
          unlocked.push(cell.address);
        }
      }),
    );
    const indicatorRows = [5, 6, 7, 8, 9, 10, 11, 12, 13];
    expect(unlocked.sort()).toEqual(
      [
        ...indicatorRows.flatMap((r) => [`D${r}`, `E${r}`]),
        ...[16, 17, 18, 19, 20, 21, 22].map((r) => `B${r}`),
      ].sort(),
    );
  });

  it('validates 得分 from 0 to its maximum in steps of 0.5, and the choices by lists', async () => {
    const sheet = (await exported()).workbook.getWorksheet('LN-A1-001');
    const model = validationsOf(sheet ?? {});
    expect(model.D7).toMatchObject({
      type: 'custom',
      formulae: ['AND(ISNUMBER(D7),D7>=0,D7<=25,MOD(D7*2,1)=0)'],
      showErrorMessage: true,
      errorTitle: '得分无效',
      error: '“代表性研究成果”的得分须在 0 到 25 之间，且为 0.5 的整数倍（如 7 或 7.5）。',
    });
    expect(model.B16).toMatchObject({ type: 'list', formulae: ['"是,否"'] });
    expect(model.B18).toMatchObject({
      type: 'list',
      formulae: ['"纳入,保留并调整方向,限期整改,合并,转,撤销"'],
    });
    expect(model.B22).toMatchObject({ type: 'list', formulae: ['"是,否"'] });
  });

  it('prints each base on A4, fit to width, with the signature line in the print area', async () => {
    const sheet = (await exported()).workbook.getWorksheet('LN-A1-001');
    expect(sheet?.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'portrait',
      fitToWidth: 1,
      fitToHeight: 0,
      printArea: 'A1:F25',
    });
  });

  it('records round, expert, bases, templates, export time and the layout digest', async () => {
    const { bytes } = await exported();
    const read = readXlsx(bytes);
    if (!read.ok) throw new Error(read.message);
    const identity = read.sheets.find((s) => s.name === 'pinggu-identity');
    expect(identity?.hidden).toBe(true);
    const rows = identity?.rows ?? [];
    expect(rows.slice(0, 7)).toEqual([
      ['format', 'pinggu-scoresheet'],
      ['layoutVersion', '1'],
      ['roundId', 'round-wb'],
      ['roundName', '2024年度定期评估'],
      ['expertId', 'expert-wb'],
      ['expertName', '张三'],
      ['exportedAt', EXPORTED_AT],
    ]);
    expect(rows[7]?.[0]).toBe('layoutSha256');
    expect(rows[7]?.[1]).toMatch(/^[0-9a-f]{64}$/u);
    expect(rows.slice(8)).toEqual([
      ['base', 'LN-A1-001', 'base-a', 'LN-A1-001', 'builtin-A1', '1'],
      ['base', 'LN-B1-002', 'base-b', 'LN-B1-002', 'builtin-B1', '1'],
    ]);
  });

  it('gives the same bytes for the same input', async () => {
    const setup = workbookRound();
    const a = await writeScoresheetWorkbook(setup.input, crypto);
    const b = await writeScoresheetWorkbook(setup.input, crypto);
    expect(b).toEqual(a);
  });

  it('refuses an expert with no base to score, and a base type without a template', async () => {
    const setup = workbookRound();
    const none = { ...setup.input, expert: { ...setup.expert, id: 'nobody', name: '王五' } };
    await expect(writeScoresheetWorkbook(none, crypto)).rejects.toThrow(
      new WorkbookExportError('专家“王五”没有需要评分的基地（未分配，或均已回避）。'),
    );
    const noB1 = { ...setup.input, templates: setup.templates.filter((t) => t.baseType !== 'B1') };
    await expect(writeScoresheetWorkbook(noB1, crypto)).rejects.toThrow(WorkbookExportError);
  });

  it('names the file after the expert and the round, safely', () => {
    expect(scoresheetWorkbookFileName('张三', '2024年度定期评估')).toBe(
      '评分表-张三-2024年度定期评估.xlsx',
    );
    expect(scoresheetWorkbookFileName('a/b', ' ')).toBe('评分表-a_b-评估轮次.xlsx');
  });
});
