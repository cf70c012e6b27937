// Reads behind the assignment screen and its repository: a round's records as the planners
// take them, the automatic plan for a preview, and which touched panels already had their
// round bundle issued. Only Dexie calls are awaited, so each also runs inside a transaction.
import { replacedExpertIds, withdrawnBaseIds } from '../../../shared/domain/roundChanges';
import type { Round } from '../../../shared/domain/types';
import type {
  AssignmentChanges,
  RoundAssignmentRecords,
} from '../../../shared/secretariat/assignmentChanges';
import { planAutoAssignment } from '../../../shared/secretariat/assignmentPlan';
import type { AssignmentPlan, AutoAssignOptions } from '../../../shared/secretariat/assignmentPlan';
import type { PingguDatabase } from '../database';
import { fail, ok } from './errors';
import type { RepositoryResult } from './errors';
import { getIssuedBundles } from './issueRepository';

/**
 * The records the planners read, for one round (only Dexie calls, so usable in a transaction
 * that includes db.roundChanges). Bases withdrawn and experts replaced by a change (轮次变更) are
 * left out, so no assignment places or assigns them again, unless `withWithdrawn` asks for them.
 */
export async function loadAssignmentRecords(
  db: PingguDatabase,
  roundId: string,
  options: { withWithdrawn?: boolean } = {},
): Promise<RoundAssignmentRecords> {
  const [bases, panels, experts, assignments, scoresheets, changes] = await Promise.all([
    db.bases.where('roundId').equals(roundId).toArray(),
    db.panels.where('roundId').equals(roundId).toArray(),
    db.experts.where('roundId').equals(roundId).toArray(),
    db.assignments.where('roundId').equals(roundId).toArray(),
    db.scoresheets.where('roundId').equals(roundId).toArray(),
    options.withWithdrawn === true
      ? []
      : db.roundChanges.where('roundId').equals(roundId).toArray(),
  ]);
  const withdrawn = withdrawnBaseIds(changes);
  const replaced = replacedExpertIds(changes);
  return {
    bases: bases.filter((b) => !withdrawn.has(b.id)),
    panels,
    experts: experts.filter((e) => !replaced.has(e.id)),
    assignments,
    scoresheets,
  };
}

/** The automatic assignment's plan for the round as it is now (reads only). */
export async function previewAutoAssignment(
  db: PingguDatabase,
  roundId: string,
  options: AutoAssignOptions,
): Promise<RepositoryResult<AssignmentPlan>> {
  const records = await loadAssignmentRecords(db, roundId);
  const planned = planAutoAssignment(records, options);
  return planned.ok ? ok(planned.value) : fail('editRejected', planned.message);
}

export function touchedPanels(changes: AssignmentChanges): string[] {
  const ids = [
    ...changes.moves.flatMap((m) => (m.from === undefined ? [m.to] : [m.from, m.to])),
    ...changes.add.map((p) => p.panelId),
    ...changes.update.flatMap((u) => [u.before.panelId, u.after.panelId]),
    ...changes.remove.map((a) => a.panelId),
  ];
  return [...new Set(ids)].sort();
}

/**
 * Of the touched panels, those whose round bundle was issued. A round marked issued without a
 * record per panel (older data, the demo) counts every touched panel as issued.
 */
export function panelsNeedingNewBundle(
  touched: readonly string[],
  issuedPanelIds: ReadonlySet<string>,
  roundStatus: Round['status'],
): string[] {
  if (issuedPanelIds.size > 0) return touched.filter((id) => issuedPanelIds.has(id));
  return roundStatus === 'issued' ? [...touched] : [];
}

/** The touched panels of a write that need a new round bundle (panelsNeedingNewBundle). */
export async function issuedPanels(
  db: PingguDatabase,
  round: Round,
  changes: AssignmentChanges,
): Promise<string[]> {
  const issued = await getIssuedBundles(db, round.id);
  return panelsNeedingNewBundle(touchedPanels(changes), new Set(Object.keys(issued)), round.status);
}
