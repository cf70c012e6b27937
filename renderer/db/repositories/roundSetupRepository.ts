// The new-round wizard's writes: create a round from the wizard's settings (with the
// templates it uses) and make it the current one, all in one transaction; and edit a
// round's settings while it is still in setup.
import { buildRound, reviseRoundSettings } from '../../../shared/domain/roundSetup';
import type { RoundSetupInput, RoundSetupProblem } from '../../../shared/domain/roundSetup';
import { BUILTIN_TEMPLATES } from '../../../shared/domain/templates';
import type { Round } from '../../../shared/domain/types';
import type { PingguDatabase } from '../database';
import { appendAudit } from './audit';
import type { Clock } from './audit';
import { fail, ok } from './errors';
import { closedRound, isClosedRound } from './frozenRound';
import type { RepositoryResult } from './errors';
import { addRound } from './roundRepository';

export type RoundSetupDeps = Clock & { newId: () => string };

const refused = <T>(problems: readonly RoundSetupProblem[]): RepositoryResult<T> =>
  fail<T>('editRejected', problems[0]?.message ?? '评估轮次设置有误', problems);

/**
 * Creates a round in `setup` from the wizard's settings, stores the templates it points at
 * (built-ins, or templates stored for earlier rounds), and makes it the current round.
 * Refuses with the problems (as `cause`) when the settings are not valid.
 */
export function createRoundFromSetup(
  db: PingguDatabase,
  setup: RoundSetupInput,
  actor: string,
  deps: RoundSetupDeps,
): Promise<RepositoryResult<Round>> {
  const tables = [db.rounds, db.templates, db.auditLog, db.settings];
  return db.transaction('rw', tables, async () => {
    const [rounds, stored] = await Promise.all([db.rounds.toArray(), db.templates.toArray()]);
    const built = buildRound(setup, deps, {
      templates: [...stored, ...BUILTIN_TEMPLATES],
      existingRounds: rounds,
    });
    if (!built.ok) return refused<Round>(built.problems);
    const added = await addRound(db, built.value, actor, deps);
    if (!added.ok) return added;
    await db.settings.put({ key: 'currentRoundId', value: added.value.id });
    return added;
  });
}

/** Changes a round's settings (not its templates) while its status is 'setup'. */
export function updateRoundSettings(
  db: PingguDatabase,
  roundId: string,
  setup: RoundSetupInput,
  actor: string,
  clock: Clock,
): Promise<RepositoryResult<Round>> {
  return db.transaction('rw', [db.rounds, db.auditLog], async () => {
    const rounds = await db.rounds.toArray();
    const round = rounds.find((r) => r.id === roundId);
    if (!round) return fail<Round>('notFound', `找不到评估轮次：${roundId}`);
    if (round.archive)
      return fail<Round>('archived', '这是从结果包导入的归档轮次，只能查看，不能修改。');
    if (isClosedRound(round)) return closedRound<Round>('轮次设置');
    const revised = reviseRoundSettings(round, setup, { existingRounds: rounds });
    if (!revised.ok) {
      const code = revised.problems.some((p) => p.code === 'roundLocked')
        ? 'locked'
        : 'editRejected';
      return fail<Round>(
        code,
        revised.problems[0]?.message ?? '评估轮次设置有误',
        revised.problems,
      );
    }
    await db.rounds.put(revised.value);
    await appendAudit(
      db,
      { roundId, action: 'round.update', entityId: roundId, actor, detail: revised.value.name },
      clock,
    );
    return ok(revised.value);
  });
}
