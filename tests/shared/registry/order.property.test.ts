// The registry does not depend on the order bundles arrive in. Random archives of approvals
// and accepted rounds (several versions of a round, versions tied on number or closing time,
// rounds of one year closed at the same moment) are fed to buildRegistry shuffled, with
// duplicates (the same bundle accepted again later), and must give a deep-equal registry.
// Each result is also checked against a small reference fold written here from the rules
// (the standing version of each round; approvals before the rounds of their year; rounds by
// year, closing time, id; what each decision does).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildRegistry } from '../../../shared/registry/fold';
import type {
  AcceptedBaseOutcome,
  AcceptedRound,
  RegistryApproval,
  RegistryState,
} from '../../../shared/registry/types';
import type { BaseTypeCode } from '../../../shared/domain/types';
import { buildAcceptedRound, buildApproval, buildOutcome } from '../../helpers/registryBuilders';

const CODES = ['K1', 'K2', 'K3', 'K4', 'K5', 'K6'];
const ROUND_IDS = ['r1', 'r2', 'r3', 'r4'];
const TYPES: BaseTypeCode[] = ['A1', 'B1', 'B4'];

type Decision =
  | { kind: 'none' }
  | { kind: 'withdrawn' }
  | { kind: 'include' | 'convert'; targetType: BaseTypeCode }
  | { kind: 'keepAdjust' | 'rectify' | 'revoke' }
  | { kind: 'merge'; into: string };

const decisionArb: fc.Arbitrary<Decision> = fc.oneof(
  fc.constant({ kind: 'none' as const }),
  fc.constant({ kind: 'withdrawn' as const }),
  fc.record({
    kind: fc.constantFrom('include' as const, 'convert' as const),
    targetType: fc.constantFrom(...TYPES),
  }),
  fc.record({
    kind: fc.constantFrom('keepAdjust' as const, 'rectify' as const, 'revoke' as const),
  }),
  fc.record({ kind: fc.constant('merge' as const), into: fc.constantFrom(...CODES) }),
);

function outcomeOf(code: string, legacy: boolean, type: BaseTypeCode, d: Decision) {
  const base: AcceptedBaseOutcome = buildOutcome(code, {
    type,
    ...(legacy ? { legacyType: 'keyLaboratory' as const } : { legacyType: undefined }),
  });
  if (!legacy) delete base.legacyType;
  switch (d.kind) {
    case 'none':
      return base;
    case 'withdrawn':
      return { ...base, withdrawn: true, aggregate: null, grade: null, sheets: 0 };
    case 'include':
    case 'convert':
      return { ...base, disposition: d.kind, targetType: d.targetType };
    case 'merge':
      return { ...base, disposition: d.kind, mergedInto: d.into };
    default:
      return { ...base, disposition: d.kind };
  }
}

const outcomesArb = fc
  .uniqueArray(
    fc.record({
      code: fc.constantFrom(...CODES),
      legacy: fc.boolean(),
      type: fc.constantFrom(...TYPES),
      decision: decisionArb,
    }),
    { selector: (o) => o.code, minLength: 1, maxLength: CODES.length },
  )
  .map((list) => list.map((o) => outcomeOf(o.code, o.legacy, o.type, o.decision)));

/** Closing days from a small set, so rounds of one year often close at the same moment. */
const versionArb = fc.record({
  version: fc.integer({ min: 1, max: 3 }),
  month: fc.constantFrom(3, 7),
  day: fc.constantFrom(10, 28),
  shaPrefix: fc.constantFrom('a', 'b', 'c'),
  bases: outcomesArb,
});

const roundsArb = fc
  .uniqueArray(
    fc.record({
      roundId: fc.constantFrom(...ROUND_IDS),
      year: fc.integer({ min: 2021, max: 2024 }),
      versions: fc.array(versionArb, { minLength: 1, maxLength: 3 }),
    }),
    { selector: (r) => r.roundId, minLength: 1, maxLength: ROUND_IDS.length },
  )
  .map((specs) =>
    specs.flatMap((spec) =>
      spec.versions.map((v, i) => {
        const date = `${String(spec.year)}-${String(v.month).padStart(2, '0')}-${String(v.day)}`;
        return buildAcceptedRound(spec.roundId, spec.year, v.bases, {
          version: v.version,
          closedAt: `${date}T02:00:00.000Z`,
          // Unique per stored version; the prefix makes either order of two versions win.
          bundleSha256: `${v.shaPrefix}${spec.roundId}-${String(i)}`,
        });
      }),
    ),
  );

const approvalsArb = fc
  .uniqueArray(
    fc.record({
      code: fc.constantFrom(...CODES),
      year: fc.integer({ min: 2020, max: 2025 }),
      type: fc.constantFrom(...TYPES),
    }),
    { selector: (a) => a.code, maxLength: 4 },
  )
  .map((list) => list.map((a) => buildApproval(a.code, { year: a.year, type: a.type })));

type Scenario = {
  approvals: RegistryApproval[];
  rounds: AcceptedRound[];
  /** The same records shuffled, some twice (a later acceptance of the same bundle). */
  arrivedApprovals: RegistryApproval[];
  arrivedRounds: AcceptedRound[];
};

const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({ approvals: approvalsArb, rounds: roundsArb })
  .chain(({ approvals, rounds }) =>
    fc
      .record({
        again: fc.array(fc.nat({ max: rounds.length - 1 }), { maxLength: 4 }),
        approvalsAgain: fc.array(fc.nat({ max: Math.max(approvals.length - 1, 0) }), {
          maxLength: approvals.length === 0 ? 0 : 3,
        }),
      })
      .chain(({ again, approvalsAgain }) => {
        const roundsIn = [
          ...rounds,
          ...again.flatMap((i, n) => {
            const r = rounds[i];
            return r ? [{ ...r, acceptedAt: `2030-01-0${String(n + 1)}T00:00:00.000Z` }] : [];
          }),
        ];
        const approvalsIn = [
          ...approvals,
          ...approvalsAgain.flatMap((i) => (approvals[i] ? [{ ...approvals[i] }] : [])),
        ];
        const all = <T>(xs: T[]) =>
          fc.shuffledSubarray(xs, { minLength: xs.length, maxLength: xs.length });
        return fc.record({
          approvals: fc.constant(approvals),
          rounds: fc.constant(rounds),
          arrivedApprovals: all(approvalsIn),
          arrivedRounds: all(roundsIn),
        });
      }),
  );

// ---- the reference fold -------------------------------------------------------------------

type RefBase = {
  code: string;
  status: string;
  type: string;
  legacy: boolean;
  mergedInto?: string;
  rectifyUntil?: string;
  enteredYear: number;
  history: string[];
};

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function referenceRounds(rounds: readonly AcceptedRound[]): AcceptedRound[] {
  const standing = new Map<string, AcceptedRound>();
  for (const r of rounds) {
    const held = standing.get(r.roundId);
    const wins =
      held === undefined ||
      r.version > held.version ||
      (r.version === held.version &&
        (r.closedAt > held.closedAt ||
          (r.closedAt === held.closedAt && r.bundleSha256 > held.bundleSha256)));
    if (wins) standing.set(r.roundId, r);
  }
  return [...standing.values()].sort(
    (a, b) => a.year - b.year || cmp(a.closedAt, b.closedAt) || cmp(a.roundId, b.roundId),
  );
}

function referenceFold(approvals: readonly RegistryApproval[], rounds: readonly AcceptedRound[]) {
  const bases = new Map<string, RefBase>();
  const out = (b: RefBase | undefined) =>
    b !== undefined && ['revoked', 'merged'].includes(b.status);
  const approve = (a: RegistryApproval) => {
    const held = bases.get(a.code);
    if (held !== undefined && !out(held)) return;
    bases.set(a.code, {
      code: a.code,
      status: 'active',
      type: a.type,
      legacy: a.legacyType !== undefined,
      enteredYear: held?.enteredYear ?? a.year,
      history: held?.history ?? [],
    });
  };
  const standing = referenceRounds(rounds);
  const sortedApprovals = [...approvals].sort((a, b) => a.year - b.year || cmp(a.code, b.code));
  for (const year of [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]) {
    for (const a of sortedApprovals.filter((x) => x.year === year)) approve(a);
    for (const round of standing.filter((r) => r.year === year)) {
      for (const o of [...round.bases].sort((a, b) => cmp(a.code, b.code))) {
        let b = bases.get(o.code);
        if (b === undefined) {
          b = {
            code: o.code,
            status: 'active',
            type: o.type,
            legacy: o.legacyType !== undefined,
            enteredYear: round.year,
            history: [],
          };
          bases.set(o.code, b);
        }
        b.history.push(`${round.roundId}@${String(round.version)}`);
        if (o.withdrawn === true || o.disposition === undefined) continue;
        const d = o.disposition;
        if (d === 'include' || d === 'convert' || d === 'keepAdjust') {
          if (d !== 'keepAdjust') {
            b.type = o.targetType ?? b.type;
            b.legacy = false;
          }
          b.status = 'active';
          delete b.mergedInto;
          delete b.rectifyUntil;
        } else if (d === 'rectify') {
          b.status = 'rectifying';
          delete b.mergedInto;
          // Closed at 02:00 UTC (10:00 in Beijing) on a day ≤ 28: one year later, same day.
          b.rectifyUntil = `${String(round.year + 1)}${round.closedAt.slice(4, 10)}`;
        } else if (d === 'merge') {
          b.status = 'merged';
          b.mergedInto = o.mergedInto;
          delete b.rectifyUntil;
        } else {
          b.status = 'revoked';
          delete b.mergedInto;
          delete b.rectifyUntil;
        }
      }
    }
  }
  return [...bases.values()].sort((a, b) => cmp(a.code, b.code));
}

const summary = (state: RegistryState): RefBase[] =>
  state.bases.map((b) => ({
    code: b.code,
    status: b.status,
    type: b.type,
    legacy: b.legacyType !== undefined,
    ...(b.mergedInto === undefined ? {} : { mergedInto: b.mergedInto }),
    ...(b.rectifyUntil === undefined ? {} : { rectifyUntil: b.rectifyUntil }),
    enteredYear: b.enteredYear,
    history: b.history.map((h) => `${h.roundId}@${String(h.version)}`),
  }));

describe('buildRegistry: order and duplicates', () => {
  it('any arrival order, with any bundle accepted twice, gives the same registry', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const once = buildRegistry(s.approvals, s.rounds);
        const arrived = buildRegistry(s.arrivedApprovals, s.arrivedRounds);
        expect(arrived).toStrictEqual(once);
        // The first acceptance of a bundle is the one kept.
        expect(arrived.rounds.every((r) => !r.acceptedAt.startsWith('2030'))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('the registry is the reference fold of the standing version of each round', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const state = buildRegistry(s.arrivedApprovals, s.arrivedRounds);
        expect(summary(state)).toStrictEqual(referenceFold(s.approvals, s.rounds));
        expect(state.rounds.map((r) => `${r.roundId}@${r.bundleSha256}`)).toEqual(
          referenceRounds(s.rounds).map((r) => `${r.roundId}@${r.bundleSha256}`),
        );
      }),
      { numRuns: 200 },
    );
  });
});
