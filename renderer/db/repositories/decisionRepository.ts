// Records the secretariat's final decision for a base, with its audit entry, atomically.
// A base has at most one decision; recording again replaces it and the audit log keeps
// the earlier ones.
import type { DispositionDecision, FinalDecision } from '../../../shared/domain/types';
import { validateDispositionDecision } from '../../../shared/domain/dispositions';
import type { PingguDatabase } from '../database';
import { appendAudit } from './audit';
import { archivedRound, fail, ok } from './errors';
import { closedRound, isClosedRound } from './frozenRound';
import type { RepositoryResult } from './errors';

export type DecisionInput = {
  roundId: string;
  baseId: string;
  decision: DispositionDecision;
};

export type DecisionDeps = { now: () => string; newId: () => string };

function describe(decision: DispositionDecision): string {
  const d = decision.disposition;
  const target =
    d.code === 'include' || d.code === 'convert'
      ? ` → ${d.targetType}`
      : d.code === 'merge'
        ? ` → ${d.targetBaseId}`
        : '';
  return `${d.code}${target}: ${decision.reason}`;
}

export function recordDecision(
  db: PingguDatabase,
  input: DecisionInput,
  actor: string,
  deps: DecisionDeps,
): Promise<RepositoryResult<FinalDecision>> {
  const { roundId, baseId, decision } = input;
  return db.transaction('rw', [db.rounds, db.bases, db.decisions, db.auditLog], async () => {
    const round = await db.rounds.get(roundId);
    if (round?.archive) return archivedRound<FinalDecision>();
    if (isClosedRound(round)) return closedRound<FinalDecision>('最终决定');
    const base = await db.bases.get(baseId);
    if (!base || base.roundId !== roundId) {
      return fail<FinalDecision>('notFound', `本轮次中找不到该基地：${baseId}`);
    }
    const d = decision.disposition;
    const mergeTarget = d.code === 'merge' ? await db.bases.get(d.targetBaseId) : undefined;
    const problems = validateDispositionDecision(decision, {
      baseType: base.type,
      selfBaseId: baseId,
      existingBaseIds: new Set(mergeTarget?.roundId === roundId ? [mergeTarget.id] : []),
    });
    const first = problems[0];
    if (first) return fail<FinalDecision>('editRejected', first.message, problems);
    const existing = await db.decisions.where('baseId').equals(baseId).first();
    const record: FinalDecision = {
      ...decision,
      id: existing?.id ?? deps.newId(),
      roundId,
      baseId,
      decidedAt: deps.now(),
      decidedBy: actor,
    };
    await db.decisions.put(record);
    await appendAudit(
      db,
      { roundId, action: 'decision.record', entityId: baseId, actor, detail: describe(decision) },
      deps,
    );
    return ok(record);
  });
}
