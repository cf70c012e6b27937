import { describe, expect, it } from 'vitest';
import { baseHistory } from '../../../shared/charts/history';
import { buildBase, buildDecision, buildExpert, buildRound } from '../../helpers/builders';
import { submittedSheet } from '../../helpers/chartRound';
import type { Round } from '../../../shared/domain/types';

const CODE = 'LN-A1-001';

function roundWith(overrides: Partial<Round>, name: string, totals: number[]) {
  const round = buildRound(overrides);
  const base = buildBase(round.id, { code: CODE, name });
  const other = buildBase(round.id, { code: 'LN-A1-999', name: '另一实验室' });
  const [first, ...rest] = totals.map(() => buildExpert(round.id, 'p'));
  if (!first) throw new Error('a round needs at least one sheet');
  const experts = [first, ...rest];
  const scoresheets = [
    ...totals.map((total, i) => submittedSheet(base, experts[i] ?? first, total)),
    submittedSheet(other, first, 99),
  ];
  return { round, bases: [other, base], scoresheets, base };
}

// 2019, rule mean: 50 60 61 62 90 → 323 / 5 = 64.6 合格 (the trimmed mean would be 61).
const r2019 = roundWith(
  { year: 2019, aggregation: { method: 'mean', trimCount: 1, trimMinSheets: 5 } },
  '辽宁省某重点实验室（原名）',
  [50, 60, 61, 62, 90],
);
// 2021, rule trimmed mean: 70 80 81 82 99 → (80 + 81 + 82) / 3 = 81 良好 (the mean is 82.4).
const r2021 = roundWith({ year: 2021 }, '辽宁省某重点实验室', [70, 80, 81, 82, 99]);
// 2023, rule median: 85 90 95 → 90 优秀.
const r2023 = roundWith(
  { year: 2023, aggregation: { method: 'median', trimCount: 1, trimMinSheets: 5 } },
  '辽宁省某重点实验室',
  [85, 90, 95],
);
// A round without the base.
const unrelated = buildRound({ year: 2022 });

describe('baseHistory', () => {
  const history = baseHistory(CODE, [
    r2023,
    { ...r2019, decisions: [buildDecision(r2019.base, { disposition: { code: 'rectify' } })] },
    { round: unrelated, bases: [], scoresheets: [] },
    r2021,
  ]);

  it("gives the base's aggregate in every round that has it, oldest first, by each round's rule", () => {
    expect(
      history.map((point) => [
        point.year,
        point.aggregate,
        point.ruleMethod,
        point.method,
        point.grade,
      ]),
    ).toEqual([
      [2019, 64.6, 'mean', 'mean', 'pass'],
      [2021, 81, 'trimmedMean', 'trimmedMean', 'good'],
      [2023, 90, 'median', 'median', 'excellent'],
    ]);
  });

  it("keeps each round's name of the base and its final decision", () => {
    expect(history.map((point) => point.name)).toEqual([
      '辽宁省某重点实验室（原名）',
      '辽宁省某重点实验室',
      '辽宁省某重点实验室',
    ]);
    expect(history.map((point) => point.decision)).toEqual(['rectify', undefined, undefined]);
  });

  it('ranks the base within its type in each round', () => {
    // The other base scores 99 with one sheet everywhere, so ours is second of two.
    expect(history.map((point) => [point.rankInType, point.typeCount, point.sheets])).toEqual([
      [2, 2, 5],
      [2, 2, 5],
      [2, 2, 3],
    ]);
  });

  it('is empty for a code no round has', () => {
    expect(baseHistory('LN-X', [r2019, r2021])).toEqual([]);
  });
});
