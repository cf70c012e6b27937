// Closing a round (结束评估) and reopening it (重新开启), each in ONE transaction with its audit
// entry: waive a missing sheet (缺评, a RoundChange), close (refused with every blocker while
// any remains; else the round is frozen, each decision gets its basis and the closure its
// version), record the SHA-256 of the final files once they are written, and reopen with a
// reason (the closure keeps its version, so the next closing writes the next one). The rules
// are shared/secretariat/closing.ts; only Dexie calls are awaited inside the transactions.
import { isSha256Hex } from '../../../shared/bundle/fileHash';
import { NAME_MAX, TEXT_MAX } from '../../../shared/bundle/schemas';
import type { Round, RoundChange, RoundClosure } from '../../../shared/domain/types';
import {
  closeBlockers,
  closeRefusalText,
  decisionBases,
  nextClosureVersion,
  waiverRefusal,
} from '../../../shared/secretariat/closing';
import type { CloseBlocker, ClosingRecords } from '../../../shared/secretariat/closing';
import type { PingguDatabase } from '../database';
import { listBases } from '../queries';
import { appendAudit } from './audit';
import type { Clock } from './audit';
import { archivedRound, fail, ok } from './errors';
import type { RepositoryResult } from './errors';
import { closedRound } from './frozenRound';

export type ClosingDeps = Clock & { newId: () => string };

export function closingTables(db: PingguDatabase) {
  return [
    db.rounds,
    db.bases,
    db.experts,
    db.assignments,
    db.scoresheets,
    db.decisions,
    db.conflicts,
    db.roundChanges,
    db.auditLog,
  ];
}

/** The records closing reads (bases in the app's order); inside a transaction over closingTables. */
export async function loadClosingRecords(
  db: PingguDatabase,
  roundId: string,
): Promise<ClosingRecords> {
  const [bases, assignments, scoresheets, decisions, conflicts, changes] = await Promise.all([
    listBases(db, roundId),
    db.assignments.where('roundId').equals(roundId).toArray(),
    db.scoresheets.where('roundId').equals(roundId).toArray(),
    db.decisions.where('roundId').equals(roundId).toArray(),
    db.conflicts.where('roundId').equals(roundId).toArray(),
    db.roundChanges.where('roundId').equals(roundId).toArray(),
  ]);
  return { bases, assignments, scoresheets, decisions, conflicts, changes };
}

/** The blockers a refused closeRound carries as its error's cause. */
export type CloseRefusal = { blockers: CloseBlocker[] };

export const isCloseRefusal = (value: unknown): value is CloseRefusal =>
  typeof value === 'object' && value !== null && Array.isArray(Reflect.get(value, 'blockers'));

const roundNotFound = <T>(roundId: string): RepositoryResult<T> =>
  fail<T>('notFound', `找不到评估轮次：${roundId}`);

function personRefusal<T>(actor: string): RepositoryResult<T> | undefined {
  if (actor.trim() === '') return fail<T>('editRejected', '请填写经办人姓名。');
  if (actor.trim().length > NAME_MAX) {
    return fail<T>('editRejected', `经办人姓名不能超过 ${NAME_MAX} 个字。`);
  }
  return undefined;
}

function reasonRefusal<T>(reason: string, what: string): RepositoryResult<T> | undefined {
  if (reason.trim() === '') return fail<T>('editRejected', `请填写${what}的原因。`);
  if (reason.trim().length > TEXT_MAX) {
    return fail<T>('editRejected', `${what}的原因不能超过 ${TEXT_MAX} 个字。`);
  }
  return undefined;
}

export type WaiverInput = { roundId: string; expertId: string; baseId: string; reason: string };

/** 缺评: records that the sheet of an expert for a base will not come, and why. */
export function waiveMissingSheet(
  db: PingguDatabase,
  input: WaiverInput,
  actor: string,
  deps: ClosingDeps,
): Promise<RepositoryResult<RoundChange>> {
  type R = RoundChange;
  return db.transaction('rw', closingTables(db), async () => {
    const round = await db.rounds.get(input.roundId);
    if (!round) return roundNotFound<R>(input.roundId);
    if (round.archive) return archivedRound<R>();
    if (round.status === 'closed') return closedRound<R>('缺评登记');
    const refused = reasonRefusal<R>(input.reason, '缺评') ?? personRefusal<R>(actor);
    if (refused) return refused;
    const records = await loadClosingRecords(db, input.roundId);
    const refusal = waiverRefusal(records, input.expertId, input.baseId);
    if (refusal !== undefined) return fail<R>('editRejected', refusal);
    const [expert, base] = await Promise.all([
      db.experts.get(input.expertId),
      db.bases.get(input.baseId),
    ]);
    const change: RoundChange = {
      id: deps.newId(),
      roundId: input.roundId,
      kind: 'waiveMissing',
      at: deps.now(),
      actor: actor.trim(),
      reason: input.reason.trim(),
      expertId: input.expertId,
      baseId: input.baseId,
      voids: [],
    };
    await db.roundChanges.add(change);
    const who = `${expert?.name ?? input.expertId} · ${base?.name ?? input.baseId}`;
    await appendAudit(
      db,
      {
        roundId: input.roundId,
        action: 'change.record',
        entityId: change.id,
        actor: change.actor,
        detail: `缺评：${who}；原因：${change.reason}`,
      },
      { now: () => change.at },
    );
    return ok(change);
  });
}

/**
 * 结束评估: refused (code 'editRejected', cause CloseRefusal) while anything blocks it; else
 * the round becomes 'closed' with its closure (version, when, who), every decision gets the
 * basis it stands on, and the closing is audited.
 */
export function closeRound(
  db: PingguDatabase,
  roundId: string,
  actor: string,
  clock: Clock,
): Promise<RepositoryResult<Round>> {
  return db.transaction('rw', closingTables(db), async () => {
    const round = await db.rounds.get(roundId);
    if (!round) return roundNotFound<Round>(roundId);
    if (round.archive) return archivedRound<Round>();
    if (round.status === 'closed') {
      return fail<Round>(
        'locked',
        '本轮评估已结束，不能再次结束；如需修改，请先重新开启本轮评估。',
      );
    }
    if (round.status === 'setup') {
      return fail<Round>('locked', '本轮评审任务尚未下发，不能结束评估。');
    }
    const refused = personRefusal<Round>(actor);
    if (refused) return refused;
    const records = await loadClosingRecords(db, roundId);
    const blockers = closeBlockers(records);
    if (blockers.length > 0) {
      const cause: CloseRefusal = { blockers };
      return fail<Round>('editRejected', closeRefusalText(blockers), cause);
    }
    const now = clock.now();
    const closure: RoundClosure = {
      version: nextClosureVersion(round),
      closedAt: now,
      closedBy: actor.trim(),
    };
    const closed: Round = { ...round, status: 'closed', closure };
    const decisions = decisionBases(round, records, now);
    await db.decisions.bulkPut(decisions);
    await db.rounds.put(closed);
    await appendAudit(
      db,
      {
        roundId,
        action: 'round.close',
        entityId: roundId,
        actor: closure.closedBy,
        detail: `结束评估（第 ${closure.version} 版），${decisions.length} 项最终决定记录了所依据的结果`,
      },
      { now: () => now },
    );
    return ok(closed);
  });
}

export type ClosingFiles = { reportSha256?: string; resultSha256?: string };

/** Records the SHA-256 of the final report and result bundle written at this closing. */
export function recordClosingFiles(
  db: PingguDatabase,
  roundId: string,
  files: ClosingFiles,
  actor: string,
  clock: Clock,
): Promise<RepositoryResult<Round>> {
  return db.transaction('rw', [db.rounds, db.auditLog], async () => {
    const round = await db.rounds.get(roundId);
    if (!round) return roundNotFound<Round>(roundId);
    if (round.status !== 'closed' || round.closure === undefined) {
      return fail<Round>('editRejected', '本轮评估尚未结束，不能记录最终文件。');
    }
    const hashes = [files.reportSha256, files.resultSha256].filter((h) => h !== undefined);
    if (hashes.length === 0 || !hashes.every(isSha256Hex)) {
      return fail<Round>(
        'editRejected',
        '最终文件的指纹不是有效的 SHA-256（应为 64 位小写十六进制）。',
      );
    }
    const closure: RoundClosure = { ...round.closure, ...files };
    const updated: Round = { ...round, closure };
    await db.rounds.put(updated);
    const parts = [
      files.reportSha256 === undefined ? '' : `评估报告 SHA-256 ${files.reportSha256}`,
      files.resultSha256 === undefined ? '' : `结果包 SHA-256 ${files.resultSha256}`,
    ].filter((p) => p !== '');
    await appendAudit(
      db,
      {
        roundId,
        action: 'round.update',
        entityId: roundId,
        actor: actor.trim() === '' ? closure.closedBy : actor.trim(),
        detail: `第 ${closure.version} 版最终文件：${parts.join('；')}`,
      },
      clock,
    );
    return ok(updated);
  });
}

/** 重新开启: a closed round takes changes again; the reason and the person are required. */
export function reopenRound(
  db: PingguDatabase,
  roundId: string,
  actor: string,
  reason: string,
  clock: Clock,
): Promise<RepositoryResult<Round>> {
  return db.transaction('rw', [db.rounds, db.auditLog], async () => {
    const round = await db.rounds.get(roundId);
    if (!round) return roundNotFound<Round>(roundId);
    if (round.archive) return archivedRound<Round>();
    if (round.status !== 'closed')
      return fail<Round>('editRejected', '本轮评估尚未结束，无需重新开启。');
    if (round.closure === undefined) {
      return fail<Round>('locked', '本轮次没有结束评估的记录（版本），不能重新开启。');
    }
    const refused = reasonRefusal<Round>(reason, '重新开启') ?? personRefusal<Round>(actor);
    if (refused) return refused;
    const now = clock.now();
    const closure: RoundClosure = {
      ...round.closure,
      reopenedAt: now,
      reopenedBy: actor.trim(),
      reopenReason: reason.trim(),
    };
    const reopened: Round = { ...round, status: 'issued', closure };
    await db.rounds.put(reopened);
    await appendAudit(
      db,
      {
        roundId,
        action: 'round.reopen',
        entityId: roundId,
        actor: actor.trim(),
        detail: `重新开启（第 ${closure.version} 版之后）：${reason.trim()}`,
      },
      { now: () => now },
    );
    return ok(reopened);
  });
}
