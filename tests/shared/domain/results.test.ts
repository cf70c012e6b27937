import { describe, expect, it } from 'vitest';
import { computeRoundResults } from '../../../shared/domain/results';
import type { Base, Expert, Scoresheet } from '../../../shared/domain/types';
import { buildBase, buildExpert, buildRound, buildScoresheet } from '../../helpers/builders';

const round = buildRound({ agreement: { disagreementRange: 20 } });

/** A submitted sheet whose secondary scores add up to `total` (indicator split is irrelevant here). */
const submitted = (base: Base, expert: Expert, total: number): Scoresheet =>
  buildScoresheet(base, expert, {
    status: 'submitted',
    scores: { 'A1.1.1': Math.min(total, 10), 'A1.1.3': Math.max(0, total - 10) },
  });

describe('computeRoundResults', () => {
  const experts = [1, 2, 3, 4, 5].map(() => buildExpert(round.id, 'panel-x'));
  const [e1, e2, e3, e4, e5] = experts as [Expert, Expert, Expert, Expert, Expert];
  const strong = buildBase(round.id, { name: '强实验室' });
  const weak = buildBase(round.id, { name: '弱实验室' });
  const center = buildBase(round.id, { name: '工程中心', type: 'B1' });
  const unscored = buildBase(round.id, { name: '无人评分', type: 'B1' });
  const sheets = [
    // strong: 70 80 85 90 95 → mean 84, trimmed (drop 70 and 95) 85, range 25 > 20 → flagged
    submitted(strong, e1, 70),
    submitted(strong, e2, 80),
    submitted(strong, e3, 85),
    submitted(strong, e4, 90),
    submitted(strong, e5, 95),
    // weak: 3 sheets → too few to trim, mean (50+60+64)/3 = 58, plus a recusal and a draft
    submitted(weak, e1, 50),
    submitted(weak, e2, 60),
    submitted(weak, e3, 64),
    buildScoresheet(weak, e4, {
      status: 'submitted',
      scores: { 'A1.1.1': 10 },
      recusal: { reason: '本单位', source: 'declared', at: round.createdAt },
    }),
    buildScoresheet(weak, e5, { status: 'draft', scores: { 'A1.1.1': 1 } }),
    // center: one sheet of 92
    submitted(center, e1, 92),
  ];

  it('aggregates every base under the round rule, trimming only with enough sheets', () => {
    const results = computeRoundResults(round, [strong, weak, center, unscored], sheets);
    const [rStrong, rWeak, rCenter, rUnscored] = results;
    expect(rStrong).toMatchObject({
      sheets: 5,
      aggregate: 85,
      method: 'trimmedMean',
      grade: 'good',
    });
    expect(rStrong?.byMethod.mean.value).toBe(84);
    expect(rWeak).toMatchObject({ sheets: 3, aggregate: 58, method: 'mean', grade: 'fail' });
    expect(rCenter).toMatchObject({ sheets: 1, aggregate: 92, grade: 'excellent' });
    expect(rUnscored).toMatchObject({ sheets: 0, aggregate: null, grade: null, rankInType: null });
  });

  it('ranks within type and within category, leaving unscored bases unranked', () => {
    const results = computeRoundResults(round, [strong, weak, center, unscored], sheets);
    expect(results.map((r) => [r.base.name, r.rankInType, r.typeCount])).toEqual([
      ['强实验室', 1, 2],
      ['弱实验室', 2, 2],
      ['工程中心', 1, 1],
      ['无人评分', null, 1],
    ]);
    expect(results[2]?.rankInCategory).toBe(1);
  });

  it('flags a base whose expert totals spread more than the round threshold', () => {
    const [rStrong, rWeak] = computeRoundResults(round, [strong, weak], sheets);
    expect(rStrong).toMatchObject({ range: 25, isDisagreement: true });
    expect(rWeak).toMatchObject({ range: 14, isDisagreement: false });
  });

  it('ignores recused and draft sheets completely', () => {
    const withoutExtras = sheets.filter((s) => s.status === 'submitted' && !s.recusal);
    expect(computeRoundResults(round, [weak], sheets)).toEqual(
      computeRoundResults(round, [weak], withoutExtras),
    );
  });

  it('switches method on request, and the median differs from the mean', () => {
    const [byMedian] = computeRoundResults(round, [weak], sheets, { method: 'median' });
    expect(byMedian).toMatchObject({ aggregate: 60, method: 'median', grade: 'pass' });
  });
});
