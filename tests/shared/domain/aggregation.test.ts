import { describe, expect, it } from 'vitest';
import {
  AGGREGATION_METHODS,
  DEFAULT_AGGREGATION_RULE,
  aggregateAllMethods,
  aggregateBase,
  aggregateRound,
  ratingsFromScoresheets,
  zScoreStandardise,
} from '../../../shared/domain/aggregation';
import type { AggregationRule } from '../../../shared/domain/types';
import {
  rating,
  ratingsFromTable,
  ratingsOfBase,
  recused,
  scoresheet,
} from '../../helpers/ratings';

const RULE: AggregationRule = { ...DEFAULT_AGGREGATION_RULE };
/** Two experts ordering three bases alike, one lenient, one strict (worked out below). */
function lenientAndStrictExperts() {
  return ratingsFromTable({ e1: { b1: 90, b2: 80, b3: 70 }, e2: { b1: 70, b2: 65, b3: 60 } });
}

const rule = (method: AggregationRule['method']): AggregationRule => ({ ...RULE, method });

describe('ratingsFromScoresheets', () => {
  it('turns each submitted sheet into one rating whose total is the sum of its secondary scores', () => {
    // 30 + 25.5 + 20 = 75.5
    const sheet = scoresheet({
      baseId: 'b1',
      expertId: 'e1',
      scores: { s1: 30, s2: 25.5, s3: 20 },
    });
    expect(ratingsFromScoresheets([sheet])).toEqual([
      { baseId: 'b1', expertId: 'e1', total: 75.5, isRecused: false },
    ]);
  });

  it('leaves out drafts, which are not results yet', () => {
    const draft = scoresheet({ baseId: 'b1', expertId: 'e1', scores: { s1: 50 }, status: 'draft' });
    expect(ratingsFromScoresheets([draft])).toEqual([]);
  });

  it('keeps a recused sheet as a recused rating, submitted or not', () => {
    const recusal = {
      reason: '本人所在单位',
      source: 'institution' as const,
      at: '2019-11-01T08:00:00.000Z',
    };
    const sheets = [
      scoresheet({ baseId: 'b1', expertId: 'e1', status: 'draft', recusal }),
      scoresheet({ baseId: 'b2', expertId: 'e1', recusal }),
    ];
    expect(ratingsFromScoresheets(sheets).map((r) => [r.baseId, r.isRecused])).toEqual([
      ['b1', true],
      ['b2', true],
    ]);
  });
});

describe('aggregateBase', () => {
  it('reports mean 84, median 85 and trimmed mean 85 for five experts scoring 70 80 85 90 95', () => {
    // trimmed: drop 70 and 95 → (80 + 85 + 90) / 3 = 85; mean 420 / 5 = 84
    const result = aggregateBase(ratingsOfBase('b1', [70, 80, 85, 90, 95]), RULE);
    expect(result).toEqual({
      baseId: 'b1',
      n: 5,
      mean: 84,
      median: 85,
      trimmedMean: 85,
      isTrimmed: true,
      zScoreMean: null,
      value: 85,
      method: 'trimmedMean',
      min: 70,
      max: 95,
    });
  });

  it('uses the plain mean, and says so, when a base has fewer than five valid sheets', () => {
    // (70 + 80 + 90 + 95) / 4 = 83.75
    const result = aggregateBase(ratingsOfBase('b1', [70, 80, 90, 95]), RULE);
    expect(result).toMatchObject({
      n: 4,
      value: 83.75,
      method: 'mean',
      isTrimmed: false,
      trimmedMean: 83.75,
    });
  });

  it('lets recused experts count for nothing, not even towards the five-sheet threshold', () => {
    const four = ratingsOfBase('b1', [70, 80, 90, 95]);
    const withRecusal = [...four, recused('b1', 'e9', 0)];
    expect(aggregateBase(withRecusal, RULE)).toEqual(aggregateBase(four, RULE));
  });

  it('gives n = 0 and no score for a base every expert recused from', () => {
    const result = aggregateBase([recused('b7', 'e1'), recused('b7', 'e2')], RULE);
    expect(result).toMatchObject({
      baseId: 'b7',
      n: 0,
      mean: null,
      median: null,
      value: null,
      min: null,
      max: null,
    });
    expect(aggregateBase([], RULE, { baseId: 'b8' })).toMatchObject({
      baseId: 'b8',
      n: 0,
      value: null,
    });
  });

  it('uses the median when the round chooses it', () => {
    expect(aggregateBase(ratingsOfBase('b1', [60, 88, 90]), rule('median'))).toMatchObject({
      value: 88,
      method: 'median',
    });
  });

  it('falls back to the mean for a z-score rule when no rating pool is given, and reports it', () => {
    expect(aggregateBase(ratingsOfBase('b1', [60, 90]), rule('zScore'))).toMatchObject({
      value: 75,
      method: 'mean',
      zScoreMean: null,
    });
  });

  it('refuses ratings of more than one base', () => {
    expect(() => aggregateBase([rating('b1', 'e1', 80), rating('b2', 'e1', 70)], RULE)).toThrow(
      RangeError,
    );
  });
});

describe('zScoreStandardise', () => {
  // e1 is lenient, e2 strict, but they order the bases the same way:
  //   e1: 90 80 70 → mean 80, sd √((100 + 0 + 100) / 2) = 10 → z = 1, 0, −1
  //   e2: 70 65 60 → mean 65, sd √((25 + 0 + 25) / 2) = 5   → z = 1, 0, −1
  // pool 90 80 70 70 65 60: mean 435 / 6 = 72.5; squared deviations
  //   306.25 + 56.25 + 6.25 + 6.25 + 56.25 + 156.25 = 587.5; sd = √(587.5 / 5) = √117.5
  const lenientAndStrict = lenientAndStrictExperts();
  const poolSd = Math.sqrt(117.5);

  it('removes a lenient and a strict expert’s offsets: equal z gives equal adjusted scores', () => {
    const adjusted = zScoreStandardise(lenientAndStrict);
    const byCell = new Map(adjusted.map((r) => [`${r.expertId}/${r.baseId}`, r]));
    expect(byCell.get('e1/b1')?.total).toBeCloseTo(72.5 + poolSd, 10);
    expect(byCell.get('e2/b1')?.total).toBeCloseTo(72.5 + poolSd, 10);
    expect(byCell.get('e1/b2')?.total).toBe(72.5);
    expect(byCell.get('e2/b3')?.total).toBeCloseTo(72.5 - poolSd, 10);
    expect(byCell.get('e2/b3')).toMatchObject({
      rawTotal: 60,
      zScore: -1,
      treatment: 'standardised',
    });
  });

  it('moves an expert who gave every base the same score to the pool mean, and keeps a single rating raw', () => {
    // pool 90 70 80 80 66: mean 386 / 5 = 77.2
    // squared deviations 163.84 + 51.84 + 7.84 + 7.84 + 125.44 = 356.8; sd = √(356.8 / 4) = √89.2
    // e1: 90 70 → mean 80, sd √200 → z = ±10 / √200
    const ratings = ratingsFromTable({
      e1: { b1: 90, b2: 70 },
      e2: { b1: 80, b2: 80 },
      e3: { b3: 66 },
    });
    const adjusted = zScoreStandardise(ratings);
    const byCell = new Map(adjusted.map((r) => [`${r.expertId}/${r.baseId}`, r]));
    expect(byCell.get('e2/b1')).toMatchObject({
      total: 77.2,
      zScore: 0,
      treatment: 'constantExpert',
      rawTotal: 80,
    });
    expect(byCell.get('e2/b2')?.total).toBe(77.2);
    expect(byCell.get('e3/b3')).toMatchObject({
      total: 66,
      zScore: null,
      treatment: 'singleRating',
    });
    expect(byCell.get('e1/b1')?.total).toBeCloseTo(
      77.2 + Math.sqrt(89.2) * (10 / Math.sqrt(200)),
      10,
    );
  });

  it('treats a spread that is only float noise as no spread', () => {
    const adjusted = zScoreStandardise([
      rating('b1', 'e1', 85),
      rating('b2', 'e1', 85 + 1e-12),
      rating('b1', 'e2', 60),
    ]);
    expect(adjusted.filter((r) => r.expertId === 'e1').map((r) => r.treatment)).toEqual([
      'constantExpert',
      'constantExpert',
    ]);
  });

  it('leaves recused ratings out of the pool and out of the result', () => {
    const withRecusal = [...lenientAndStrict, recused('b1', 'e3', 0), recused('b2', 'e1', 100)];
    expect(zScoreStandardise(withRecusal)).toEqual(zScoreStandardise(lenientAndStrict));
  });
});

describe('aggregateRound', () => {
  it('computes z-scores over the whole pool, not base by base', () => {
    // same pool as in zScoreStandardise above: pool mean 72.5, pool sd √117.5
    const [b1, b2, b3] = aggregateRound(lenientAndStrictExperts(), rule('zScore'));
    // plain mean of b1 is (90 + 70) / 2 = 80, but both experts put it one SD above their own mean
    expect(b1).toMatchObject({ baseId: 'b1', mean: 80, method: 'zScore' });
    expect(b1?.value).toBeCloseTo(72.5 + Math.sqrt(117.5), 10);
    expect(b2?.value).toBe(72.5);
    expect(b3?.value).toBeCloseTo(72.5 - Math.sqrt(117.5), 10);
  });

  it('lists bases by id by default, and exactly the requested bases when given', () => {
    const ratings = [rating('b2', 'e1', 80), rating('b1', 'e1', 70), recused('b3', 'e1')];
    expect(aggregateRound(ratings, RULE).map((a) => a.baseId)).toEqual(['b1', 'b2']);
    const requested = aggregateRound(ratings, RULE, ['b3', 'b2']);
    expect(requested.map((a) => [a.baseId, a.n, a.value])).toEqual([
      ['b3', 0, null],
      ['b2', 1, 80],
    ]);
  });

  it('ignores recused ratings in every base and in the z-score pool', () => {
    const withRecusals = [
      ...lenientAndStrictExperts(),
      recused('b1', 'e3', 100),
      recused('b4', 'e1', 0),
    ];
    expect(aggregateRound(withRecusals, rule('zScore'))).toEqual(
      aggregateRound(lenientAndStrictExperts(), rule('zScore')),
    );
  });
});

describe('aggregateAllMethods', () => {
  it('shows mean, median, trimmed mean and z-score side by side with the fallback each took', () => {
    const ratings = [
      ...ratingsOfBase('b1', [70, 80, 85, 90, 95]),
      ...ratingsOfBase('b2', [60, 70]),
    ];
    const [b1, b2] = aggregateAllMethods(ratings, RULE);
    expect(Object.keys(b1?.byMethod ?? {})).toEqual([...AGGREGATION_METHODS]);
    expect(b1?.byMethod.mean).toEqual({ value: 84, method: 'mean' });
    expect(b1?.byMethod.trimmedMean).toEqual({ value: 85, method: 'trimmedMean' });
    expect(b1?.value).toBe(85);
    // b2 has two sheets: the trimmed mean falls back to the mean (60 + 70) / 2 = 65
    expect(b2?.byMethod.trimmedMean).toEqual({ value: 65, method: 'mean' });
    expect(b2?.byMethod.median).toEqual({ value: 65, method: 'median' });
    expect(b2?.byMethod.zScore.method).toBe('zScore');
  });
});
