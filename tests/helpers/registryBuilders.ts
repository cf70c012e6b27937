// Builders for the registry tests (shared/registry): approvals, accepted rounds and their base
// outcomes, registry bases for the selection, and a closed round's result payload for
// condenseResult. A valid record by default, any field overridable.
import type { ResultPayload } from '../../shared/bundle/payload';
import { condenseResult } from '../../shared/registry/accept';
import type {
  Base,
  DispositionDecision,
  FinalDecision,
  RoundChange,
  Scoresheet,
} from '../../shared/domain/types';
import type {
  AcceptedBaseOutcome,
  AcceptedRound,
  RegistryApproval,
  RegistryBase,
  RegistryHistoryEntry,
  RegistryState,
} from '../../shared/registry/types';
import { buildDecision, buildRoundRecords, TEST_TIME } from './builders';

export function buildApproval(
  code: string,
  overrides: Partial<RegistryApproval> = {},
): RegistryApproval {
  return {
    code,
    name: `辽宁省基地${code}`,
    type: 'B1',
    hostInstitution: '大连理工大学',
    city: '大连',
    director: '张伟',
    yearEstablished: 2021,
    field: '装备制造',
    year: 2021,
    importedAt: '2021-12-01T02:00:00.000Z',
    sourceSha256: 'a'.repeat(64),
    ...overrides,
  };
}

export function buildOutcome(
  code: string,
  overrides: Partial<AcceptedBaseOutcome> = {},
): AcceptedBaseOutcome {
  return {
    code,
    name: `辽宁省基地${code}`,
    type: 'A1',
    legacyType: 'keyLaboratory',
    hostInstitution: '东北大学',
    city: '沈阳',
    director: '王建国',
    yearEstablished: 2010,
    field: '材料',
    baseId: `id-${code}`,
    aggregate: 85,
    method: 'mean',
    grade: 'good',
    sheets: 3,
    ...overrides,
  };
}

/** A round closed on 15 July of its year, 10:00 Beijing time (02:00 UTC). */
export function buildAcceptedRound(
  roundId: string,
  year: number,
  bases: AcceptedBaseOutcome[],
  overrides: Partial<AcceptedRound> = {},
): AcceptedRound {
  return {
    roundId,
    name: `${String(year)}年度省级科技创新基地评估`,
    year,
    evaluationType: 'periodic',
    version: 1,
    closedAt: `${String(year)}-07-15T02:00:00.000Z`,
    closedBy: '秘书处 王芳',
    bundleSha256: `${roundId}-v1`.padEnd(64, '0'),
    signerFingerprint: 'ABCD-EF01-2345-6789',
    acceptedAt: `${String(year)}-08-01T01:00:00.000Z`,
    acceptedBy: '省厅 李处长',
    bases,
    ...overrides,
  };
}

export function buildRegistryBase(
  code: string,
  overrides: Partial<RegistryBase> = {},
): RegistryBase {
  return {
    code,
    name: `辽宁省基地${code}`,
    type: 'B1',
    hostInstitution: '大连理工大学',
    city: '大连',
    director: '张伟',
    yearEstablished: 2015,
    field: '装备制造',
    category: 'B',
    status: 'active',
    enteredYear: 2015,
    history: [],
    ...overrides,
  };
}

export const stateOf = (bases: RegistryBase[]): RegistryState => ({
  bases,
  events: [],
  rounds: [],
});

export type ResultFixture = {
  payload: ResultPayload;
  /** The round's two bases: an A1 key laboratory and a B4 engineering technology centre. */
  lab: Base;
  centre: Base;
};

const CLOSED_AT = '2024-07-15T02:00:00.000Z';

/**
 * A closed round's result payload: 3 experts scored both bases (lab 90, 80, 70; centre 60,
 * 70, 80), nothing decided yet. `decide` adds a final decision for a base.
 */
export function resultFixture(): ResultFixture {
  const records = buildRoundRecords({
    name: '2024年度优化整合评估',
    evaluationType: 'integration',
    status: 'closed',
    closure: { version: 1, closedAt: CLOSED_AT, closedBy: '秘书处 王芳' },
  });
  const [first, second] = records.bases;
  if (!first || !second) throw new Error('buildRoundRecords changed');
  // Fixed registry codes, so the tests know their order.
  const lab = { ...first, code: 'LN-A1-001', name: '辽宁省高性能金属材料重点实验室' };
  const centre = { ...second, code: 'LN-B4-002', name: '辽宁省智能装备工程技术研究中心' };
  const totals = new Map([
    [lab.id, [90, 80, 70]],
    [centre.id, [60, 70, 80]],
  ]);
  const scoresheets = records.scoresheets.map((sheet): Scoresheet => {
    const index = records.experts.findIndex((e) => e.id === sheet.expertId);
    const total = totals.get(sheet.baseId)?.[index] ?? 0;
    return { ...sheet, scores: { s1: total }, status: 'submitted', submittedAt: TEST_TIME };
  });
  return {
    lab,
    centre,
    payload: {
      round: records.round,
      templates: records.templates,
      bases: [lab, centre],
      panels: [records.panel],
      experts: records.experts,
      assignments: records.assignments,
      changes: [],
      scoresheets,
      decisions: [],
      provenance: { keysVerified: true, panelKeys: [] },
    },
  };
}

export function decide(
  payload: ResultPayload,
  base: Base,
  decision: DispositionDecision['disposition'],
  overrides: Partial<FinalDecision> = {},
): ResultPayload {
  return {
    ...payload,
    decisions: [
      ...payload.decisions,
      buildDecision(base, { disposition: decision, reason: '评估结论', ...overrides }),
    ],
  };
}

export function withdrawal(base: Base): RoundChange {
  return {
    id: `change-withdraw-${base.id}`,
    roundId: base.roundId,
    kind: 'withdrawBase',
    at: TEST_TIME,
    actor: '秘书处 王芳',
    reason: '依托单位申请撤出',
    baseId: base.id,
    voids: [],
  };
}

export const CONDENSE_STAMP = {
  bundleSha256: 'f'.repeat(64),
  signerFingerprint: 'ABCD-EF01-2345-6789',
  acceptedAt: '2024-08-01T01:00:00.000Z',
  acceptedBy: '省厅 李处长',
};

/** The accepted round a payload condenses to, stamped with CONDENSE_STAMP (never refused). */
export function condensed(payload: ResultPayload): AcceptedRound {
  const result = condenseResult({ payload, ...CONDENSE_STAMP });
  if (!result.ok) throw new Error(result.error.message);
  return result.round;
}

// ---- expected values of the fold tests, written out -----------------------------------

/** The history line buildAcceptedRound + buildOutcome give, written out. */
export function line(
  roundId: string,
  year: number,
  overrides: Partial<RegistryHistoryEntry> = {},
): RegistryHistoryEntry {
  return {
    roundId,
    roundName: `${String(year)}年度省级科技创新基地评估`,
    year,
    version: 1,
    aggregate: 85,
    method: 'mean',
    grade: 'good',
    ...overrides,
  };
}

/** The registry base buildOutcome describes (an A1 key laboratory in 沈阳), written out. */
export function labBase(code: string, overrides: Partial<RegistryBase>): RegistryBase {
  return {
    code,
    name: `辽宁省基地${code}`,
    type: 'A1',
    legacyType: 'keyLaboratory',
    hostInstitution: '东北大学',
    city: '沈阳',
    director: '王建国',
    yearEstablished: 2010,
    field: '材料',
    category: 'A',
    status: 'active',
    enteredYear: 2022,
    history: [],
    ...overrides,
  };
}

export const round2022 = (bases: AcceptedBaseOutcome[], overrides: Partial<AcceptedRound> = {}) =>
  buildAcceptedRound('r2022', 2022, bases, overrides);

export function only(bases: readonly RegistryBase[], code: string): RegistryBase {
  const base = bases.find((b) => b.code === code);
  if (!base) throw new Error(`no base ${code}`);
  return base;
}
