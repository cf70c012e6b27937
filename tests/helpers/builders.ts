// Builders for test records: a valid record by default, any field overridable. Ids come
// from a per-builder counter so tests read well ("round-1", "base-3").
import { createHlc } from '../../shared/domain/hlc';
import { formatHlc } from '../../shared/domain/hlc';
import type { ScoresheetDeps } from '../../shared/domain/scoresheet';
import { builtinTemplateForType, builtinTemplateId } from '../../shared/domain/templates';
import type {
  Assignment,
  AuditEntry,
  Base,
  BaseTypeCode,
  Expert,
  FinalDecision,
  IndicatorTemplate,
  Panel,
  Round,
  Scoresheet,
} from '../../shared/domain/types';

const counters = new Map<string, number>();

export function nextId(prefix: string): string {
  const n = (counters.get(prefix) ?? 0) + 1;
  counters.set(prefix, n);
  return `${prefix}-${n}`;
}

export const TEST_TIME = '2024-05-10T09:00:00.000Z';

/** A clock that advances one second per call, starting at TEST_TIME. */
export function testClock(start = TEST_TIME): { now: () => string } {
  let t = Date.parse(start);
  return {
    now: () => {
      const at = new Date(t).toISOString();
      t += 1000;
      return at;
    },
  };
}

export function testDeps(prefix = 'gen'): { now: () => string; newId: () => string } {
  return { ...testClock(), newId: () => nextId(prefix) };
}

/** Deps for scoresheet writes: a ticking clock, an HLC on that clock, counter ids. */
export function testSheetDeps(deviceId = 'laptop-test'): ScoresheetDeps {
  let ms = Date.parse(TEST_TIME);
  const hlc = createHlc(deviceId, () => ms);
  return {
    now: () => {
      ms += 1000;
      return new Date(ms).toISOString();
    },
    newId: () => nextId('sheet'),
    deviceId,
    hlc: () => hlc.now(),
  };
}

const ALL_TYPES: BaseTypeCode[] = ['A1', 'B1', 'B2', 'B3', 'B4', 'B5', 'C1', 'C2', 'C3'];

export function buildRound(overrides: Partial<Round> = {}): Round {
  return {
    id: nextId('round'),
    name: '2024年度省级科技创新基地定期评估',
    year: 2024,
    evaluationType: 'periodic',
    gradeBands: [
      { grade: 'excellent', minScore: 90 },
      { grade: 'good', minScore: 80 },
      { grade: 'pass', minScore: 60 },
      { grade: 'fail', minScore: 0 },
    ],
    quotas: { excellentMaxShare: 0.15, rectifyOrFailMinShare: 0.1 },
    aggregation: { method: 'trimmedMean', trimCount: 1, trimMinSheets: 5 },
    agreement: { disagreementRange: 20 },
    templateByType: Object.fromEntries(ALL_TYPES.map((t) => [t, builtinTemplateId(t)])),
    status: 'setup',
    createdAt: TEST_TIME,
    ...overrides,
  };
}

export function buildBase(roundId: string, overrides: Partial<Base> = {}): Base {
  const id = nextId('base');
  return {
    id,
    roundId,
    code: `LN-A1-${id}`,
    name: '辽宁省高性能金属材料重点实验室',
    type: 'A1',
    legacyType: 'keyLaboratory',
    hostInstitution: '东北大学',
    city: '沈阳',
    director: '王建国',
    yearEstablished: 2010,
    field: '材料',
    ...overrides,
  };
}

export function buildPanel(roundId: string, overrides: Partial<Panel> = {}): Panel {
  return { id: nextId('panel'), roundId, name: '沈阳一组', ...overrides };
}

export function buildExpert(
  roundId: string,
  panelId: string,
  overrides: Partial<Expert> = {},
): Expert {
  return {
    id: nextId('expert'),
    roundId,
    panelId,
    name: '李明',
    institution: '大连理工大学',
    title: '教授',
    field: '材料',
    ...overrides,
  };
}

export function buildAssignment(
  base: Base,
  expert: Expert,
  overrides: Partial<Assignment> = {},
): Assignment {
  return {
    id: nextId('assignment'),
    roundId: base.roundId,
    panelId: expert.panelId,
    expertId: expert.id,
    baseId: base.id,
    ...overrides,
  };
}

/** A draft sheet on the base type's built-in template, nothing scored yet. */
export function buildScoresheet(
  base: Base,
  expert: Expert,
  overrides: Partial<Scoresheet> = {},
): Scoresheet {
  const template = builtinTemplateForType(base.type);
  return {
    id: nextId('sheet'),
    roundId: base.roundId,
    baseId: base.id,
    expertId: expert.id,
    templateId: template.id,
    templateVersion: template.version,
    scores: {},
    comments: {},
    overallComment: '',
    status: 'draft',
    revision: 1,
    hlc: formatHlc({ ms: Date.parse(TEST_TIME), counter: 0, deviceId: 'device-test' }),
    deviceId: 'device-test',
    updatedAt: TEST_TIME,
    ...overrides,
  };
}

export function buildDecision(base: Base, overrides: Partial<FinalDecision> = {}): FinalDecision {
  return {
    id: nextId('decision'),
    roundId: base.roundId,
    baseId: base.id,
    disposition: { code: 'include', targetType: base.type },
    reason: '',
    decidedAt: TEST_TIME,
    decidedBy: '秘书处',
    ...overrides,
  };
}

export function buildAuditEntry(roundId: string, overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    at: TEST_TIME,
    roundId,
    action: 'scoresheet.update',
    entityId: nextId('entity'),
    actor: 'tester',
    ...overrides,
  };
}

export type RoundRecords = {
  round: Round;
  panel: Panel;
  experts: Expert[];
  bases: Base[];
  assignments: Assignment[];
  scoresheets: Scoresheet[];
  templates: IndicatorTemplate[];
};

/** A small but complete round: 1 panel, 3 experts, 2 bases, all assigned, one sheet each. */
export function buildRoundRecords(overrides: Partial<Round> = {}): RoundRecords {
  const round = buildRound(overrides);
  const panel = buildPanel(round.id);
  const experts = [0, 1, 2].map(() => buildExpert(round.id, panel.id));
  const bases = [
    buildBase(round.id, { panelId: panel.id }),
    buildBase(round.id, {
      panelId: panel.id,
      type: 'B4',
      legacyType: 'engineeringTechnologyCenter',
    }),
  ];
  const assignments = bases.flatMap((b) => experts.map((e) => buildAssignment(b, e)));
  const scoresheets = bases.flatMap((b) => experts.map((e) => buildScoresheet(b, e)));
  const templates = [...new Set(bases.map((b) => b.type))].map(builtinTemplateForType);
  return { round, panel, experts, bases, assignments, scoresheets, templates };
}
