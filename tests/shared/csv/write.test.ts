// Exported CSV opens in Excel as text and numbers, never as formulas.
import { describe, expect, it } from 'vitest';
import { csvField, defuseFormula, toCsv } from '../../../shared/csv/write';

describe('CSV writer', () => {
  it('writes a BOM and CRLF after every line, quoting commas, quotes and line breaks', () => {
    expect(
      toCsv([
        ['名称', '分数', '通过', '备注'],
        ['甲,乙', 92.5, true, null],
        ['"引号"', -1, false, '两\n行'],
      ]),
    ).toBe('\uFEFF名称,分数,通过,备注\r\n"甲,乙",92.5,是,\r\n"""引号""",-1,否,"两\n行"\r\n');
  });

  it('writes numbers at full precision unless the caller formats them', () => {
    expect(csvField(1 / 3)).toBe(String(1 / 3));
    expect(toCsv([[1 / 3, 2]], { formatNumber: (n) => n.toFixed(1) })).toBe('\uFEFF0.3,2.0\r\n');
  });

  it('puts an apostrophe before text a spreadsheet would run as a formula, once', () => {
    expect(
      ['=1+1', '+86 138', '-5', '@SUM(A1)', '\tx', '\rx', '李明', '1=1'].map(defuseFormula),
    ).toEqual(["'=1+1", "'+86 138", "'-5", "'@SUM(A1)", "'\tx", "'\rx", '李明', '1=1']);
    expect(defuseFormula(defuseFormula('=1+1'))).toBe("'=1+1");
    expect(csvField('=HYPERLINK("http://x","点击")')).toBe(`"'=HYPERLINK(""http://x"",""点击"")"`);
  });
});
