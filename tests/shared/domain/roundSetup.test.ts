import { describe, expect, it } from 'vitest';
import {
  buildRound,
  defaultRoundSetup,
  problemsOfStep,
  reviseRoundSettings,
  roundSetupOf,
  suggestRoundName,
  templatesOfType,
  validateRoundSetup,
} from '../../../shared/domain/roundSetup';
import type { RoundSetupInput } from '../../../shared/domain/roundSetup';
import { BUILTIN_TEMPLATES, builtinTemplateForType } from '../../../shared/domain/templates';
import { copyTemplate, setIndicatorPoints } from '../../../shared/domain/templateEditing';
import { buildRound as buildStoredRound } from '../../helpers/builders';

const deps = { now: () => '2019-08-01T08:00:00.000Z', newId: () => 'round-new' };

const input = (overrides: Partial<RoundSetupInput> = {}): RoundSetupInput => ({
  ...defaultRoundSetup(2019),
  name: '2019年度省级科技创新基地优化整合评估',
  ...overrides,
});

const codes = (i: RoundSetupInput, context = {}) =>
  validateRoundSetup(i, context).map((p) => `${p.step}:${p.code}`);

describe('the wizard defaults', () => {
  it('start from INDICATORS.md: 90/80/60 bands, 15%/10% quotas, trimmed mean from 5 sheets, built-ins', () => {
    const setup = defaultRoundSetup(2024);
    expect(setup.year).toBe(2024);
    expect(setup.gradeBands.map((b) => b.minScore)).toEqual([90, 80, 60, 0]);
    expect(setup.quotas).toEqual({ excellentMaxShare: 0.15, rectifyOrFailMinShare: 0.1 });
    expect(setup.aggregation).toEqual({ method: 'trimmedMean', trimCount: 1, trimMinSheets: 5 });
    expect(setup.agreement).toEqual({ disagreementRange: 15 });
    expect(setup.templateByType.A1).toBe('builtin-A1');
    expect(setup.templateByType.C3).toBe('builtin-C3');
    expect(validateRoundSetup({ ...setup, name: '某轮次' })).toEqual([]);
  });

  it('proposes a name from the year and the evaluation type', () => {
    expect(suggestRoundName(2019, 'integration')).toBe('2019年度省级科技创新基地优化整合评估');
    expect(suggestRoundName(2021, 'periodic')).toBe('2021年度省级科技创新基地定期评估');
  });

  it('offers both built-in key-laboratory systems for A1 and one for B4', () => {
    expect(templatesOfType('A1').map((t) => t.id)).toEqual(['builtin-A1', 'builtin-A1-moe']);
    expect(templatesOfType('B4').map((t) => t.id)).toEqual(['builtin-B4']);
  });
});

describe('validating the wizard, step by step', () => {
  it('ties each problem to the step that shows it', () => {
    const problems = validateRoundSetup(
      input({
        name: ' ',
        gradeBands: [
          { grade: 'excellent', minScore: 80 },
          { grade: 'good', minScore: 90 },
          { grade: 'fail', minScore: 0 },
        ],
        quotas: { excellentMaxShare: 1.5, rectifyOrFailMinShare: null },
        aggregation: { method: 'trimmedMean', trimCount: 2, trimMinSheets: 4 },
      }),
    );
    expect(problemsOfStep(problems, 'basics').map((p) => p.code)).toEqual(['nameRequired']);
    expect(problemsOfStep(problems, 'grading').map((p) => p.code)).toEqual([
      'orderMismatch',
      'quotaOutOfRange',
    ]);
    expect(problemsOfStep(problems, 'aggregation').map((p) => p.message)).toEqual([
      '启用去极值的最少有效评分表数须为整数且至少为 5，以保证去掉后仍有分数',
    ]);
    expect(problemsOfStep(problems, 'templates')).toEqual([]);
  });

  it('refuses a second round with the same name in the same year, not in another year', () => {
    const existingRounds = [{ id: 'r1', name: '2019年度省级科技创新基地优化整合评估', year: 2019 }];
    expect(codes(input(), { existingRounds })).toEqual(['basics:duplicateName']);
    expect(codes(input({ year: 2020 }), { existingRounds })).toEqual([]);
  });

  it('needs a template for every type, of that type, that adds up to 100', () => {
    const broken = setIndicatorPoints(
      copyTemplate(builtinTemplateForType('B1'), { newId: () => 'b1-copy' }),
      'B1.1.1',
      7,
    );
    const templateByType = {
      ...defaultRoundSetup(2019).templateByType,
      A1: 'builtin-B2',
      B1: 'b1-copy',
      C1: 'nowhere',
    };
    const problems = validateRoundSetup(input({ templateByType }), {
      templates: [...BUILTIN_TEMPLATES, broken],
    });
    expect(problems.map((p) => `${p.field}:${p.code}`)).toEqual([
      'templateByType.A1:templateWrongType',
      'templateByType.B1:templateInvalid',
      'templateByType.C1:templateMissing',
    ]);
    expect(problems[1]?.message).toContain('实力与能力');
    expect(problems[2]?.message).toBe('请为“C1 省科技创新综合信息平台”选择指标体系');
  });
});

describe('buildRound', () => {
  it('creates a round in setup with the chosen settings and copies of its templates', () => {
    const result = buildRound(
      input({
        evaluationType: 'periodic',
        aggregation: { method: 'median', trimCount: 1, trimMinSheets: 5 },
        agreement: { disagreementRange: 20 },
        templateByType: { ...defaultRoundSetup(2019).templateByType, A1: 'builtin-A1-moe' },
      }),
      deps,
    );
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const { round, templates } = result.value;
    expect(round).toMatchObject({
      id: 'round-new',
      name: '2019年度省级科技创新基地优化整合评估',
      year: 2019,
      evaluationType: 'periodic',
      status: 'setup',
      createdAt: '2019-08-01T08:00:00.000Z',
      aggregation: { method: 'median' },
      agreement: { disagreementRange: 20 },
    });
    expect(round.templateByType.A1).toBe('builtin-A1-moe');
    expect(templates.map((t) => t.id).sort()).toEqual(
      [
        'builtin-A1-moe',
        'builtin-B1',
        'builtin-B2',
        'builtin-B3',
        'builtin-B4',
        'builtin-B5',
        'builtin-C1',
        'builtin-C2',
        'builtin-C3',
      ].sort(),
    );
    // Copies: the frozen built-ins themselves never reach the database layer.
    expect(Object.isFrozen(templates[0])).toBe(false);
  });

  it('returns every problem and no round when the input is not valid', () => {
    const result = buildRound(input({ name: '', year: 1999 }), deps);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.code)).toEqual(['nameRequired', 'yearOutOfRange']);
  });
});

describe('editing a stored round’s settings', () => {
  it('changes the settings and keeps id, status, creation time and templates', () => {
    const round = buildStoredRound({ templateByType: { A1: 'custom-a1' } });
    const edited = { ...roundSetupOf(round), name: '新名称', year: 2025 };
    const result = reviseRoundSettings(round, edited);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.value).toEqual({ ...round, name: '新名称', year: 2025 });
  });

  it('refuses once the round is issued, and refuses invalid settings', () => {
    const issued = buildStoredRound({ status: 'issued' });
    const locked = reviseRoundSettings(issued, roundSetupOf(issued));
    expect(locked.ok ? [] : locked.problems.map((p) => p.code)).toEqual(['roundLocked']);
    const round = buildStoredRound();
    const bad = reviseRoundSettings(round, {
      ...roundSetupOf(round),
      agreement: { disagreementRange: 0 },
    });
    expect(bad.ok ? [] : bad.problems.map((p) => p.code)).toEqual(['invalidDisagreementRange']);
  });
});
