import { describe, expect, it } from 'vitest';
import {
  agreementByBase,
  baseAgreement,
  expertLeniency,
  leniencyOutliers,
} from '../../../shared/domain/agreement';
import { rating, ratingsFromTable, ratingsOfBase, recused } from '../../helpers/ratings';

const SETTINGS = { disagreementRange: 20 };

describe('baseAgreement', () => {
  it('reports range, sample SD and CV for five experts scoring 70 80 85 90 95', () => {
    // range 95 − 70 = 25; sd √(370 / 4) = √92.5 ≈ 9.6177; cv = 9.6177 / 84 ≈ 0.1145
    const result = baseAgreement(ratingsOfBase('b1', [70, 80, 85, 90, 95]), SETTINGS);
    expect(result).toMatchObject({ n: 5, mean: 84, range: 25, isDisagreement: true });
    expect(result.sd).toBeCloseTo(Math.sqrt(92.5), 12);
    expect(result.cv).toBeCloseTo(Math.sqrt(92.5) / 84, 12);
  });

  it('flags a base only when the spread exceeds the limit, not when it equals it', () => {
    const ratings = ratingsOfBase('b1', [70, 95]);
    expect(baseAgreement(ratings, { disagreementRange: 25 }).isDisagreement).toBe(false);
    expect(baseAgreement(ratings, { disagreementRange: 24.5 }).isDisagreement).toBe(true);
  });

  it('does not flag a 25-point spread that float arithmetic makes 25.000000000000007', () => {
    const ratings = ratingsOfBase('b1', [64.01, 39.01]);
    expect(64.01 - 39.01).toBeGreaterThan(25);
    expect(baseAgreement(ratings, { disagreementRange: 25 }).isDisagreement).toBe(false);
  });

  it('has no spread statistics for a single rating and none at all without ratings', () => {
    expect(baseAgreement(ratingsOfBase('b1', [80]), SETTINGS)).toEqual({
      n: 1,
      mean: 80,
      range: 0,
      sd: null,
      cv: null,
      isDisagreement: false,
    });
    expect(baseAgreement([], SETTINGS)).toEqual({
      n: 0,
      mean: null,
      range: null,
      sd: null,
      cv: null,
      isDisagreement: false,
    });
  });

  it('gives no CV when the mean is 0', () => {
    expect(baseAgreement(ratingsOfBase('b1', [0, 0]), SETTINGS)).toMatchObject({ sd: 0, cv: null });
  });

  it('ignores a recused expert’s score, however extreme', () => {
    const ratings = ratingsOfBase('b1', [80, 85, 90]);
    expect(baseAgreement([...ratings, recused('b1', 'e9', 0)], SETTINGS)).toEqual(
      baseAgreement(ratings, SETTINGS),
    );
  });

  it('gives every base with a valid rating its agreement, by base id', () => {
    const byBase = agreementByBase(
      [rating('b2', 'e1', 50), rating('b1', 'e1', 80), recused('b3', 'e1')],
      SETTINGS,
    );
    expect([...byBase.keys()]).toEqual(['b1', 'b2']);
  });
});

describe('expertLeniency', () => {
  //        b1   b2   b3   b4
  //   e1   90   85
  //   e2   80   75
  //   e3   70        60
  //   e4                  77
  // e1: b1 90 − (80 + 70)/2 = +15; b2 85 − 75 = +10            → (15 + 10) / 2 = 12.5 over 2 bases
  // e2: b1 80 − (90 + 70)/2 = 0;   b2 75 − 85 = −10            → −5 over 2 bases
  // e3: b1 70 − (90 + 80)/2 = −15; b3 has no co-rater, skipped  → −15 over 1 base
  // e4: b4 alone                                                → null, 0 bases
  const ratings = ratingsFromTable({
    e1: { b1: 90, b2: 85 },
    e2: { b1: 80, b2: 75 },
    e3: { b1: 70, b3: 60 },
    e4: { b4: 77 },
  });

  it('compares each expert with the other experts on the same bases', () => {
    expect(expertLeniency(ratings)).toEqual([
      { expertId: 'e1', leniency: 12.5, basesCompared: 2 },
      { expertId: 'e2', leniency: -5, basesCompared: 2 },
      { expertId: 'e3', leniency: -15, basesCompared: 1 },
      { expertId: 'e4', leniency: null, basesCompared: 0 },
    ]);
  });

  it('does not count a recused expert as a co-rater', () => {
    const withRecusals = [
      ...ratings,
      recused('b1', 'e4', 0),
      recused('b4', 'e1', 100),
      recused('b5', 'e5', 50),
    ];
    expect(expertLeniency(withRecusals)).toEqual(expertLeniency(ratings));
  });

  it('picks out experts more than the threshold away from their co-raters, most extreme first', () => {
    const list = expertLeniency(ratings);
    expect(leniencyOutliers(list, 10).map((e) => e.expertId)).toEqual(['e3', 'e1']);
    // strictly above: 12.5 is not more than 12.5
    expect(leniencyOutliers(list, 12.5).map((e) => e.expertId)).toEqual(['e3']);
    expect(leniencyOutliers(list, 10, 2).map((e) => e.expertId)).toEqual(['e1']);
  });
});
