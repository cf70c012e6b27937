import { describe, expect, it } from 'vitest';
import { partitionSheets } from '../../../shared/domain/roundChanges';
import type { RoundChange } from '../../../shared/domain/types';
import type { Outcome } from '../../../shared/secretariat/assignment';
import { planRoundChange } from '../../../shared/secretariat/roundChangePlans';
import type {
  RoundChangeInput,
  RoundChangePlan,
} from '../../../shared/secretariat/roundChangePlans';
import { planUndo } from '../../../shared/secretariat/roundChangeUndo';
import {
  ACTOR,
  applyPlan,
  changeDeps,
  issuedRound,
  submittedSheet,
} from '../../helpers/roundChangeBuilders';
import type { IssuedRound } from '../../helpers/roundChangeBuilders';

function value(outcome: Outcome<RoundChangePlan>): RoundChangePlan {
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.value;
}

const deps = changeDeps();
const record = (records: IssuedRound, input: RoundChangeInput): IssuedRound =>
  applyPlan(records, value(planRoundChange(records, input, ACTOR, deps)));
const undo = (records: IssuedRound, changeId: string, reason = '替换有误，恢复原专家') =>
  planUndo(records, { changeId, reason }, ACTOR, deps);

const last = (records: IssuedRound): RoundChange => {
  const change = records.changes.at(-1);
  if (!change) throw new Error('no change');
  return change;
};

const replace = {
  kind: 'replaceExpert',
  expertId: 'p1-e2',
  replacementExpertId: 'p1-e3',
  reason: '因病',
} as const;

const byId = <T extends { id: string }>(list: readonly T[]): T[] =>
  [...list].sort((a, b) => (a.id < b.id ? -1 : 1));

describe('undoing a change', () => {
  it.each<[string, RoundChangeInput]>([
    ['replaceExpert', replace],
    ['withdrawBase', { kind: 'withdrawBase', baseId: 'b02', reason: '退出' }],
    ['moveBase', { kind: 'moveBase', baseId: 'b03', panelId: 'p2', reason: '对口' }],
    [
      'declareConflict',
      { kind: 'declareConflict', expertId: 'p2-e2', baseId: 'b04', reason: '亲属' },
    ],
  ])('%s: puts the assignments and the base back and marks the change undone', (_, input) => {
    const start = issuedRound();
    start.scoresheets.push(submittedSheet(start, 'p1-e2', 'b01'));
    start.scoresheets.push(submittedSheet(start, 'p2-e2', 'b04'));
    const changed = record(start, input);
    const undone = applyPlan(changed, value(undo(changed, last(changed).id)));
    expect(byId(undone.assignments)).toEqual(byId(start.assignments));
    expect(undone.bases).toEqual(start.bases);
    expect(last(undone).undone).toEqual({
      at: expect.any(String),
      actor: ACTOR,
      reason: '替换有误，恢复原专家',
    });
    // Nothing is voided any more: every submitted sheet counts again.
    const { counted, voided } = partitionSheets(
      undone.scoresheets,
      undone.changes,
      undone.assignments,
    );
    expect(voided).toEqual([]);
    expect(counted).toHaveLength(2);
  });

  it('works for a waived missing sheet, which wrote no assignment', () => {
    const start = issuedRound();
    const waiver: RoundChange = {
      id: 'w-1',
      roundId: start.round.id,
      kind: 'waiveMissing',
      at: '2024-06-02T00:00:00.000Z',
      actor: ACTOR,
      reason: '专家电话告知回避',
      expertId: 'p1-e2',
      baseId: 'b01',
      voids: [],
    };
    const withWaiver = { ...start, changes: [waiver] };
    const result = value(undo(withWaiver, 'w-1', '补评'));
    expect(result.put).toEqual([]);
    expect(result.remove).toEqual([]);
    expect(result.change.undone?.reason).toBe('补评');
  });

  it('is refused without a reason, twice, or for an unknown change', () => {
    const changed = record(issuedRound(), replace);
    const id = last(changed).id;
    expect(undo(changed, id, ' ')).toEqual({ ok: false, message: '请填写变更原因。' });
    expect(undo(changed, 'nope')).toEqual({ ok: false, message: '本轮次中找不到该变更：nope' });
    const undone = applyPlan(changed, value(undo(changed, id)));
    expect(undo(undone, id)).toEqual({ ok: false, message: '这项变更已经撤销过了。' });
  });

  it('is refused when a later change touched the same assignments', () => {
    const first = record(issuedRound(), replace);
    const firstId = last(first).id;
    const second = record(first, {
      kind: 'replaceExpert',
      expertId: 'p1-e3',
      replacementExpertId: 'p1-e2',
      reason: '刘教授康复',
    });
    expect(undo(second, firstId)).toEqual({
      ok: false,
      message: '这项变更之后，相关的分配又有调整，不能撤销：请先撤销之后的变更。',
    });
    // Undoing the later one first makes the first undoable again.
    const back = applyPlan(second, value(undo(second, last(second).id)));
    expect(undo(back, firstId)).toMatchObject({ ok: true });
  });

  it('is refused when the base changed panel again since', () => {
    const moved = record(issuedRound(), {
      kind: 'moveBase',
      baseId: 'b03',
      panelId: 'p2',
      reason: 'x',
    });
    const replaced = {
      ...moved,
      bases: moved.bases.map((b) => (b.id === 'b03' ? { ...b, panelId: 'p1' } : b)),
    };
    expect(undo(replaced, last(moved).id)).toEqual({
      ok: false,
      message: '“基地3”之后又调整了专家组，不能撤销这项变更：请先撤销之后的调整。',
    });
  });

  it('is refused when the replacement already started a sheet that undoing would orphan', () => {
    const changed = record(issuedRound(), replace);
    changed.scoresheets.push(submittedSheet(changed, 'p1-e3', 'b02'));
    expect(undo(changed, last(changed).id)).toEqual({
      ok: false,
      message: '专家p1-3已开始评审“基地2”，撤销这项变更会使这张评分表作废，不能撤销。',
    });
  });
});
