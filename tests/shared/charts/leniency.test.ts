import { describe, expect, it } from 'vitest';
import { leniencyChart } from '../../../shared/charts/leniency';
import { computeRoundResults } from '../../../shared/domain/results';
import { filterResults } from '../../../shared/charts/filters';
import { buildChartRound } from '../../helpers/chartRound';

// Own total minus the mean of the other experts on the same base:
//   甲 70 80 85 90 95: e1 70 − 87.5 = −17.5, e2 80 − 85 = −5, e3 85 − 83.75 = 1.25,
//                      e4 90 − 82.5 = 7.5,  e5 95 − 81.25 = 13.75
//   乙 90 92 94 96 98: e1 −5, e2 −2.5, e3 0, e4 2.5, e5 5
//   丙 50 60 64:       e1 50 − 62 = −12, e2 60 − 57 = 3, e3 64 − 55 = 9
//   戊 92 88:          e6 +4, e7 −4
// Leniency (mean): e1 −34.5 / 3 = −11.5 (3 bases), e2 −4.5 / 3 = −1.5 (3), e3 10.25 / 3 ≈ 3.417 (3),
//                  e4 10 / 2 = 5 (2), e5 18.75 / 2 = 9.375 (2), e6 4 (1), e7 −4 (1).
const fixture = buildChartRound();
const results = computeRoundResults(fixture.round, fixture.allBases, fixture.scoresheets);
const input = { results, scoresheets: fixture.scoresheets, experts: fixture.experts };

describe('leniencyChart', () => {
  it("gives each expert's mean deviation from co-raters, most lenient first", () => {
    const chart = leniencyChart(input);
    expect(chart.rows.map((row) => [row.expertName, row.leniency, row.basesCompared])).toEqual([
      ['周五', 9.375, 2],
      ['李四', 5, 2],
      ['吴六', 4, 1],
      ['孙三', 10.25 / 3, 3],
      ['钱二', -1.5, 3],
      ['郑七', -4, 1],
      ['赵一', -11.5, 3],
    ]);
  });

  it('names the experts outside the default ± 5 band compared on at least 3 bases', () => {
    const chart = leniencyChart(input);
    expect(chart.band).toEqual({ kind: 'fixed', halfWidth: 5, low: -5, high: 5 });
    expect(chart.outliers.map((row) => [row.expertName, row.direction])).toEqual([
      ['赵一', 'strict'],
    ]);
    // 周五 (+9.375) is outside the band but compared on 2 bases only: drawn, not named.
    expect(chart.rows[0]).toMatchObject({ isOutside: false, isTooFewBases: true });
  });

  it('treats the band edge as normal: 李四 at exactly +5 is not named', () => {
    const chart = leniencyChart({ ...input, minBasesCompared: 2 });
    expect(chart.outliers.map((row) => [row.expertName, row.leniency])).toEqual([
      ['赵一', -11.5],
      ['周五', 9.375],
    ]);
    expect(chart.rows.find((row) => row.expertName === '李四')?.isOutside).toBe(false);
  });

  it('can use ± k SD of the leniencies as the band instead', () => {
    // Experts with ≥ 3 bases: −11.5, −1.5, 41/12. Mean −115/36 ≈ −3.194; squared deviations
    // ≈ 68.98 + 2.87 + 43.71 = 115.56; / (3 − 1) = 57.78; SD ≈ 7.601. Only 赵一 (|−11.5|) is outside.
    const chart = leniencyChart({ ...input, band: { kind: 'sd', k: 1 } });
    expect(chart.band.halfWidth).toBeCloseTo(7.601, 3);
    expect(chart.outliers.map((row) => row.expertName)).toEqual(['赵一']);
    const wide = leniencyChart({ ...input, band: { kind: 'sd', k: 2 } });
    expect(wide.band.halfWidth).toBeCloseTo(15.203, 3);
    expect(wide.outliers).toEqual([]);
  });

  it('compares experts only on the bases in view', () => {
    // Panel P2 holds 丁 (unscored) and 戊: only e6 (+4) and e7 (−4) remain.
    const chart = leniencyChart({
      ...input,
      results: filterResults(results, { panelId: fixture.panels.p2.id }),
    });
    expect(chart.rows.map((row) => [row.expertName, row.leniency])).toEqual([
      ['吴六', 4],
      ['郑七', -4],
    ]);
  });
});
