import { describe, expect, it } from 'vitest';
import { baseProfile } from '../../../shared/charts/baseProfile';
import { computeRoundResults } from '../../../shared/domain/results';
import { builtinTemplateForType } from '../../../shared/domain/templates';
import type { BaseResult } from '../../../shared/domain/results';
import { buildBase, buildExpert, buildRound, buildScoresheet } from '../../helpers/builders';
import { submittedSheet } from '../../helpers/chartRound';

// A1 template: 研究水平与贡献 50 (A1.1.1 10, A1.1.2 15, A1.1.3 25), 队伍建设与人才培养 30
// (A1.2.1–3 10 each), 开放交流与运行管理 20 (A1.3.1 7, A1.3.2 6, A1.3.3 7).
const template = builtinTemplateForType('A1');
const round = buildRound();
const [e1, e2, e3] = ['赵一', '钱二', '孙三'].map((name) => buildExpert(round.id, 'p', { name }));
if (!e1 || !e2 || !e3) throw new Error('fixture');

const target = buildBase(round.id, { name: '目标实验室', code: 'T' });
const peer = buildBase(round.id, { name: '同类实验室', code: 'P' });
const other = buildBase(round.id, { name: '工程中心', code: 'O', type: 'B1' });

// Target, e1: 8 12 20 | 8 8 8 | 3.5 3 3.5 → 40 + 24 + 10 = 74.
// Target, e2: every indicator at its maximum → 100.
// Per indicator the target's mean is 90% on 研究水平 and 队伍 (e.g. A1.1.2: (12 + 15) / 2 = 13.5
// of 15), 75% on 开放交流 (e.g. A1.3.1: (3.5 + 7) / 2 = 5.25 of 7; primary (10 + 20) / 2 = 15 of 20).
const halfOfTarget = {
  'A1.1.1': 8,
  'A1.1.2': 12,
  'A1.1.3': 20,
  'A1.2.1': 8,
  'A1.2.2': 8,
  'A1.2.3': 8,
  'A1.3.1': 3.5,
  'A1.3.2': 3,
  'A1.3.3': 3.5,
};
// Peer, e1: half of every maximum → 50, so 50% everywhere. e2 recused with full marks and
// e3's draft count for nothing.
const sheets = [
  buildScoresheet(target, e1, { status: 'submitted', scores: halfOfTarget }),
  submittedSheet(target, e2, 100),
  buildScoresheet(target, e3, { status: 'draft', scores: { 'A1.1.1': 0 } }),
  submittedSheet(peer, e1, 0, {
    scores: Object.fromEntries(
      template.primaries.flatMap((p) => p.children.map((c) => [c.id, c.maxPoints / 2])),
    ),
  }),
  submittedSheet(peer, e2, 100, {
    recusal: { reason: '本单位', source: 'institution', at: round.createdAt },
  }),
  submittedSheet(other, e3, 20),
];
const results = computeRoundResults(round, [target, peer, other], sheets);
const targetResult = results[0] as BaseResult;

describe('baseProfile', () => {
  const profile = baseProfile({
    result: targetResult,
    roundResults: results,
    scoresheets: sheets,
    template,
    experts: [e1, e2, e3],
  });

  it('gives each primary as % of its maximum against the type average', () => {
    // Type % = mean of the base % of the type's scored bases: (90 + 50) / 2 = 70 and
    // (75 + 50) / 2 = 62.5. The B1 base is another type and does not count.
    expect(
      profile.primaries.map((row) => [row.name, row.basePoints, row.basePercent, row.typePercent]),
    ).toEqual([
      ['研究水平与贡献', 45, 90, 70],
      ['队伍建设与人才培养', 27, 90, 70],
      ['开放交流与运行管理', 15, 75, 62.5],
    ]);
    expect(profile.primaries.every((row) => row.typeBases === 2)).toBe(true);
  });

  it('gives each secondary as % of its maximum, in template order', () => {
    expect(profile.secondaries).toHaveLength(9);
    expect(profile.secondaries.map((row) => [row.indicatorId, row.basePercent])).toEqual([
      ['A1.1.1', 90],
      ['A1.1.2', 90],
      ['A1.1.3', 90],
      ['A1.2.1', 90],
      ['A1.2.2', 90],
      ['A1.2.3', 90],
      ['A1.3.1', 75],
      ['A1.3.2', 75],
      ['A1.3.3', 75],
    ]);
    expect(profile.secondaries[6]).toMatchObject({
      name: '仪器设备开放共享',
      primaryId: 'A1.3',
      maxPoints: 7,
      basePoints: 5.25,
      typePercent: 62.5,
    });
  });

  it("shows each counted expert's total as a dot, highest first, by name", () => {
    expect(profile.expertTotals).toEqual([
      { expertId: e2.id, expertName: '钱二', total: 100 },
      { expertId: e1.id, expertName: '赵一', total: 74 },
    ]);
  });

  it('carries the aggregate and grade of the results selector and the type mean', () => {
    // 2 sheets: mean (74 + 100) / 2 = 87 → 良好; peer 50; type mean (87 + 50) / 2 = 68.5.
    expect(profile).toMatchObject({
      name: '目标实验室',
      aggregate: 87,
      grade: 'good',
      typeMeanAggregate: 68.5,
      templateId: 'builtin-A1',
    });
  });

  it('has no percentages for a base nobody has scored yet', () => {
    const unscored = buildBase(round.id, { name: '未评' });
    const all = computeRoundResults(round, [target, peer, unscored], sheets);
    const empty = baseProfile({
      result: all[2] as BaseResult,
      roundResults: all,
      scoresheets: sheets,
      template,
    });
    expect(empty.primaries.map((row) => row.basePercent)).toEqual([null, null, null]);
    expect(empty.primaries[0]?.typePercent).toBe(70);
    expect(empty.expertTotals).toEqual([]);
  });
});
