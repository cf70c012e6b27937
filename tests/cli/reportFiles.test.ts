import { describe, expect, it } from 'vitest';
import { reportCsv, reportXlsx } from '../../cli/reportFiles';
import type { Report, ReportRow } from '../../cli/reportRows';
import { excelValues, loadWithExcelJs } from '../helpers/xlsxBuilders';

const row = (overrides: Partial<ReportRow>): ReportRow => ({
  id: 'base-1',
  name: '辽宁省示例重点实验室',
  type: 'A1',
  city: '沈阳',
  sheets: 5,
  voidedSheets: 0,
  mean: 85.125,
  median: 85,
  trimmedMean: 85.3333333,
  zscoreMean: 84.9,
  aggregate: 85.3333333,
  grade: '良好',
  rankInType: 1,
  sd: 2.5,
  range: 6,
  disagreement: false,
  ...overrides,
});

/** The report's top-level fields, as for an open round whose keys nobody checked. */
const OPEN = { status: 'open', closedAt: null, version: null, keysVerified: false } as const;

const csv = (rows: ReportRow[]): string[] =>
  reportCsv({ round: 'r', ...OPEN, method: 'trimmed', bases: rows } satisfies Report)
    .slice(1)
    .split('\r\n');

describe('report CSV', () => {
  it('writes numbers with 2 decimals, 是/否 and empty cells for null', () => {
    const empty = row({
      id: 'base-2',
      sheets: 0,
      mean: null,
      median: null,
      trimmedMean: null,
      zscoreMean: null,
      aggregate: null,
      grade: null,
      rankInType: null,
      sd: null,
      range: null,
      disagreement: null,
    });
    const [, first, second] = csv([row({ disagreement: true }), empty]);
    expect(first).toBe(
      'base-1,辽宁省示例重点实验室,A1,沈阳,5,85.13,85,85.33,84.90,85.33,良好,1,2.50,6,是',
    );
    expect(second).toBe('base-2,辽宁省示例重点实验室,A1,沈阳,0,,,,,,,,,,');
  });

  it('quotes commas and quotes, and defuses text a spreadsheet would run as a formula', () => {
    const [, quoted, formula] = csv([
      row({ name: '甲,乙"丙"' }),
      row({ name: '=HYPERLINK("http://x","点击")' }),
    ]);
    expect(quoted?.split(',').slice(0, 3)).toEqual(['base-1', '"甲', '乙""丙"""']);
    expect(formula).toContain(`"'=HYPERLINK(""http://x"",""点击"")"`);
  });
});

describe('report xlsx', () => {
  const workbookOf = (rows: ReportRow[]) =>
    loadWithExcelJs(
      reportXlsx(
        { round: 'round-1', ...OPEN, method: 'trimmed', bases: rows },
        { roundName: '2024年度评估', createdAt: '2024-06-01T08:00:00.000Z' },
      ),
    );

  it('keeps numbers at full precision, shown with 2 decimals, counts and ranks as integers', async () => {
    const sheet = (await workbookOf([row({ disagreement: true })])).getWorksheet('评估结果');
    if (!sheet) throw new Error('sheet 评估结果 missing');
    expect(excelValues(sheet)[1]).toEqual([
      'base-1',
      '辽宁省示例重点实验室',
      'A1',
      '沈阳',
      5,
      85.125,
      85,
      85.3333333,
      84.9,
      85.3333333,
      '良好',
      1,
      2.5,
      6,
      '是',
    ]);
    const formats = Array.from({ length: 15 }, (_, i) => sheet.getRow(2).getCell(i + 1).numFmt);
    expect(formats.map((f) => f ?? 'General')).toEqual([
      ...Array(5).fill('General'),
      ...Array(5).fill('0.00'),
      'General',
      'General',
      '0.00',
      '0.00',
      'General',
    ]);
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('writes formula-like names exactly, as text, without the CSV’s apostrophe', async () => {
    const name = '=HYPERLINK("http://x","点击")';
    const sheet = (await workbookOf([row({ name })])).getWorksheet('评估结果');
    expect(sheet?.getCell('B2').value).toBe(name);
    expect(sheet?.getCell('B2').type).toBe(3); // ValueType.String, not a formula
  });

  it('says which round and method the workbook is for', async () => {
    const about = (await workbookOf([])).getWorksheet('说明');
    if (!about) throw new Error('sheet 说明 missing');
    expect(excelValues(about)).toEqual([
      ['评估轮次', '2024年度评估'],
      ['轮次ID', 'round-1'],
      ['汇总方法', '去掉最高最低分后平均（trimmed）'],
      ['结果包生成时间', '2024-06-01T08:00:00.000Z'],
    ]);
  });
});
