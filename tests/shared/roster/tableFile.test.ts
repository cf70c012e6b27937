import { describe, expect, it } from 'vitest';
import { readTableFile } from '../../../shared/roster';
import type { TextDecoders } from '../../../shared/roster';
import { createWorkMeter, writeXlsx } from '../../../shared/xlsx';
import { excelWorkbook } from '../../helpers/xlsxBuilders';

/** 基地名称,基地类型\r\n沈阳材料中心,重点实验室\r\n in GBK, as older Excel saves CSV. */
const GBK_CSV = Uint8Array.from([
  0xbb, 0xf9, 0xb5, 0xd8, 0xc3, 0xfb, 0xb3, 0xc6, 0x2c, 0xbb, 0xf9, 0xb5, 0xd8, 0xc0, 0xe0, 0xd0,
  0xcd, 0x0d, 0x0a, 0xc9, 0xf2, 0xd1, 0xf4, 0xb2, 0xc4, 0xc1, 0xcf, 0xd6, 0xd0, 0xd0, 0xc4, 0x2c,
  0xd6, 0xd8, 0xb5, 0xe3, 0xca, 0xb5, 0xd1, 0xe9, 0xca, 0xd2, 0x0d, 0x0a,
]);

describe('readTableFile', () => {
  it('reads the first sheet with content of an .xlsx, skipping empty and hidden sheets', async () => {
    const bytes = await excelWorkbook([
      { name: '空白', rows: [] },
      { name: '下拉', rows: [['A1', 'B1']], hidden: true },
      { name: '名单', rows: [['辽宁省科技创新基地名单'], ['基地名称', '基地类型']] },
    ]);
    expect(readTableFile('名单.XLSX', bytes)).toEqual({
      ok: true,
      rows: [['辽宁省科技创新基地名单'], ['基地名称', '基地类型']],
      sheetName: '名单',
    });
  });

  it('reads a GBK CSV saved by older Excel and says so', () => {
    expect(new TextDecoder('gbk').decode(GBK_CSV)).toContain('沈阳材料中心');
    expect(readTableFile('roster.csv', GBK_CSV)).toEqual({
      ok: true,
      rows: [
        ['基地名称', '基地类型'],
        ['沈阳材料中心', '重点实验室'],
      ],
      encoding: 'gbk',
    });
  });

  it('reads a UTF-8 CSV with a BOM and a .txt the same way', () => {
    const bytes = new TextEncoder().encode('\uFEFF基地名称,基地类型\n"沈阳,材料",A1\n');
    const expected = {
      ok: true,
      rows: [
        ['基地名称', '基地类型'],
        ['沈阳,材料', 'A1'],
      ],
      encoding: 'utf-8',
    };
    expect(readTableFile('a.csv', bytes)).toEqual(expected);
    expect(readTableFile('a.txt', bytes)).toEqual(expected);
  });

  it('uses the decoders it is given', () => {
    const decoders: TextDecoders = { utf8: () => 'x,y\n', gbk: () => 'x,y\n' };
    expect(readTableFile('a.csv', new Uint8Array([1]), decoders)).toEqual({
      ok: true,
      rows: [['x', 'y']],
      encoding: 'utf-8',
    });
  });

  it('refuses old .xls files with advice to save as .xlsx or CSV', () => {
    expect(readTableFile('名单.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]))).toEqual({
      ok: false,
      code: 'oldXls',
      message: '不支持旧版 .xls 文件，请在 Excel 中另存为 .xlsx 或 CSV 后再导入。',
    });
  });

  it('refuses other file types, naming the extension', () => {
    expect(readTableFile('名单.docx', new Uint8Array([1]))).toEqual({
      ok: false,
      code: 'unsupportedType',
      message: '不支持的文件类型「.docx」，请选择 Excel（.xlsx）或 CSV 文件。',
    });
    expect(readTableFile('名单', new Uint8Array([1])).ok).toBe(false);
  });

  it('refuses an .xlsx that is not one, and a workbook or CSV with nothing in it', () => {
    const notXlsx = readTableFile('a.xlsx', new TextEncoder().encode('基地名称,基地类型'));
    expect(notXlsx.ok).toBe(false);
    expect(notXlsx.ok ? '' : notXlsx.message).toMatch(/^不是有效的 Excel 文件（\.xlsx）/u);
    expect(readTableFile('a.xlsx', writeXlsx([{ name: 'S', rows: [['', ' ']] }]))).toEqual({
      ok: false,
      code: 'empty',
      message: '文件「a.xlsx」中的工作表都是空的。',
    });
    expect(readTableFile('a.csv', new TextEncoder().encode(',,\n\n'))).toEqual({
      ok: false,
      code: 'empty',
      message: '文件「a.csv」是空的。',
    });
  });
});

describe('readTableFile tells bad files from its own failures', () => {
  const enc = (text: string): Uint8Array => new TextEncoder().encode(text);

  it('refuses a CSV whose quote never closes, naming the row where it opened', () => {
    const csv = '基地名称,基地类型\n沈阳材料中心,A1\n"大连化工中心,B1\n营口港口中心,B2\n';
    expect(readTableFile('名单.csv', enc(csv))).toEqual({
      ok: false,
      code: 'unclosedQuote',
      row: 3,
      message:
        '文件「名单.csv」第 3 行有一个双引号（"）没有配对：从它开始直到文件末尾都会被当成同一个单元格，因此无法读取。请检查该行的引号是否成对，或在 Excel 中打开后重新另存为 CSV。',
    });
  });

  it('still reads a quoted cell that spans lines and closes', () => {
    const csv = '基地名称,备注\n沈阳材料中心,"第一行\n第二行"\n大连化工中心,无\n';
    expect(readTableFile('名单.csv', enc(csv))).toEqual({
      ok: true,
      rows: [
        ['基地名称', '备注'],
        ['沈阳材料中心', '第一行\n第二行'],
        ['大连化工中心', '无'],
      ],
      encoding: 'utf-8',
    });
  });

  it('refuses a CSV over the row limit in one sentence', () => {
    const result = readTableFile('名单.csv', enc('a\nb\nc\n'), undefined, {
      csvLimits: { maxRows: 2 },
    });
    expect(result).toEqual({
      ok: false,
      code: 'tooLarge',
      message: '文件「名单.csv」超过 2 行，无法读取。请拆分后分别导入。',
    });
  });

  it('reports a failure of its own code as an internal error, not as a bad file', () => {
    const failing: TextDecoders = {
      utf8: () => {
        throw new TypeError('decoder bug');
      },
      gbk: () => '',
    };
    const result = readTableFile('名单.csv', enc('a,b\n'), failing);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.code).toBe('internal');
    expect(result.ok ? '' : result.message).toMatch(/^读取时发生内部错误/u);
  });

  it('reports an exception inside the .xlsx reader as an internal error, not "not an Excel file"', () => {
    const bytes = writeXlsx([{ name: 'S', rows: [['基地名称']] }]);
    // A platform call failing under the reader stands for a bug in our code.
    Object.defineProperty(bytes, 'subarray', {
      value: () => {
        throw new TypeError('bug');
      },
    });
    const result = readTableFile('名单.xlsx', bytes);
    expect(result.ok ? '' : result.code).toBe('internal');
    expect(result.ok ? '' : result.message).toMatch(/^读取时发生内部错误/u);
  });

  it('reads a UTF-8 CSV with a byte-order mark as UTF-8, even without Chinese, and counts its text', () => {
    const meter = createWorkMeter();
    expect(readTableFile('a.csv', enc('\uFEFFx,y\n1,2\n'), undefined, { meter })).toEqual({
      ok: true,
      rows: [
        ['x', 'y'],
        ['1', '2'],
      ],
      encoding: 'utf-8',
    });
    // The decoder drops the mark: "x,y\n1,2\n" is 8 characters.
    expect(meter.csvChars).toBe(8);
  });
});
