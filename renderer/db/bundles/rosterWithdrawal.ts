// What a re-issued round bundle withdraws from its panel on a laptop, pure: the panel's
// assignments, experts and bases it no longer carries. An assignment stays while a sheet of
// its expert and base is stored here (scores are never deleted, and the expert may still
// need it), unless a standing round change voids that pair (作废): then the change, not a
// stale assignment, says what the sheet is, so the assignment goes and the sheet stays,
// shown voided and locked. Keeping it would make the pair look assigned again, and every
// statistic on the laptop (partitionSheets over the stored records) would count the sheet.
// An expert or a base stays while a sheet or a remaining assignment names it.
import { pairKey } from '../../../shared/domain/sheetAdmission';
import { voidingChanges, withdrawnBaseIds } from '../../../shared/domain/roundChanges';
import type { RoundChange } from '../../../shared/domain/types';
import type { RosterState, RoundRecordsOf } from './localState';
import type { RosterWithdrawal } from './types';

export type WithdrawalDeletes = Pick<
  Record<keyof RoundRecordsOf, string[]>,
  'bases' | 'experts' | 'assignments'
>;

export const NOTHING_WITHDRAWN: RosterWithdrawal = {
  bases: [],
  experts: [],
  assignments: 0,
  keptScored: 0,
};

export function withdrawal(
  panelId: string,
  state: RosterState,
  target: RoundRecordsOf,
  /** The round's changes as stored after the import. */
  changes: readonly RoundChange[],
): { deletes: WithdrawalDeletes; preview: RosterWithdrawal } {
  const carried = (records: ReadonlyArray<{ id: string }>) => new Set(records.map((r) => r.id));
  const [bases, experts, assignments] = [
    carried(target.bases),
    carried(target.experts),
    carried(target.assignments),
  ];
  const sheets = state.own.scoresheets;
  const scoredPairs = new Set(sheets.map((s) => pairKey(s.expertId, s.baseId)));
  const voided = voidingChanges(changes, target.assignments);
  const withdrawnBases = withdrawnBaseIds(changes);
  const isVoided = (expertId: string, baseId: string): boolean =>
    voided.has(pairKey(expertId, baseId)) || withdrawnBases.has(baseId);
  const dropped = state.own.assignments.filter(
    (a) => a.panelId === panelId && !assignments.has(a.id),
  );
  const goingAssignments = dropped.filter(
    (a) => !scoredPairs.has(pairKey(a.expertId, a.baseId)) || isVoided(a.expertId, a.baseId),
  );
  const going = new Set(goingAssignments.map((a) => a.id));
  const staying = [
    ...target.assignments,
    ...state.own.assignments.filter((a) => !assignments.has(a.id) && !going.has(a.id)),
  ];
  const namedExperts = new Set([...sheets, ...staying].map((r) => r.expertId));
  const namedBases = new Set([...sheets, ...staying].map((r) => r.baseId));
  const goingExperts = state.own.experts.filter(
    (e) => e.panelId === panelId && !experts.has(e.id) && !namedExperts.has(e.id),
  );
  const goingBases = state.own.bases.filter(
    (b) => b.panelId === panelId && !bases.has(b.id) && !namedBases.has(b.id),
  );
  return {
    deletes: {
      bases: goingBases.map((b) => b.id),
      experts: goingExperts.map((e) => e.id),
      assignments: goingAssignments.map((a) => a.id),
    },
    preview: {
      bases: goingBases.map((b) => b.name),
      experts: goingExperts.map((e) => e.name),
      assignments: goingAssignments.length,
      keptScored: dropped.length - goingAssignments.length,
    },
  };
}
