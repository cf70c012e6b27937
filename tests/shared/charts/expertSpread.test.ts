import { describe, expect, it } from 'vitest';
import { expertSpread, quantileSorted } from '../../../shared/charts/expertSpread';
import { median } from '../../../shared/domain/statistics';
import { computeRoundResults } from '../../../shared/domain/results';
import { buildChartRound } from '../../helpers/chartRound';

const fixture = buildChartRound();
const results = computeRoundResults(fixture.round, fixture.allBases, fixture.scoresheets);

describe('quantileSorted (Hyndman–Fan type 7, Excel QUARTILE.INC)', () => {
  it('interpolates between order statistics at h = (n − 1)·p', () => {
    // [1 2 3 4]: Q1 at h = 0.75 → 1 + 0.75 × 1 = 1.75; Q3 at h = 2.25 → 3 + 0.25 × 1 = 3.25.
    expect(quantileSorted([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([1, 2, 3, 4], 0.75)).toBe(3.25);
    expect(quantileSorted([1, 2, 3, 4], 0)).toBe(1);
    expect(quantileSorted([1, 2, 3, 4], 1)).toBe(4);
  });

  it('agrees with the domain median and handles one value and none', () => {
    for (const values of [[7], [1, 9], [3, 5, 8], [60, 70, 71, 90]]) {
      expect(quantileSorted(values, 0.5)).toBe(median(values));
    }
    expect(quantileSorted([42], 0.25)).toBe(42);
    expect(quantileSorted([], 0.5)).toBeNull();
    expect(() => quantileSorted([1], 1.5)).toThrow(RangeError);
  });
});

describe('expertSpread', () => {
  const rows = expertSpread({
    results,
    scoresheets: fixture.scoresheets,
    experts: fixture.experts,
  });

  it('gives min, quartiles, median and max per scored base, in ranking order', () => {
    // 甲 [70 80 85 90 95]: h = 1, 2, 3 → Q1 80, median 85, Q3 90.
    // 乙 [90 92 94 96 98]: → 92, 94, 96.
    // 丙 [50 60 64]: Q1 at h = 0.5 → 55; median 60; Q3 at h = 1.5 → 62.
    // 戊 [88 92]: Q1 at h = 0.25 → 89; median 90; Q3 at h = 0.75 → 91.
    expect(
      rows.map((row) => [row.name, row.n, row.min, row.q1, row.median, row.q3, row.max]),
    ).toEqual([
      ['乙实验室', 5, 90, 92, 94, 96, 98],
      ['甲实验室', 5, 70, 80, 85, 90, 95],
      ['丙实验室', 3, 50, 55, 60, 62, 64],
      ['戊工程研究中心', 2, 88, 89, 90, 91, 92],
    ]);
  });

  it('leaves out bases without a valid rating and ignores recused and draft sheets', () => {
    expect(rows.some((row) => row.name === '丁实验室')).toBe(false);
    // 丙's recused 100 would otherwise be its max.
    expect(rows.find((row) => row.name === '丙实验室')?.max).toBe(64);
  });

  it('flags the disagreement exactly as the results do (range 25 > 20)', () => {
    expect(rows.filter((row) => row.isDisagreement).map((row) => [row.name, row.range])).toEqual([
      ['甲实验室', 25],
    ]);
  });

  it('lists every expert total as a dot with the expert name, highest first', () => {
    expect(rows[2]?.experts.map((dot) => [dot.expertName, dot.total])).toEqual([
      ['孙三', 64],
      ['钱二', 60],
      ['赵一', 50],
    ]);
  });
});
