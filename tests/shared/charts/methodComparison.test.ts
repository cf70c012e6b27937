import { describe, expect, it } from 'vitest';
import { methodComparison, resultsByMethod } from '../../../shared/charts/methodComparison';
import { buildBase, buildExpert, buildRound } from '../../helpers/builders';
import { submittedSheet } from '../../helpers/chartRound';

// A strict expert S scored A 80 and B 70; a lenient expert L scored C 95 and D 85. With
// fewer than 5 sheets the trimmed mean is the mean, so mean and trimmed mean agree:
//   mean ranks C 95 (1, 优秀), D 85 (2, 良好), A 80 (3, 良好), B 70 (4, 合格).
// z-scores remove each expert's level. Pool 70 80 85 95: mean 82.5, SD √(325 / 3) ≈ 10.408.
// Each expert's two totals are 10 apart, so SD √50 and z = ±5 / √50 = ±0.7071:
//   A = C = 82.5 + 10.408 × 0.7071 ≈ 89.86 (both rank 1, 良好),
//   B = D = 82.5 − 7.36 ≈ 75.14 (both rank 3, 合格).
// C leaves 优秀 and D leaves 良好 under z-scores; A and B keep their grade.
const round = buildRound();
const strict = buildExpert(round.id, 'p', { name: '严' });
const lenient = buildExpert(round.id, 'p', { name: '宽' });
const a = buildBase(round.id, { name: 'A 实验室', code: 'A' });
const b = buildBase(round.id, { name: 'B 实验室', code: 'B' });
const c = buildBase(round.id, { name: 'C 实验室', code: 'C' });
const d = buildBase(round.id, { name: 'D 实验室', code: 'D' });
const unscored = buildBase(round.id, { name: 'E 实验室', code: 'E' });
const bases = [a, b, c, d, unscored];
const sheets = [
  submittedSheet(a, strict, 80),
  submittedSheet(b, strict, 70),
  submittedSheet(c, lenient, 95),
  submittedSheet(d, lenient, 85),
];
const byMethod = resultsByMethod(round, bases, sheets);

describe('methodComparison', () => {
  const chart = methodComparison({ byMethod, scope: { kind: 'type', type: 'A1' } });

  it('gives every scored base its rank under mean, trimmed mean and z-score', () => {
    expect(chart.methods).toEqual(['mean', 'trimmedMean', 'zScore']);
    expect(
      chart.rows.map((row) => [row.code, row.ranks.mean, row.ranks.trimmedMean, row.ranks.zScore]),
    ).toEqual([
      ['C', 1, 1, 1],
      ['D', 2, 2, 3],
      ['A', 3, 3, 1],
      ['B', 4, 4, 3],
    ]);
    expect(chart.of).toBe(4);
  });

  it('carries the scores and the method actually used (trimming falls back to the mean)', () => {
    const rowA = chart.rows.find((row) => row.code === 'A');
    expect(rowA?.scores.mean).toBe(80);
    expect(rowA?.scores.zScore).toBeCloseTo(89.86, 2);
    expect(rowA?.usedMethods).toEqual({ mean: 'mean', trimmedMean: 'mean', zScore: 'zScore' });
  });

  it('names the bases whose grade depends on the method', () => {
    expect(chart.gradeChanges.map((row) => [row.code, row.grades])).toEqual([
      ['C', { mean: 'excellent', trimmedMean: 'excellent', zScore: 'good' }],
      ['D', { mean: 'good', trimmedMean: 'good', zScore: 'pass' }],
    ]);
  });

  it('measures how far each base moves: A 3 → 1, B and D one place, C none', () => {
    expect(chart.rows.map((row) => [row.code, row.rankShift])).toEqual([
      ['C', 0],
      ['D', 1],
      ['A', 2],
      ['B', 1],
    ]);
    expect(chart.rankChanges).toBe(3);
  });

  it('shows only the bases in view but keeps the scope-wide rank axis', () => {
    const view = methodComparison({
      byMethod,
      scope: { kind: 'category', category: 'A' },
      visibleBaseIds: new Set([a.id, b.id]),
    });
    expect(view.rows.map((row) => row.code)).toEqual(['A', 'B']);
    expect(view.of).toBe(4);
  });

  it('agrees with the results selector run with each method', () => {
    for (const method of ['mean', 'trimmedMean', 'zScore'] as const) {
      const ranks = byMethod[method]
        .filter((row) => row.rankInType !== null)
        .map((row) => [row.base.code, row.rankInType]);
      expect(ranks).toEqual(
        bases
          .filter((base) => base !== unscored)
          .map((base) => [
            base.code,
            chart.rows.find((row) => row.code === base.code)?.ranks[method],
          ]),
      );
    }
  });
});
