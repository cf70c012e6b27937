import { describe, expect, it } from 'vitest';
import { filterOptions, filterResults } from '../../../shared/charts/filters';
import { computeRoundResults } from '../../../shared/domain/results';
import { buildChartRound } from '../../helpers/chartRound';

const fixture = buildChartRound();
const results = computeRoundResults(fixture.round, fixture.allBases, fixture.scoresheets);
const names = (rows: readonly { base: { name: string } }[]) => rows.map((row) => row.base.name);

describe('filterResults', () => {
  it('keeps every row when no filter is set', () => {
    expect(filterResults(results, {})).toHaveLength(5);
  });

  it('narrows by panel, category, type and city, each alone', () => {
    expect(names(filterResults(results, { panelId: fixture.panels.p2.id }))).toEqual([
      '丁实验室',
      '戊工程研究中心',
    ]);
    expect(names(filterResults(results, { category: 'B' }))).toEqual(['戊工程研究中心']);
    expect(names(filterResults(results, { type: 'A1' }))).toEqual([
      '甲实验室',
      '乙实验室',
      '丙实验室',
      '丁实验室',
    ]);
    expect(names(filterResults(results, { city: '沈阳' }))).toEqual(['甲实验室', '丙实验室']);
  });

  it('combines filters with AND and keeps the input order', () => {
    expect(names(filterResults(results, { category: 'A', city: '大连' }))).toEqual([
      '乙实验室',
      '丁实验室',
    ]);
    expect(filterResults(results, { type: 'B1', city: '沈阳' })).toEqual([]);
  });

  it('shows nothing of another round', () => {
    expect(filterResults(results, { roundId: fixture.round.id })).toHaveLength(5);
    expect(filterResults(results, { roundId: 'another-round' })).toEqual([]);
  });

  it('never changes the numbers of a base, only which bases are shown', () => {
    const [jia] = filterResults(results, { city: '沈阳' });
    expect(jia).toBe(results[0]);
    expect(jia?.rankInType).toBe(2); // its rank among all A1 bases of the round, not of 沈阳
  });
});

describe('filterOptions', () => {
  it('offers only values some base has, in taxonomy order', () => {
    expect(filterOptions(results)).toEqual({
      panelIds: [fixture.panels.p1.id, fixture.panels.p2.id].sort(),
      categories: ['A', 'B'],
      types: ['A1', 'B1'],
      cities: ['沈阳', '大连', '鞍山'],
    });
  });
});
