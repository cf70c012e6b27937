// The chair's 历年评估 with the lines a registry bundle brought: expected points written by
// hand from the lines and the database's points below.
import { describe, expect, it } from 'vitest';
import type { HistoryPoint } from '../../../shared/charts/history';
import {
  mergeRegistryHistory,
  registryHistoryPoints,
} from '../../../shared/charts/registryHistory';
import type { RegistryHistoryLine } from '../../../shared/charts/registryHistory';

const CODE = 'LN-A1-0007';

const line = (
  overrides: Partial<RegistryHistoryLine> & Pick<RegistryHistoryLine, 'roundId' | 'year'>,
): RegistryHistoryLine => ({
  code: CODE,
  name: '辽宁省先进材料重点实验室',
  roundName: `${overrides.year}年度省级科技创新基地定期评估`,
  version: 1,
  aggregate: 70,
  method: 'trimmedMean',
  grade: 'pass',
  ...overrides,
});

// 2021: 58 不合格, 限期整改 (the registry's first line of the base).
const l2021 = line({
  roundId: 'r-2021',
  year: 2021,
  aggregate: 58,
  grade: 'fail',
  disposition: 'rectify',
});
// 2022: the follow-up round: 74 合格 (90/80/60), 保留并调整方向.
const l2022 = line({
  roundId: 'r-2022',
  year: 2022,
  aggregate: 74,
  grade: 'pass',
  disposition: 'keepAdjust',
});
// A line of another base in the same bundle.
const other = line({ roundId: 'r-2021', year: 2021, code: 'LN-B4-0001', aggregate: 91 });

// The database's round of 2022 holding the same base (its full records win over l2022).
const db2022: HistoryPoint = {
  roundId: 'r-2022',
  roundName: '2022年度省级科技创新基地定期评估',
  year: 2022,
  baseId: 'b-2022-7',
  name: '辽宁省先进材料重点实验室',
  type: 'A1',
  aggregate: 74.5,
  ruleMethod: 'trimmedMean',
  method: 'trimmedMean',
  grade: 'pass',
  rankInType: 3,
  typeCount: 12,
  sheets: 5,
};
// The round being run now, from the registry bundle: no score yet.
const db2024: HistoryPoint = {
  roundId: 'r-2024',
  roundName: '2024年度省级科技创新基地复评',
  year: 2024,
  baseId: 'b-2024-7',
  name: '辽宁省先进材料重点实验室',
  type: 'A1',
  aggregate: null,
  ruleMethod: 'trimmedMean',
  method: 'trimmedMean',
  grade: null,
  rankInType: null,
  typeCount: 1,
  sheets: 0,
};

const fromRegistry2021: HistoryPoint = {
  roundId: 'r-2021',
  roundName: '2021年度省级科技创新基地定期评估',
  year: 2021,
  name: '辽宁省先进材料重点实验室',
  aggregate: 58,
  method: 'trimmedMean',
  grade: 'fail',
  rankInType: null,
  typeCount: null,
  sheets: null,
  decision: 'rectify',
  isFromRegistry: true,
};
const fromRegistry2022: HistoryPoint = {
  roundId: 'r-2022',
  roundName: '2022年度省级科技创新基地定期评估',
  year: 2022,
  name: '辽宁省先进材料重点实验室',
  aggregate: 74,
  method: 'trimmedMean',
  grade: 'pass',
  rankInType: null,
  typeCount: null,
  sheets: null,
  decision: 'keepAdjust',
  isFromRegistry: true,
};

describe('registryHistoryPoints', () => {
  it("turns the base's registry lines into points, oldest first, leaving other bases out", () => {
    expect(registryHistoryPoints(CODE, [l2022, other, l2021])).toEqual([
      fromRegistry2021,
      fromRegistry2022,
    ]);
  });

  it('keeps the newest closing version when two lines name the same round', () => {
    const older = { ...l2022, version: 1, aggregate: 72 };
    const newer = { ...l2022, version: 2, aggregate: 74 };
    const points = registryHistoryPoints(CODE, [newer, older]);
    expect(points.map((p) => [p.roundId, p.aggregate])).toEqual([['r-2022', 74]]);
  });
});

describe('mergeRegistryHistory', () => {
  it('shows the registry rounds before the rounds of this database, by year', () => {
    expect(mergeRegistryHistory(CODE, [db2024], [l2022, l2021])).toEqual([
      fromRegistry2021,
      fromRegistry2022,
      db2024,
    ]);
  });

  it("lets a round held in this database win over the registry's line of the same round", () => {
    expect(mergeRegistryHistory(CODE, [db2022, db2024], [l2021, l2022, other])).toEqual([
      fromRegistry2021,
      db2022,
      db2024,
    ]);
  });

  it('places a registry round of the same year before the database round of that year', () => {
    const l2024 = line({ roundId: 'r-2024-spring', year: 2024, aggregate: 66 });
    const merged = mergeRegistryHistory(CODE, [db2022, db2024], [l2024]);
    expect(merged.map((p) => p.roundId)).toEqual(['r-2022', 'r-2024-spring', 'r-2024']);
  });

  it('gives the registry points alone when no round here holds the base', () => {
    expect(mergeRegistryHistory(CODE, [], [l2021])).toEqual([fromRegistry2021]);
  });

  it('gives the database points unchanged without registry lines', () => {
    expect(mergeRegistryHistory(CODE, [db2022, db2024], [])).toEqual([db2022, db2024]);
  });
});
