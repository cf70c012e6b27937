import { describe, expect, it } from 'vitest';
import {
  DEFAULT_GRADE_BANDS,
  DEFAULT_QUOTAS,
  GRADE_LABELS,
  gradeFor,
  quotaCheck,
  validateGradeBands,
} from '../../../shared/domain/grading';
import type { QuotaItem } from '../../../shared/domain/grading';
import type { BaseTypeCode, GradeBand, GradeCode } from '../../../shared/domain/types';

const BANDS = DEFAULT_GRADE_BANDS;

/** `count` bases of one type with the given grade, ids prefixed by type and grade. */
function items(
  type: BaseTypeCode,
  grade: GradeCode,
  count: number,
  decision?: QuotaItem['decision'],
): QuotaItem[] {
  return Array.from({ length: count }, (_, i) => ({
    baseId: `${type}-${grade}-${decision ?? 'none'}-${i}`,
    type,
    grade,
    ...(decision ? { decision } : {}),
  }));
}

describe('gradeFor', () => {
  it('includes each lower boundary: 90 is 优秀 and 89.99 is 良好', () => {
    expect(gradeFor(100, BANDS)).toBe('excellent');
    expect(gradeFor(90, BANDS)).toBe('excellent');
    expect(gradeFor(89.99, BANDS)).toBe('good');
    expect(gradeFor(80, BANDS)).toBe('good');
    expect(gradeFor(79.99, BANDS)).toBe('pass');
    expect(gradeFor(60, BANDS)).toBe('pass');
    expect(gradeFor(59.99, BANDS)).toBe('fail');
    expect(gradeFor(0, BANDS)).toBe('fail');
  });

  it('does not let float noise push a 90 down to 良好', () => {
    // (0.7 + 0.1 + 0.1) * 100 evaluates to 89.99999999999999
    const noisyNinety = (0.7 + 0.1 + 0.1) * 100;
    expect(noisyNinety).toBeLessThan(90);
    expect(gradeFor(noisyNinety, BANDS)).toBe('excellent');
    expect(gradeFor(89.9999999, BANDS)).toBe('good');
  });

  it('grades the same whatever order the bands are stored in', () => {
    const shuffled: GradeBand[] = [BANDS[2], BANDS[0], BANDS[3], BANDS[1]].filter(
      (b) => b !== undefined,
    );
    expect(shuffled).toHaveLength(4);
    for (const score of [95, 85, 65, 30])
      expect(gradeFor(score, shuffled)).toBe(gradeFor(score, BANDS));
  });

  it('follows a round’s own bands, including one without 良好', () => {
    const bands: GradeBand[] = [
      { grade: 'excellent', minScore: 85 },
      { grade: 'pass', minScore: 60 },
      { grade: 'fail', minScore: 0 },
    ];
    expect(gradeFor(86, bands)).toBe('excellent');
    expect(gradeFor(82, bands)).toBe('pass');
  });

  it('gives a score below every band the lowest band, and refuses to grade without bands or a number', () => {
    expect(gradeFor(-1, BANDS)).toBe('fail');
    expect(() => gradeFor(80, [])).toThrow(RangeError);
    expect(() => gradeFor(Number.NaN, BANDS)).toThrow(RangeError);
  });

  it('labels grades in Chinese and English', () => {
    expect(GRADE_LABELS.excellent).toEqual({ zh: '优秀', en: 'Excellent' });
    expect(GRADE_LABELS.fail.zh).toBe('不合格');
  });
});

describe('validateGradeBands', () => {
  const codes = (bands: GradeBand[]) => validateGradeBands(bands).map((issue) => issue.code);

  it('accepts the default 90 / 80 / 60 bands', () => {
    expect(validateGradeBands([...BANDS])).toEqual([]);
  });

  it('explains each problem in Chinese', () => {
    expect(codes([])).toEqual(['empty']);
    expect(
      codes([
        { grade: 'excellent', minScore: 120 },
        { grade: 'fail', minScore: 0 },
      ]),
    ).toEqual(['invalidMinScore']);
    expect(
      codes([
        { grade: 'pass', minScore: 60 },
        { grade: 'pass', minScore: 50 },
        { grade: 'fail', minScore: 0 },
      ]),
    ).toContain('duplicateGrade');
    expect(
      codes([
        { grade: 'good', minScore: 60 },
        { grade: 'pass', minScore: 60 },
        { grade: 'fail', minScore: 0 },
      ]),
    ).toContain('duplicateMinScore');
    const issues = validateGradeBands([
      { grade: 'pass', minScore: 60 },
      { grade: 'fail', minScore: 10 },
    ]);
    expect(issues).toEqual([expect.objectContaining({ code: 'lowestNotZero', grade: 'fail' })]);
    expect(issues[0]?.message).toMatch(/分数线/);
  });

  it('rejects bands whose grades are out of order (良好 above 优秀)', () => {
    const bands: GradeBand[] = [
      { grade: 'good', minScore: 90 },
      { grade: 'excellent', minScore: 80 },
      { grade: 'fail', minScore: 0 },
    ];
    expect(codes(bands)).toEqual(['orderMismatch']);
  });
});

describe('quotaCheck', () => {
  it('warns when 优秀 is 19% of key labs against the 15% ceiling, with the counts', () => {
    // 5 of 26 = 0.1923… > 0.15
    const labs = [
      ...items('A1', 'excellent', 5),
      ...items('A1', 'good', 18),
      ...items('A1', 'fail', 3),
    ];
    const [report] = quotaCheck(labs, DEFAULT_QUOTAS);
    expect(report).toMatchObject({
      type: 'A1',
      total: 26,
      excellentCount: 5,
      excellentShare: 5 / 26,
    });
    expect(report?.warnings).toEqual([
      { code: 'excellentOverCeiling', count: 5, total: 26, share: 5 / 26, limit: 0.15 },
    ]);
  });

  it('allows exactly the ceiling and exactly the floor (3 of 20 优秀, 2 of 20 不合格)', () => {
    // 3 / 20 = 0.15 and 2 / 20 = 0.1 exactly: no warning at the boundary
    const bases = [
      ...items('B4', 'excellent', 3),
      ...items('B4', 'good', 15),
      ...items('B4', 'fail', 2),
    ];
    expect(quotaCheck(bases, DEFAULT_QUOTAS)[0]?.warnings).toEqual([]);
    const oneMore = [
      ...items('B4', 'excellent', 4),
      ...items('B4', 'good', 14),
      ...items('B4', 'fail', 2),
    ];
    expect(quotaCheck(oneMore, DEFAULT_QUOTAS)[0]?.warnings.map((w) => w.code)).toEqual([
      'excellentOverCeiling',
    ]);
  });

  it('counts 不合格 grades and 限期整改 decisions towards the floor, each base once', () => {
    // 20 bases: 1 fail that is also told to rectify + 0 others → 1 / 20 = 0.05 < 0.1
    const bases = [...items('B1', 'fail', 1, 'rectify'), ...items('B1', 'good', 19)];
    const [report] = quotaCheck(bases, DEFAULT_QUOTAS);
    expect(report?.rectifyOrFailCount).toBe(1);
    expect(report?.warnings).toEqual([
      { code: 'rectifyOrFailUnderFloor', count: 1, total: 20, share: 0.05, limit: 0.1 },
    ]);
    // a 合格 base told to rectify counts too: 2 / 20 = 0.1, floor met
    const withRectify = [...bases.slice(0, 19), ...items('B1', 'pass', 1, 'rectify')];
    expect(quotaCheck(withRectify, DEFAULT_QUOTAS)[0]?.warnings).toEqual([]);
  });

  it('reports each base type separately, in type order, and never re-grades', () => {
    const bases = [
      ...items('C2', 'excellent', 1),
      ...items('A1', 'fail', 1),
      ...items('A1', 'good', 1),
    ];
    const before = structuredClone(bases);
    const reports = quotaCheck(bases, DEFAULT_QUOTAS);
    expect(reports.map((r) => [r.type, r.total])).toEqual([
      ['A1', 2],
      ['C2', 1],
    ]);
    expect(bases).toEqual(before);
  });

  it('checks nothing when the round sets no quotas', () => {
    const bases = items('A1', 'excellent', 10);
    expect(
      quotaCheck(bases, { excellentMaxShare: null, rectifyOrFailMinShare: null })[0]?.warnings,
    ).toEqual([]);
  });
});
