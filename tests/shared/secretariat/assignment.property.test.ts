// Properties of the automatic assignment over random rounds: every base in exactly one
// panel, balance bounds, never a conflicted expert scoring, the same result whatever the
// input order, and nothing left to change when it runs again on its own result.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Assignment, Scoresheet } from '../../../shared/domain/types';
import { assignBasesToPanels } from '../../../shared/secretariat/assignment';
import {
  changesSignature,
  hasChanges,
  roundConflicts,
  writesForChanges,
} from '../../../shared/secretariat/assignmentChanges';
import type { RoundAssignmentRecords } from '../../../shared/secretariat/assignmentChanges';
import { planAutoAssignment } from '../../../shared/secretariat/assignmentPlan';
import type { AssignmentPlan } from '../../../shared/secretariat/assignmentPlan';
import {
  conflictChecker,
  findConflictsOfInterest,
  pairKey,
} from '../../../shared/secretariat/conflicts';
import { ROUND_ID, roundArb, startedSheet } from '../../helpers/assignmentBuilders';
import type { RoundShape } from '../../helpers/assignmentBuilders';

const RUNS = { numRuns: 150 };
const kArb = fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined });

function plan(records: RoundAssignmentRecords, keepExisting: boolean, k?: number): AssignmentPlan {
  const outcome = planAutoAssignment(records, {
    keepExisting,
    ...(k === undefined ? {} : { expertsPerBase: k }),
  });
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.value;
}

let idCounter = 0;

/** The records after a plan's writes, as the repository would leave them. */
function applyPlan(records: RoundAssignmentRecords, p: AssignmentPlan): RoundAssignmentRecords {
  const writes = writesForChanges(p.changes, records.bases, ROUND_ID, {
    now: () => '2024-05-10T09:00:00.000Z',
    newId: () => `new-${(idCounter += 1)}`,
  });
  const removed = new Set([...writes.remove, ...writes.put.map((a) => a.id)]);
  const moved = new Map(writes.bases.map((b) => [b.id, b]));
  return {
    ...records,
    bases: records.bases.map((b) => moved.get(b.id) ?? b),
    assignments: [...records.assignments.filter((a) => !removed.has(a.id)), ...writes.put],
  };
}

const asRecords = (shape: RoundShape, extra: Partial<RoundAssignmentRecords> = {}) => ({
  ...shape,
  assignments: [] as Assignment[],
  scoresheets: [] as Scoresheet[],
  ...extra,
});

describe('assignBasesToPanels over random rounds', () => {
  it('puts every base in exactly one existing panel', () => {
    fc.assert(
      fc.property(roundArb({ withPlacements: true }), fc.boolean(), (shape, keepExisting) => {
        const outcome = assignBasesToPanels(shape.bases, shape.panels, { keepExisting });
        if (!outcome.ok) throw new Error(outcome.message);
        const panelIds = new Set(shape.panels.map((p) => p.id));
        expect(outcome.value.panelOf.size).toBe(shape.bases.length);
        for (const base of shape.bases) {
          expect(panelIds.has(outcome.value.panelOf.get(base.id) ?? '')).toBe(true);
        }
        const total = [...outcome.value.sizes.values()].reduce((a, b) => a + b, 0);
        expect(total).toBe(shape.bases.length);
      }),
      RUNS,
    );
  });

  it('unconstrained, keeps panel sizes and each type per panel within one', () => {
    fc.assert(
      fc.property(roundArb({ withConflicts: false }), (shape) => {
        const outcome = assignBasesToPanels(shape.bases, shape.panels);
        if (!outcome.ok) throw new Error(outcome.message);
        const sizes = [...outcome.value.sizes.values()];
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
        for (const type of new Set(shape.bases.map((b) => b.type))) {
          const perPanel = shape.panels.map(
            (p) =>
              shape.bases.filter((b) => b.type === type && outcome.value.panelOf.get(b.id) === p.id)
                .length,
          );
          expect(Math.max(...perPanel) - Math.min(...perPanel)).toBeLessThanOrEqual(1);
        }
      }),
      RUNS,
    );
  });

  it('with placements kept, a panel that received bases ends at most one above the smallest', () => {
    fc.assert(
      fc.property(roundArb({ withPlacements: true }), (shape) => {
        const outcome = assignBasesToPanels(shape.bases, shape.panels, { keepExisting: true });
        if (!outcome.ok) throw new Error(outcome.message);
        const min = Math.min(...outcome.value.sizes.values());
        const receiving = new Set(
          shape.bases
            .filter((b) => !outcome.value.heldBaseIds.has(b.id))
            .map((b) => outcome.value.panelOf.get(b.id)),
        );
        for (const panelId of receiving) {
          expect(outcome.value.sizes.get(panelId ?? '') ?? 0).toBeLessThanOrEqual(min + 1);
        }
      }),
      RUNS,
    );
  });
});

describe('planAutoAssignment over random rounds', () => {
  it('never lets a conflicted expert score, and records every conflicted pair of a panel as 回避', () => {
    fc.assert(
      fc.property(roundArb({ withPlacements: true }), fc.boolean(), kArb, (shape, keep, k) => {
        const after = applyPlan(asRecords(shape), plan(asRecords(shape), keep, k));
        const conflicted = new Set(roundConflicts(after).map((c) => pairKey(c.expertId, c.baseId)));
        const byPair = new Map(after.assignments.map((a) => [pairKey(a.expertId, a.baseId), a]));
        for (const a of after.assignments) {
          if (conflicted.has(pairKey(a.expertId, a.baseId))) expect(a.recusal).toBeDefined();
        }
        const panelOf = new Map(after.bases.map((b) => [b.id, b.panelId]));
        for (const key of conflicted) {
          const [expertId = '', baseId = ''] = key.split('\u0000');
          const expert = after.experts.find((e) => e.id === expertId);
          if (expert?.panelId === panelOf.get(baseId)) {
            expect(byPair.get(key)?.recusal).toBeDefined();
          }
        }
      }),
      RUNS,
    );
  });

  it('gives each base the experts per base it asks for, or reports it short', () => {
    fc.assert(
      fc.property(roundArb(), kArb, (shape, k) => {
        const p = plan(asRecords(shape), false, k);
        const after = applyPlan(asRecords(shape), p);
        const short = new Set(p.short.map((s) => s.baseId));
        for (const base of after.bases) {
          const scoring = after.assignments.filter((a) => a.baseId === base.id && !a.recusal);
          expect(scoring.every((a) => a.panelId === base.panelId)).toBe(true);
          if (short.has(base.id)) continue;
          if (k === undefined) expect(scoring.length).toBeGreaterThan(0);
          else expect(scoring).toHaveLength(k);
        }
      }),
      RUNS,
    );
  });

  it('without conflicts, keeps expert loads within one per panel', () => {
    fc.assert(
      fc.property(roundArb({ withConflicts: false }), kArb, (shape, k) => {
        const p = plan(asRecords(shape), false, k);
        for (const panel of shape.panels) {
          const loads = shape.experts
            .filter((e) => e.panelId === panel.id)
            .map((e) => p.loads.get(e.id) ?? 0);
          if (loads.length > 0) {
            expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
          }
        }
      }),
      RUNS,
    );
  });

  it('plans the same changes whatever the order of the records', () => {
    fc.assert(
      fc.property(roundArb({ withPlacements: true }), fc.boolean(), kArb, (shape, keep, k) => {
        const reversed: RoundShape = {
          panels: [...shape.panels].reverse(),
          experts: [...shape.experts].reverse(),
          bases: [...shape.bases].reverse(),
        };
        const a = plan(asRecords(shape), keep, k);
        const b = plan(asRecords(reversed), keep, k);
        expect(changesSignature(b.changes)).toBe(changesSignature(a.changes));
      }),
      RUNS,
    );
  });

  it('finds nothing to change when run again on its own result, even with sheets started', () => {
    fc.assert(
      fc.property(
        roundArb({ withPlacements: true }),
        fc.boolean(),
        kArb,
        fc.array(fc.nat(), { maxLength: 8 }),
        (shape, keep, k, picks) => {
          const first = applyPlan(asRecords(shape), plan(asRecords(shape), keep, k));
          // Some experts start sheets on bases of their panel, then the round is re-run.
          const scoring = first.assignments.filter((x) => !x.recusal);
          const sheets = picks.flatMap((n) => {
            const a = scoring[n % Math.max(1, scoring.length)];
            const base = first.bases.find((b) => b.id === a?.baseId);
            const expert = first.experts.find((e) => e.id === a?.expertId);
            return base && expert ? [startedSheet(base, expert)] : [];
          });
          const started = { ...first, scoresheets: sheets };
          const second = applyPlan(started, plan(started, keep, k));
          for (const s of sheets) {
            expect(
              second.assignments.some((a) => a.expertId === s.expertId && a.baseId === s.baseId),
            ).toBe(true);
          }
          expect(hasChanges(plan(second, keep, k).changes)).toBe(false);
          // Kept placements after a balanced run are the balanced run.
          if (!keep) expect(hasChanges(plan(second, true, k).changes)).toBe(false);
        },
      ),
      RUNS,
    );
  });
});

describe('conflictChecker over random rounds', () => {
  it('answers pair by pair exactly what findConflictsOfInterest lists, and counts per panel', () => {
    fc.assert(
      fc.property(
        roundArb(),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('亲属任职', ' ', '合作项目')), {
          maxLength: 6,
        }),
        (shape, picks) => {
          const declarations = picks.flatMap(([e, b, reason]) => {
            const expert = shape.experts[e % Math.max(1, shape.experts.length)];
            const base = shape.bases[b % Math.max(1, shape.bases.length)];
            return expert && base ? [{ expertId: expert.id, baseId: base.id, reason }] : [];
          });
          const listed = findConflictsOfInterest(shape.bases, shape.experts, declarations);
          const checker = conflictChecker(shape.bases, shape.experts, declarations);
          const expected = new Map<string, number>();
          for (const expert of shape.experts) {
            for (const base of shape.bases) {
              const mine = listed.filter((c) => c.expertId === expert.id && c.baseId === base.id);
              expect(checker.of(expert, base)).toEqual(mine);
              expect(checker.has(expert, base)).toBe(mine.length > 0);
              if (mine.length > 0) {
                const key = `${base.id}|${expert.panelId}`;
                expected.set(key, (expected.get(key) ?? 0) + 1);
              }
            }
          }
          const counted = new Map<string, number>();
          for (const [baseId, row] of checker.countsByPanel()) {
            for (const [panelId, count] of row) counted.set(`${baseId}|${panelId}`, count);
          }
          expect(counted).toEqual(expected);
        },
      ),
      RUNS,
    );
  });
});
