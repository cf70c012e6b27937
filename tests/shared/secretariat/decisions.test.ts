// The final decision per base: a grade's suggestion is only a starting point, the experts'
// recommendations are counted, and what the clerk enters is checked before it is recorded.
import { describe, expect, it } from 'vitest';
import {
  checkDecisionForm,
  formFromDisposition,
  mergeTargetOptions,
  parseDecisionDetail,
  recommendationTally,
  suggestDisposition,
} from '../../../shared/secretariat/decisions';
import type { DecisionForm } from '../../../shared/secretariat/decisions';
import {
  buildBase,
  buildDecision,
  buildExpert,
  buildRound,
  buildScoresheet,
  TEST_TIME,
} from '../../helpers/builders';

const round = buildRound();
const lab = buildBase(round.id, { name: '辽宁省金属材料重点实验室', type: 'A1', city: '沈阳' });
const center = buildBase(round.id, {
  name: '辽宁省机器人工程技术研究中心',
  type: 'B4',
  city: '沈阳',
  hostInstitution: '新松机器人',
});
const otherLab = buildBase(round.id, { name: '辽宁省催化重点实验室', type: 'A1', city: '大连' });
const elsewhere = buildBase(buildRound().id, { name: '别的轮次的基地' });
const context = { base: lab, roundBaseIds: new Set([lab.id, center.id, otherLab.id]) };

const form = (overrides: Partial<DecisionForm>): DecisionForm => ({
  code: undefined,
  targetType: undefined,
  targetBaseId: undefined,
  reason: '',
  actor: '王芳',
  ...overrides,
});

describe('suggestions from the grade', () => {
  it('suggests 纳入 in its own type for 优秀, 良好 and 合格, and 限期整改 for 不合格', () => {
    expect(suggestDisposition(center, 'excellent')).toEqual({ code: 'include', targetType: 'B4' });
    expect(suggestDisposition(center, 'pass')).toEqual({ code: 'include', targetType: 'B4' });
    expect(suggestDisposition(center, 'fail')).toEqual({ code: 'rectify' });
    expect(suggestDisposition(center, null)).toBeNull();
  });

  it("counts the experts' recommendations of submitted, non-recused sheets, most frequent first", () => {
    const expert = buildExpert(round.id, 'panel-1');
    const sheet = (code: 'include' | 'rectify' | 'revoke', extra = {}) =>
      buildScoresheet(lab, expert, {
        status: 'submitted',
        recommendation: {
          disposition: code === 'include' ? { code, targetType: 'A1' } : { code },
          reason: '理由',
        },
        ...extra,
      });
    const tally = recommendationTally(
      [
        sheet('include'),
        sheet('rectify'),
        sheet('rectify'),
        sheet('revoke', { status: 'draft' }),
        sheet('revoke', { recusal: { reason: '回避', source: 'declared', at: TEST_TIME } }),
        { ...sheet('revoke'), baseId: center.id },
      ],
      lab.id,
    );
    expect(tally).toEqual([
      { code: 'rectify', count: 2 },
      { code: 'include', count: 1 },
    ]);
  });
});

describe('checking the decision form', () => {
  it('accepts a merge into another base of the round with a rationale', () => {
    const checked = checkDecisionForm(
      form({ code: 'merge', targetBaseId: otherLab.id, reason: '方向重叠，并入催化实验室' }),
      context,
    );
    expect(checked).toEqual({
      ok: true,
      decision: {
        disposition: { code: 'merge', targetBaseId: otherLab.id },
        reason: '方向重叠，并入催化实验室',
      },
      actor: '王芳',
    });
  });

  it('requires a rationale for every disposition, and the person recording it', () => {
    const checked = checkDecisionForm(
      form({ code: 'include', targetType: 'A1', reason: '  ', actor: ' ' }),
      context,
    );
    expect(checked).toEqual({
      ok: false,
      problems: [
        { field: 'reason', message: '请填写决定理由' },
        { field: 'actor', message: '请填写经办人姓名' },
      ],
    });
  });

  it('names the missing or wrong target', () => {
    const targetProblem = (overrides: Partial<DecisionForm>) => {
      const checked = checkDecisionForm(form({ reason: '理由', ...overrides }), context);
      return checked.ok ? [] : checked.problems.map((p) => `${p.field}: ${p.message}`);
    };
    expect(targetProblem({ code: 'include' })).toEqual(['target: 请选择“纳入”的目标基地类型']);
    expect(targetProblem({ code: 'merge' })).toEqual(['target: 请选择合并到的基地']);
    expect(targetProblem({ code: 'merge', targetBaseId: lab.id })).toEqual([
      'target: 基地不能合并到其自身',
    ]);
    expect(targetProblem({ code: 'merge', targetBaseId: elsewhere.id })).toEqual([
      'target: 合并目标不是本轮评估中的基地',
    ]);
    expect(targetProblem({ code: 'convert', targetType: 'A1' })).toEqual([
      'target: 该基地已是省重点实验室，不能“转”为同一类型',
    ]);
    expect(targetProblem({})).toEqual(['code: 请选择处理决定']);
  });

  it('fills the form from a stored decision with its target', () => {
    expect(
      formFromDisposition({ code: 'convert', targetType: 'B1' }, '转为工程中心', '王芳'),
    ).toEqual({
      code: 'convert',
      targetType: 'B1',
      targetBaseId: undefined,
      reason: '转为工程中心',
      actor: '王芳',
    });
  });
});

describe('merge targets', () => {
  it('offers every other base of the round, same type first, and flags targets that are going away', () => {
    const options = mergeTargetOptions(
      lab,
      [center, lab, otherLab, elsewhere],
      [buildDecision(center, { disposition: { code: 'revoke' }, reason: '撤销' })],
    );
    expect(options.map((o) => [o.base.id, o.caution])).toEqual([
      [otherLab.id, undefined],
      [center.id, 'targetRevoked'],
    ]);
    expect(options[1]?.searchText).toContain('新松机器人');
  });
});

describe('decision history', () => {
  it('takes apart the audit detail the decision repository writes', () => {
    expect(parseDecisionDetail('merge → base-7: 方向重叠: 并入')).toEqual({
      code: 'merge',
      target: 'base-7',
      reason: '方向重叠: 并入',
    });
    expect(parseDecisionDetail('revoke: 长期无成果')).toEqual({
      code: 'revoke',
      reason: '长期无成果',
    });
    expect(parseDecisionDetail('include → B4: ')).toEqual({
      code: 'include',
      target: 'B4',
      reason: '',
    });
    expect(parseDecisionDetail('提交评分表')).toBeUndefined();
    expect(parseDecisionDetail('demolish: x')).toBeUndefined();
    expect(parseDecisionDetail(undefined)).toBeUndefined();
  });
});
