// Writes the assignment of a round: the automatic one (bases to panels and experts to bases)
// and the secretariat's manual changes, each in one transaction with its audit entry. The
// decisions are made by the pure planners of shared/secretariat; this module loads the
// round's records inside the transaction, asks the planner, and writes what it returns.
//
// Refused: any change to an archived or closed round, and whatever the planner refuses
// (a conflicted expert, a base someone started scoring …). Allowed with a notice in the
// result: changes to panels whose round bundle was already issued (they need a new one).
import type { AuditAction, Round } from '../../../shared/domain/types';
import type { Outcome } from '../../../shared/secretariat/assignment';
import {
  changesSignature,
  hasChanges,
  writesForChanges,
} from '../../../shared/secretariat/assignmentChanges';
import type {
  AssignmentChanges,
  AssignmentWarning,
  RoundAssignmentRecords,
} from '../../../shared/secretariat/assignmentChanges';
import {
  planAddPair,
  planBaseMove,
  planDeclaration,
  planRemovePair,
} from '../../../shared/secretariat/assignmentEdits';
import type { DeclarationInput, EditPlan } from '../../../shared/secretariat/assignmentEdits';
import { planAutoAssignment } from '../../../shared/secretariat/assignmentPlan';
import type { AutoAssignOptions } from '../../../shared/secretariat/assignmentPlan';
import type { PingguDatabase } from '../database';
import { appendAudit } from './audit';
import { archivedRound, fail, ok } from './errors';
import type { RepositoryResult } from './errors';
import { issuedPanels, loadAssignmentRecords } from './assignmentRecords';

export type AssignmentDeps = { now: () => string; newId: () => string };

/**
 * What a write wants the clerk to know. 'bundlesIssued': these panels (among those the write
 * touched) hold a round bundle made before it and need a new one.
 */
export type AssignmentNotice = AssignmentWarning | { code: 'bundlesIssued'; panelIds: string[] };

export type AssignmentWriteSummary = {
  moved: number;
  added: number;
  updated: number;
  removed: number;
  notices: AssignmentNotice[];
};

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
  if (round.status === 'closed') {
    return fail('locked', '本轮次已结束，不能再调整分组与分配。');
  }
  return null;
}

type Edit = {
  roundId: string;
  plan: (records: RoundAssignmentRecords) => Outcome<EditPlan>;
  /** Refuses (with 'stale') when the planned changes differ from these. */
  expectedSignature?: string;
  audit: (
    records: RoundAssignmentRecords,
    changes: AssignmentChanges,
  ) => { action: AuditAction; entityId: string; detail: string };
};

function runEdit(
  db: PingguDatabase,
  edit: Edit,
  actor: string,
  deps: AssignmentDeps,
): Promise<RepositoryResult<AssignmentWriteSummary>> {
  const { roundId } = edit;
  return db.transaction('rw', tablesOf(db), async () => {
    const round = await db.rounds.get(roundId);
    const refusal = refusalFor(round, roundId);
    if (refusal) return refusal;
    const records = await loadAssignmentRecords(db, roundId);
    const planned = edit.plan(records);
    if (!planned.ok) return fail<AssignmentWriteSummary>('editRejected', planned.message);
    const { changes, warnings } = planned.value;
    if (
      edit.expectedSignature !== undefined &&
      changesSignature(changes) !== edit.expectedSignature
    ) {
      return fail<AssignmentWriteSummary>('stale', '分组或分配在预览之后有了变化，请重新预览。');
    }
    const issued = round ? await issuedPanels(db, round, changes) : [];
    const notices: AssignmentNotice[] = [
      ...(issued.length > 0 ? [{ code: 'bundlesIssued' as const, panelIds: issued }] : []),
      ...warnings,
    ];
    const summary: AssignmentWriteSummary = {
      moved: changes.moves.length,
      added: changes.add.length,
      updated: changes.update.length,
      removed: changes.remove.length,
      notices,
    };
    if (!hasChanges(changes)) return ok(summary);
    const writes = writesForChanges(changes, records.bases, roundId, deps);
    if (writes.bases.length > 0) await db.bases.bulkPut(writes.bases);
    if (writes.remove.length > 0) await db.assignments.bulkDelete(writes.remove);
    if (writes.put.length > 0) await db.assignments.bulkPut(writes.put);
    await appendAudit(db, { roundId, actor, ...edit.audit(records, changes) }, deps);
    return ok(summary);
  });
}

const nameOf = (items: readonly { id: string; name: string }[], id: string | undefined): string =>
  items.find((item) => item.id === id)?.name ?? '（无）';

/**
 * Applies the automatic assignment. With `expectedSignature` (changesSignature of the plan
 * the clerk previewed), refuses with 'stale' when the round changed since the preview.
 */
export function applyAutoAssignment(
  db: PingguDatabase,
  input: { roundId: string; options: AutoAssignOptions; expectedSignature?: string },
  actor: string,
  deps: AssignmentDeps,
): Promise<RepositoryResult<AssignmentWriteSummary>> {
  const { roundId, options } = input;
  return runEdit(
    db,
    {
      roundId,
      plan: (records) => {
        const planned = planAutoAssignment(records, options);
        if (!planned.ok) return planned;
        return {
          ok: true,
          value: { changes: planned.value.changes, warnings: planned.value.warnings },
        };
      },
      ...(input.expectedSignature === undefined
        ? {}
        : { expectedSignature: input.expectedSignature }),
      audit: (_, c) => ({
        action: 'assignment.update',
        entityId: roundId,
        detail:
          `自动分配（每个基地${options.expertsPerBase ?? '全部'}名专家` +
          `${options.keepExisting ? '，保留手工分组' : ''}）：` +
          `${c.moves.length} 个基地调整专家组，新增 ${c.add.length} 条、修改 ${c.update.length} 条、` +
          `取消 ${c.remove.length} 条分配`,
      }),
    },
    actor,
    deps,
  );
}

/**
 * A manual change of one base's assignment, audited as 'assignment.update' on the base.
 * The refusals (archived or closed round, planner refusals) are runEdit's.
 */
function editBase(
  db: PingguDatabase,
  input: {
    roundId: string;
    baseId: string;
    plan: Edit['plan'];
    detail: (records: RoundAssignmentRecords, changes: AssignmentChanges) => string;
  },
  actor: string,
  deps: AssignmentDeps,
): Promise<RepositoryResult<AssignmentWriteSummary>> {
  const { roundId, baseId, plan, detail } = input;
  return runEdit(
    db,
    {
      roundId,
      plan,
      audit: (records, changes) => ({
        action: 'assignment.update',
        entityId: baseId,
        detail: detail(records, changes),
      }),
    },
    actor,
    deps,
  );
}

/** Moves a base to another panel (its experts are re-assigned from the new panel). */
export function moveBaseToPanel(
  db: PingguDatabase,
  input: { roundId: string; baseId: string; panelId: string; expertsPerBase?: number },
  actor: string,
  deps: AssignmentDeps,
): Promise<RepositoryResult<AssignmentWriteSummary>> {
  const { roundId, baseId, panelId } = input;
  return editBase(
    db,
    {
      roundId,
      baseId,
      plan: (records) =>
        planBaseMove(
          records,
          baseId,
          panelId,
          input.expertsPerBase === undefined ? {} : { expertsPerBase: input.expertsPerBase },
        ),
      detail: (records, c) =>
        `“${nameOf(records.bases, baseId)}”从“${nameOf(records.panels, c.moves[0]?.from)}”` +
        `调到“${nameOf(records.panels, panelId)}”`,
    },
    actor,
    deps,
  );
}

type PairInput = { roundId: string; expertId: string; baseId: string };

/** Assigns one more expert of the base's panel to it; refuses a conflicted expert. */
export function addExpertToBase(
  db: PingguDatabase,
  input: PairInput,
  actor: string,
  deps: AssignmentDeps,
): Promise<RepositoryResult<AssignmentWriteSummary>> {
  return editBase(
    db,
    {
      roundId: input.roundId,
      baseId: input.baseId,
      plan: (records) => planAddPair(records, input.expertId, input.baseId),
      detail: (records) =>
        `分配${nameOf(records.experts, input.expertId)}评审“${nameOf(records.bases, input.baseId)}”`,
    },
    actor,
    deps,
  );
}

/** Takes a base away from one expert; refused once the expert started its sheet. */
export function removeExpertFromBase(
  db: PingguDatabase,
  input: PairInput,
  actor: string,
  deps: AssignmentDeps,
): Promise<RepositoryResult<AssignmentWriteSummary>> {
  return editBase(
    db,
    {
      roundId: input.roundId,
      baseId: input.baseId,
      plan: (records) => planRemovePair(records, input.expertId, input.baseId),
      detail: (records) =>
        `取消${nameOf(records.experts, input.expertId)}对“${nameOf(records.bases, input.baseId)}”的评审分配`,
    },
    actor,
    deps,
  );
}

/**
 * Declares a conflict of interest (回避): the pair's assignment becomes, or is created as, a
 * recusal with source 'declared' and the reason, so the expert never scores the base.
 */
export function declareConflict(
  db: PingguDatabase,
  input: DeclarationInput & { roundId: string },
  actor: string,
  deps: AssignmentDeps,
): Promise<RepositoryResult<AssignmentWriteSummary>> {
  return runEdit(
    db,
    {
      roundId: input.roundId,
      plan: (records) => planDeclaration(records, input),
      audit: (records) => ({
        action: 'conflict.declare',
        entityId: input.baseId,
        detail:
          `${nameOf(records.experts, input.expertId)}对“${nameOf(records.bases, input.baseId)}”` +
          `声明回避：${input.reason.trim()}`,
      }),
    },
    actor,
    deps,
  );
}
