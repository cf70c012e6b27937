import { describe, expect, it } from 'vitest';
import { generateDemoRound } from '../../../shared/demo/demoRound';
import {
  changesSignature,
  hasChanges,
  writesForChanges,
} from '../../../shared/secretariat/assignmentChanges';
import type { RoundAssignmentRecords } from '../../../shared/secretariat/assignmentChanges';
import { planAutoAssignment } from '../../../shared/secretariat/assignmentPlan';
import type { AssignmentPlan } from '../../../shared/secretariat/assignmentPlan';
import { buildAssignment, TEST_TIME } from '../../helpers/builders';
import {
  basesOf,
  expertsOf,
  panelsNamed,
  records,
  ROUND_ID,
  startedSheet,
} from '../../helpers/assignmentBuilders';

function planOf(r: RoundAssignmentRecords, keepExisting: boolean, k?: number): AssignmentPlan {
  const outcome = planAutoAssignment(r, {
    keepExisting,
    ...(k === undefined ? {} : { expertsPerBase: k }),
  });
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.value;
}

const demoRecords = (): RoundAssignmentRecords => {
  const demo = generateDemoRound();
  return {
    bases: demo.bases,
    panels: demo.panels,
    experts: demo.experts,
    assignments: demo.assignments,
    scoresheets: demo.scoresheets,
  };
};

describe('planAutoAssignment', () => {
  it('assigns a fresh round: bases balanced, every expert of a panel on each base, own-institution pairs 回避', () => {
    const panels = panelsNamed('一', '二');
    const bases = basesOf(5).map((b, i) => (i === 0 ? { ...b, hostInstitution: '东北大学' } : b));
    const experts = [...expertsOf('p1', 2), ...expertsOf('p2', 2)].map((e) =>
      e.id === 'p1-e1' ? { ...e, institution: '东北大学' } : e,
    );
    const plan = planOf(records({ bases, panels, experts }), false);
    expect([...plan.placement.sizes.values()]).toEqual([3, 2]);
    expect(plan.placement.panelOf.get('b01')).toBe('p2'); // p1 has an expert of its host
    expect(plan.changes.add).toHaveLength(10);
    expect(plan.changes.add.filter((p) => p.recusal)).toEqual([]);

    const crowded = planOf(
      records({ bases, panels, experts: experts.map((e) => ({ ...e, institution: '东北大学' })) }),
      false,
    );
    const recused = crowded.changes.add.filter((p) => p.recusal);
    expect(recused.map((p) => [p.expertId, p.baseId, p.recusal?.source])).toEqual([
      ['p1-e1', 'b01', 'institution'],
      ['p1-e2', 'b01', 'institution'],
    ]);
    expect(crowded.short).toEqual([
      { panelId: 'p1', baseId: 'b01', required: 1, assigned: 0, eligible: 0 },
    ]);
  });

  it('changes nothing in the demo round when manual placements are kept, except recording declared recusals', () => {
    const plan = planOf(demoRecords(), true);
    expect(plan.changes.moves).toEqual([]);
    expect(plan.changes.add).toEqual([]);
    expect(plan.changes.remove).toEqual([]);
    // The demo's three declared recusals live on sheets; the plan puts them on the assignments.
    expect(plan.changes.update.map((u) => u.after.recusal?.source)).toEqual([
      'declared',
      'declared',
      'declared',
    ]);
  });

  it('re-deals only the demo bases nobody has started scoring', () => {
    const r = demoRecords();
    const plan = planOf(r, false);
    const moved = new Set(plan.changes.moves.map((m) => m.baseId));
    expect(moved.size).toBeGreaterThan(0);
    for (const sheet of r.scoresheets.filter((s) => !s.recusal)) {
      expect(moved.has(sheet.baseId)).toBe(false);
    }
    const removed = new Set(plan.changes.remove.map((a) => `${a.expertId}|${a.baseId}`));
    for (const sheet of r.scoresheets) {
      if (!sheet.recusal) expect(removed.has(`${sheet.expertId}|${sheet.baseId}`)).toBe(false);
    }
    const sizes = [...plan.placement.sizes.values()];
    const before = [...plan.sizesBefore.values()];
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThan(
      Math.max(...before) - Math.min(...before),
    );
  });

  it('turns a started sheet of a newly conflicted pair into 回避, with a warning', () => {
    const [base] = basesOf(1).map((b) => ({ ...b, panelId: 'p1', hostInstitution: '东北大学' }));
    const [expert] = expertsOf('p1', 1);
    if (!base || !expert) throw new Error('builders');
    const assignment = buildAssignment(base, expert);
    const moved = { ...expert, institution: '东北大学' };
    const plan = planOf(
      records({
        bases: [base],
        panels: panelsNamed('一'),
        experts: [moved],
        assignments: [assignment],
        scoresheets: [startedSheet(base, expert)],
      }),
      true,
    );
    expect(plan.changes.update).toHaveLength(1);
    expect(plan.changes.update[0]?.after.recusal?.source).toBe('institution');
    expect(plan.warnings).toEqual([{ code: 'startedSheetsRecused', count: 1 }]);
  });

  it('lifts an automatic recusal that no longer applies and drops duplicate records', () => {
    const [base] = basesOf(1).map((b) => ({ ...b, panelId: 'p1' }));
    const [expert] = expertsOf('p1', 1);
    if (!base || !expert) throw new Error('builders');
    const stale = buildAssignment(base, expert, {
      id: 'a1',
      recusal: { reason: '旧单位', source: 'institution', at: TEST_TIME },
    });
    const duplicate = buildAssignment(base, expert, { id: 'a2' });
    const plan = planOf(
      records({
        bases: [base],
        panels: panelsNamed('一'),
        experts: [expert],
        assignments: [duplicate, stale],
      }),
      true,
    );
    expect(plan.changes.update.map((u) => [u.before.id, u.after.recusal])).toEqual([
      ['a1', undefined],
    ]);
    expect(plan.changes.remove.map((a) => a.id)).toEqual(['a2']);
  });

  it('warns that a declaration recorded by the secretariat is dropped when its base changes panel', () => {
    const bases = basesOf(2).map((b) => ({ ...b, panelId: 'p1' }));
    const experts = [...expertsOf('p1', 1), ...expertsOf('p2', 1)];
    const [b1, b2] = bases;
    const [e1] = experts;
    if (!b1 || !b2 || !e1) throw new Error('builders');
    const declared = buildAssignment(b2, e1, {
      recusal: { reason: '亲属任职', source: 'declared', at: TEST_TIME },
    });
    const plan = planOf(
      records({
        bases,
        panels: panelsNamed('一', '二'),
        experts,
        assignments: [buildAssignment(b1, e1), declared],
      }),
      false,
    );
    expect(plan.changes.moves.map((m) => m.baseId)).toEqual(['b02']);
    expect(plan.warnings).toEqual([{ code: 'declarationsDropped', count: 1 }]);
  });

  it('refuses an invalid number of experts per base in Chinese', () => {
    const outcome = planAutoAssignment(
      records({ bases: basesOf(1), panels: panelsNamed('一'), experts: expertsOf('p1', 1) }),
      { keepExisting: false, expertsPerBase: 0 },
    );
    expect(outcome).toEqual({ ok: false, message: '每个基地的评审专家数须为不小于 1 的整数。' });
  });
});

describe('writesForChanges', () => {
  it('keeps ids and recusal times of rewritten records and gives new ones fresh ids', () => {
    const r = demoRecords();
    const plan = planOf(r, false);
    let n = 0;
    const writes = writesForChanges(plan.changes, r.bases, ROUND_ID, {
      now: () => TEST_TIME,
      newId: () => `new-${(n += 1)}`,
    });
    expect(writes.put).toHaveLength(plan.changes.add.length + plan.changes.update.length);
    expect(writes.put.slice(0, plan.changes.update.length).map((a) => a.id)).toEqual(
      plan.changes.update.map((u) => u.before.id),
    );
    expect(writes.bases.map((b) => b.panelId)).toEqual(plan.changes.moves.map((m) => m.to));
    expect(writes.remove).toEqual(plan.changes.remove.map((a) => a.id));
  });

  it('gives the same signature to the same plan and a different one to another', () => {
    const r = demoRecords();
    expect(changesSignature(planOf(r, false).changes)).toBe(
      changesSignature(planOf(r, false).changes),
    );
    expect(changesSignature(planOf(r, false).changes)).not.toBe(
      changesSignature(planOf(r, true).changes),
    );
    expect(hasChanges(planOf(r, false).changes)).toBe(true);
  });
});
