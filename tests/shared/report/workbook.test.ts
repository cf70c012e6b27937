import { describe, expect, it } from 'vitest';
import { buildReportModel } from '../../../shared/report/model';
import type { ReportCell, ReportSheet } from '../../../shared/report/types';
import {
  buildReportWorkbook,
  reportWorkbookSheets,
  resultsCsv,
} from '../../../shared/report/workbook';
import { writeXlsx } from '../../../shared/xlsx/write';
import { buildReportFixture } from '../../helpers/reportBuilders';
import { loadWithExcelJs } from '../../helpers/xlsxBuilders';

const fixture = buildReportFixture();
const sheets = buildReportWorkbook(fixture.input);

function sheet(name: string): ReportSheet {
  const found = sheets.find((s) => s.name === name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

/** The sheet's rows as records keyed by the header row. */
function records(name: string): Record<string, ReportCell>[] {
  const [header = [], ...rows] = sheet(name).rows;
  return rows.map((row) => Object.fromEntries(header.map((h, i) => [String(h), row[i] ?? null])));
}

/** The first row whose first cell is `label`. */
function rowOf(name: string, label: string): ReportCell[] {
  const row = sheet(name).rows.find((r) => r[0] === label);
  if (!row) throw new Error(`no row ${label} in ${name}`);
  return row;
}

describe('report workbook', () => {
  it('has the six sheets in reading order, with one header row where the data is a table', () => {
    expect(sheets.map((s) => s.name)).toEqual([
      '汇总',
      '基地结果',
      '指标均分',
      '评分表',
      '冲突',
      '决定',
    ]);
    expect(sheets.map((s) => s.headerRows ?? 0)).toEqual([0, 1, 1, 1, 1, 1]);
    for (const s of sheets) {
      const width = s.rows[s.headerRows ?? 0]?.length ?? 0;
      if (s.columnWidths && (s.headerRows ?? 0) > 0) expect(s.columnWidths).toHaveLength(width);
    }
  });

  it('汇总: names the round and the report time, counts and summarises each type', () => {
    expect(rowOf('汇总', '评估轮次')).toEqual(['评估轮次', '2024年度省级科技创新基地定期评估']);
    expect(rowOf('汇总', '报告生成时间')).toEqual(['报告生成时间', '2024-06-02 09:00']);
    expect(rowOf('汇总', '基地')).toEqual(['基地', 4]);
    expect(rowOf('汇总', '未决定的基地')).toEqual(['未决定的基地', 2]);
    expect(rowOf('汇总', '应评评分表')).toEqual(['应评评分表', 14]);
    expect(rowOf('汇总', '其中未开始')).toEqual(['其中未开始', 2]);
    expect(rowOf('汇总', '其中未处理')).toEqual(['其中未处理', 1]);
    expect(rowOf('汇总', 'A1')).toEqual([
      'A1',
      '省重点实验室',
      '科学与工程研究类',
      3,
      2,
      1,
      1,
      0,
      0,
      1,
      50,
      0,
      1,
      2,
      '优秀 1/2（50%），超过 15% 的上限；限期整改与不合格 0/2（0%），低于 10% 的下限',
    ]);
    expect(rowOf('汇总', 'B4').slice(3, 13)).toEqual([1, 1, 0, 0, 0, 1, 0, 0, 100, 1]);
    expect(rowOf('汇总', '合计').slice(3, 14)).toEqual([4, 3, 1, 1, 0, 1, 1, null, null, 2, 2]);
    const quotaTitle = sheet('汇总').rows.findIndex((r) => r[0] === '配额提示');
    expect(sheet('汇总').rows.slice(quotaTitle + 1)).toEqual([
      ['A1 省重点实验室', '优秀 1/2（50%），超过 15% 的上限'],
      ['A1 省重点实验室', '限期整改与不合格 0/2（0%），低于 10% 的下限'],
    ]);
  });

  it('基地结果: every base with the rule’s aggregate, each method, grade, ranks, spread and decision', () => {
    const rows = records('基地结果');
    expect(rows.map((r) => r['基地编号'])).toEqual([
      'LN-A1-001',
      'LN-A1-002',
      'LN-A1-003',
      'LN-B4-001',
    ]);
    const [x, y, z, w] = rows;
    expect(x).toMatchObject({
      基地类型: 'A1 省重点实验室',
      专家组: '沈阳一组',
      有效评分表: 5,
      综合得分: 90,
      实际汇总方法: '去掉最高分和最低分后平均',
      算术平均: 87,
      中位数: 90,
      去掉最高最低分平均: 90,
      等级: '优秀',
      类型内排名: 1,
      类型内参评数: 2,
      类别内排名: 1,
      最低分: 70,
      最高分: 95,
      极差: 25,
      意见分歧: true,
      最终决定: '纳入',
      决定目标: 'A1 省重点实验室',
      决定理由: null,
    });
    expect(x?.['标准差']).toBeCloseTo(Math.sqrt(97), 10);
    expect(y).toMatchObject({
      综合得分: 82,
      实际汇总方法: '算术平均',
      去掉最高最低分平均: 82,
      等级: '良好',
      类型内排名: 2,
      最终决定: '未决定',
    });
    expect(z).toMatchObject({
      有效评分表: 0,
      综合得分: null,
      等级: null,
      类型内排名: null,
      类型内参评数: null,
      意见分歧: null,
      最终决定: '未决定',
    });
    expect(w).toMatchObject({
      综合得分: 55,
      等级: '不合格',
      最终决定: '限期整改',
      决定理由: '成果转化不足，限期一年整改',
      所在地市: '大连',
    });
  });

  it('指标均分: each base’s primary and secondary averages over its valid sheets only', () => {
    const ofY = records('指标均分').filter((r) => r['基地编号'] === 'LN-A1-002');
    // Y's valid sheets are 80, 82 and 84: the first six secondaries full, 开放共享 0, 2 and 4.
    expect(ofY).toHaveLength(3 + 9);
    expect(ofY.map((r) => [r['指标层级'], r['指标名称'], r['满分'], r['平均得分']])).toEqual([
      ['一级', '研究水平与贡献', 50, 50],
      ['二级', '总体定位与研究方向', 10, 10],
      ['二级', '承担任务与经费', 15, 15],
      ['二级', '代表性研究成果', 25, 25],
      ['一级', '队伍建设与人才培养', 30, 30],
      ['二级', '队伍结构与团队建设', 10, 10],
      ['二级', '实验室主任与学术带头人', 10, 10],
      ['二级', '人才培养', 10, 10],
      ['一级', '开放交流与运行管理', 20, 2],
      ['二级', '仪器设备开放共享', 7, 2],
      ['二级', '学术交流与合作', 6, 0],
      ['二级', '运行管理与依托单位支持', 7, 0],
    ]);
    expect(ofY.every((r) => r['有效评分表'] === 3)).toBe(true);
    expect(ofY[9]?.['得分率(%)']).toBeCloseTo((100 * 2) / 7, 10);
    const ofZ = records('指标均分').filter((r) => r['基地编号'] === 'LN-A1-003');
    expect(ofZ.every((r) => r['平均得分'] === null && r['有效评分表'] === 0)).toBe(true);
  });

  it('评分表: one row per stored sheet with state, indicator scores, total and recommendation', () => {
    const rows = records('评分表');
    expect(rows).toHaveLength(12);
    const ofY = rows.filter((r) => r['基地编号'] === 'LN-A1-002');
    expect(ofY.map((r) => [r['专家'], r['状态'], r['计入统计'], r['总分']])).toEqual(
      [
        ['孙三', '已提交', true, 84],
        ['李四', '草稿', false, 40],
        ['赵一', '已提交', true, 80],
        ['钱二', '已提交', true, 82],
        ['周五', '回避', false, null],
      ].sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1)),
    );
    const recused = ofY.find((r) => r['状态'] === '回避');
    expect(recused?.['回避原因']).toBe('本人为依托单位兼职研究员');
    const first = rows[0];
    expect(first?.['A1 1.3 代表性研究成果（25分）']).toBe(25);
    expect(first?.['B4 1.1 核心技术突破（20分）']).toBeNull();
    expect(first?.['推荐处理']).toBe('纳入');
    const w = rows.find((r) => r['基地编号'] === 'LN-B4-001');
    expect(w?.['B4 1.1 核心技术突破（20分）']).toBe(20);
    expect(w?.['A1 1.1 总体定位与研究方向（10分）']).toBeNull();
  });

  it('冲突: both totals, state and who settled which version when', () => {
    expect(
      records('冲突').map((r) => [
        r['冲突编号'],
        r['本机版本总分'],
        r['导入版本总分'],
        r['处理状态'],
        r['处理方式'],
        r['处理时间'],
        r['处理人'],
        r['现行总分'],
      ]),
    ).toEqual([
      ['conflict-open', 50, 52, '未处理', null, null, null, null],
      ['conflict-resolved', 93, 95, '已处理', '采用导入版本', '2024-05-21 11:30', '王秘书', 95],
    ]);
  });

  it('决定: the final decisions with disposition, target, rationale, who and when', () => {
    expect(records('决定')).toEqual([
      expect.objectContaining({
        基地编号: 'LN-A1-001',
        最终决定: '纳入',
        决定目标: 'A1 省重点实验室',
        决定人: '秘书处王芳',
        决定时间: '2024-06-01 16:05',
        综合得分: 90,
        等级: '优秀',
      }),
      expect.objectContaining({
        基地编号: 'LN-B4-001',
        最终决定: '限期整改',
        决定目标: null,
        决定理由: '成果转化不足，限期一年整改',
        决定时间: '2024-06-01 16:00',
      }),
    ]);
  });

  it('keeps text from bundles as text in the workbook and defuses it in the CSV', () => {
    const { input } = buildReportFixture();
    const [first, ...rest] = input.bases;
    if (!first) throw new Error('no base');
    const model = buildReportModel({
      ...input,
      bases: [{ ...first, name: '=HYPERLINK("http://x")' }, ...rest],
    });
    const names = reportWorkbookSheets(model)[1]?.rows.map((r) => r[1]);
    expect(names).toContain('=HYPERLINK("http://x")');
    expect(resultsCsv(model)).toContain(`"'=HYPERLINK(""http://x"")"`);
  });

  it('基地结果 as CSV: BOM, CRLF, the same header and 2 decimals', () => {
    const csv = resultsCsv(buildReportModel(fixture.input));
    expect(csv.startsWith('\uFEFF基地编号,基地名称,基地类型,类别,')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(1 + 4 + 1);
    expect(lines.at(-1)).toBe('');
    const x = lines[1]?.split(',') ?? [];
    expect(x.slice(7, 12)).toEqual(['5', '90', '去掉最高分和最低分后平均', '87', '90']);
    expect(x[22]).toBe(Math.sqrt(97).toFixed(2));
    expect(x[23]).toBe('是');
  });

  it('writes a workbook exceljs reads back with the same numbers', async () => {
    const workbook = await loadWithExcelJs(writeXlsx(sheets));
    expect(workbook.worksheets.map((w) => w.name)).toEqual(sheets.map((s) => s.name));
    const results = workbook.getWorksheet('基地结果');
    expect(results?.getRow(2).getCell(1).value).toBe('LN-A1-001');
    expect(results?.getRow(2).getCell(9).value).toBe(90);
    expect(results?.getRow(2).getCell(23).value).toBeCloseTo(Math.sqrt(97), 10);
  });

  it('shows scores, averages, spreads and shares with 2 decimals, counts and ranks as integers', async () => {
    const workbook = await loadWithExcelJs(writeXlsx(sheets));
    /** The number format of each named column in the first data row (row 2). */
    const formats = (name: string, headers: string[]): (string | undefined)[] => {
      const ws = workbook.getWorksheet(name);
      const header = sheet(name).rows[0] ?? [];
      return headers.map((h) => ws?.getRow(2).getCell(header.indexOf(h) + 1).numFmt);
    };
    expect(
      formats('基地结果', ['综合得分', '算术平均', 'Z分数平均', '标准差', '极差', '最低分']),
    ).toEqual(Array(6).fill('0.00'));
    expect(formats('基地结果', ['有效评分表', '类型内排名', '类别内参评数'])).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    expect(formats('指标均分', ['平均得分', '得分率(%)', '满分'])).toEqual([
      '0.00',
      '0.00',
      undefined,
    ]);
    expect(formats('决定', ['综合得分'])).toEqual(['0.00']);
    // The stored value keeps full precision.
    expect(workbook.getWorksheet('基地结果')?.getRow(2).getCell(23).value).toBeCloseTo(
      Math.sqrt(97),
      10,
    );
    const summary = workbook.getWorksheet('汇总');
    const a1 = sheet('汇总').rows.findIndex((r) => r[0] === 'A1') + 1;
    expect(summary?.getRow(a1).getCell(11).value).toBe(50);
    expect(summary?.getRow(a1).getCell(11).numFmt).toBe('0.00');
    expect(summary?.getRow(a1).getCell(4).numFmt).toBeUndefined();
  });
});
