// Writes rounds: add one with its templates, delete one with everything it owns, and pick
// the current round. Each write is a single transaction with its audit entry.
import type { IndicatorTemplate, Round } from '../../../shared/domain/types';
import type { PingguDatabase } from '../database';
import { appendAudit } from './audit';
import type { Clock } from './audit';
import { fail, ok } from './errors';
import type { RepositoryResult } from './errors';
import { forgetReceivedRoundBundles } from '../bundles/receivedRoundBundles';
import { forgetIssuedBundles } from './issueRepository';
import { forgetExpertPins } from './expertPinRepository';

export type NewRoundInput = {
  round: Round;
  /** Templates the round's templateByType points at; ones already stored are kept as they are. */
  templates: readonly IndicatorTemplate[];
};

export function addRound(
  db: PingguDatabase,
  input: NewRoundInput,
  actor: string,
  clock: Clock,
): Promise<RepositoryResult<Round>> {
  const { round, templates } = input;
  return db.transaction('rw', [db.rounds, db.templates, db.auditLog], async () => {
    if (await db.rounds.get(round.id)) {
      return fail<Round>('alreadyExists', `评估轮次已存在：${round.name}`);
    }
    await db.rounds.add(round);
    // An issued template may be frozen in the database already; never overwrite it.
    const ids = templates.map((t) => t.id);
    const stored = await db.templates.bulkGet(ids);
    const missing = templates.filter((_, i) => stored[i] === undefined);
    if (missing.length > 0) await db.templates.bulkAdd(missing);
    await appendAudit(
      db,
      { roundId: round.id, action: 'round.create', entityId: round.id, actor, detail: round.name },
      clock,
    );
    return ok(round);
  });
}

export type DeletedRoundCounts = {
  bases: number;
  panels: number;
  experts: number;
  assignments: number;
  scoresheets: number;
  decisions: number;
  conflicts: number;
  bundleImports: number;
  trustedKeys: number;
  roundChanges: number;
  templates: number;
};

/** Every table that holds records of a round (a transaction deleting or loading rounds). */
export function roundTables(db: PingguDatabase) {
  return [
    db.rounds,
    db.bases,
    db.templates,
    db.panels,
    db.experts,
    db.assignments,
    db.scoresheets,
    db.decisions,
    db.conflicts,
    db.bundleImports,
    db.auditLog,
    db.settings,
    db.trustedKeys,
    db.roundChanges,
  ];
}

/**
 * Deletes a round and every record that belongs to it in one transaction: bases, panels,
 * experts, assignments, scoresheets, decisions, conflicts, import records, pinned keys, the
 * round's changes (轮次变更), the
 * record of its issued and received bundles, its experts' PINs and the current-expert choice
 * when it is one of them, its audit entries, and templates no other round uses. A
 * single 'round.delete' audit entry is left behind so the deletion itself stays on record.
 */
export function deleteRound(
  db: PingguDatabase,
  roundId: string,
  actor: string,
  clock: Clock,
): Promise<RepositoryResult<DeletedRoundCounts>> {
  return db.transaction('rw', roundTables(db), async () => {
    const round = await db.rounds.get(roundId);
    if (!round) return fail<DeletedRoundCounts>('notFound', `找不到评估轮次：${roundId}`);

    const otherRounds = (await db.rounds.toArray()).filter((r) => r.id !== roundId);
    const stillUsed = new Set(otherRounds.flatMap((r) => Object.values(r.templateByType)));
    const orphanTemplates = [...new Set(Object.values(round.templateByType))].filter(
      (id): id is string => id !== undefined && !stillUsed.has(id),
    );
    const storedOrphans = (await db.templates.bulkGet(orphanTemplates)).filter(
      (t) => t !== undefined,
    );

    const expertIds = (await db.experts.where('roundId').equals(roundId).primaryKeys()).map(String);
    const counts: DeletedRoundCounts = {
      bases: await db.bases.where('roundId').equals(roundId).delete(),
      panels: await db.panels.where('roundId').equals(roundId).delete(),
      experts: await db.experts.where('roundId').equals(roundId).delete(),
      assignments: await db.assignments.where('roundId').equals(roundId).delete(),
      scoresheets: await db.scoresheets.where('roundId').equals(roundId).delete(),
      decisions: await db.decisions.where('roundId').equals(roundId).delete(),
      conflicts: await db.conflicts.where('roundId').equals(roundId).delete(),
      bundleImports: await db.bundleImports.where('roundId').equals(roundId).delete(),
      trustedKeys: await db.trustedKeys.where('roundId').equals(roundId).delete(),
      roundChanges: await db.roundChanges.where('roundId').equals(roundId).delete(),
      templates: storedOrphans.length,
    };
    await db.templates.bulkDelete(storedOrphans.map((t) => t.id));
    await db.auditLog.where('roundId').equals(roundId).delete();
    await db.rounds.delete(roundId);

    const current = await db.settings.get('currentRoundId');
    if (current?.value === roundId) await db.settings.delete('currentRoundId');
    // This laptop's scoring choices for the round's experts: their PINs and who scores now.
    await forgetExpertPins(db, expertIds);
    const currentExpert = await db.settings.get('currentExpertId');
    if (currentExpert !== undefined && expertIds.includes(currentExpert.value)) {
      await db.settings.delete('currentExpertId');
    }
    await forgetIssuedBundles(db, roundId);
    await forgetReceivedRoundBundles(db, roundId);

    await appendAudit(
      db,
      { roundId, action: 'round.delete', entityId: roundId, actor, detail: round.name },
      clock,
    );
    return ok(counts);
  });
}

/** Makes a round the one the app opens on; `null` clears the choice. */
export function setCurrentRound(
  db: PingguDatabase,
  roundId: string | null,
): Promise<RepositoryResult<string | null>> {
  return db.transaction('rw', [db.rounds, db.settings], async () => {
    if (roundId === null) {
      await db.settings.delete('currentRoundId');
      return ok(null);
    }
    if (!(await db.rounds.get(roundId))) {
      return fail<string | null>('notFound', `找不到评估轮次：${roundId}`);
    }
    await db.settings.put({ key: 'currentRoundId', value: roundId });
    return ok(roundId);
  });
}
