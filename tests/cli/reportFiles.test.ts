import { describe, expect, it } from 'vitest';
import { reportCsv } from '../../cli/reportFiles';
import type { Report, ReportRow } from '../../cli/reportRows';

const row = (overrides: Partial<ReportRow>): ReportRow => ({
  id: 'base-1',
  name: '辽宁省示例重点实验室',
  type: 'A1',
  city: '沈阳',
  sheets: 5,
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

const csv = (rows: ReportRow[]): string[] =>
  reportCsv({ round: 'r', method: 'trimmed', bases: rows } satisfies Report)
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
