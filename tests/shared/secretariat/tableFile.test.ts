// Exported tables open in Excel as text and numbers, never as formulas.
import { describe, expect, it } from 'vitest';
import { formulaSafe, toCsv } from '../../../shared/secretariat/tableFile';

describe('exported tables', () => {
  it('puts an apostrophe before text a spreadsheet would run as a formula', () => {
    expect(
      ['=1+1', '+86 138', '-5', '@SUM(A1)', '\tx', '\rx', '李明', '1=1'].map(formulaSafe),
    ).toEqual(["'=1+1", "'+86 138", "'-5", "'@SUM(A1)", "'\tx", "'\rx", '李明', '1=1']);
  });

  it('writes CSV with a BOM and CRLF, quoting commas, quotes and line breaks', () => {
    expect(
      toCsv([
        ['名称', '分数', '通过', '备注'],
        ['甲,乙', 92.5, true, null],
        ['"引号"', -1, false, '两\n行'],
      ]),
    ).toBe('\uFEFF名称,分数,通过,备注\r\n"甲,乙",92.5,是,\r\n"""引号""",-1,否,"两\n行"\r\n');
  });
});
