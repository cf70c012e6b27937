// The 进度 tab's grouping per panel, expert and base (roundCompleteness groups each list once,
// so a 1,000-base round is not panels × sheets of work): a hand-counted round with an expert
// who moved panels, and the demo round against the reference written from the definitions.
import { describe, expect, it } from 'vitest';
import { generateDemoDataset } from '../../../shared/demo/demoRound';
import { roundCompleteness } from '../../../shared/secretariat/completeness';
import { reminderRows } from '../../../shared/secretariat/reminders';
import {
  buildAssignment,
  buildBase,
  buildExpert,
  buildPanel,
  buildRound,
  buildScoresheet,
  TEST_TIME,
} from '../../helpers/builders';
import {
  referenceCounts,
  referenceOutstandingPanels,
  referenceReminderPeople,
} from '../../helpers/completenessReference';

/**
 * 一组: 王五, 李四 (chair 王五); 二组: 张三, who scored 基地甲 while in 一组 and owes 基地乙 there.
 * 一组's bases 甲, 乙; 二组's base 丙.
 * 王五: 甲 submitted, 乙 draft (1 score). 李四: 甲 missing, 乙 submitted.
 * 张三 (now in 二组): in 一组 甲 submitted, 乙 missing; in 二组 丙 draft (no score).
 */
function movedExpertRound() {
  const round = buildRound();
  const one = buildPanel(round.id, { name: '一组' });
  const two = buildPanel(round.id, { name: '二组' });
  const wang = buildExpert(round.id, one.id, { name: '王五' });
  const li = buildExpert(round.id, one.id, { name: '李四' });
  const zhang = buildExpert(round.id, two.id, { name: '张三' });
  const jia = buildBase(round.id, { name: '基地甲', panelId: one.id });
  const yi = buildBase(round.id, { name: '基地乙', panelId: one.id });
  const bing = buildBase(round.id, { name: '基地丙', panelId: two.id });
  const submitted = { status: 'submitted' as const, submittedAt: TEST_TIME };
  return {
    input: {
      panels: [{ ...one, chairExpertId: wang.id }, two],
      experts: [zhang, wang, li],
      bases: [jia, yi, bing],
      assignments: [
        // Made while 张三 was in 一组.
        buildAssignment(yi, zhang, { panelId: one.id }),
        buildAssignment(jia, zhang, { panelId: one.id }),
        buildAssignment(jia, wang),
        buildAssignment(yi, wang),
        buildAssignment(yi, li),
        buildAssignment(jia, li),
        buildAssignment(bing, zhang),
      ],
      scoresheets: [
        buildScoresheet(jia, wang, submitted),
        buildScoresheet(yi, wang, { scores: { 'A1-1-1': 3 } }),
        buildScoresheet(yi, li, submitted),
        buildScoresheet(jia, zhang, submitted),
        buildScoresheet(bing, zhang, { scores: {} }),
      ],
    },
    people: { wang, li, zhang },
    bases: { jia, yi, bing },
  };
}

describe('round completeness per panel', () => {
  it('keeps an expert who moved panels under the old panel for what is owed there, after its own experts', () => {
    const { input, people } = movedExpertRound();
    const [one, two] = roundCompleteness(input).panels;
    // Chair first, then the panel's own (李四), then the one who moved away (张三).
    expect(one?.experts.map((e) => e.expert.name)).toEqual(['王五', '李四', '张三']);
    expect(one?.experts.map((e) => e.counts.outstanding)).toEqual([1, 1, 1]);
    expect(one?.experts[2]?.outstanding).toEqual([
      { baseId: input.bases[1]?.id, baseName: '基地乙', state: 'missing', scoredCount: 0 },
    ]);
    expect(one?.counts).toMatchObject({ expected: 6, submitted: 3, draft: 1, missing: 2 });
    expect(two?.experts.map((e) => e.expert.id)).toEqual([people.zhang.id]);
    expect(two?.counts).toMatchObject({ expected: 1, draft: 1, done: 0, percent: 0 });
  });

  it('lists each expert’s sheets in the round’s base order and each base’s in the panel’s expert order', () => {
    const { input, bases } = movedExpertRound();
    const [one] = roundCompleteness(input).panels;
    // 张三's assignments were made 乙 before 甲; the round lists 甲 first.
    expect(one?.experts[2]?.sheets.map((s) => s.baseId)).toEqual([bases.jia.id, bases.yi.id]);
    expect(one?.bases.map((b) => b.base.name)).toEqual(['基地甲', '基地乙']);
    expect(one?.bases[0]?.sheets.map((s) => s.state)).toEqual([
      'submitted',
      'missing',
      'submitted',
    ]);
    expect(one?.bases[1]?.sheets.map((s) => s.state)).toEqual(['draft', 'submitted', 'missing']);
  });

  it('orders a panel’s experts by their names as Chinese collates them, chair first', () => {
    const round = buildRound();
    const panel = buildPanel(round.id, { name: '组' });
    const names = ['赵六', '张三', '李四', '王五', '陈七'];
    const experts = names.map((name) => buildExpert(round.id, panel.id, { name }));
    const chair = experts.find((e) => e.name === '王五');
    const [row] = roundCompleteness({
      panels: [{ ...panel, chairExpertId: chair?.id }],
      experts,
      bases: [],
      assignments: [],
      scoresheets: [],
    }).panels;
    // Pinyin order: chen, li, wang, zhang, zhao; the chair 王五 first.
    expect(row?.experts.map((e) => e.expert.name)).toEqual([
      '王五',
      '陈七',
      '李四',
      '张三',
      '赵六',
    ]);
  });

  it('gives the demo round the reference’s counts, outstanding panels and reminder list', () => {
    const demo = generateDemoDataset().current;
    const completeness = roundCompleteness(demo);
    const reference = referenceCounts(demo);
    expect(completeness.counts).toMatchObject(reference);
    const perPanel = completeness.panels.map((p) => p.counts.expected);
    expect(perPanel.reduce((a, b) => a + b, 0)).toBe(reference.expected);
    expect(completeness.panels.filter((p) => p.counts.outstanding > 0)).toHaveLength(
      referenceOutstandingPanels(demo),
    );
    const people = reminderRows(completeness).map((r) => `${r.panelName},${r.expertName}`);
    expect([...people].sort()).toEqual([...referenceReminderPeople(demo)].sort());
  });
});
