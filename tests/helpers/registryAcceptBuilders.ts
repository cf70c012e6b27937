// A small department cycle for the registry's tests (unit and e2e): the approvals sheet the
// department keeps (批建, six bases by registry code), and the signed result bundle of a closed
// round that decides each of them differently, worked out by hand:
//   LN-REG-001 重点实验室        纳入 A1       → 运行中, A1 (was 重点实验室)
//   LN-REG-002 工程技术研究中心  合并 → 003   → 已并入 LN-REG-003
//   LN-REG-003 工程技术研究中心  纳入 B4       → 运行中, B4
//   LN-REG-004 B5               限期整改       → 限期整改 until closing (Beijing) + 12 months
//   LN-REG-005 工程研究中心      转 B3         → 运行中, B3 (was 工程研究中心)
//   LN-REG-006 重点实验室        撤销          → 已撤销
import { createBundle } from '../../shared/bundle/bundle';
import type { SigningKeyPair } from '../../shared/bundle/bundleCrypto';
import type { ResultPayload } from '../../shared/bundle/payload';
import type {
  Base,
  Disposition,
  FinalDecision,
  GradeCode,
  RoundClosure,
} from '../../shared/domain/types';
import { buildBase, buildDecision, buildRound } from './builders';

/** The approvals sheet: a title row above the department's Chinese header. */
export const APPROVALS_TITLE = ['辽宁省科技创新基地批建名单（2024年）'];
export const APPROVALS_HEADER = [
  '序号',
  '基地编号',
  '基地名称',
  '基地类型',
  '依托单位',
  '所在地市',
  '负责人',
  '批建年份',
  '所属领域',
];

type CycleBase = {
  code: string;
  name: string;
  typeText: string;
  host: string;
  city: Base['city'];
  director: string;
  year: number;
  field: string;
  base: Pick<Base, 'type'> & Partial<Pick<Base, 'legacyType'>>;
};

export const CYCLE_BASES: readonly CycleBase[] = [
  {
    code: 'LN-REG-001',
    name: '辽宁省轧制技术重点实验室',
    typeText: '重点实验室',
    host: '东北大学',
    city: '沈阳',
    director: '张明',
    year: 2008,
    field: '材料',
    base: { type: 'A1', legacyType: 'keyLaboratory' },
  },
  {
    code: 'LN-REG-002',
    name: '辽宁省精细化工工程技术研究中心',
    typeText: '工程技术研究中心',
    host: '大连理工大学',
    city: '大连',
    director: '李华',
    year: 2012,
    field: '化工',
    base: { type: 'B4', legacyType: 'engineeringTechnologyCenter' },
  },
  {
    code: 'LN-REG-003',
    name: '辽宁省化工过程工程技术研究中心',
    typeText: '工程技术研究中心',
    host: '大连化学物理研究所',
    city: '大连',
    director: '王涛',
    year: 2011,
    field: '化工',
    base: { type: 'B4', legacyType: 'engineeringTechnologyCenter' },
  },
  {
    code: 'LN-REG-004',
    name: '辽宁省肿瘤临床医学研究中心',
    typeText: 'B5',
    host: '辽宁省肿瘤医院',
    city: '沈阳',
    director: '王强',
    year: 2017,
    field: '肿瘤',
    base: { type: 'B5' },
  },
  {
    code: 'LN-REG-005',
    name: '辽宁省数控机床工程研究中心',
    typeText: '工程研究中心',
    host: '沈阳工业大学',
    city: '沈阳',
    director: '赵军',
    year: 2010,
    field: '装备',
    base: { type: 'B1', legacyType: 'engineeringResearchCenter' },
  },
  {
    code: 'LN-REG-006',
    name: '辽宁省煤矿安全重点实验室',
    typeText: '重点实验室',
    host: '辽宁工程技术大学',
    city: '阜新',
    director: '孙伟',
    year: 2005,
    field: '安全',
    base: { type: 'A1', legacyType: 'keyLaboratory' },
  },
];

/** The approvals sheet's rows (title, header, one row per base), as cell values. */
export function approvalsSheetRows(): (string | number)[][] {
  return [
    APPROVALS_TITLE,
    APPROVALS_HEADER,
    ...CYCLE_BASES.map((b, i) => [
      i + 1,
      b.code,
      b.name,
      b.typeText,
      b.host,
      b.city,
      b.director,
      b.year,
      b.field,
    ]),
  ];
}

/** The same rows as cell text, as readTableFile gives them. */
export function approvalsGrid(): string[][] {
  return approvalsSheetRows().map((row) => row.map(String));
}

export const CYCLE_ROUND_ID = 'round-registry-2024';
export const CYCLE_CLOSED_AT = '2024-06-20T08:00:00.000Z';

type Outcome = { disposition: Disposition; aggregate: number; grade: GradeCode };

const OUTCOMES: Readonly<Record<string, (baseIdOf: (code: string) => string) => Outcome>> = {
  'LN-REG-001': () => ({
    disposition: { code: 'include', targetType: 'A1' },
    aggregate: 91.5,
    grade: 'excellent',
  }),
  'LN-REG-002': (id) => ({
    disposition: { code: 'merge', targetBaseId: id('LN-REG-003') },
    aggregate: 66,
    grade: 'pass',
  }),
  'LN-REG-003': () => ({
    disposition: { code: 'include', targetType: 'B4' },
    aggregate: 84.25,
    grade: 'good',
  }),
  'LN-REG-004': () => ({ disposition: { code: 'rectify' }, aggregate: 58, grade: 'fail' }),
  'LN-REG-005': () => ({
    disposition: { code: 'convert', targetType: 'B3' },
    aggregate: 78,
    grade: 'pass',
  }),
  'LN-REG-006': () => ({ disposition: { code: 'revoke' }, aggregate: 42.5, grade: 'fail' }),
};

export type CycleRoundOptions = {
  /** Closure version (1 for the first closing); a later version closes later. */
  version?: number;
  /** Leave the round open (status issued, no closure). */
  open?: boolean;
  /** Points LN-REG-002's merge at a base the round does not have. */
  unknownMergeTarget?: boolean;
  /** Changes LN-REG-004's decision (a version 2 that corrects a decision). */
  rectifiedDecision?: Disposition;
};

/** The closed round's result payload, every base decided with the basis it was decided on. */
export function cycleResultPayload(options: CycleRoundOptions = {}): ResultPayload {
  const version = options.version ?? 1;
  const closedAt = new Date(Date.parse(CYCLE_CLOSED_AT) + (version - 1) * 86_400_000);
  const closure: RoundClosure = {
    version,
    closedAt: closedAt.toISOString(),
    closedBy: '秘书处 王芳',
  };
  const round = buildRound({
    id: CYCLE_ROUND_ID,
    name: '2024年度省级科技创新基地优化整合评估',
    year: 2024,
    evaluationType: 'integration',
    status: options.open ? 'issued' : 'closed',
    ...(options.open ? {} : { closure }),
  });
  const bases = CYCLE_BASES.map((b, i) =>
    buildBase(round.id, {
      id: `base-${String(i + 1)}`,
      code: b.code,
      name: b.name,
      ...b.base,
      hostInstitution: b.host,
      city: b.city,
      director: b.director,
      yearEstablished: b.year,
      field: b.field,
    }),
  );
  const idOf = (code: string): string =>
    options.unknownMergeTarget === true && code === 'LN-REG-003'
      ? 'base-not-in-round'
      : (bases.find((b) => b.code === code)?.id ?? code);
  const decisions = bases.map((base): FinalDecision => {
    const outcome = OUTCOMES[base.code]?.(idOf);
    if (!outcome) throw new Error(`no outcome for ${base.code}`);
    const disposition =
      base.code === 'LN-REG-004' && options.rectifiedDecision !== undefined
        ? options.rectifiedDecision
        : outcome.disposition;
    return buildDecision(base, {
      id: `decision-${base.id}`,
      disposition,
      reason: disposition.code === 'include' ? '' : '专家组评议意见',
      decidedAt: closure.closedAt,
      basis: {
        aggregate: outcome.aggregate,
        method: 'trimmedMean',
        grade: outcome.grade,
        sheets: 5,
        recordedAt: closure.closedAt,
      },
    });
  });
  return {
    round,
    templates: [],
    bases,
    panels: [],
    experts: [],
    assignments: [],
    scoresheets: [],
    decisions,
    changes: [],
    provenance: { keysVerified: false, panelKeys: [] },
  };
}

/** The payload as a signed result bundle, dated at its closing like the app writes it. */
export function cycleResultBundle(
  payload: ResultPayload,
  signer: SigningKeyPair,
  crypto: Crypto = globalThis.crypto,
): Promise<Uint8Array> {
  return createBundle({
    kind: 'result',
    roundId: payload.round.id,
    payload,
    deviceId: 'secretariat-pc',
    appVersion: '0.1.0',
    createdAt: payload.round.closure?.closedAt ?? '2024-06-01T08:00:00.000Z',
    signer,
    crypto,
  });
}
