// A sheet voided by a round change (作废) is kept and shown, and never written again on this
// machine: no score, comment, recommendation, submit, reopen or recusal. The scoresheet
// repository asks here inside its transaction (Dexie calls only), and refuses with one
// sentence that names the change and its reason.
import { pairKey } from '../../../shared/domain/sheetAdmission';
import {
  isStanding,
  ROUND_CHANGE_KIND_LABELS,
  partitionSheets,
  voidingChanges,
  withdrawnBaseIds,
} from '../../../shared/domain/roundChanges';
import type { Assignment, RoundChange, Scoresheet } from '../../../shared/domain/types';
import type { PingguDatabase } from '../database';
import { fail } from './errors';
import type { RepositoryResult } from './errors';

/** The tables the checks read; a caller's transaction must include them. */
export const voidedSheetTables = (db: PingguDatabase) => [db.roundChanges, db.assignments];

async function roundChangesAndAssignments(
  db: PingguDatabase,
  roundId: string,
  expertId: string,
): Promise<[RoundChange[], Assignment[]]> {
  return Promise.all([
    db.roundChanges.where('roundId').equals(roundId).toArray(),
    db.assignments.where('[roundId+expertId]').equals([roundId, expertId]).toArray(),
  ]);
}

/** The refusal of any edit of `sheet` when a standing change voids it, else undefined. */
export async function voidedSheetRefusal(
  db: PingguDatabase,
  sheet: Scoresheet,
): Promise<RepositoryResult<Scoresheet> | undefined> {
  const [changes, assignments] = await roundChangesAndAssignments(
    db,
    sheet.roundId,
    sheet.expertId,
  );
  if (changes.length === 0) return undefined;
  const [voided] = partitionSheets([sheet], changes, assignments).voided;
  if (voided === undefined) return undefined;
  const { kind, reason } = voided.change;
  return fail<Scoresheet>(
    'locked',
    `此评分表已作废（${ROUND_CHANGE_KIND_LABELS[kind]}：${reason}），评分保留可查看，但不能修改、提交或撤回。`,
  );
}

/** The refusal of starting a sheet for a pair a standing change voids, else undefined. */
export async function voidedPairRefusal(
  db: PingguDatabase,
  key: { roundId: string; expertId: string; baseId: string },
): Promise<RepositoryResult<Scoresheet> | undefined> {
  const [changes, assignments] = await roundChangesAndAssignments(db, key.roundId, key.expertId);
  if (changes.length === 0) return undefined;
  const change =
    voidingChanges(changes, assignments).get(pairKey(key.expertId, key.baseId)) ??
    (withdrawnBaseIds(changes).has(key.baseId)
      ? changes.find((c) => c.kind === 'withdrawBase' && isStanding(c) && c.baseId === key.baseId)
      : undefined);
  if (change === undefined) return undefined;
  return fail<Scoresheet>(
    'locked',
    `该评审任务已作废（${ROUND_CHANGE_KIND_LABELS[change.kind]}：${change.reason}），不能再开始评分。`,
  );
}
