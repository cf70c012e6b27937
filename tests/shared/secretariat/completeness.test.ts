// The secretariat's progress view: hand-counted rounds, so every number on the 进度 tab is
// one a clerk could check against the panels' lists.
import { describe, expect, it } from 'vitest';
import {
  countStates,
  isOutstanding,
  roundCompleteness,
} from '../../../shared/secretariat/completeness';
import type { ExpectedState } from '../../../shared/secretariat/completeness';
import { reminderRows } from '../../../shared/secretariat/reminders';
import type { RoundChange } from '../../../shared/domain/types';
import {
  buildAssignment,
  buildBase,
  buildExpert,
  buildPanel,
  buildRound,
  buildScoresheet,
  TEST_TIME,
} from '../../helpers/builders';
import { planRoundChange } from '../../../shared/secretariat/roundChangePlans';
import {
  applyPlan,
  changeDeps,
  issuedRound,
  submittedSheet,
} from '../../helpers/roundChangeBuilders';

/**
 * Panel 沈阳一组: 张三 (chair) and 李四; panel 大连组: 王五 and 赵六 (no assignments).
 * 张三: 甲 submitted (a stray draft copy too), 乙 draft with 2 scores.
 * 李四: 甲 missing, 乙 recused on the assignment.
 * 王五: 丙 recused on the sheet; also a sheet for 甲 without an assignment (not expected).
 */
function sampleRound() {
  const round = buildRound();
  const shenyang = buildPanel(round.id, { name: '沈阳一组' });
  const dalian = buildPanel(round.id, { name: '大连组' });
  const zhang = buildExpert(round.id, shenyang.id, { name: '张三', phone: '13800000001' });
  const li = buildExpert(round.id, shenyang.id, { name: '李四' });
  const wang = buildExpert(round.id, dalian.id, { name: '王五' });
  const zhao = buildExpert(round.id, dalian.id, { name: '赵六' });
  const panels = [{ ...shenyang, chairExpertId: zhang.id }, dalian];
  const jia = buildBase(round.id, { name: '基地甲', panelId: shenyang.id });
  const yi = buildBase(round.id, { name: '基地乙', panelId: shenyang.id });
  const bing = buildBase(round.id, { name: '基地丙', panelId: dalian.id });
  const recusal = { reason: '同一单位', source: 'institution' as const, at: TEST_TIME };
  const assignments = [
    buildAssignment(jia, zhang),
    buildAssignment(yi, zhang),
    buildAssignment(jia, li),
    buildAssignment(yi, li, { recusal }),
    buildAssignment(bing, wang),
  ];
  const scoresheets = [
    buildScoresheet(jia, zhang, { status: 'draft' }),
    buildScoresheet(jia, zhang, { status: 'submitted', submittedAt: TEST_TIME }),
    buildScoresheet(yi, zhang, { scores: { 'A1-1-1': 3, 'A1-1-2': 4 } }),
    buildScoresheet(bing, wang, { recusal: { ...recusal, source: 'declared' } }),
    buildScoresheet(jia, wang, { status: 'submitted' }),
  ];
  return {
    input: {
      panels,
      experts: [li, zhang, wang, zhao],
      bases: [jia, yi, bing],
      assignments,
      scoresheets,
    },
    people: { zhang, li, wang, zhao },
    bases: { jia, yi, bing },
  };
}

const states = (sheets: readonly { state: ExpectedState }[]) => sheets.map((s) => s.state);

describe('round completeness', () => {
  it('counts every expected sheet of the round once, by state', () => {
    const { input } = sampleRound();
    const { counts } = roundCompleteness(input);
    expect(counts).toEqual({
      expected: 5,
      submitted: 1,
      draft: 1,
      recused: 2,
      missing: 1,
      waived: 0,
      done: 3,
      outstanding: 2,
      percent: 60,
    });
  });

  it('gives each panel its totals and a percentage of sheets done', () => {
    const { input } = sampleRound();
    const [shenyang, dalian] = roundCompleteness(input).panels;
    expect(shenyang?.counts).toMatchObject({ expected: 4, done: 2, outstanding: 2, percent: 50 });
    expect(dalian?.counts).toMatchObject({ expected: 1, recused: 1, percent: 100 });
  });

  it('lists the chair first and what each expert still owes, in base order', () => {
    const { input, people, bases } = sampleRound();
    const [shenyang, dalian] = roundCompleteness(input).panels;
    expect(shenyang?.experts.map((e) => e.expert.name)).toEqual(['张三', '李四']);
    const [zhang, li] = shenyang?.experts ?? [];
    expect(zhang?.outstanding).toEqual([
      { baseId: bases.yi.id, baseName: '基地乙', state: 'draft', scoredCount: 2 },
    ]);
    expect(states(zhang?.sheets ?? [])).toEqual(['submitted', 'draft']);
    expect(li?.outstanding).toEqual([
      { baseId: bases.jia.id, baseName: '基地甲', state: 'missing', scoredCount: 0 },
    ]);
    expect(li?.counts).toMatchObject({ missing: 1, recused: 1, percent: 50 });
    expect(li?.sheets[1]?.recusalReason).toBe('同一单位');
    // An expert without assignments is listed, with nothing expected.
    expect(dalian?.experts.map((e) => [e.expert.id, e.counts.expected])).toEqual([
      [people.wang.id, 1],
      [people.zhao.id, 0],
    ]);
  });

  it('shows per base which expert is in which state, in the panel order of experts', () => {
    const { input, people } = sampleRound();
    const [shenyang] = roundCompleteness(input).panels;
    const [jia, yi] = shenyang?.bases ?? [];
    expect(jia?.sheets.map((s) => [s.expertId, s.state])).toEqual([
      [people.zhang.id, 'submitted'],
      [people.li.id, 'missing'],
    ]);
    expect(yi?.counts).toMatchObject({ draft: 1, recused: 1, percent: 50 });
  });

  it('ignores sheets nobody assigned: they are not expected', () => {
    const { input } = sampleRound();
    const [, dalian] = roundCompleteness(input).panels;
    expect(dalian?.bases.map((b) => b.base.name)).toEqual(['基地丙']);
    expect(dalian?.experts[0]?.sheets).toHaveLength(1);
  });
});

describe('state counts', () => {
  it('rounds the percentage down, so 100% means nothing is outstanding', () => {
    const sheets = [
      ...Array.from({ length: 199 }, () => ({ state: 'submitted' as const })),
      { state: 'draft' as const },
    ];
    expect(countStates(sheets).percent).toBe(99);
    expect(countStates([]).percent).toBe(100);
    expect(countStates([{ state: 'recused' }]).percent).toBe(100);
  });

  it('counts draft and missing sheets as outstanding, submitted and recused as done', () => {
    const states = ['submitted', 'draft', 'recused', 'missing'] as const;
    expect(states.filter(isOutstanding)).toEqual(['draft', 'missing']);
  });
});

describe('completeness after changes during the round (轮次变更)', () => {
  it('expects nothing of a withdrawn base and counts a voided sheet for nothing', () => {
    const start = issuedRound();
    start.scoresheets.push(submittedSheet(start, 'p1-e2', 'b01'));
    start.scoresheets.push(submittedSheet(start, 'p1-e1', 'b02'));
    const deps = changeDeps();
    const replaced = planRoundChange(
      start,
      { kind: 'replaceExpert', expertId: 'p1-e2', replacementExpertId: 'p1-e3', reason: '因病' },
      '秘书处',
      deps,
    );
    if (!replaced.ok) throw new Error(replaced.message);
    const mid = applyPlan(start, replaced.value);
    const withdrawn = planRoundChange(
      mid,
      { kind: 'withdrawBase', baseId: 'b02', reason: '退出' },
      '秘书处',
      deps,
    );
    if (!withdrawn.ok) throw new Error(withdrawn.message);
    const after = applyPlan(mid, withdrawn.value);
    const { counts } = roundCompleteness({ ...after, changes: after.changes });
    // b01, b03 for p1-e1 and the replacement p1-e3, b04 for the three of 大连组: seven
    // expected, none scored (p1-e2's sheet is voided, p1-e1's of b02 is of a withdrawn base).
    expect(counts).toMatchObject({ expected: 7, submitted: 0, missing: 7, recused: 0 });
  });
});

describe('completeness with missing sheets waived (缺评)', () => {
  const waiver = (
    id: string,
    expertId: string,
    baseId: string,
    reason: string,
    extra: Partial<RoundChange> = {},
  ): RoundChange => ({
    id,
    roundId: 'r',
    kind: 'waiveMissing',
    at: '2024-06-01T02:00:00.000Z',
    actor: '秘书处 王芳',
    reason,
    expertId,
    baseId,
    voids: [],
    ...extra,
  });

  it('shows a waived missing sheet as 缺评 with its reason, done and never outstanding', () => {
    const { input, people, bases } = sampleRound();
    const changes = [waiver('w1', people.li.id, bases.jia.id, '专家因病缺席')];
    const result = roundCompleteness({ ...input, changes });
    // 5 expected: 张三 甲 submitted, 张三 乙 draft, 李四 甲 waived, 李四 乙 and 王五 丙
    // recused. Done = 1 + 2 + 1 = 4 of 5 (80%); only 张三's draft is outstanding.
    expect(result.counts).toEqual({
      expected: 5,
      submitted: 1,
      draft: 1,
      recused: 2,
      missing: 0,
      waived: 1,
      done: 4,
      outstanding: 1,
      percent: 80,
    });
    const [shenyang] = result.panels;
    // 沈阳一组: 4 expected, 3 done (submitted, waived, recused).
    expect(shenyang?.counts).toMatchObject({ expected: 4, done: 3, waived: 1, percent: 75 });
    const li = shenyang?.experts.find((e) => e.expert.id === people.li.id);
    expect(li?.outstanding).toEqual([]);
    expect(li?.counts).toMatchObject({ expected: 2, waived: 1, recused: 1, percent: 100 });
    expect(li?.sheets.map((s) => [s.state, s.waiverReason])).toEqual([
      ['waived', '专家因病缺席'],
      ['recused', undefined],
    ]);
    const jia = shenyang?.bases.find((b) => b.base.id === bases.jia.id);
    expect(jia?.sheets.map((s) => [s.expertId, s.state])).toEqual([
      [people.zhang.id, 'submitted'],
      [people.li.id, 'waived'],
    ]);
  });

  it('waives a draft too, keeping the sheet and its scored count', () => {
    const { input, people, bases } = sampleRound();
    const changes = [
      waiver('w1', people.li.id, bases.jia.id, '专家因病缺席'),
      waiver('w2', people.zhang.id, bases.yi.id, '草稿未完成，组长确认不再评'),
    ];
    const result = roundCompleteness({ ...input, changes });
    // Nothing outstanding any more: 1 submitted + 2 recused + 2 waived = 5 of 5.
    expect(result.counts).toMatchObject({
      draft: 0,
      missing: 0,
      waived: 2,
      done: 5,
      outstanding: 0,
      percent: 100,
    });
    const zhang = result.panels[0]?.experts.find((e) => e.expert.id === people.zhang.id);
    const yi = zhang?.sheets.find((s) => s.baseId === bases.yi.id);
    expect(yi).toMatchObject({
      state: 'waived',
      scoredCount: 2,
      waiverReason: '草稿未完成，组长确认不再评',
    });
    expect(yi?.sheetId).toBeDefined();
    // No expert is left to remind.
    expect(reminderRows(result)).toEqual([]);
  });

  it('reminds only of what is not waived', () => {
    const { input, people, bases } = sampleRound();
    const changes = [waiver('w1', people.li.id, bases.jia.id, '专家因病缺席')];
    const rows = reminderRows(roundCompleteness({ ...input, changes }));
    // 李四 owed only 甲 (乙 is recused), now waived: only 张三 and his draft of 乙 remain.
    expect(rows.map((r) => [r.expertName, r.draftCount, r.missingCount])).toEqual([['张三', 1, 0]]);
    expect(rows[0]?.items.map((i) => i.baseName)).toEqual(['基地乙']);
  });

  it('ignores an undone waiver and a waiver of a sheet already submitted', () => {
    const { input, people, bases } = sampleRound();
    const changes = [
      waiver('w1', people.li.id, bases.jia.id, '专家因病缺席', {
        undone: { at: '2024-06-01T03:00:00.000Z', actor: '秘书处 王芳', reason: '专家已补评' },
      }),
      waiver('w2', people.zhang.id, bases.jia.id, '误登记'),
    ];
    const { counts, panels } = roundCompleteness({ ...input, changes });
    // As without any waiver: 李四 甲 missing, 张三 甲 submitted.
    expect(counts).toMatchObject({ submitted: 1, draft: 1, missing: 1, waived: 0, done: 3 });
    const jia = panels[0]?.bases.find((b) => b.base.id === bases.jia.id);
    expect(jia?.sheets.map((s) => [s.state, s.waiverReason])).toEqual([
      ['submitted', undefined],
      ['missing', undefined],
    ]);
  });

  it('counts waived sheets as done', () => {
    expect(countStates([{ state: 'waived' }, { state: 'missing' }])).toMatchObject({
      waived: 1,
      done: 1,
      outstanding: 1,
      percent: 50,
    });
    expect(isOutstanding('waived')).toBe(false);
  });
});
