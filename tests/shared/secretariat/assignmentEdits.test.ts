import { describe, expect, it } from 'vitest';
import {
  planAddPair,
  planBaseMove,
  planDeclaration,
  planRemovePair,
} from '../../../shared/secretariat/assignmentEdits';
import type { EditPlan } from '../../../shared/secretariat/assignmentEdits';
import type { Outcome } from '../../../shared/secretariat/assignment';
import { buildAssignment, buildScoresheet, TEST_TIME } from '../../helpers/builders';
import {
  basesOf,
  expertsOf,
  panelsNamed,
  records,
  startedSheet,
} from '../../helpers/assignmentBuilders';

function value(outcome: Outcome<EditPlan>): EditPlan {
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.value;
}

// Two panels; b01–b03 in p1 (each scored by both p1 experts), b04 in p2.
const bases = basesOf(4).map((b, i) => ({ ...b, panelId: i < 3 ? 'p1' : 'p2' }));
const experts = [
  ...expertsOf('p1', 2),
  ...expertsOf('p2', 3).map((e, i) => (i === 0 ? { ...e, institution: '沈阳工业大学' } : e)),
];
const [b1, b2, , b4] = bases;
const [e1, e2, f1, f2] = experts;
if (!b1 || !b2 || !b4 || !e1 || !e2 || !f1 || !f2) throw new Error('builders');
const base = records({
  bases,
  panels: panelsNamed('一', '二'),
  experts,
  assignments: [
    ...bases.slice(0, 3).flatMap((b) => [buildAssignment(b, e1), buildAssignment(b, e2)]),
    buildAssignment(b4, f2),
  ],
});

describe('planBaseMove', () => {
  it('moves a base: its old records go, the new panel gives it experts and records 回避 for its own host', () => {
    const plan = value(planBaseMove(base, 'b01', 'p2'));
    expect(plan.changes.moves).toEqual([{ baseId: 'b01', from: 'p1', to: 'p2' }]);
    expect(plan.changes.remove.map((a) => a.expertId)).toEqual(['p1-e1', 'p1-e2']);
    expect(plan.changes.add.map((p) => [p.expertId, p.panelId, p.recusal?.source])).toEqual([
      ['p2-e1', 'p2', 'institution'],
      ['p2-e2', 'p2', undefined],
      ['p2-e3', 'p2', undefined],
    ]);
  });

  it('with fewer experts per base, picks the least loaded expert of the new panel', () => {
    const plan = value(planBaseMove(base, 'b01', 'p2', { expertsPerBase: 1 }));
    // p2-e1 conflicts (own host), p2-e2 already scores b04: p2-e3.
    expect(plan.changes.add.filter((p) => !p.recusal).map((p) => p.expertId)).toEqual(['p2-e3']);
  });

  it('refuses to move a base someone started scoring, or to an unknown or the same panel', () => {
    const started = { ...base, scoresheets: [startedSheet(b1, e1)] };
    expect(planBaseMove(started, 'b01', 'p2')).toMatchObject({
      ok: false,
      message: expect.stringContaining('已有专家开始评审') as unknown,
    });
    expect(planBaseMove(base, 'b01', 'p9')).toMatchObject({ ok: false });
    expect(planBaseMove(base, 'b01', 'p1')).toMatchObject({
      ok: false,
      message: '“基地1”已在“一”中。',
    });
  });
});

describe('planAddPair and planRemovePair', () => {
  it('adds one expert of the panel to a base', () => {
    const plan = value(planAddPair(base, 'p2-e3', 'b04'));
    expect(plan.changes.add).toEqual([{ panelId: 'p2', expertId: 'p2-e3', baseId: 'b04' }]);
  });

  it('refuses a conflicted expert, an expert of another panel, and a pair already assigned', () => {
    const own = planAddPair(base, 'p2-e1', 'b04');
    expect(own).toEqual({
      ok: false,
      message:
        '专家p2-1与“基地4”存在利益冲突（专家所在单位（沈阳工业大学）为该基地依托单位），不能分配。',
    });
    expect(planAddPair(base, 'p1-e1', 'b04')).toMatchObject({ ok: false });
    expect(planAddPair(base, 'p2-e2', 'b04')).toMatchObject({
      ok: false,
      message: '专家p2-2已分配评审“基地4”。',
    });
  });

  it('removes a pair, but not once the expert started the sheet, nor a recusal record', () => {
    expect(value(planRemovePair(base, 'p1-e1', 'b02')).changes.remove).toHaveLength(1);
    const started = { ...base, scoresheets: [startedSheet(b2, e1)] };
    expect(planRemovePair(started, 'p1-e1', 'b02')).toEqual({
      ok: false,
      message: '专家p1-1已开始评审“基地2”，不能取消分配。',
    });
    const recused = {
      ...base,
      assignments: [
        buildAssignment(b4, f1, {
          recusal: { reason: '本单位', source: 'institution', at: TEST_TIME },
        }),
      ],
    };
    expect(planRemovePair(recused, 'p2-e1', 'b04')).toMatchObject({ ok: false });
    expect(planRemovePair(base, 'p2-e3', 'b04')).toMatchObject({ ok: false });
  });
});

describe('planDeclaration', () => {
  it('turns the pair’s assignment into a declared recusal, or creates one', () => {
    const plan = value(
      planDeclaration(base, { expertId: 'p1-e1', baseId: 'b02', reason: ' 亲属 ' }),
    );
    expect(plan.changes.update).toHaveLength(1);
    expect(plan.changes.update[0]?.after.recusal).toEqual({ reason: '亲属', source: 'declared' });
    const created = value(
      planDeclaration(base, { expertId: 'p2-e3', baseId: 'b04', reason: '曾任顾问' }),
    );
    expect(created.changes.add).toEqual([
      {
        panelId: 'p2',
        expertId: 'p2-e3',
        baseId: 'b04',
        recusal: { reason: '曾任顾问', source: 'declared' },
      },
    ]);
  });

  it('refuses a blank reason, another panel, a pair already declared, or a sheet already started', () => {
    expect(planDeclaration(base, { expertId: 'p1-e1', baseId: 'b02', reason: '  ' })).toEqual({
      ok: false,
      message: '请填写回避原因。',
    });
    expect(
      planDeclaration(base, { expertId: 'p1-e1', baseId: 'b04', reason: '亲属' }),
    ).toMatchObject({ ok: false });
    const declaredOnSheet = {
      ...base,
      scoresheets: [
        buildScoresheet(b2, e1, {
          recusal: { reason: '曾任顾问', source: 'declared', at: TEST_TIME },
        }),
      ],
    };
    expect(
      planDeclaration(declaredOnSheet, { expertId: 'p1-e1', baseId: 'b02', reason: '亲属' }),
    ).toEqual({ ok: false, message: '专家p1-1已对“基地2”声明回避。' });
    const started = { ...base, scoresheets: [startedSheet(b2, e1)] };
    expect(
      planDeclaration(started, { expertId: 'p1-e1', baseId: 'b02', reason: '亲属' }),
    ).toMatchObject({ ok: false, message: expect.stringContaining('评分表') as unknown });
  });
});
