// Writes changes after issue (轮次变更) and their undo: each in one transaction with its audit
// entry ('change.record' / 'change.undo', naming the change and the reason). The pure
// planners of shared/secretariat decide (roundChangePlans.ts, roundChangeUndo.ts); this module
// loads the round's records inside the transaction, asks them and writes what they return.
// No scoresheet is ever written or deleted here: a voided sheet stays as it is.
//
// Refused: an archived or closed round, and whatever the planners refuse (no reason, the
// panel's chair, a change that later ones depend on …): nothing is written then.
import { partitionSheets } from '../../../shared/domain/roundChanges';
import type { Round, RoundChange } from '../../../shared/domain/types';
import type { Outcome } from '../../../shared/secretariat/assignment';
import { planRoundChange } from '../../../shared/secretariat/roundChangePlans';
import type {
  ChangeDeps,
  ChangeRecords,
  RoundChangeInput,
  RoundChangePlan,
} from '../../../shared/secretariat/roundChangePlans';
import { changeRecordDetail, changeUndoDetail } from '../../../shared/secretariat/roundChangeText';
import { planUndo } from '../../../shared/secretariat/roundChangeUndo';
import type { PingguDatabase } from '../database';
import { loadAssignmentRecords, panelsNeedingNewBundle } from './assignmentRecords';
import { appendAudit } from './audit';
import { archivedRound, fail, ok } from './errors';
import type { RepositoryResult } from './errors';
import { getIssuedBundles } from './issueRepository';

export type RoundChangeSummary = {
  /** The change as stored (undone set after an undo). */
  change: RoundChange;
  /** Recorded: the stored sheets it voids. Undone: the stored sheets that count again. */
  sheets: number;
  /** Panels whose round bundle was issued and that the change touched: re-issue them. */
  panelsToReissue: string[];
};

export const CLOSED_ROUND_MESSAGE = '本轮评估已结束，不能再变更。';

const tablesOf = (db: PingguDatabase) => [
  db.rounds,
  db.bases,
  db.panels,
  db.experts,
  db.assignments,
  db.scoresheets,
  db.roundChanges,
  db.auditLog,
  db.settings,
];

function refusalFor(round: Round | undefined, roundId: string): RepositoryResult<never> | null {
  if (!round) return fail('notFound', `找不到评估轮次：${roundId}`);
  if (round.archive) return archivedRound();
  if (round.status === 'closed') return fail('locked', CLOSED_ROUND_MESSAGE);
  return null;
}

const voidedCount = (records: ChangeRecords): number =>
  partitionSheets(records.scoresheets, records.changes, records.assignments).voided.length;

/** The records as the plan leaves them (to count what it voids before writing). */
function afterPlan(records: ChangeRecords, plan: RoundChangePlan): ChangeRecords {
  const removed = new Set([...plan.remove, ...plan.put.map((a) => a.id)]);
  return {
    ...records,
    assignments: [...records.assignments.filter((a) => !removed.has(a.id)), ...plan.put],
    changes: [...records.changes.filter((c) => c.id !== plan.change.id), plan.change],
  };
}

function touchedPanels(plan: RoundChangePlan, records: ChangeRecords): string[] {
  const removed = new Set(plan.remove);
  const ids = [
    ...plan.put.map((a) => a.panelId),
    ...records.assignments.filter((a) => removed.has(a.id)).map((a) => a.panelId),
    plan.change.fromPanelId,
    plan.change.toPanelId,
  ].filter((id): id is string => id !== undefined);
  return [...new Set(ids)].sort();
}

type Run = {
  plan: (records: ChangeRecords) => Outcome<RoundChangePlan>;
  action: 'change.record' | 'change.undo';
  detail: (change: RoundChange, records: ChangeRecords, sheets: number) => string;
};

function runChange(
  db: PingguDatabase,
  roundId: string,
  run: Run,
  actor: string,
  deps: ChangeDeps,
): Promise<RepositoryResult<RoundChangeSummary>> {
  return db.transaction('rw', tablesOf(db), async () => {
    const round = await db.rounds.get(roundId);
    const refusal = refusalFor(round, roundId);
    if (refusal || !round) return refusal ?? fail('notFound', `找不到评估轮次：${roundId}`);
    const [assignmentRecords, changes, issued] = await Promise.all([
      loadAssignmentRecords(db, roundId, { withWithdrawn: true }),
      db.roundChanges.where('roundId').equals(roundId).toArray(),
      getIssuedBundles(db, roundId),
    ]);
    const records: ChangeRecords = { ...assignmentRecords, round, changes };
    const planned = run.plan(records);
    if (!planned.ok) return fail<RoundChangeSummary>('editRejected', planned.message);
    const plan = planned.value;
    const sheets = Math.abs(voidedCount(afterPlan(records, plan)) - voidedCount(records));
    if (plan.remove.length > 0) await db.assignments.bulkDelete(plan.remove);
    if (plan.put.length > 0) await db.assignments.bulkPut(plan.put);
    if (plan.bases.length > 0) await db.bases.bulkPut(plan.bases);
    await db.roundChanges.put(plan.change);
    await appendAudit(
      db,
      {
        roundId,
        action: run.action,
        entityId: plan.change.id,
        actor: actor.trim(),
        detail: run.detail(plan.change, records, sheets),
      },
      deps,
    );
    const panelsToReissue = panelsNeedingNewBundle(
      touchedPanels(plan, records),
      new Set(Object.keys(issued)),
      round.status,
    );
    return ok({ change: plan.change, sheets, panelsToReissue });
  });
}

/** Records one change after issue (replace an expert, withdraw or move a base, declare 回避). */
export function recordRoundChange(
  db: PingguDatabase,
  input: { roundId: string; change: RoundChangeInput },
  actor: string,
  deps: ChangeDeps,
): Promise<RepositoryResult<RoundChangeSummary>> {
  return runChange(
    db,
    input.roundId,
    {
      plan: (records) => planRoundChange(records, input.change, actor, deps),
      action: 'change.record',
      detail: changeRecordDetail,
    },
    actor,
    deps,
  );
}

/** Undoes one change, with a reason; its assignments and base come back as they were. */
export function undoRoundChange(
  db: PingguDatabase,
  input: { roundId: string; changeId: string; reason: string },
  actor: string,
  deps: ChangeDeps,
): Promise<RepositoryResult<RoundChangeSummary>> {
  return runChange(
    db,
    input.roundId,
    {
      plan: (records) =>
        planUndo(records, { changeId: input.changeId, reason: input.reason }, actor, deps),
      action: 'change.undo',
      detail: changeUndoDetail,
    },
    actor,
    deps,
  );
}
