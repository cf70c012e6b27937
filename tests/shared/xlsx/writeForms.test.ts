import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readXlsx, writeXlsx } from '../../../shared/xlsx';
import type { XlsxSheetInput } from '../../../shared/xlsx';
import { loadWithExcelJs } from '../../helpers/xlsxBuilders';
import { protectionOf, validationsOf } from '../../helpers/workbookBuilders';

const form: XlsxSheetInput = {
  name: '表单',
  rows: [
    ['项目', '满分', '得分'],
    ['甲', 10, null],
    ['乙', 5, null],
    ['合计', 15, 0],
  ],
  cells: {
    C2: { style: { unlocked: true, border: 'all', fill: 'FFF2CC' } },
    C3: { style: { unlocked: true, border: 'all', fill: 'FFF2CC' } },
    C4: { formula: 'SUM(C2:C3)', style: { bold: true, numberFormat: '0.0' } },
    A1: { style: { bold: true, fontSize: 14, wrap: true, horizontal: 'center' } },
  },
  merges: ['A5:C5'],
  validations: [
    {
      sqref: 'C2:C3',
      type: 'custom',
      formula1: 'AND(ISNUMBER(C2),C2>=0,MOD(C2*2,1)=0)',
      errorTitle: '得分无效',
      error: '须为 0.5 的整数倍',
      promptTitle: '得分',
      prompt: '步长 0.5',
    },
    { sqref: 'D2', type: 'list', formula1: '"是,否"' },
  ],
  protect: true,
  hiddenColumns: [3],
  columnWidths: [10, 8, 8],
  rowHeights: [30],
  page: { orientation: 'portrait', fitToWidth: true, printArea: 'A1:C5' },
};

describe('writeXlsx forms, read back by exceljs', () => {
  it('writes formulas with their cached result, and the workbook recalculates on opening', async () => {
    const bytes = writeXlsx([form]);
    const sheet = (await loadWithExcelJs(bytes)).getWorksheet('表单');
    expect(sheet?.getCell('C4').value).toMatchObject({ formula: 'SUM(C2:C3)' });
    const files = unzipSync(bytes);
    const part = strFromU8(files['xl/worksheets/sheet1.xml'] ?? new Uint8Array());
    expect(part).toMatch(/<c r="C4" s="\d+"><f>SUM\(C2:C3\)<\/f><v>0<\/v><\/c>/u);
    const workbook = strFromU8(files['xl/workbook.xml'] ?? new Uint8Array());
    expect(workbook).toContain('fullCalcOnLoad="1"');
    // A text that looks like a formula is still text.
    const text = writeXlsx([{ name: 'S', rows: [['=SUM(1)']] }]);
    expect((await loadWithExcelJs(text)).worksheets[0]?.getCell('A1').value).toBe('=SUM(1)');
  });

  it('protects the sheet without a password and unlocks only the cells styled as inputs', async () => {
    const sheet = (await loadWithExcelJs(writeXlsx([form]))).getWorksheet('表单');
    if (!sheet) throw new Error('sheet missing');
    expect(protectionOf(sheet)).toMatchObject({ sheet: true });
    expect(protectionOf(sheet)).not.toHaveProperty('algorithmName');
    expect(sheet.getCell('C2').protection).toEqual({ locked: false, hidden: false });
    expect(sheet.getCell('B2').protection).toBeUndefined();
    expect(sheet.getCell('C2').fill).toMatchObject({
      pattern: 'solid',
      fgColor: { argb: 'FFFFF2CC' },
    });
    expect(sheet.getCell('C2').border?.left).toMatchObject({ style: 'thin' });
    expect(sheet.getCell('A1').font).toMatchObject({ bold: true, size: 14 });
    expect(sheet.getCell('A1').alignment).toEqual({ horizontal: 'center', wrapText: true });
    expect(sheet.getCell('C4').numFmt).toBe('0.0');
  });

  it('writes data validation with its messages', async () => {
    const sheet = (await loadWithExcelJs(writeXlsx([form]))).getWorksheet('表单');
    const model = validationsOf(sheet ?? {});
    expect(model.C3).toEqual(model.C2);
    expect(model.C2).toMatchObject({
      type: 'custom',
      formulae: ['AND(ISNUMBER(C2),C2>=0,MOD(C2*2,1)=0)'],
      allowBlank: true,
      showErrorMessage: true,
      errorTitle: '得分无效',
      error: '须为 0.5 的整数倍',
      prompt: '步长 0.5',
    });
    expect(model.D2).toMatchObject({ type: 'list', formulae: ['"是,否"'] });
  });

  it('merges ranges, hides columns and sheets, sets heights and the A4 print setup', async () => {
    const bytes = writeXlsx([form, { name: '隐藏', rows: [['x']], state: 'veryHidden' }], {
      lockStructure: true,
    });
    const workbook = await loadWithExcelJs(bytes);
    const sheet = workbook.getWorksheet('表单');
    if (!sheet) throw new Error('sheet missing');
    expect(sheet.model.merges).toEqual(['A5:C5']);
    expect(sheet.getColumn(4).hidden).toBe(true);
    expect(sheet.getColumn(3).hidden).toBe(false);
    expect(sheet.getRow(1).height).toBe(30);
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printArea: 'A1:C5',
    });
    expect(workbook.getWorksheet('隐藏')?.state).toBe('veryHidden');
    const xml = strFromU8(unzipSync(bytes)['xl/workbook.xml'] ?? new Uint8Array());
    expect(xml).toContain('<workbookProtection lockStructure="1"/>');
    expect(xml).not.toMatch(/workbookPassword|workbookHashValue/u);
  });

  it('reads back through its own reader, hidden sheet marked', () => {
    const bytes = writeXlsx([form, { name: '隐藏', rows: [['x']], state: 'hidden' }]);
    expect(readXlsx(bytes)).toMatchObject({
      ok: true,
      sheets: [
        {
          name: '表单',
          rows: [
            ['项目', '满分', '得分'],
            ['甲', '10'],
            ['乙', '5'],
            ['合计', '15', '0'],
          ],
        },
        { name: '隐藏', rows: [['x']], hidden: true },
      ],
    });
  });

  it('refuses a malformed range or reference rather than write a file Excel would repair', () => {
    expect(() => writeXlsx([{ ...form, merges: ['A1-C1'] }])).toThrow(RangeError);
    expect(() => writeXlsx([{ name: 'S', rows: [], cells: { a1: {} } }])).toThrow(RangeError);
    expect(() =>
      writeXlsx([{ name: 'S', rows: [], cells: { A1: { style: { fill: 'yellow' } } } }]),
    ).toThrow(RangeError);
  });

  it('writes each distinct style once', () => {
    const styles = strFromU8(
      unzipSync(writeXlsx([form, { ...form, name: 'T' }]))['xl/styles.xml'] ?? new Uint8Array(),
    );
    // Fixed: default and header; one number format; then the three cell styles of the form.
    expect(styles).toContain('<cellXfs count="6">');
    expect(styles.match(/<protection locked="0"\/>/gu)).toHaveLength(1);
  });
});
