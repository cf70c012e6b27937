// Closing a round: every reason that blocks it, waivers (缺评), each decision's basis over the
// counted sheets, and the version of the next closing. Expectations worked out by hand.
import { describe, expect, it } from 'vitest';
import type { RoundChange, Scoresheet } from '../../../shared/domain/types';
import {
  closeBlockers,
  closeRefusalText,
  decisionBases,
  finalFileName,
  nextClosureVersion,
  publishedClosure,
  standingClosure,
  waiverRefusal,
} from '../../../shared/secretariat/closing';
import type { ClosingRecords } from '../../../shared/secretariat/closing';
import {
  buildAssignment,
  buildBase,
  buildDecision,
  buildExpert,
  buildPanel,
  buildRound,
  buildScoresheet,
  TEST_TIME,
} from '../../helpers/builders';
import { sampleConflict } from '../../helpers/secretariatBuilders';

// Trimmed mean, one off each end, from 3 valid sheets up; 优秀 ≥ 90, 良好 ≥ 80, 合格 ≥ 60.
const round = buildRound({
  status: 'issued',
  aggregation: { method: 'trimmedMean', trimCount: 1, trimMinSheets: 3 },
});
const panel = buildPanel(round.id);
const [e1, e2, e3] = ['e1', 'e2', 'e3'].map((id) => buildExpert(round.id, panel.id, { id }));
const [b1, b2, b3, b4] = ['b1', 'b2', 'b3', 'b4'].map((id) =>
  buildBase(round.id, { id, panelId: panel.id }),
);
if (!e1 || !e2 || !e3 || !b1 || !b2 || !b3 || !b4) throw new Error('builders');

const submitted = (total: number): Partial<Scoresheet> => ({
  status: 'submitted',
  scores: { s1: total },
  submittedAt: TEST_TIME,
});

const change = (fields: Partial<RoundChange> & Pick<RoundChange, 'id' | 'kind'>): RoundChange => ({
  roundId: round.id,
  at: TEST_TIME,
  actor: '秘书处 王芳',
  reason: '测试',
  voids: [],
  ...fields,
});

// b1: three submitted sheets (80, 90, 40). b2: e1 submitted, e2 a draft, e3 nothing.
// b3: e1 submitted 95, e2 nothing but waived (缺评), e3 recused on the assignment.
// b4: withdrawn from the round; e1's sheet on it is voided.
const recused = { reason: '曾在依托单位任职', source: 'declared' as const, at: TEST_TIME };
const assignments = [
  ...[b1, b2].flatMap((b) => [e1, e2, e3].map((e) => buildAssignment(b, e))),
  buildAssignment(b3, e1),
  buildAssignment(b3, e2),
  buildAssignment(b3, e3, { recusal: recused }),
  buildAssignment(b4, e1),
];
const scoresheets = [
  buildScoresheet(b1, e1, submitted(80)),
  buildScoresheet(b1, e2, submitted(90)),
  buildScoresheet(b1, e3, submitted(40)),
  buildScoresheet(b2, e1, submitted(60)),
  buildScoresheet(b2, e2, { scores: { s1: 30 } }),
  buildScoresheet(b3, e1, submitted(95)),
  buildScoresheet(b4, e1, submitted(50)),
];
const changes = [
  change({
    id: 'c-withdraw',
    kind: 'withdrawBase',
    baseId: b4.id,
    voids: [{ expertId: e1.id, baseId: b4.id }],
  }),
  change({ id: 'c-waive', kind: 'waiveMissing', expertId: e2.id, baseId: b3.id }),
];
const openConflict = sampleConflict(
  { baseId: b1.id, expertId: e1.id },
  {},
  {
    id: 'conflict-open',
    roundId: round.id,
  },
).conflict;
const settledConflict = sampleConflict(
  { baseId: b2.id, expertId: e1.id },
  {},
  {
    id: 'conflict-settled',
    roundId: round.id,
    resolvedAt: TEST_TIME,
    resolution: 'local',
  },
).conflict;

const records: ClosingRecords = {
  bases: [b1, b2, b3, b4],
  assignments,
  scoresheets,
  decisions: [buildDecision(b1)],
  conflicts: [settledConflict, openConflict],
  changes,
};

describe('closeBlockers', () => {
  it('lists the open conflict, each undecided base and each sheet still owed, with where each is fixed', () => {
    expect(closeBlockers(records)).toEqual([
      {
        kind: 'openConflict',
        tab: 'conflicts',
        conflictId: 'conflict-open',
        baseId: 'b1',
        expertId: 'e1',
      },
      { kind: 'undecidedBase', tab: 'results', baseId: 'b2' },
      { kind: 'undecidedBase', tab: 'results', baseId: 'b3' },
      {
        kind: 'missingSheet',
        tab: 'progress',
        baseId: 'b2',
        expertId: 'e2',
        panelId: panel.id,
        state: 'draft',
      },
      {
        kind: 'missingSheet',
        tab: 'progress',
        baseId: 'b2',
        expertId: 'e3',
        panelId: panel.id,
        state: 'missing',
      },
    ]);
  });

  it('says in one sentence how many of each there are', () => {
    expect(closeRefusalText(closeBlockers(records))).toBe(
      '还不能结束评估：1 项评分冲突未处理，2 个基地尚无最终决定，2 份应交评分表未提交（可登记缺评）。',
    );
  });

  it('refuses for an open conflict alone', () => {
    const only = {
      ...records,
      decisions: [b1, b2, b3].map((b) => buildDecision(b)),
      changes: [
        ...changes,
        change({ id: 'w2', kind: 'waiveMissing', expertId: e2.id, baseId: b2.id }),
        change({ id: 'w3', kind: 'waiveMissing', expertId: e3.id, baseId: b2.id }),
      ],
    };
    expect(closeBlockers(only).map((b) => b.kind)).toEqual(['openConflict']);
    expect(closeBlockers({ ...only, conflicts: [settledConflict] })).toEqual([]);
  });

  it('refuses for a base without a decision alone, but not for a withdrawn one', () => {
    const only = {
      ...records,
      conflicts: [],
      decisions: [b1, b3].map((b) => buildDecision(b)),
      changes: [
        ...changes,
        change({ id: 'w2', kind: 'waiveMissing', expertId: e2.id, baseId: b2.id }),
        change({ id: 'w3', kind: 'waiveMissing', expertId: e3.id, baseId: b2.id }),
      ],
    };
    expect(closeBlockers(only)).toEqual([{ kind: 'undecidedBase', tab: 'results', baseId: 'b2' }]);
  });

  it('refuses for a missing sheet alone until it is waived, and a waiver undone counts again', () => {
    const waiveDraft = change({ id: 'w2', kind: 'waiveMissing', expertId: e2.id, baseId: b2.id });
    const only = {
      ...records,
      conflicts: [],
      decisions: [b1, b2, b3].map((b) => buildDecision(b)),
      changes: [...changes, waiveDraft],
    };
    expect(closeBlockers(only)).toEqual([
      {
        kind: 'missingSheet',
        tab: 'progress',
        baseId: 'b2',
        expertId: 'e3',
        panelId: panel.id,
        state: 'missing',
      },
    ]);
    const waived = [
      ...only.changes,
      change({ id: 'w3', kind: 'waiveMissing', expertId: e3.id, baseId: b2.id }),
    ];
    expect(closeBlockers({ ...only, changes: waived })).toEqual([]);
    const undone = { at: TEST_TIME, actor: '秘书处', reason: '专家补交' };
    const withUndo = waived.map((c) => (c.id === 'w2' ? { ...c, undone } : c));
    expect(closeBlockers({ ...only, changes: withUndo }).map((b) => b.kind)).toEqual([
      'missingSheet',
    ]);
  });
});

describe('waiverRefusal', () => {
  it('allows a missing sheet or a draft, and refuses a submitted, recused or already waived one', () => {
    expect(waiverRefusal(records, e3.id, b2.id)).toBeUndefined();
    expect(waiverRefusal(records, e2.id, b2.id)).toBeUndefined();
    expect(waiverRefusal(records, e1.id, b1.id)).toMatch(/只有应交而未提交的评分表/);
    expect(waiverRefusal(records, e3.id, b3.id)).toMatch(/只有应交而未提交的评分表/);
    expect(waiverRefusal(records, e2.id, b3.id)).toBe('该专家对此基地的缺评已经登记过了。');
    expect(waiverRefusal(records, e1.id, b4.id)).toMatch(/只有应交而未提交的评分表/);
  });
});

describe('decisionBases', () => {
  it('records each decision on the aggregate, method and grade of the counted sheets', () => {
    const decisions = [b1, b3, b4].map((b) => buildDecision(b));
    const at = '2024-06-01T08:00:00.000Z';
    const based = decisionBases(round, { ...records, decisions }, at);
    // b1: 80, 90, 40 trimmed to 80 (良好). b3: one sheet, too few to trim: mean 95 (优秀).
    // b4: its only sheet is voided by the withdrawal: no result.
    expect(based.map((d) => [d.baseId, d.basis])).toEqual([
      ['b1', { aggregate: 80, method: 'trimmedMean', grade: 'good', sheets: 3, recordedAt: at }],
      ['b3', { aggregate: 95, method: 'mean', grade: 'excellent', sheets: 1, recordedAt: at }],
      ['b4', { aggregate: null, method: 'mean', grade: null, sheets: 0, recordedAt: at }],
    ]);
    expect(based.map((d) => d.disposition)).toEqual(decisions.map((d) => d.disposition));
  });

  it('leaves a sheet voided by a declared conflict out of the basis', () => {
    // e3 declared a conflict on b1 after scoring: the assignment is recused, the 40 voided.
    const declared = change({
      id: 'c-declare',
      kind: 'declareConflict',
      expertId: e3.id,
      baseId: b1.id,
      voids: [{ expertId: e3.id, baseId: b1.id }],
    });
    const reassigned = assignments.map((a) =>
      a.expertId === e3.id && a.baseId === b1.id ? { ...a, recusal: recused } : a,
    );
    const [d1] = decisionBases(
      round,
      { ...records, assignments: reassigned, changes: [declared], decisions: [buildDecision(b1)] },
      TEST_TIME,
    );
    // 80 and 90 remain: too few to trim, mean 85 (良好).
    expect(d1?.basis).toMatchObject({ aggregate: 85, method: 'mean', grade: 'good', sheets: 2 });
  });
});

describe('nextClosureVersion', () => {
  it('is 1 for a round never closed and one more than the last closing after a reopening', () => {
    expect(nextClosureVersion(buildRound())).toBe(1);
    const closure = { version: 2, closedAt: TEST_TIME, closedBy: '王芳', reopenedAt: TEST_TIME };
    expect(nextClosureVersion(buildRound({ closure }))).toBe(3);
  });
});

describe('the final files of a closing', () => {
  const closure = {
    version: 2,
    closedAt: '2024-06-01T08:05:00.000Z',
    closedBy: '王芳',
    reportSha256: 'a'.repeat(64),
    resultSha256: 'b'.repeat(64),
  };

  it('names a file like the report tab does, stamped at the closing, with its version', () => {
    const name = finalFileName('resultBundle', { year: 2024, name: '定期评估' }, closure);
    const at = new Date(closure.closedAt);
    const pad = (n: number) => String(n).padStart(2, '0');
    const stamp = `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}`;
    expect(name).toBe(`结果包-2024-定期评估-${stamp}-第2版.pgb`);
  });

  it('publishes version, time and person, never the hashes or a reopening', () => {
    const reopened = {
      ...closure,
      reopenedAt: TEST_TIME,
      reopenedBy: '李华',
      reopenReason: '笔误',
    };
    expect(publishedClosure(reopened)).toEqual({
      version: 2,
      closedAt: closure.closedAt,
      closedBy: '王芳',
    });
  });

  it('has a standing closure only while the round is closed', () => {
    expect(standingClosure({ status: 'closed', closure })).toBe(closure);
    expect(standingClosure({ status: 'issued', closure })).toBeUndefined();
  });
});
