// Undoing a change after issue (撤销轮次变更), planned: the assignment records go back to
// what the change found (`before`), a moved or withdrawn base to its panel, and the change is
// marked undone with the person, time and reason; it then voids nothing. Refused when the
// records moved on since the change (a later change or edit touched its pairs: undo that
// first), or when undoing would void sheets someone started since (the replacement already
// scored). Works for every kind, waiveMissing too (it wrote no assignment). Pure.
import type { Assignment, Base, RoundChange } from '../domain/types';
import type { Outcome } from './assignment';
import { pairKey } from './conflicts';
import { refuse } from './roundChangeDrafts';
import type { ChangeRecords } from './roundChangeDrafts';
import { commonRefusal } from './roundChangePlans';
import type { ChangeDeps, RoundChangePlan } from './roundChangePlans';

export type UndoInput = { changeId: string; reason: string };

const keyOf = (a: { expertId: string; baseId: string }) => pairKey(a.expertId, a.baseId);

/** Same stored record: every field, the recusal's time included. */
export function isSameAssignment(a: Assignment, b: Assignment): boolean {
  return (
    a.id === b.id &&
    a.roundId === b.roundId &&
    a.panelId === b.panelId &&
    a.expertId === b.expertId &&
    a.baseId === b.baseId &&
    a.recusal?.source === b.recusal?.source &&
    a.recusal?.reason === b.recusal?.reason &&
    a.recusal?.at === b.recusal?.at
  );
}

/** True when the records on the change's pairs are exactly those it wrote. */
function isUnchangedSince(change: RoundChange, assignments: readonly Assignment[]): boolean {
  const after = change.after ?? [];
  const pairs = new Set([...(change.before ?? []), ...after].map(keyOf));
  const current = assignments.filter((a) => pairs.has(keyOf(a)));
  if (current.length !== after.length) return false;
  const byId = new Map(current.map((a) => [a.id, a]));
  return after.every((a) => {
    const now = byId.get(a.id);
    return now !== undefined && isSameAssignment(now, a);
  });
}

/** The base as the undo puts it back, or why it cannot. */
function restoredBase(records: ChangeRecords, change: RoundChange): Outcome<Base[]> {
  if (change.kind !== 'moveBase' && change.kind !== 'withdrawBase') return { ok: true, value: [] };
  const base = records.bases.find((b) => b.id === change.baseId);
  if (!base) return refuse(`本轮次中找不到该基地：${change.baseId ?? ''}，不能撤销这项变更。`);
  const panelNow = change.kind === 'moveBase' ? change.toPanelId : undefined;
  if (base.panelId !== panelNow) {
    return refuse(`“${base.name}”之后又调整了专家组，不能撤销这项变更：请先撤销之后的调整。`);
  }
  if (base.panelId === change.fromPanelId) return { ok: true, value: [] };
  const { panelId: _panelId, ...withoutPanel } = base;
  const back: Base =
    change.fromPanelId === undefined ? withoutPanel : { ...base, panelId: change.fromPanelId };
  return { ok: true, value: [back] };
}

/** Why the records `before` cannot come back (an expert gone or in another panel now). */
function missingPeople(records: ChangeRecords, before: readonly Assignment[]): string | null {
  const expertById = new Map(records.experts.map((e) => [e.id, e]));
  for (const a of before) {
    const expert = expertById.get(a.expertId);
    if (!expert) return `本轮次中已找不到专家：${a.expertId}，不能撤销这项变更。`;
    if (expert.panelId !== a.panelId) {
      return `${expert.name}已调到其他专家组，不能撤销这项变更。`;
    }
  }
  return null;
}

/** Sheets someone started on pairs the undo takes away from them (they would be orphaned). */
function orphanedSheets(records: ChangeRecords, change: RoundChange): string | null {
  const scoring = (list: readonly Assignment[] | undefined) =>
    new Set((list ?? []).filter((a) => !a.recusal).map(keyOf));
  const kept = scoring(change.before);
  const lost = [...scoring(change.after)].filter((key) => !kept.has(key));
  if (lost.length === 0) return null;
  const lostSet = new Set(lost);
  const started = records.scoresheets.filter((s) => !s.recusal && lostSet.has(keyOf(s)));
  const first = started[0];
  if (!first) return null;
  const expert = records.experts.find((e) => e.id === first.expertId)?.name ?? first.expertId;
  const base = records.bases.find((b) => b.id === first.baseId)?.name ?? first.baseId;
  return started.length === 1
    ? `${expert}已开始评审“${base}”，撤销这项变更会使这张评分表作废，不能撤销。`
    : `${expert}已开始评审“${base}”等 ${started.length} 张评分表，撤销这项变更会使它们作废，不能撤销。`;
}

/** Plans the undo of one change; refused without a reason or when it can no longer be undone. */
export function planUndo(
  records: ChangeRecords,
  input: UndoInput,
  actor: string,
  deps: Pick<ChangeDeps, 'now'>,
): Outcome<RoundChangePlan> {
  const refusal = commonRefusal(records.round, input.reason, actor);
  if (refusal !== null) return refuse(refusal);
  const change = records.changes.find((c) => c.id === input.changeId);
  if (!change || change.roundId !== records.round.id) {
    return refuse(`本轮次中找不到该变更：${input.changeId}`);
  }
  if (change.undone) return refuse('这项变更已经撤销过了。');
  if (!isUnchangedSince(change, records.assignments)) {
    return refuse('这项变更之后，相关的分配又有调整，不能撤销：请先撤销之后的变更。');
  }
  const base = restoredBase(records, change);
  if (!base.ok) return base;
  const before = change.before ?? [];
  const problem = missingPeople(records, before) ?? orphanedSheets(records, change);
  if (problem !== null) return refuse(problem);
  const restoredIds = new Set(before.map((a) => a.id));
  return {
    ok: true,
    value: {
      change: {
        ...change,
        undone: { at: deps.now(), actor: actor.trim(), reason: input.reason.trim() },
      },
      put: [...before],
      remove: (change.after ?? []).map((a) => a.id).filter((id) => !restoredIds.has(id)),
      bases: base.value,
    },
  };
}
