import { describe, expect, it } from 'vitest';
import { filterResults } from '../../../shared/charts/filters';
import { overview } from '../../../shared/charts/overview';
import { computeRoundResults } from '../../../shared/domain/results';
import { buildChartRound } from '../../helpers/chartRound';

// Bases: 甲 沈阳 A1 85 良好 · 乙 大连 A1 94 优秀 · 丙 沈阳 A1 58 不合格 · 丁 大连 A1 unscored ·
// 戊 鞍山 B1 90 优秀.
const fixture = buildChartRound();
const results = computeRoundResults(fixture.round, fixture.allBases, fixture.scoresheets);
const data = overview({
  results,
  scoresheets: fixture.scoresheets,
  decisions: fixture.decisions,
});

describe('overview', () => {
  it('counts bases by category, type, city and grade with their shares', () => {
    expect(data.total).toBe(5);
    expect(data.scored).toBe(4);
    expect(data.byCategory).toEqual([
      { key: 'A', count: 4, share: 0.8 },
      { key: 'B', count: 1, share: 0.2 },
    ]);
    expect(data.byType.map((row) => [row.key, row.count])).toEqual([
      ['A1', 4],
      ['B1', 1],
    ]);
    // Ties (沈阳 2, 大连 2) keep the roster's city order.
    expect(data.byCity.map((row) => [row.key, row.count, row.share])).toEqual([
      ['沈阳', 2, 0.4],
      ['大连', 2, 0.4],
      ['鞍山', 1, 0.2],
    ]);
    expect(data.byGrade.map((row) => [row.key, row.count])).toEqual([
      ['excellent', 2],
      ['good', 1],
      ['fail', 1],
      ['unscored', 1],
    ]);
  });

  it('fills the city × type table with counts and mean scores of scored bases', () => {
    // 沈阳 × A1: (85 + 58) / 2 = 71.5; 大连 × A1: only 乙 is scored → 94; 鞍山 × B1: 90.
    expect(data.cityType.cities).toEqual(['沈阳', '大连', '鞍山']);
    expect(data.cityType.types).toEqual(['A1', 'B1']);
    expect(
      data.cityType.cells.map((cell) => [
        cell.city,
        cell.type,
        cell.count,
        cell.scored,
        cell.meanScore,
      ]),
    ).toEqual([
      ['沈阳', 'A1', 2, 2, 71.5],
      ['大连', 'A1', 2, 1, 94],
      ['鞍山', 'B1', 1, 1, 90],
    ]);
    // A1: (85 + 94 + 58) / 3 = 79.
    expect(data.cityType.typeMeans).toEqual({ A1: 79, B1: 90 });
    expect(data.cityType.cityMeans).toEqual({ 沈阳: 71.5, 大连: 94, 鞍山: 90 });
  });

  it("sets the experts' recommendations beside the secretariat's decisions", () => {
    // Counted recommendations: 甲 1 限期整改 + 4 保留, 乙 5 纳入, 丙 3 限期整改 (the recused
    // sheet's 纳入 does not count) → 13. Decisions: 甲 保留, 丙 撤销 → 2.
    expect(data.recommendations).toBe(13);
    expect(data.decisions).toBe(2);
    const byCode = Object.fromEntries(data.dispositions.map((row) => [row.code, row]));
    expect(byCode.include).toMatchObject({ recommended: 5, recommendedShare: 5 / 13, decided: 0 });
    expect(byCode.keepAdjust).toMatchObject({
      recommended: 4,
      recommendedShare: 4 / 13,
      decided: 1,
      decidedShare: 0.5,
    });
    expect(byCode.rectify).toMatchObject({ recommended: 4, decided: 0 });
    expect(byCode.revoke).toMatchObject({ recommended: 0, decided: 1, decidedShare: 0.5 });
    expect(data.dispositions.map((row) => row.code)).toEqual([
      'include',
      'keepAdjust',
      'rectify',
      'merge',
      'convert',
      'revoke',
    ]);
  });

  it('follows the filters: only 沈阳', () => {
    const shenyang = overview({
      results: filterResults(results, { city: '沈阳' }),
      scoresheets: fixture.scoresheets,
      decisions: fixture.decisions,
    });
    expect(shenyang.total).toBe(2);
    expect(shenyang.byCity).toEqual([{ key: '沈阳', count: 2, share: 1 }]);
    expect(shenyang.recommendations).toBe(8); // 甲 5 + 丙 3
    expect(shenyang.decisions).toBe(2);
  });

  it('gives zero shares, not NaN, when nothing is in view', () => {
    const empty = overview({ results: [], scoresheets: fixture.scoresheets });
    expect(empty.total).toBe(0);
    expect(empty.byCity).toEqual([]);
    expect(empty.dispositions.every((row) => row.recommendedShare === 0)).toBe(true);
  });
});
