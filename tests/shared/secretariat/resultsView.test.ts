// The results table's rows, filters, methods side by side and quota warnings, on a round
// whose totals are chosen so every number can be checked by hand.
import { describe, expect, it } from 'vitest';
import { computeRoundResults } from '../../../shared/domain/results';
import {
  buildResultRows,
  filterResultRows,
  methodCells,
  percentText,
  quotaView,
} from '../../../shared/secretariat/resultsView';
import {
  buildBase,
  buildDecision,
  buildExpert,
  buildPanel,
  buildRound,
  buildScoresheet,
} from '../../helpers/builders';

function must<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('missing test record');
  return value;
}

// Three experts; the totals of each base's three submitted sheets:
// a1 95/93/94 → 94 优秀 · a2 91/90/92 → 91 优秀 · a3 85/80/75 → 80 良好 · a4 50/55/60 → 55 不合格
// a5 no sheet · b1 (B4) 50/80/56 → 62 合格, range 30 > 20: disagreement.
function sample() {
  const round = buildRound();
  const north = buildPanel(round.id, { name: '沈阳一组' });
  const south = buildPanel(round.id, { name: '大连组' });
  const experts = [1, 2, 3].map((i) => buildExpert(round.id, north.id, { name: `专家${i}` }));
  const base = (name: string, extra = {}) =>
    buildBase(round.id, { name, panelId: north.id, ...extra });
  const bases = [
    base('实验室一'),
    base('实验室二'),
    base('实验室三'),
    base('实验室四'),
    base('实验室五'),
    base('工程中心', { type: 'B4', panelId: south.id, hostInstitution: '新松机器人' }),
  ];
  const totals = [[95, 93, 94], [91, 90, 92], [85, 80, 75], [50, 55, 60], [], [50, 80, 56]];
  const sheets = bases.flatMap((b, i) =>
    (totals[i] ?? []).map((total, j) =>
      buildScoresheet(b, must(experts[j]), { scores: { x: total }, status: 'submitted' }),
    ),
  );
  const results = computeRoundResults(round, bases, sheets);
  return { round, panels: [north, south], bases, results };
}

describe('result rows', () => {
  it('joins the panel and decision, suggests from the grade and flags what needs a look', () => {
    const { panels, bases, results } = sample();
    const [, , , a4, a5, b1] = bases;
    const rows = buildResultRows(results, panels, [
      buildDecision(must(b1), { disposition: { code: 'rectify' }, reason: '分歧大' }),
    ]);
    expect(rows.map((r) => [r.result.aggregate, r.result.grade, r.flags])).toEqual([
      [94, 'excellent', []],
      [91, 'excellent', []],
      [80, 'good', []],
      [55, 'fail', ['fail']],
      [null, null, ['noSheets']],
      [62, 'pass', ['disagreement']],
    ]);
    expect(rows[3]?.suggestion).toEqual({ code: 'rectify' });
    expect(rows.find((r) => r.result.base.id === a5?.id)?.suggestion).toBeNull();
    expect(rows[5]).toMatchObject({ panelName: '大连组', decision: { baseId: b1?.id } });
    expect(a4?.id).toBe(rows[3]?.result.base.id);
  });

  it('filters by type, category, panel, any chosen flag, undecided and search text', () => {
    const { panels, bases, results } = sample();
    const rows = buildResultRows(results, panels, [
      buildDecision(must(bases[0]), { reason: '优秀' }),
    ]);
    const names = (filters: Parameters<typeof filterResultRows>[1]) =>
      filterResultRows(rows, filters).map((r) => r.result.base.name);
    expect(names({ type: 'B4' })).toEqual(['工程中心']);
    expect(names({ category: 'B' })).toEqual(['工程中心']);
    expect(names({ panelId: panels[1]?.id })).toEqual(['工程中心']);
    expect(names({ flags: ['fail', 'disagreement'] })).toEqual(['实验室四', '工程中心']);
    expect(names({ type: 'A1', undecidedOnly: true })).toEqual([
      '实验室二',
      '实验室三',
      '实验室四',
      '实验室五',
    ]);
    expect(names({ search: '新松' })).toEqual(['工程中心']);
  });
});

describe('methods side by side', () => {
  it("shows each method's value with its grade, and when a method had to fall back", () => {
    const { round, results } = sample();
    const b1 = results[5];
    if (!b1) throw new Error('no result');
    const cells = methodCells(b1, round.gradeBands);
    expect(cells.map((c) => c.method)).toEqual(['mean', 'median', 'trimmedMean', 'zScore']);
    expect(cells[0]).toMatchObject({ value: 62, grade: 'pass', isFallback: false });
    expect(cells[1]).toMatchObject({ value: 56, grade: 'fail', isFallback: false });
    // Three sheets are too few to trim (the round trims from five): the mean stands in.
    expect(cells[2]).toMatchObject({ value: 62, usedMethod: 'mean', isFallback: true });
  });
});

describe('quota warnings per type', () => {
  it('warns when 优秀 is over the ceiling and 整改 + 不合格 under the floor, leaving ungraded bases out', () => {
    const { round, results } = sample();
    const view = quotaView(results, [], round.quotas);
    expect(view.ungraded).toBe(1);
    expect(
      view.reports.map((r) => [r.type, r.total, r.excellentCount, r.rectifyOrFailCount]),
    ).toEqual([
      ['A1', 4, 2, 1],
      ['B4', 1, 0, 0],
    ]);
    expect(view.warnings.map((w) => [w.type, w.code, w.sharePercent, w.limitPercent])).toEqual([
      ['A1', 'excellentOverCeiling', '50', '15'],
      ['B4', 'rectifyOrFailUnderFloor', '0', '10'],
    ]);
  });

  it('counts a recorded 限期整改 decision towards the floor', () => {
    const { round, bases, results } = sample();
    const decided = [
      buildDecision(must(bases[5]), { disposition: { code: 'rectify' }, reason: '整改' }),
    ];
    const view = quotaView(results, decided, round.quotas);
    expect(view.warnings.map((w) => w.type)).toEqual(['A1']);
  });

  it('writes shares as percent with at most one decimal', () => {
    expect(percentText(0.19)).toBe('19');
    expect(percentText(2 / 13)).toBe('15.4');
    expect(percentText(0.1)).toBe('10');
  });
});
