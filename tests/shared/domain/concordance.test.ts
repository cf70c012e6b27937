import { describe, expect, it } from 'vitest';
import { KENDALL_W_METHOD, kendallW } from '../../../shared/domain/agreement';
import { ratingsFromTable, recused } from '../../helpers/ratings';

describe('kendallW', () => {
  it('is 1 when every expert ranks the bases in the same order', () => {
    // levels differ (lenient and strict experts) but the order is the same
    const ratings = ratingsFromTable({
      e1: { b1: 95, b2: 85, b3: 75, b4: 65 },
      e2: { b1: 80, b2: 70, b3: 60, b4: 50 },
      e3: { b1: 99, b2: 98, b3: 97, b4: 96 },
    });
    // chi-square = m(n − 1)W = 3 · 3 · 1 = 9, df = n − 1 = 3
    expect(kendallW(ratings)).toMatchObject({
      w: 1,
      m: 3,
      n: 4,
      chiSquare: 9,
      df: 3,
      method: KENDALL_W_METHOD,
    });
  });

  it('is 0 when two experts rank the bases in exactly opposite orders', () => {
    // rank sums are all n + 1 = 5, equal to the expected m(n + 1)/2 = 5: S = 0
    const ratings = ratingsFromTable({
      e1: { b1: 90, b2: 80, b3: 70, b4: 60 },
      e2: { b1: 60, b2: 70, b3: 80, b4: 90 },
    });
    expect(kendallW(ratings).w).toBe(0);
  });

  it('corrects for tied scores (worked example, m = 3 experts, n = 4 bases)', () => {
    //          b1   b2   b3   b4        ranks (1 = best, ties share the mid-rank)   T = Σ(t³ − t)
    //   e1     90   80   70   60        1    2    3    4                           0
    //   e2     85   85   70   65        1.5  1.5  3    4                           2³ − 2 = 6
    //   e3     88   75   75   75        1    3    3    3                           3³ − 3 = 24
    //   Rⱼ                               3.5  6.5  9    11   (sum 30 = m·n(n + 1)/2 ✓)
    // expected Rⱼ = m(n + 1)/2 = 7.5; S = 4² + 1² + 1.5² + 3.5² = 16 + 1 + 2.25 + 12.25 = 31.5
    // W = 12S / (m²(n³ − n) − m·ΣT) = 378 / (9 · 60 − 3 · 30) = 378 / 450 = 0.84
    // (without the correction it would be 378 / 540 = 0.7); chi-square = 3 · 3 · 0.84 = 7.56
    const ratings = ratingsFromTable({
      e1: { b1: 90, b2: 80, b3: 70, b4: 60 },
      e2: { b1: 85, b2: 85, b3: 70, b4: 65 },
      e3: { b1: 88, b2: 75, b3: 75, b4: 75 },
    });
    const result = kendallW(ratings);
    expect(result.w).toBeCloseTo(0.84, 12);
    expect(result.chiSquare).toBeCloseTo(7.56, 12);
    expect(result.df).toBe(3);
  });

  it('is unchanged by a recused rating', () => {
    const ratings = ratingsFromTable({
      e1: { b1: 90, b2: 80, b3: 70 },
      e2: { b1: 85, b2: 86, b3: 60 },
    });
    const withRecusals = [
      ...ratings,
      recused('b3', 'e3', 100),
      recused('b4', 'e1', 0),
      recused('b1', 'e2', 0),
    ];
    expect(kendallW(withRecusals)).toEqual(kendallW(ratings));
  });

  it('leaves out a base an expert recused from, and says so', () => {
    //          b1   b2   b3   b4
    //   e1     90   80   70   60
    //   e2     88   78   79   50
    //   e3     85   75   65   (回避)
    // b4 misses 1 of 3 experts (1/3) against e3 missing 1 of 4 bases (1/4): b4 goes.
    // ranks on b1–b3: e1 1 2 3; e2 1 3 2; e3 1 2 3 → R = 3, 7, 8; expected 3 · 4/2 = 6
    // S = 9 + 1 + 4 = 14; W = 12 · 14 / (9 · (27 − 3)) = 168 / 216 = 7/9
    const ratings = [
      ...ratingsFromTable({
        e1: { b1: 90, b2: 80, b3: 70, b4: 60 },
        e2: { b1: 88, b2: 78, b3: 79, b4: 50 },
        e3: { b1: 85, b2: 75, b3: 65 },
      }),
      recused('b4', 'e3'),
    ];
    const result = kendallW(ratings);
    expect(result).toMatchObject({
      m: 3,
      n: 3,
      baseIds: ['b1', 'b2', 'b3'],
      droppedBaseIds: ['b4'],
      droppedExpertIds: [],
    });
    expect(result.w).toBeCloseTo(7 / 9, 12);
  });

  it('leaves out an expert who scored only one of the panel’s bases', () => {
    const ratings = ratingsFromTable({
      e1: { b1: 90, b2: 80, b3: 70, b4: 60 },
      e2: { b1: 91, b2: 81, b3: 71, b4: 61 },
      e3: { b1: 92, b2: 82, b3: 72, b4: 62 },
      e4: { b1: 50 },
    });
    expect(kendallW(ratings)).toMatchObject({
      w: 1,
      m: 3,
      n: 4,
      droppedExpertIds: ['e4'],
      droppedBaseIds: [],
    });
  });

  it('only looks at the requested bases', () => {
    const ratings = ratingsFromTable({
      e1: { b1: 90, b2: 80, b3: 70 },
      e2: { b1: 80, b2: 90, b3: 60 },
    });
    // b1 and b3 only: both experts put b1 above b3 → W = 1
    expect(kendallW(ratings, ['b1', 'b3'])).toMatchObject({ w: 1, n: 2, baseIds: ['b1', 'b3'] });
  });

  it('has no value with fewer than two experts or two bases, or when every score is tied', () => {
    expect(kendallW(ratingsFromTable({ e1: { b1: 90, b2: 80 } })).w).toBeNull();
    expect(kendallW(ratingsFromTable({ e1: { b1: 90 }, e2: { b1: 80 } })).w).toBeNull();
    expect(kendallW([]).w).toBeNull();
    const allTied = kendallW(ratingsFromTable({ e1: { b1: 80, b2: 80 }, e2: { b1: 70, b2: 70 } }));
    expect(allTied).toMatchObject({ w: null, m: 2, n: 2 });
    expect(allTied.chiSquare).toBeUndefined();
  });
});
