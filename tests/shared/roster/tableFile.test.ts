import { describe, expect, it } from 'vitest';
import { readTableFile } from '../../../shared/roster';
import type { TextDecoders } from '../../../shared/roster';
import { writeXlsx } from '../../../shared/xlsx';
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
      message: '不支持旧版 .xls 文件，请在 Excel 中另存为 .xlsx 或 CSV 后再导入。',
    });
  });

  it('refuses other file types, naming the extension', () => {
    expect(readTableFile('名单.docx', new Uint8Array([1]))).toEqual({
      ok: false,
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
      message: '文件「a.xlsx」中的工作表都是空的。',
    });
    expect(readTableFile('a.csv', new TextEncoder().encode(',,\n\n'))).toEqual({
      ok: false,
      message: '文件「a.csv」是空的。',
    });
  });
});
