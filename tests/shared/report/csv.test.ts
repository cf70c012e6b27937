import { describe, expect, it } from 'vitest';
import { csvField, defuseFormula, formatReportNumber, toCsv } from '../../../shared/report/csv';

describe('report CSV encoding', () => {
  it('starts with a byte-order mark and ends every line, the last one too, with CRLF', () => {
    expect(
      toCsv([
        ['基地', '得分'],
        ['甲', 90],
      ]),
    ).toBe('\uFEFF基地,得分\r\n甲,90\r\n');
  });

  it('writes numbers with 2 decimals (integers as they are), 是/否 and empty cells for null', () => {
    expect([85.125, 85, 2.5, 1 / 3, true, false, null].map(csvField)).toEqual([
      '85.13',
      '85',
      '2.50',
      '0.33',
      '是',
      '否',
      '',
    ]);
    expect(formatReportNumber(-0.5)).toBe('-0.50');
  });

  it('quotes commas, quotes and line breaks', () => {
    expect(csvField('甲,乙"丙"')).toBe('"甲,乙""丙"""');
    expect(csvField('第一行\n第二行')).toBe('"第一行\n第二行"');
  });

  it('defuses text a spreadsheet would run as a formula, once', () => {
    for (const text of ['=1+1', '+86 24', '-5', '@SUM(A1)', '\tx', '\rx']) {
      expect(defuseFormula(text)).toBe(`'${text}`);
      expect(defuseFormula(defuseFormula(text))).toBe(`'${text}`);
    }
    expect(defuseFormula('辽宁省=实验室')).toBe('辽宁省=实验室');
    expect(csvField('=HYPERLINK("http://x","点击")')).toBe(`"'=HYPERLINK(""http://x"",""点击"")"`);
  });
});
