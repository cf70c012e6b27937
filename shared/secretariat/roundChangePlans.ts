// Changes after the round bundles went out (轮次变更), planned: each checks its input against
// the round's records and returns the RoundChange record (with the pairs whose sheets it
// voids, and the assignment records before and after it, for undo) and the writes that carry
// it out. A refused input comes back as one Chinese sentence and nothing to write. No plan
// ever deletes a scoresheet. Pure: clock and ids come from `deps`. The kinds' own rules are
// in roundChangeDrafts.ts, undo in roundChangeUndo.ts.
import type { Assignment, Base, Round, RoundChange } from '../domain/types';
import type { Outcome } from './assignment';
import { writesForChanges } from './assignmentChanges';
import { pairKey } from './conflicts';
import { definedFields, draftChange, refuse } from './roundChangeDrafts';
import type { ChangeRecords, Draft, Pair, RoundChangeInput } from './roundChangeDrafts';

export type { ChangeRecords, RoundChangeInput } from './roundChangeDrafts';

export type ChangeDeps = { now: () => string; newId: () => string };

export type RoundChangePlan = {
  /** The change record to store: a new one, or the undone one. */
  change: RoundChange;
  /** Assignment records to put, and ids of assignment records to delete. */
  put: Assignment[];
  remove: string[];
  /** Bases whose panel the change sets or clears. */
  bases: Base[];
};

/** Why a round takes no change now (archived, closed, not yet issued); null when it does. */
export function roundRefusal(round: Round): string | null {
  if (round.archive) return '这是从结果包导入的归档轮次，只能查看，不能变更。';
  if (round.status === 'closed') return '本轮评估已结束，不能再变更。';
  if (round.status === 'setup') {
    return '本轮评审包尚未下发：请直接在“分组与回避”中调整，无需记录轮次变更。';
  }
  return null;
}

/** The checks every change and undo shares: the round takes changes, a reason, a person. */
export function commonRefusal(round: Round, reason: string, actor: string): string | null {
  return (
    roundRefusal(round) ??
    (reason.trim() === '' ? '请填写变更原因。' : actor.trim() === '' ? '请填写经办人。' : null)
  );
}

function uniquePairs(pairs: readonly Pair[]): Pair[] {
  const seen = new Map<string, Pair>();
  for (const p of pairs) {
    const key = pairKey(p.expertId, p.baseId);
    if (!seen.has(key)) seen.set(key, { expertId: p.expertId, baseId: p.baseId });
  }
  return [...seen.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, p]) => p);
}

/** Turns a draft into the change record and its writes, all at one instant. */
function build(
  records: ChangeRecords,
  draft: Draft,
  reason: string,
  actor: string,
  deps: ChangeDeps,
): Outcome<RoundChangePlan> {
  const id = deps.newId();
  const at = deps.now();
  const writes = writesForChanges(draft.changes, records.bases, records.round.id, {
    now: () => at,
    newId: deps.newId,
  });
  const before = [...draft.changes.remove, ...draft.changes.update.map((u) => u.before)];
  const change: RoundChange = {
    id,
    roundId: records.round.id,
    kind: draft.kind,
    at,
    actor: actor.trim(),
    reason: reason.trim(),
    ...definedFields(draft.fields),
    voids: uniquePairs(draft.voids),
    before: before.sort((a, b) => (a.id < b.id ? -1 : 1)),
    after: writes.put,
  };
  return {
    ok: true,
    value: {
      change,
      put: writes.put,
      remove: writes.remove,
      bases: [...writes.bases, ...draft.bases],
    },
  };
}

/** Plans one change after issue; refused without a reason, a person or a valid target. */
export function planRoundChange(
  records: ChangeRecords,
  input: RoundChangeInput,
  actor: string,
  deps: ChangeDeps,
): Outcome<RoundChangePlan> {
  const refusal = commonRefusal(records.round, input.reason, actor);
  if (refusal !== null) return refuse(refusal);
  const drafted = draftChange(records, input);
  if (!drafted.ok) return drafted;
  return build(records, drafted.value, input.reason, actor, deps);
}
