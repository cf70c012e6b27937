import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  readXlsx,
  sanitizeSheetNames,
  writeXlsx,
  columnName,
  MAX_CELL_CHARS,
} from '../../../shared/xlsx';
import { excelValues, loadWithExcelJs } from '../../helpers/xlsxBuilders';

describe('writeXlsx, read back by exceljs', () => {
  it('writes text, numbers, booleans and empty cells with their types', async () => {
    const bytes = writeXlsx([
      {
        name: '评估结果',
        rows: [
          ['基地名称', '总分', '入选', '备注'],
          ['辽宁省先进材料重点实验室', 91.25, true, null],
          ['东北大学工程研究中心', -3, false, ''],
        ],
      },
    ]);
    const workbook = await loadWithExcelJs(bytes);
    const sheet = workbook.getWorksheet('评估结果');
    if (!sheet) throw new Error('sheet missing');
    expect(excelValues(sheet)).toEqual([
      ['基地名称', '总分', '入选', '备注'],
      ['辽宁省先进材料重点实验室', 91.25, true],
      ['东北大学工程研究中心', -3, false],
    ]);
  });

  it('keeps formula-like text as text, never a formula', async () => {
    const bytes = writeXlsx([{ name: 'S', rows: [['=SUM(1)', '=1+1', '+cmd|x', '@A1']] }]);
    const sheet = (await loadWithExcelJs(bytes)).worksheets[0];
    if (!sheet) throw new Error('sheet missing');
    expect(excelValues(sheet)).toEqual([['=SUM(1)', '=1+1', '+cmd|x', '@A1']]);
    expect(sheet.getCell('A1').type).toBe(3); // ValueType.String
  });

  it('keeps markup characters, surrounding spaces and line breaks in text', async () => {
    const text = ' <b>A&B</b> "引号" \'单\'\n第二行 ';
    const bytes = writeXlsx([{ name: 'S', rows: [[text]] }]);
    const sheet = (await loadWithExcelJs(bytes)).worksheets[0];
    expect(sheet?.getCell('A1').value).toBe(text);
    expect(readXlsx(bytes)).toEqual({ ok: true, sheets: [{ name: 'S', rows: [[text]] }] });
  });

  it('writes several sheets in order with sanitised, unique names', async () => {
    const bytes = writeXlsx([
      { name: '汇总', rows: [['a']] },
      { name: '沈阳/大连: 专家[1]?', rows: [['b']] },
      { name: '汇总', rows: [['c']] },
      { name: '', rows: [] },
    ]);
    const workbook = await loadWithExcelJs(bytes);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      '汇总',
      '沈阳_大连_ 专家_1__',
      '汇总 (2)',
      'Sheet4',
    ]);
    expect(workbook.worksheets[2]?.getCell('A1').value).toBe('c');
  });

  it('freezes and bolds header rows and sets column widths', async () => {
    const bytes = writeXlsx([
      {
        name: 'S',
        rows: [
          ['名称', '分数'],
          ['x', 1],
        ],
        headerRows: 1,
        columnWidths: [30, 8],
      },
    ]);
    const sheet = (await loadWithExcelJs(bytes)).worksheets[0];
    if (!sheet) throw new Error('sheet missing');
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.getCell('A2').font?.bold).not.toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getColumn(1).width).toBe(30);
    expect(sheet.getColumn(2).width).toBe(8);
  });

  it('shows number cells below the header in their column’s format, keeping the full value', async () => {
    const bytes = writeXlsx([
      {
        name: '结果',
        rows: [
          ['基地', '综合得分', '排名', '得分率'],
          ['甲', 88.125, 1, 0.5],
          ['乙', 1 / 3, 2, null],
          ['合计', '无', null, 'x'],
        ],
        headerRows: 1,
        numberFormats: ['0.00', '0.00', null, '0.0%'],
      },
      { name: '说明', rows: [[2.5, 7]], numberFormats: ['General', '0.00'] },
    ]);
    const workbook = await loadWithExcelJs(bytes);
    const sheet = workbook.getWorksheet('结果');
    if (!sheet) throw new Error('sheet missing');
    expect(sheet.getCell('B2').value).toBe(88.125);
    expect(sheet.getCell('B2').numFmt).toBe('0.00');
    expect(sheet.getCell('B3').value).toBe(1 / 3);
    expect(sheet.getCell('B3').numFmt).toBe('0.00');
    expect(sheet.getCell('D2').numFmt).toBe('0.0%');
    // Ranks, header cells and text keep Excel's General format; headers stay bold.
    expect(sheet.getCell('C2').numFmt).toBeUndefined();
    expect(sheet.getCell('B1').numFmt).toBeUndefined();
    expect(sheet.getCell('B1').font?.bold).toBe(true);
    expect(sheet.getCell('B4').value).toBe('无');
    const about = workbook.getWorksheet('说明');
    expect(about?.getCell('A1').numFmt).toBeUndefined();
    expect(about?.getCell('B1').numFmt).toBe('0.00');
    // Its own reader sees the stored value, not the shown one.
    const read = readXlsx(bytes);
    if (!read.ok) throw new Error(read.message);
    expect(read.sheets[0]?.rows[1]).toEqual(['甲', '88.125', '1', '0.5']);
  });

  it('writes each number format once however many columns and sheets use it', () => {
    const sheet = { name: 'S', rows: [[1.5, 2.5, 3.5]], numberFormats: ['0.00', '0.00', '0.0'] };
    const styles = new TextDecoder().decode(
      unzipSync(writeXlsx([sheet, { ...sheet, name: 'T' }]))['xl/styles.xml'],
    );
    expect(styles.match(/<numFmt /gu)).toHaveLength(2);
    expect(styles).toContain('<numFmts count="2">');
    expect(styles).toContain('<cellXfs count="4">');
  });

  it('refuses a number format Excel cannot store', () => {
    expect(() => writeXlsx([{ name: 'S', rows: [[1]], numberFormats: ['0'.repeat(256)] }])).toThrow(
      RangeError,
    );
    expect(() => writeXlsx([{ name: 'S', rows: [[1]], numberFormats: ['0\u0001'] }])).toThrow(
      RangeError,
    );
  });

  it('gives the same bytes for the same input', () => {
    const input = [{ name: 'S', rows: [['a', 1, true, null]], headerRows: 1 }];
    expect(writeXlsx(input)).toEqual(writeXlsx(input));
  });

  it('writes one empty sheet when given none, which Excel requires', async () => {
    const workbook = await loadWithExcelJs(writeXlsx([]));
    expect(workbook.worksheets).toHaveLength(1);
  });

  it('drops characters XML cannot carry and keeps literal _xHHHH_ text', async () => {
    const bytes = writeXlsx([{ name: 'S', rows: [['a\u0001b\u0000c', 'code_x0041_']] }]);
    expect(readXlsx(bytes)).toEqual({
      ok: true,
      sheets: [{ name: 'S', rows: [['abc', 'code_x0041_']] }],
    });
    const sheet = (await loadWithExcelJs(bytes)).worksheets[0];
    expect(sheet?.getCell('A1').value).toBe('abc');
  });

  it('cuts text over Excel’s cell limit and writes non-finite numbers as text', () => {
    const bytes = writeXlsx([{ name: 'S', rows: [['x'.repeat(MAX_CELL_CHARS + 10), Number.NaN]] }]);
    const read = readXlsx(bytes);
    if (!read.ok) throw new Error(read.message);
    const cell = read.sheets[0]?.rows[0]?.[0] ?? '';
    expect(cell).toHaveLength(MAX_CELL_CHARS);
    expect(cell.endsWith('…')).toBe(true);
    expect(read.sheets[0]?.rows[0]?.[1]).toBe('NaN');
  });

  it('round-trips through its own reader', () => {
    const rows = [
      ['基地名称', '批建年份', '得分'],
      ['沈阳材料科学国家研究中心', 2008, 88.5],
      ['大连理工大学工程研究中心', null, 0.1],
    ];
    const read = readXlsx(writeXlsx([{ name: '名单', rows, headerRows: 1 }]));
    expect(read).toEqual({
      ok: true,
      sheets: [
        {
          name: '名单',
          rows: [
            ['基地名称', '批建年份', '得分'],
            ['沈阳材料科学国家研究中心', '2008', '88.5'],
            ['大连理工大学工程研究中心', '', '0.1'],
          ],
        },
      ],
    });
  });
});

describe('sheet names and columns', () => {
  it('cuts names to 31 characters and keeps suffixes within the limit', () => {
    const long = '辽'.repeat(40);
    const [a, b] = sanitizeSheetNames([long, long]);
    expect(a).toBe('辽'.repeat(31));
    expect(b).toBe(`${'辽'.repeat(27)} (2)`);
    expect(sanitizeSheetNames(["'引号'", 'History', 'sheet', 'SHEET'])).toEqual([
      '引号',
      'Sheet2',
      'sheet',
      'SHEET (2)',
    ]);
  });

  it('names columns like Excel', () => {
    expect([0, 25, 26, 51, 701, 702, 16383].map(columnName)).toEqual([
      'A',
      'Z',
      'AA',
      'AZ',
      'ZZ',
      'AAA',
      'XFD',
    ]);
  });
});
