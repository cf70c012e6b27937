// An issued round for the tests of changes after issue (轮次变更): two panels of three experts
// (the first of each is the chair), bases b01–b03 in 沈阳组 and b04 in 大连组, every base
// assigned to every expert of its panel; p1-e3 is a spare of 沈阳组 with no assignment. Sheets
// are added per test.
import type {
  Assignment,
  Base,
  Expert,
  Round,
  RoundChange,
  Scoresheet,
} from '../../shared/domain/types';
import type { ChangeRecords, RoundChangePlan } from '../../shared/secretariat/roundChangePlans';
import { buildAssignment, buildRound, buildScoresheet, TEST_TIME } from './builders';
import { basesOf, expertsOf, panelsNamed, ROUND_ID } from './assignmentBuilders';

export { ROUND_ID };

export const ACTOR = '秘书处 王芳';

export type IssuedRound = ChangeRecords & {
  round: Round;
  bases: Base[];
  experts: Expert[];
  assignments: Assignment[];
  scoresheets: Scoresheet[];
  changes: RoundChange[];
};

export function issuedRound(): IssuedRound {
  const round = buildRound({ id: ROUND_ID, status: 'issued' });
  const panels = panelsNamed('沈阳组', '大连组').map((p) => ({
    ...p,
    chairExpertId: `${p.id}-e1`,
  }));
  const bases = basesOf(4).map((b, i) => ({ ...b, panelId: i < 3 ? 'p1' : 'p2' }));
  const experts = [...expertsOf('p1', 3), ...expertsOf('p2', 3)];
  const assigned = experts.filter((e) => e.id !== 'p1-e3');
  const assignments = bases.flatMap((b) =>
    assigned
      .filter((e) => e.panelId === b.panelId)
      .map((e) => buildAssignment(b, e, { id: `a-${e.id}-${b.id}` })),
  );
  return { round, panels, bases, experts, assignments, scoresheets: [], changes: [] };
}

export function expertOf(records: IssuedRound, id: string): Expert {
  const expert = records.experts.find((e) => e.id === id);
  if (!expert) throw new Error(`no expert ${id}`);
  return expert;
}

export function baseOf(records: IssuedRound, id: string): Base {
  const base = records.bases.find((b) => b.id === id);
  if (!base) throw new Error(`no base ${id}`);
  return base;
}

/** A submitted sheet of the pair with these scores on the built-in template. */
export function submittedSheet(
  records: IssuedRound,
  expertId: string,
  baseId: string,
  scores: Record<string, number> = { 'A1.1.1': 8 },
): Scoresheet {
  return buildScoresheet(baseOf(records, baseId), expertOf(records, expertId), {
    id: `s-${expertId}-${baseId}`,
    status: 'submitted',
    submittedAt: TEST_TIME,
    scores,
  });
}

/** Deterministic deps: ids c-1, c-2 …, a clock that ticks one minute per call. */
export function changeDeps(prefix = 'c'): { now: () => string; newId: () => string } {
  let n = 0;
  let t = Date.parse('2024-06-01T01:10:00.000Z');
  return {
    newId: () => {
      n += 1;
      return `${prefix}-${n}`;
    },
    now: () => {
      t += 60_000;
      return new Date(t).toISOString();
    },
  };
}

/** The records after a plan's writes, as the repository stores them (for pure tests). */
export function applyPlan(records: IssuedRound, plan: RoundChangePlan): IssuedRound {
  const removed = new Set(plan.remove);
  const put = new Map(plan.put.map((a) => [a.id, a]));
  const bases = new Map(plan.bases.map((b) => [b.id, b]));
  return {
    ...records,
    assignments: [
      ...records.assignments.filter((a) => !removed.has(a.id) && !put.has(a.id)),
      ...plan.put,
    ],
    bases: records.bases.map((b) => bases.get(b.id) ?? b),
    changes: [...records.changes.filter((c) => c.id !== plan.change.id), plan.change],
  };
}
