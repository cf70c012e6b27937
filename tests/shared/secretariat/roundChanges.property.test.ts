// Properties of changes after issue (轮次变更) over random days: laptops start and submit sheets
// for pairs they were once assigned (a stale round bundle included), score bundles arrive at
// the secretariat in any order and are admitted as the import admits them, and the clerk
// records changes, undoes them and records them again, before or after the sheets arrive.
// Whatever the order, a voided sheet never changes a statistic: the results and completeness
// equal those of a small reference written here (a sheet counts when submitted, not recused,
// its pair assigned without a recusal and its base not withdrawn), and equal those of the same
// records with every voided sheet removed or its scores changed.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeRoundResults } from '../../../shared/domain/results';
import type { BaseResult } from '../../../shared/domain/results';
import { countedRecords, partitionSheets } from '../../../shared/domain/roundChanges';
import { admitSheet, assignmentsByPair, pairKey } from '../../../shared/domain/sheetAdmission';
import type { Scoresheet } from '../../../shared/domain/types';
import { roundCompleteness } from '../../../shared/secretariat/completeness';
import { planRoundChange } from '../../../shared/secretariat/roundChangePlans';
import type { RoundChangeInput } from '../../../shared/secretariat/roundChangePlans';
import { planUndo } from '../../../shared/secretariat/roundChangeUndo';
import { applyPlan, changeDeps, issuedRound } from '../../helpers/roundChangeBuilders';
import type { IssuedRound } from '../../helpers/roundChangeBuilders';

const BASES = ['b01', 'b02', 'b03', 'b04'];
const EXPERTS = ['p1-e1', 'p1-e2', 'p1-e3', 'p2-e1', 'p2-e2', 'p2-e3'];
const panelOf = (expertId: string) => expertId.slice(0, 2);

type Op =
  | { type: 'start'; expertId: string; baseId: string; total: number; state: SheetKind }
  | { type: 'arrive'; pick: number }
  | { type: 'change'; input: RoundChangeInput }
  | { type: 'undo'; pick: number }
  | { type: 'redo' };

type SheetKind = 'submitted' | 'draft' | 'recused';

const expertArb = fc.constantFrom(...EXPERTS);
const baseArb = fc.constantFrom(...BASES);
const inputArb: fc.Arbitrary<RoundChangeInput> = fc.oneof(
  fc
    .record({ expertId: expertArb, replacementExpertId: expertArb })
    .map((r) => ({ kind: 'replaceExpert' as const, ...r, reason: '替换' })),
  baseArb.map((baseId) => ({ kind: 'withdrawBase' as const, baseId, reason: '撤出' })),
  fc
    .record({ baseId: baseArb, panelId: fc.constantFrom('p1', 'p2') })
    .map((r) => ({ kind: 'moveBase' as const, ...r, reason: '调整' })),
  fc
    .record({ expertId: expertArb, baseId: baseArb })
    .map((r) => ({ kind: 'declareConflict' as const, ...r, reason: '回避' })),
);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      type: fc.constant('start' as const),
      expertId: expertArb,
      baseId: baseArb,
      total: fc.integer({ min: 0, max: 100 }),
      state: fc.constantFrom<SheetKind>('submitted', 'submitted', 'draft', 'recused'),
    }),
  },
  { weight: 3, arbitrary: fc.record({ type: fc.constant('arrive' as const), pick: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ type: fc.constant('change' as const), input: inputArb }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('undo' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('redo' as const) }) },
);

type Day = { office: IssuedRound; pending: Scoresheet[]; everAssigned: Set<string> };

const sheetOf = (op: Extract<Op, { type: 'start' }>, office: IssuedRound): Scoresheet => ({
  id: `s-${op.expertId}-${op.baseId}`,
  roundId: office.round.id,
  baseId: op.baseId,
  expertId: op.expertId,
  templateId: 'tpl',
  templateVersion: 1,
  scores: { x: op.total },
  comments: {},
  overallComment: '',
  status: op.state === 'submitted' ? 'submitted' : 'draft',
  ...(op.state === 'recused'
    ? { recusal: { reason: '本人回避', source: 'declared' as const, at: office.round.createdAt } }
    : {}),
  revision: 1,
  hlc: '0',
  deviceId: `laptop-${panelOf(op.expertId)}`,
  updatedAt: office.round.createdAt,
});

const scoringPairs = (office: IssuedRound) =>
  office.assignments.filter((a) => !a.recusal).map((a) => pairKey(a.expertId, a.baseId));

/** The import: a sheet is taken, taken as voided, or refused, as sheetAdmission says. */
function arrive(day: Day, sheet: Scoresheet): void {
  const { office } = day;
  const roster = {
    bases: new Map(office.bases.map((b) => [b.id, b])),
    experts: new Map(office.experts.map((e) => [e.id, e])),
    assignments: assignmentsByPair(office.assignments),
  };
  const voidedBy = partitionSheets([sheet], office.changes, office.assignments).voided[0]?.change;
  const admission = admitSheet(sheet, panelOf(sheet.expertId), roster, voidedBy);
  if (admission.kind !== 'refused') office.scoresheets.push(sheet);
}

function runDay(ops: readonly Op[]): IssuedRound {
  const deps = changeDeps();
  const inputs = new Map<string, RoundChangeInput>();
  const day: Day = { office: issuedRound(), pending: [], everAssigned: new Set() };
  const record = (input: RoundChangeInput) => {
    const planned = planRoundChange(day.office, input, '秘书处', deps);
    if (!planned.ok) return;
    inputs.set(planned.value.change.id, input);
    day.office = applyPlan(day.office, planned.value);
  };
  const undo = (changeId: string): boolean => {
    const planned = planUndo(day.office, { changeId, reason: '撤销' }, '秘书处', deps);
    if (planned.ok) day.office = applyPlan(day.office, planned.value);
    return planned.ok;
  };
  for (const op of ops) {
    for (const key of scoringPairs(day.office)) day.everAssigned.add(key);
    const standing = day.office.changes.filter((c) => !c.undone);
    if (op.type === 'start') {
      // A laptop scores a pair it was once assigned (its round bundle may be stale), once.
      const key = pairKey(op.expertId, op.baseId);
      const known = [...day.pending, ...day.office.scoresheets];
      if (day.everAssigned.has(key) && !known.some((s) => s.id === sheetOf(op, day.office).id)) {
        day.pending.push(sheetOf(op, day.office));
      }
    } else if (op.type === 'arrive') {
      const sheet = day.pending.splice(op.pick % Math.max(1, day.pending.length), 1)[0];
      if (sheet) arrive(day, sheet);
    } else if (op.type === 'change') {
      record(op.input);
    } else if (op.type === 'undo') {
      const target = standing[op.pick % Math.max(1, standing.length)];
      if (target) undo(target.id);
    } else {
      const latest = standing.at(-1);
      const input = latest ? inputs.get(latest.id) : undefined;
      if (latest && input && undo(latest.id)) record(input);
    }
  }
  for (const sheet of day.pending.splice(0)) arrive(day, sheet);
  return day.office;
}

// ---- the reference ----------------------------------------------------------------------------

function reference(office: IssuedRound) {
  const withdrawn = new Set(
    office.changes.filter((c) => c.kind === 'withdrawBase' && !c.undone).map((c) => c.baseId),
  );
  const assigned = new Set(scoringPairs(office));
  const counts = (sheet: Scoresheet) =>
    sheet.status === 'submitted' &&
    !sheet.recusal &&
    assigned.has(pairKey(sheet.expertId, sheet.baseId)) &&
    !withdrawn.has(sheet.baseId);
  const totals = new Map<string, number[]>();
  for (const sheet of office.scoresheets.filter(counts)) {
    totals.set(sheet.baseId, [...(totals.get(sheet.baseId) ?? []), sheet.scores.x ?? 0]);
  }
  const states = { submitted: 0, draft: 0, recused: 0, missing: 0 };
  for (const a of office.assignments.filter((x) => !withdrawn.has(x.baseId))) {
    const sheet = office.scoresheets.find(
      (s) => s.expertId === a.expertId && s.baseId === a.baseId,
    );
    const state =
      a.recusal || sheet?.recusal
        ? 'recused'
        : !sheet
          ? 'missing'
          : sheet.status === 'submitted'
            ? 'submitted'
            : 'draft';
    states[state] += 1;
  }
  return {
    bases: BASES.filter((id) => !withdrawn.has(id)),
    results: new Map(
      [...totals].map(([baseId, list]) => [
        baseId,
        { sheets: list.length, mean: list.reduce((a, b) => a + b, 0) / list.length },
      ]),
    ),
    states,
  };
}

const MEAN = { method: 'mean' as const, trimCount: 1, trimMinSheets: 5 };

function results(office: IssuedRound): BaseResult[] {
  const counted = countedRecords(
    office.bases,
    office.scoresheets,
    office.changes,
    office.assignments,
  );
  return computeRoundResults(
    { ...office.round, aggregation: MEAN },
    counted.bases,
    counted.scoresheets,
  );
}

const completeness = (office: IssuedRound) =>
  roundCompleteness({ ...office, changes: office.changes }).counts;

describe('changes after issue (property)', () => {
  it('a voided sheet never changes results or completeness, in any order of events', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 40 }), (ops) => {
        const office = runDay(ops);
        const want = reference(office);
        const got = results(office);
        expect(got.map((r) => r.base.id)).toEqual(want.bases);
        for (const r of got) {
          const expected = want.results.get(r.base.id);
          expect(r.sheets, r.base.id).toBe(expected?.sheets ?? 0);
          if (expected) expect(r.aggregate ?? Number.NaN).toBeCloseTo(expected.mean, 9);
          else expect(r.aggregate).toBeNull();
        }
        const counts = completeness(office);
        expect({
          submitted: counts.submitted,
          draft: counts.draft,
          recused: counts.recused,
          missing: counts.missing,
        }).toEqual(want.states);

        // Every method and statistic, with the voided sheets gone or their scores changed.
        const voided = new Set(
          partitionSheets(office.scoresheets, office.changes, office.assignments).voided.map(
            (v) => v.sheet.id,
          ),
        );
        const without = {
          ...office,
          scoresheets: office.scoresheets.filter((s) => !voided.has(s.id)),
        };
        const altered = {
          ...office,
          scoresheets: office.scoresheets.map((s) =>
            voided.has(s.id)
              ? { ...s, scores: { x: 100 - (s.scores.x ?? 0) }, status: 'submitted' as const }
              : s,
          ),
        };
        for (const other of [without, altered]) {
          for (const method of ['mean', 'median', 'trimmedMean', 'zScore'] as const) {
            const rule = { ...office.round, aggregation: { ...MEAN, method } };
            const of = (o: IssuedRound) => {
              const c = countedRecords(o.bases, o.scoresheets, o.changes, o.assignments);
              return computeRoundResults(rule, c.bases, c.scoresheets);
            };
            expect(of(other)).toEqual(of(office));
          }
          expect(completeness(other)).toEqual(completeness(office));
        }
      }),
      { numRuns: 300 },
    );
  });

  // A recused sheet counts for nothing either way (a 回避 that arrived first makes a declared
  // conflict redundant), so only scored sheets are compared.
  it('recording a change before or after its sheets arrive voids the same scored sheets', () => {
    fc.assert(
      fc.property(
        fc.array(
          opArb.filter((op) => op.type === 'start'),
          { minLength: 1, maxLength: 12 },
        ),
        inputArb,
        (starts, input) => {
          const arrivals = starts.map(() => ({ type: 'arrive' as const, pick: 0 }));
          const before = runDay([...starts, { type: 'change', input }, ...arrivals]);
          const after = runDay([...starts, ...arrivals, { type: 'change', input }]);
          const ids = (o: IssuedRound) =>
            partitionSheets(o.scoresheets, o.changes, o.assignments)
              .voided.filter((v) => !v.sheet.recusal)
              .map((v) => v.sheet.id)
              .sort();
          expect(results(before)).toEqual(results(after));
          expect(completeness(before)).toEqual(completeness(after));
          expect(ids(before)).toEqual(ids(after));
        },
      ),
      { numRuns: 200 },
    );
  });
});
