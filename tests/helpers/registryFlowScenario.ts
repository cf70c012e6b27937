// Three years of a department's registry, with its 有进有出 and 后补助 worked out by hand. Used
// by the unit test of the fold + flows and by tests/e2e/registryFlows.e2e.ts, which writes the
// same records into the app's IndexedDB.
//
// 2020  Integration round R2020 (no approvals yet), legacy bases:
//       K01 重点实验室 → 纳入 A1        K02 重点实验室 → 撤销
//       E01 工程实验室 → 纳入 B1        E02 工程研究中心 → 纳入 B1
//       T01 工程技术研究中心 → 纳入 B4  T02 产业专业技术创新平台 → 合并 into T01
//       C01 临床医学研究中心 (plan: B5) → 限期整改, still legacy
// 2021  批建 P01 (B4). R2021: C01 纳入 B5; E01 转 B1 → B4; P01 保留; T01 限期整改.
// 2022  批建 P02 (B2). R2022: T01 撤销; E02 保留; P02, E01, C01, K01 only scored.
import type { BaseTypeCode, GradeCode, LegacyTypeCode } from '../../shared/domain/types';
import type { AcceptedBaseOutcome, RegistryApproval } from '../../shared/registry/types';
import { acceptedRound, outcome } from './fundingBuilders';

const legacy = (
  code: string,
  legacyType: LegacyTypeCode,
  type: BaseTypeCode,
  grade: GradeCode,
  fields: Partial<AcceptedBaseOutcome>,
) => outcome(code, type, { legacyType, grade, ...fields });

export const scenarioApprovals: RegistryApproval[] = [
  { year: 2021, type: 'B4', code: 'P01' },
  { year: 2022, type: 'B2', code: 'P02' },
].map(({ year, type, code }) => ({
  ...outcome(code, type as BaseTypeCode),
  year,
  yearEstablished: year,
  importedAt: `${String(year)}-03-01T02:00:00.000Z`,
  sourceSha256: 'c'.repeat(64),
}));

export const scenarioRounds = [
  acceptedRound(
    [
      legacy('K01', 'keyLaboratory', 'A1', 'good', { disposition: 'include', targetType: 'A1' }),
      legacy('K02', 'keyLaboratory', 'A1', 'fail', { disposition: 'revoke' }),
      legacy('E01', 'engineeringLaboratory', 'B1', 'excellent', {
        disposition: 'include',
        targetType: 'B1',
      }),
      legacy('E02', 'engineeringResearchCenter', 'B1', 'good', {
        disposition: 'include',
        targetType: 'B1',
      }),
      legacy('T01', 'engineeringTechnologyCenter', 'B4', 'pass', {
        disposition: 'include',
        targetType: 'B4',
      }),
      legacy('T02', 'industrialSpecializedPlatform', 'B4', 'fail', {
        disposition: 'merge',
        mergedInto: 'T01',
      }),
      legacy('C01', 'clinicalResearchCenter', 'B5', 'pass', { disposition: 'rectify' }),
    ],
    {
      roundId: 'R2020',
      name: '2020年度优化整合评估',
      year: 2020,
      evaluationType: 'integration',
      closedAt: '2020-07-15T02:00:00.000Z',
    },
  ),
  acceptedRound(
    [
      outcome('C01', 'B5', { disposition: 'include', targetType: 'B5', grade: 'good' }),
      outcome('E01', 'B1', { disposition: 'convert', targetType: 'B4', grade: 'good' }),
      outcome('P01', 'B4', { disposition: 'keepAdjust', grade: 'excellent' }),
      outcome('T01', 'B4', { disposition: 'rectify', grade: 'fail' }),
    ],
    {
      roundId: 'R2021',
      name: '2021年度定期评估',
      year: 2021,
      closedAt: '2021-07-15T02:00:00.000Z',
    },
  ),
  acceptedRound(
    [
      outcome('C01', 'B5', { grade: 'pass' }),
      outcome('E01', 'B4', { grade: 'excellent' }),
      outcome('E02', 'B1', { disposition: 'keepAdjust', grade: 'good' }),
      outcome('K01', 'A1', { grade: 'excellent' }),
      outcome('P02', 'B2', { grade: 'excellent' }),
      outcome('T01', 'B4', { disposition: 'revoke', grade: 'fail' }),
    ],
    {
      roundId: 'R2022',
      name: '2022年度定期评估',
      year: 2022,
      closedAt: '2022-07-15T02:00:00.000Z',
    },
  ),
];

/** registryFlows of the scenario, by hand (sorted: year, then 'new', legacy, new types). */
export const scenarioFlows = [
  { year: 2020, from: 'keyLaboratory', to: 'A1', count: 1 },
  { year: 2020, from: 'keyLaboratory', to: 'revoked', count: 1 },
  { year: 2020, from: 'engineeringResearchCenter', to: 'B1', count: 1 },
  { year: 2020, from: 'engineeringLaboratory', to: 'B1', count: 1 },
  { year: 2020, from: 'engineeringTechnologyCenter', to: 'B4', count: 1 },
  { year: 2020, from: 'industrialSpecializedPlatform', to: 'merged', count: 1 },
  { year: 2021, from: 'new', to: 'B4', count: 1 },
  { year: 2021, from: 'clinicalResearchCenter', to: 'B5', count: 1 },
  { year: 2021, from: 'B1', to: 'B4', count: 1 },
  { year: 2022, from: 'new', to: 'B2', count: 1 },
  { year: 2022, from: 'B4', to: 'revoked', count: 1 },
];

type Counts = Partial<
  Record<
    'entered' | 'included' | 'converted' | 'rectifying' | 'merged' | 'revoked' | 'active',
    number
  >
>;

/**
 * yearTypeCounts of the scenario, by hand; omitted numbers are 0.
 * 2020: seven legacy bases enter as their plan types (A1 2, B1 2, B4 2, B5 1); K02 is revoked
 *   as an A1-bound base, T02 merged as a B4-bound one; on the list at year end: K01, E01, E02,
 *   T01, C01.
 * 2021: P01 enters B4; C01 joins B5; E01 leaves B1 for B4; T01 under rectification; at year end
 *   B4 holds E01, P01 and T01.
 * 2022: P02 enters B2; T01 revoked; left: K01 A1, E02 B1, P02 B2, E01 and P01 B4, C01 B5.
 */
export const scenarioYearTypeCounts: Array<{ year: number; type: BaseTypeCode } & Counts> = [
  { year: 2020, type: 'A1', entered: 2, included: 1, revoked: 1, active: 1 },
  { year: 2020, type: 'B1', entered: 2, included: 2, active: 2 },
  { year: 2020, type: 'B4', entered: 2, included: 1, merged: 1, active: 1 },
  { year: 2020, type: 'B5', entered: 1, rectifying: 1, active: 1 },
  { year: 2021, type: 'A1', active: 1 },
  { year: 2021, type: 'B1', converted: 1, active: 1 },
  { year: 2021, type: 'B4', entered: 1, rectifying: 1, active: 3 },
  { year: 2021, type: 'B5', included: 1, active: 1 },
  { year: 2022, type: 'A1', active: 1 },
  { year: 2022, type: 'B1', active: 1 },
  { year: 2022, type: 'B2', entered: 1, active: 1 },
  { year: 2022, type: 'B4', revoked: 1, active: 2 },
  { year: 2022, type: 'B5', active: 1 },
];

/**
 * R2022's 后补助 under the default rule with a budget of 500 万元. Subsidy bases: E01 B4 优秀
 * 200, E02 B1 良好 100, P02 B2 优秀 200, C01 B5 合格 50; Σ 550. Exact shares 500 × w / 550:
 * E01 181.818…, E02 90.909…, P02 181.818…, C01 45.454…; floors 181 + 90 + 181 + 45 = 497, so
 * 3 units are missing. Remainders: E02 .909, E01 .818, P02 .818 (tie → lower code E01 first),
 * C01 .454 → E02, E01 and P02 get one each. K01 (A1) is 稳定支持, T01 is revoked.
 */
export const SCENARIO_BUDGET = 500;
export const scenarioFunding: Record<string, number> = {
  C01: 45,
  E01: 182,
  E02: 91,
  K01: 0,
  P02: 182,
  T01: 0,
};
/** Without a budget: the grade amounts, Σ 550. */
export const scenarioFundingUnscaled: Record<string, number> = {
  C01: 50,
  E01: 200,
  E02: 100,
  K01: 0,
  P02: 200,
  T01: 0,
};
