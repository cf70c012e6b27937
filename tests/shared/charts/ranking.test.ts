import { describe, expect, it } from 'vitest';
import { filterResults } from '../../../shared/charts/filters';
import { rankingChart } from '../../../shared/charts/ranking';
import { computeRoundResults } from '../../../shared/domain/results';
import type { Base, Expert } from '../../../shared/domain/types';
import { buildBase, buildDecision, buildExpert, buildRound } from '../../helpers/builders';
import { buildChartRound, submittedSheet } from '../../helpers/chartRound';

const fixture = buildChartRound();
const { round } = fixture;
const results = computeRoundResults(round, fixture.allBases, fixture.scoresheets);

describe('rankingChart', () => {
  it('draws one bar per scored base of the type, best first, with its grade and rank', () => {
    // 乙: trim 90 and 98 → (92 + 94 + 96) / 3 = 94 → 优秀; 甲: trim 70 and 95 → 85 → 良好;
    // 丙: 3 sheets, too few to trim → (50 + 60 + 64) / 3 = 58 → 不合格. 丁 has no sheet.
    const chart = rankingChart({ results, round, scope: { kind: 'type', type: 'A1' } });
    expect(
      chart.bars.map((bar) => [bar.name, bar.score, bar.grade, bar.rank, bar.of, bar.method]),
    ).toEqual([
      ['乙实验室', 94, 'excellent', 1, 3, 'trimmedMean'],
      ['甲实验室', 85, 'good', 2, 3, 'trimmedMean'],
      ['丙实验室', 58, 'fail', 3, 3, 'mean'],
    ]);
    expect(chart.unscored.map((base) => base.name)).toEqual(['丁实验室']);
    expect(chart.bars.find((bar) => bar.name === '甲实验室')?.isDisagreement).toBe(true); // 95 − 70 = 25 > 20
  });

  it('draws the grade thresholds above 0, highest first', () => {
    const chart = rankingChart({ results, round, scope: { kind: 'type', type: 'A1' } });
    expect(chart.thresholds.map((band) => [band.grade, band.minScore])).toEqual([
      ['excellent', 90],
      ['good', 80],
      ['pass', 60],
    ]);
  });

  it('ranks a category by rank in category', () => {
    const chart = rankingChart({ results, round, scope: { kind: 'category', category: 'B' } });
    expect(chart.bars.map((bar) => [bar.name, bar.score, bar.rank, bar.of])).toEqual([
      ['戊工程研究中心', 90, 1, 1], // (92 + 88) / 2
    ]);
  });

  it('marks 优秀 beyond the 15% ceiling: 1 of 3 is 33%, and floor(0.15 × 3) = 0 are allowed', () => {
    const chart = rankingChart({ results, round, scope: { kind: 'type', type: 'A1' } });
    expect(chart.quota).toEqual([
      expect.objectContaining({
        type: 'A1',
        total: 3,
        excellentCount: 1,
        rectifyOrFailCount: 1, // 丙 不合格: 1 / 3 ≥ 10%, no floor warning
        warnings: [{ code: 'excellentOverCeiling', count: 1, total: 3, share: 1 / 3, limit: 0.15 }],
      }),
    ]);
    expect(chart.bars.map((bar) => bar.quotaMarks)).toEqual([['overExcellentCeiling'], [], []]);
  });

  it('keeps the round-wide quota and ranks when a filter hides bases', () => {
    // Only 沈阳 is in view; the quota still counts all 3 scored A1 bases of the round.
    const chart = rankingChart({
      results: filterResults(results, { city: '沈阳' }),
      roundResults: results,
      round,
      scope: { kind: 'type', type: 'A1' },
    });
    expect(chart.bars.map((bar) => [bar.name, bar.rank, bar.of])).toEqual([
      ['甲实验室', 2, 3],
      ['丙实验室', 3, 3],
    ]);
    expect(chart.quota[0]?.total).toBe(3);
  });

  describe('quota marks in a type of ten', () => {
    // Ten A1 bases with one sheet each: 95 93 91 85 80 75 70 65 62 61.
    // 优秀 3 / 10 = 30% > 15%: floor(0.15 × 10) = 1 allowed, so ranks 2 and 3 are marked.
    // 整改 + 不合格 0 / 10 < 10%: ceil(0.1 × 10) = 1 needed, so the lowest (61) is marked.
    const r = buildRound();
    const expert: Expert = buildExpert(r.id, 'panel-q');
    const totals = [95, 93, 91, 85, 80, 75, 70, 65, 62, 61];
    const bases: Base[] = totals.map((total) =>
      buildBase(r.id, { name: `实验室${total}`, code: `Q-${total}` }),
    );
    const sheets = bases.map((base, i) => submittedSheet(base, expert, totals[i] ?? 0));
    const tenResults = computeRoundResults(r, bases, sheets);

    it('marks the 优秀 bases past the ceiling and the lowest bases the floor would take', () => {
      const chart = rankingChart({
        results: tenResults,
        round: r,
        scope: { kind: 'type', type: 'A1' },
      });
      const marked = chart.bars
        .filter((bar) => bar.quotaMarks.length > 0)
        .map((bar) => [bar.score, bar.quotaMarks]);
      expect(marked).toEqual([
        [93, ['overExcellentCeiling']],
        [91, ['overExcellentCeiling']],
        [61, ['rectifyFloorShortfall']],
      ]);
    });

    it('counts a 限期整改 decision towards the floor, which then no longer warns', () => {
      const lowest = bases[9];
      if (!lowest) throw new Error('fixture');
      const chart = rankingChart({
        results: tenResults,
        round: r,
        scope: { kind: 'type', type: 'A1' },
        decisions: [buildDecision(lowest, { disposition: { code: 'rectify' }, reason: '整改' })],
      });
      expect(chart.quota[0]?.rectifyOrFailCount).toBe(1); // 1 / 10 = 10%, at least 10%
      expect(chart.quota[0]?.warnings.map((w) => w.code)).toEqual(['excellentOverCeiling']);
      expect(chart.bars.at(-1)?.quotaMarks).toEqual([]);
    });
  });
});
