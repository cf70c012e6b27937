import { describe, expect, it } from 'vitest';
import { formatReportNumber, toReportCsv } from '../../../shared/report/csv';

describe('report CSV', () => {
  it('starts with a byte-order mark and ends every line, the last one too, with CRLF', () => {
    expect(
      toReportCsv([
        ['基地', '得分'],
        ['甲', 90],
      ]),
    ).toBe('\uFEFF基地,得分\r\n甲,90\r\n');
  });

  it('writes numbers with 2 decimals (integers as they are), 是/否 and empty cells for null', () => {
    expect(toReportCsv([[85.125, 85, 2.5, 1 / 3, true, false, null]])).toBe(
      '\uFEFF85.13,85,2.50,0.33,是,否,\r\n',
    );
    expect(formatReportNumber(-0.5)).toBe('-0.50');
  });

  it('quotes commas, quotes and line breaks, and defuses text a spreadsheet would run', () => {
    expect(toReportCsv([['甲,乙"丙"', '第一行\n第二行', '=HYPERLINK("http://x","点击")']])).toBe(
      `\uFEFF"甲,乙""丙""","第一行\n第二行","'=HYPERLINK(""http://x"",""点击"")"\r\n`,
    );
    expect(toReportCsv([['辽宁省=实验室', '+86 24']])).toBe(`\uFEFF辽宁省=实验室,'+86 24\r\n`);
  });
});
