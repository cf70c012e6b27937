// Builders for voided sheets (作废) on the bundle side: a change record written by hand, and
// a round day with a secretariat and panel laptops, where the secretariat replaces an expert
// after the bundles went out, exactly as its change planner would store it (the replaced
// expert stays on the panel, loses every assignment, and the change voids those pairs).
import type { Assignment, Expert, RoundChange } from '../../shared/domain/types';
import type { PingguDatabase } from '../../renderer/db/database';
import { buildAssignment, buildExpert, buildRoundRecords } from './builders';
import type { RoundRecords } from './builders';
import { openTestDatabase } from './db';
import { secretariatDatabase } from './importBuilders';

let changeCounter = 0;

/** A standing change; `voids` and the fields it concerns come from the test. */
export function buildChange(roundId: string, overrides: Partial<RoundChange> = {}): RoundChange {
  changeCounter += 1;
  return {
    id: `change-${changeCounter}`,
    roundId,
    kind: 'replaceExpert',
    at: '2024-05-13T02:00:00.000Z',
    actor: '秘书处 王芳',
    reason: '专家因病无法继续评审',
    voids: [],
    ...overrides,
  };
}

export type VoidedDay = {
  r: RoundRecords;
  secretariat: PingguDatabase;
  /** The laptops the test opened, to delete afterwards. */
  laptops: PingguDatabase[];
  /** The experts by role: e1 and e2 keep scoring, e3 is replaced by the newcomer. */
  e1: Expert;
  e2: Expert;
  e3: Expert;
};

/** The sample round with experts of distinct names (张伟, 刘洋, 陈静), issued, no sheets. */
export async function voidedDay(): Promise<VoidedDay> {
  const built = buildRoundRecords({ status: 'issued' });
  const names = ['张伟', '刘洋', '陈静'];
  const experts = built.experts.map((e, i) => ({ ...e, name: names[i] ?? e.name }));
  const [e1, e2, e3] = experts;
  if (!e1 || !e2 || !e3) throw new Error('builder');
  const r = { ...built, experts };
  const secretariat = await openTestDatabase();
  await secretariatDatabase(secretariat, r);
  return { r, secretariat, laptops: [], e1, e2, e3 };
}

export async function newLaptop(day: VoidedDay): Promise<PingguDatabase> {
  const db = await openTestDatabase();
  day.laptops.push(db);
  return db;
}

/**
 * The secretariat replaces e3 by a newcomer (赵新) on the panel, with a reason, the way its
 * change planner stores it: e3's assignments removed, the newcomer's added, one change that
 * voids every pair of e3. Returns the change and the newcomer.
 */
export async function replaceThirdExpert(
  day: VoidedDay,
  overrides: Partial<RoundChange> = {},
): Promise<{ change: RoundChange; newcomer: Expert; added: Assignment[] }> {
  const { r, secretariat, e3 } = day;
  const newcomer = buildExpert(r.round.id, r.panel.id, { name: '赵新' });
  const removed = r.assignments.filter((a) => a.expertId === e3.id);
  const added = r.bases.map((b) => buildAssignment(b, newcomer));
  const change = buildChange(r.round.id, {
    kind: 'replaceExpert',
    expertId: e3.id,
    replacementExpertId: newcomer.id,
    voids: removed.map((a) => ({ expertId: a.expertId, baseId: a.baseId })),
    before: removed,
    after: added,
    ...overrides,
  });
  await secretariat.transaction('rw', secretariat.tables, async () => {
    await secretariat.experts.add(newcomer);
    await secretariat.assignments.bulkDelete(removed.map((a) => a.id));
    await secretariat.assignments.bulkAdd(added);
    await secretariat.roundChanges.put(change);
  });
  return { change, newcomer, added };
}

export async function closeDay(day: VoidedDay): Promise<void> {
  await Promise.all([day.secretariat.delete(), ...day.laptops.map((db) => db.delete())]);
}
