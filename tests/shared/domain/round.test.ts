import { describe, expect, it } from 'vitest';
import {
  DEFAULT_AGGREGATION,
  DEFAULT_AGREEMENT,
  DEFAULT_GRADE_BANDS,
  DEFAULT_QUOTAS,
  createRound,
  defaultTemplateByType,
  validateRoundInput,
} from '../../../shared/domain/round';
import type { RoundInput } from '../../../shared/domain/round';
import { builtinTemplateById } from '../../../shared/domain/templates';

const deps = { now: () => '2019-08-01T08:00:00.000Z', newId: () => 'round-1' };
const INPUT: RoundInput = {
  name: '2019年度省级科技创新基地优化整合评估',
  year: 2019,
  evaluationType: 'integration',
};
const codes = (input: RoundInput): string[] => validateRoundInput(input).map((p) => p.code);

describe('defaults', () => {
  it('grades 优秀 ≥ 90, 良好 ≥ 80, 合格 ≥ 60, 不合格 below', () => {
    expect(DEFAULT_GRADE_BANDS).toEqual([
      { grade: 'excellent', minScore: 90 },
      { grade: 'good', minScore: 80 },
      { grade: 'pass', minScore: 60 },
      { grade: 'fail', minScore: 0 },
    ]);
  });

  it('caps 优秀 at 15% and asks for at least 10% 整改 + 不合格', () => {
    expect(DEFAULT_QUOTAS).toEqual({ excellentMaxShare: 0.15, rectifyOrFailMinShare: 0.1 });
  });

  it('uses the trimmed mean (one off each end) from 5 sheets, and flags ranges over 15 points', () => {
    expect(DEFAULT_AGGREGATION).toEqual({ method: 'trimmedMean', trimCount: 1, trimMinSheets: 5 });
    expect(DEFAULT_AGREEMENT).toEqual({ disagreementRange: 15 });
  });

  it('maps every type to a built-in template that exists', () => {
    const map = defaultTemplateByType();
    expect(Object.keys(map)).toEqual(['A1', 'B1', 'B2', 'B3', 'B4', 'B5', 'C1', 'C2', 'C3']);
    for (const [type, id] of Object.entries(map))
      expect(builtinTemplateById(id)?.baseType).toBe(type);
  });
});

describe('createRound', () => {
  it('creates a round in setup with the default settings and built-in templates', () => {
    const round = createRound({ ...INPUT, name: '  2019年度省级科技创新基地优化整合评估 ' }, deps);
    expect(round).toEqual({
      id: 'round-1',
      name: '2019年度省级科技创新基地优化整合评估',
      year: 2019,
      evaluationType: 'integration',
      gradeBands: DEFAULT_GRADE_BANDS,
      quotas: DEFAULT_QUOTAS,
      aggregation: DEFAULT_AGGREGATION,
      agreement: DEFAULT_AGREEMENT,
      templateByType: defaultTemplateByType(),
      status: 'setup',
      createdAt: '2019-08-01T08:00:00.000Z',
    });
  });

  it('gives each round its own settings objects, so editing one round changes no other', () => {
    const round = createRound(INPUT, deps);
    const band = round.gradeBands[0];
    if (band) band.minScore = 95;
    round.quotas.excellentMaxShare = 0.2;
    expect(DEFAULT_GRADE_BANDS[0]?.minScore).toBe(90);
    expect(DEFAULT_QUOTAS.excellentMaxShare).toBe(0.15);
    expect(createRound(INPUT, deps).gradeBands[0]?.minScore).toBe(90);
  });

  it('applies overrides, keeping default templates for types not named', () => {
    const round = createRound(
      {
        ...INPUT,
        quotas: { excellentMaxShare: null, rectifyOrFailMinShare: null },
        aggregation: { method: 'mean', trimCount: 0, trimMinSheets: 1 },
        agreement: { disagreementRange: 20 },
        templateByType: { A1: 'builtin-A1-moe' },
        isDemo: true,
      },
      deps,
    );
    expect(round.quotas.excellentMaxShare).toBeNull();
    expect(round.aggregation.method).toBe('mean');
    expect(round.agreement.disagreementRange).toBe(20);
    expect(round.templateByType.A1).toBe('builtin-A1-moe');
    expect(round.templateByType.B4).toBe('builtin-B4');
    expect(round.isDemo).toBe(true);
  });
});

describe('validateRoundInput', () => {
  it('accepts a named round with defaults', () => {
    expect(validateRoundInput(INPUT)).toEqual([]);
  });

  it('requires a name', () => {
    const problems = validateRoundInput({ ...INPUT, name: ' \u3000' });
    expect(problems).toEqual([
      { code: 'nameRequired', message: '请填写评估轮次名称', field: 'name' },
    ]);
  });

  it('requires a whole year from 2000 to 2100', () => {
    expect(codes({ ...INPUT, year: 1999 })).toEqual(['yearOutOfRange']);
    expect(codes({ ...INPUT, year: 2101 })).toEqual(['yearOutOfRange']);
    expect(codes({ ...INPUT, year: 2019.5 })).toEqual(['yearOutOfRange']);
    expect(codes({ ...INPUT, year: 2000 })).toEqual([]);
    expect(codes({ ...INPUT, year: 2100 })).toEqual([]);
  });

  it('refuses an unknown evaluation type', () => {
    expect(codes({ ...INPUT, evaluationType: 'annual' } as unknown as RoundInput)).toEqual([
      'unknownEvaluationType',
    ]);
  });

  it('refuses grade bands that are not sensible', () => {
    const lowestAbove0 = [
      { grade: 'excellent' as const, minScore: 90 },
      { grade: 'pass' as const, minScore: 60 },
    ];
    expect(codes({ ...INPUT, gradeBands: lowestAbove0 })).toEqual(['lowestNotZero']);
    const inverted = [
      { grade: 'excellent' as const, minScore: 60 },
      { grade: 'pass' as const, minScore: 90 },
      { grade: 'fail' as const, minScore: 0 },
    ];
    expect(codes({ ...INPUT, gradeBands: inverted })).toEqual(['orderMismatch']);
    expect(codes({ ...INPUT, gradeBands: [] })).toEqual(['empty']);
    const problems = validateRoundInput({ ...INPUT, gradeBands: inverted });
    expect(problems[0]?.field).toBe('gradeBands');
  });

  it('accepts a pass/fail round', () => {
    const passFail = [
      { grade: 'pass' as const, minScore: 60 },
      { grade: 'fail' as const, minScore: 0 },
    ];
    expect(codes({ ...INPUT, gradeBands: passFail })).toEqual([]);
  });

  it('refuses quota shares outside 0–100%', () => {
    expect(
      codes({ ...INPUT, quotas: { excellentMaxShare: 15, rectifyOrFailMinShare: -0.1 } }),
    ).toEqual(['quotaOutOfRange', 'quotaOutOfRange']);
  });

  it('refuses a trim that would leave no score', () => {
    expect(
      codes({ ...INPUT, aggregation: { method: 'trimmedMean', trimCount: 2, trimMinSheets: 4 } }),
    ).toEqual(['trimMinSheetsTooSmall']);
    expect(
      codes({ ...INPUT, aggregation: { method: 'trimmedMean', trimCount: 2, trimMinSheets: 5 } }),
    ).toEqual([]);
    expect(
      codes({ ...INPUT, aggregation: { method: 'trimmedMean', trimCount: -1, trimMinSheets: 5 } }),
    ).toEqual(['invalidTrimCount']);
    const bogus = {
      method: 'mode',
      trimCount: 1,
      trimMinSheets: 5,
    } as unknown as RoundInput['aggregation'];
    expect(codes({ ...INPUT, aggregation: bogus })).toEqual(['unknownAggregationMethod']);
  });

  it('refuses a disagreement threshold that is not a positive number of points', () => {
    expect(codes({ ...INPUT, agreement: { disagreementRange: 0 } })).toEqual([
      'invalidDisagreementRange',
    ]);
    expect(codes({ ...INPUT, agreement: { disagreementRange: Number.NaN } })).toEqual([
      'invalidDisagreementRange',
    ]);
  });

  it('refuses a blank template choice or an unknown type', () => {
    expect(codes({ ...INPUT, templateByType: { A1: ' ' } })).toEqual(['invalidTemplateChoice']);
    const unknownType = { Z9: 'builtin-A1' } as unknown as RoundInput['templateByType'];
    expect(codes({ ...INPUT, templateByType: unknownType })).toEqual(['invalidTemplateChoice']);
  });
});
