// A person settles a scoresheet conflict (keep the copy shown, take the kept copy, or enter
// the agreed values): planResolution (shared/sync) on the stored sheets and records, its
// writes and the audit entry in ONE transaction. Only Dexie calls are awaited inside; the
// HLC clock is advanced synchronously.
import type { HlcClock } from '../../../shared/domain/hlc';
import type { ConflictRecord, Scoresheet } from '../../../shared/domain/types';
import { logicalKey } from '../../../shared/sync/content';
import { planResolution } from '../../../shared/sync/resolveConflict';
import type { ResolutionChoice } from '../../../shared/sync/resolveConflict';
import type { PingguDatabase } from '../database';
import { appendAudit } from './audit';
import { fail, ok } from './errors';
import { closedRound, isClosedRound } from './frozenRound';
import type { RepositoryResult } from './errors';

export type ResolveConflictDeps = {
  now: () => string;
  deviceId: string;
  /** This device's hybrid logical clock; moved past both copies' timestamps. */
  clock: HlcClock;
  /** The record as the person saw it: refused as stale if it changed since. */
  seen?: ConflictRecord;
};

const CHOICE_TEXT = {
  local: '保留当前显示的版本',
  incoming: '采用另一台电脑上的版本',
  manual: '录入商定的分数',
} as const;

export function resolveConflict(
  db: PingguDatabase,
  conflictId: string,
  choice: ResolutionChoice,
  actor: string,
  deps: ResolveConflictDeps,
): Promise<RepositoryResult<Scoresheet>> {
  const tables = [db.rounds, db.scoresheets, db.conflicts, db.auditLog];
  return db.transaction('rw', tables, async () => {
    const record = await db.conflicts.get(conflictId);
    if (!record) return fail<Scoresheet>('notFound', `找不到冲突记录：${conflictId}`);
    const round = await db.rounds.get(record.roundId);
    if (round?.archive) return fail<Scoresheet>('archived', '归档轮次是只读的，不能处理冲突。');
    if (isClosedRound(round)) return closedRound<Scoresheet>('评分冲突的处理');
    const { expertId, baseId } = record.local;
    const key = logicalKey(record.local);
    const [sheets, conflicts] = await Promise.all([
      db.scoresheets.where('[expertId+baseId]').equals([expertId, baseId]).toArray(),
      db.conflicts.where('roundId').equals(record.roundId).toArray(),
    ]);
    const now = deps.now();
    deps.clock.receive(record.local.hlc);
    const hlc = deps.clock.receive(record.incoming.hlc);
    const plan = planResolution(
      deps.seen ?? record,
      choice,
      {
        sheets: sheets.filter((s) => logicalKey(s) === key),
        conflicts: conflicts.filter((c) => logicalKey(c.local) === key),
      },
      { now, hlc, deviceId: deps.deviceId },
    );
    if (!plan.ok) {
      return fail<Scoresheet>(
        'stale',
        plan.reason === 'alreadyResolved'
          ? '此冲突已经处理过了。'
          : '此冲突在显示后已有变化（例如又导入了新的评分），请重新查看后再处理。',
      );
    }
    await db.scoresheets.bulkDelete(plan.toDelete);
    await db.scoresheets.bulkPut(plan.toPut);
    await db.conflicts.bulkDelete(plan.conflictsToDelete);
    await db.conflicts.bulkPut([...plan.newConflicts, ...plan.updatedConflicts]);
    await db.conflicts.put(plan.resolvedConflict);
    const how = typeof choice === 'string' ? CHOICE_TEXT[choice] : CHOICE_TEXT.manual;
    await appendAudit(
      db,
      {
        roundId: record.roundId,
        action: 'scoresheet.resolveConflict',
        entityId: plan.sheet.id,
        actor,
        detail: `${how}（冲突记录 ${record.id}）`,
      },
      { now: () => now },
    );
    return ok(plan.sheet);
  });
}
