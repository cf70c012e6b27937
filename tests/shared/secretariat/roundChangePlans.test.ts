import { describe, expect, it } from 'vitest';
import { partitionSheets } from '../../../shared/domain/roundChanges';
import type { Outcome } from '../../../shared/secretariat/assignment';
import { planRoundChange } from '../../../shared/secretariat/roundChangePlans';
import type {
  RoundChangeInput,
  RoundChangePlan,
} from '../../../shared/secretariat/roundChangePlans';
import {
  ACTOR,
  applyPlan,
  changeDeps,
  issuedRound,
  submittedSheet,
} from '../../helpers/roundChangeBuilders';
import type { IssuedRound } from '../../helpers/roundChangeBuilders';

const REASON = '刘教授因病不能到场';

function plan(records: IssuedRound, input: RoundChangeInput, actor = ACTOR) {
  return planRoundChange(records, input, actor, changeDeps());
}

function value(outcome: Outcome<RoundChangePlan>): RoundChangePlan {
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.value;
}

const pairs = (list: readonly { expertId: string; baseId: string }[]) =>
  list.map((p) => `${p.expertId}×${p.baseId}`).sort();

const replace = { kind: 'replaceExpert', expertId: 'p1-e2', replacementExpertId: 'p1-e3' } as const;

describe('every change after issue', () => {
  it.each([
    ['', '请填写变更原因。'],
    ['   ', '请填写变更原因。'],
  ])('is refused without a reason (%j)', (reason, message) => {
    expect(plan(issuedRound(), { ...replace, reason })).toEqual({ ok: false, message });
  });

  it('is refused without the person making it', () => {
    expect(plan(issuedRound(), { ...replace, reason: REASON }, ' ')).toEqual({
      ok: false,
      message: '请填写经办人。',
    });
  });

  it('is refused before the round bundles went out, and once the round is closed', () => {
    const setup = { ...issuedRound(), round: { ...issuedRound().round, status: 'setup' as const } };
    expect(plan(setup, { ...replace, reason: REASON })).toMatchObject({ ok: false });
    const closed = {
      ...issuedRound(),
      round: { ...issuedRound().round, status: 'closed' as const },
    };
    expect(plan(closed, { ...replace, reason: REASON })).toEqual({
      ok: false,
      message: '本轮评估已结束，不能再变更。',
    });
  });

  it('records who, when and why, with trimmed text, and deterministic ids', () => {
    const { change } = value(plan(issuedRound(), { ...replace, reason: `  ${REASON} ` }));
    expect(change).toMatchObject({
      id: 'c-1',
      roundId: issuedRound().round.id,
      kind: 'replaceExpert',
      actor: ACTOR,
      reason: REASON,
      at: '2024-06-01T01:11:00.000Z',
    });
    expect(change.undone).toBeUndefined();
  });
});

describe('replacing an expert', () => {
  it('gives every assignment of the replaced expert to the replacement and voids the old pairs', () => {
    const records = issuedRound();
    records.scoresheets.push(submittedSheet(records, 'p1-e2', 'b01'));
    const result = value(plan(records, { ...replace, reason: REASON }));
    expect(result.remove.sort()).toEqual(['a-p1-e2-b01', 'a-p1-e2-b02', 'a-p1-e2-b03']);
    expect(result.put.map((a) => [a.expertId, a.baseId, a.panelId, a.recusal])).toEqual([
      ['p1-e3', 'b01', 'p1', undefined],
      ['p1-e3', 'b02', 'p1', undefined],
      ['p1-e3', 'b03', 'p1', undefined],
    ]);
    expect(result.change).toMatchObject({ expertId: 'p1-e2', replacementExpertId: 'p1-e3' });
    expect(pairs(result.change.voids)).toEqual(['p1-e2×b01', 'p1-e2×b02', 'p1-e2×b03']);
    expect(result.change.before?.map((a) => a.id)).toEqual(result.remove);
    expect(result.change.after).toEqual(result.put);
    // The replaced expert's submitted sheet is kept and voided, never deleted.
    const after = applyPlan(records, result);
    const { counted, voided } = partitionSheets(
      after.scoresheets,
      after.changes,
      after.assignments,
    );
    expect(counted).toEqual([]);
    expect(voided.map((v) => v.sheet.id)).toEqual(['s-p1-e2-b01']);
  });

  it('records a recusal where the replacement works at the base’s host', () => {
    const records = issuedRound();
    records.experts = records.experts.map((e) =>
      e.id === 'p1-e3' ? { ...e, institution: '沈阳工业大学' } : e,
    );
    const result = value(plan(records, { ...replace, reason: REASON }));
    expect(result.put.map((a) => a.recusal?.source)).toEqual([
      'institution',
      'institution',
      'institution',
    ]);
  });

  it('keeps a base the replacement already has as it is', () => {
    const records = issuedRound();
    const result = value(
      plan(records, {
        kind: 'replaceExpert',
        expertId: 'p2-e2',
        replacementExpertId: 'p2-e3',
        reason: REASON,
      }),
    );
    expect(result.remove).toEqual(['a-p2-e2-b04']);
    expect(result.put).toEqual([]);
  });

  it.each([
    [{ replacementExpertId: 'p1-e2' }, '替换的专家不能是被替换的专家本人。'],
    [
      { replacementExpertId: 'p2-e3' },
      '专家p2-3不在“沈阳组”：请先在“专家组与专家”中把替换的专家加入该组。',
    ],
    [
      { expertId: 'p1-e1' },
      '专家p1-1是“沈阳组”的组长：请先在“专家组与专家”中更换组长，再替换该专家。',
    ],
    [{ expertId: 'p1-e3', replacementExpertId: 'p1-e2' }, '专家p1-3没有评审任务，无需替换。'],
    [{ expertId: 'nobody' }, '本轮次中找不到被替换的专家：nobody'],
  ])('is refused for %j', (patch, message) => {
    expect(plan(issuedRound(), { ...replace, ...patch, reason: REASON })).toEqual({
      ok: false,
      message,
    });
  });
});

describe('withdrawing a base', () => {
  it('removes its assignments, takes it out of its panel, keeps it stored, voids all its pairs', () => {
    const records = issuedRound();
    records.scoresheets.push(submittedSheet(records, 'p1-e1', 'b02'));
    const result = value(
      plan(records, { kind: 'withdrawBase', baseId: 'b02', reason: '主动退出' }),
    );
    expect(result.remove.sort()).toEqual(['a-p1-e1-b02', 'a-p1-e2-b02']);
    expect(result.put).toEqual([]);
    expect(result.bases).toHaveLength(1);
    expect(result.bases[0]?.id).toBe('b02');
    expect(result.bases[0]?.panelId).toBeUndefined();
    expect(result.change).toMatchObject({ kind: 'withdrawBase', baseId: 'b02', fromPanelId: 'p1' });
    expect(pairs(result.change.voids)).toEqual(['p1-e1×b02', 'p1-e2×b02']);
    const again = applyPlan(records, result);
    expect(plan(again, { kind: 'withdrawBase', baseId: 'b02', reason: 'x' })).toEqual({
      ok: false,
      message: '“基地2”已撤出本轮评估。',
    });
  });
});

describe('moving a base to another panel after scoring began', () => {
  it('voids the old panel’s pairs and gives the base to the new panel’s experts', () => {
    const records = issuedRound();
    records.scoresheets.push(submittedSheet(records, 'p1-e1', 'b03'));
    const result = value(
      plan(records, { kind: 'moveBase', baseId: 'b03', panelId: 'p2', reason: '专业更对口' }),
    );
    expect(result.remove.sort()).toEqual(['a-p1-e1-b03', 'a-p1-e2-b03']);
    expect(result.put.map((a) => [a.expertId, a.panelId])).toEqual([
      ['p2-e1', 'p2'],
      ['p2-e2', 'p2'],
      ['p2-e3', 'p2'],
    ]);
    expect(result.bases.map((b) => [b.id, b.panelId])).toEqual([['b03', 'p2']]);
    expect(result.change).toMatchObject({ fromPanelId: 'p1', toPanelId: 'p2', baseId: 'b03' });
    expect(pairs(result.change.voids)).toEqual(['p1-e1×b03', 'p1-e2×b03']);
  });

  it('never gives the base to an expert replaced before', () => {
    const records = issuedRound();
    const replaced = applyPlan(
      records,
      value(
        plan(records, {
          kind: 'replaceExpert',
          expertId: 'p2-e2',
          replacementExpertId: 'p2-e3',
          reason: '因病',
        }),
      ),
    );
    const result = value(
      planRoundChange(
        replaced,
        { kind: 'moveBase', baseId: 'b01', panelId: 'p2', reason: '对口' },
        ACTOR,
        changeDeps('d'),
      ),
    );
    expect(result.put.map((a) => a.expertId)).toEqual(['p2-e1', 'p2-e3']);
  });

  it('counts the old sheets again when the base comes back to the same experts', () => {
    const records = issuedRound();
    records.scoresheets.push(submittedSheet(records, 'p1-e1', 'b03'));
    const away = applyPlan(
      records,
      value(plan(records, { kind: 'moveBase', baseId: 'b03', panelId: 'p2', reason: '调出' })),
    );
    expect(partitionSheets(away.scoresheets, away.changes, away.assignments).counted).toEqual([]);
    const back = applyPlan(
      away,
      value(
        planRoundChange(
          away,
          { kind: 'moveBase', baseId: 'b03', panelId: 'p1', reason: '调回', expertsPerBase: 2 },
          ACTOR,
          changeDeps('d'),
        ),
      ),
    );
    const { counted } = partitionSheets(back.scoresheets, back.changes, back.assignments);
    expect(counted.map((s) => s.id)).toEqual(['s-p1-e1-b03']);
  });

  it('is refused for the panel it is in, and for a withdrawn base', () => {
    expect(
      plan(issuedRound(), { kind: 'moveBase', baseId: 'b01', panelId: 'p1', reason: 'x' }),
    ).toEqual({ ok: false, message: '“基地1”已在“沈阳组”中。' });
    const records = issuedRound();
    const gone = applyPlan(
      records,
      value(plan(records, { kind: 'withdrawBase', baseId: 'b01', reason: '退出' })),
    );
    expect(plan(gone, { kind: 'moveBase', baseId: 'b01', panelId: 'p2', reason: 'x' })).toEqual({
      ok: false,
      message: '“基地1”已撤出本轮评估。',
    });
  });
});

describe('declaring a conflict of interest on a started sheet', () => {
  it('records a recusal by the secretariat on the assignment and voids the pair', () => {
    const records = issuedRound();
    records.scoresheets.push(submittedSheet(records, 'p2-e2', 'b04'));
    const result = value(
      plan(records, {
        kind: 'declareConflict',
        expertId: 'p2-e2',
        baseId: 'b04',
        reason: '其学生任主任',
      }),
    );
    expect(result.put).toEqual([
      {
        id: 'a-p2-e2-b04',
        roundId: records.round.id,
        panelId: 'p2',
        expertId: 'p2-e2',
        baseId: 'b04',
        recusal: { reason: '其学生任主任', source: 'secretariat', at: result.change.at },
      },
    ]);
    expect(result.remove).toEqual([]);
    expect(pairs(result.change.voids)).toEqual(['p2-e2×b04']);
    const after = applyPlan(records, result);
    const { voided } = partitionSheets(after.scoresheets, after.changes, after.assignments);
    expect(voided.map((v) => v.change.id)).toEqual([result.change.id]);
  });

  it('is refused where the expert already recused, or is not in the base’s panel', () => {
    const records = issuedRound();
    records.scoresheets.push({
      ...submittedSheet(records, 'p2-e2', 'b04'),
      recusal: { reason: '本人申请', source: 'declared', at: records.round.createdAt },
    });
    const input = {
      kind: 'declareConflict',
      expertId: 'p2-e2',
      baseId: 'b04',
      reason: 'x',
    } as const;
    expect(plan(records, input)).toEqual({ ok: false, message: '专家p2-2对“基地4”已回避。' });
    expect(plan(records, { ...input, baseId: 'b01' })).toEqual({
      ok: false,
      message: '专家p2-2不在“基地1”所在的专家组，不会评审该基地，无需声明回避。',
    });
  });
});
