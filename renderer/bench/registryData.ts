// A department's archive for registry_10y_ms (scripts/bench/registry.mjs): `rounds` closed
// rounds of `perRound` bases each, one a year from 2015, accepted into the registry, and each
// later year's approvals (批建). Deterministic (a seeded generator), so every run measures the
// same registry.
//
// Year 1 is the integration round: every base arrives with a legacy type and is mostly
// included (纳入) in its plan type; some are revoked, merged into an included base, put under
// rectification or left undecided. Each later year evaluates the bases still on the list,
// this year's approvals and, to keep `perRound` bases a round, bases first seen then; most
// are kept, some rectified, converted within their category, merged or revoked, and the
// legacy bases still waiting are mostly included.
import {
  BASE_TYPE_CODES,
  categoryOfType,
  CITIES,
  LEGACY_TYPES,
} from '../../shared/domain/taxonomy';
import type { BaseTypeCode, GradeCode, LegacyTypeCode } from '../../shared/domain/types';
import type {
  AcceptedBaseOutcome,
  AcceptedRound,
  RegistryApproval,
} from '../../shared/registry/types';

export type SyntheticRegistry = { approvals: RegistryApproval[]; rounds: AcceptedRound[] };

const FIRST_YEAR = 2015;
const APPROVALS_PER_YEAR = 30;
const HOSTS = ['东北大学', '大连理工大学', '中国医科大学', '辽宁大学', '沈阳工业大学', '鞍钢集团'];

/** mulberry32: a small seeded generator, enough for benchmark data. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Held = { type: BaseTypeCode; legacyType?: LegacyTypeCode; name: string };

export function syntheticRegistry(
  rounds = 10,
  perRound = 1000,
  seed = 20150701,
): SyntheticRegistry {
  const random = generator(seed);
  const pick = <T>(items: readonly T[]): T => {
    const item = items[Math.floor(random() * items.length)];
    if (item === undefined) throw new Error('empty list');
    return item;
  };
  const onList = new Map<string, Held>();
  let serial = 0;
  const newCode = () => `LN-${String((serial += 1)).padStart(5, '0')}`;

  const info = (code: string, held: Held, year: number) => ({
    code,
    name: held.name,
    type: held.type,
    ...(held.legacyType === undefined ? {} : { legacyType: held.legacyType }),
    hostInstitution: pick(HOSTS),
    city: pick(CITIES),
    director: '张伟',
    yearEstablished: year - 3,
    field: '装备制造',
  });
  const graded = (): Pick<AcceptedBaseOutcome, 'aggregate' | 'grade'> => {
    const aggregate = Math.round((55 + random() * 43) * 100) / 100;
    const grade: GradeCode =
      aggregate >= 90 ? 'excellent' : aggregate >= 80 ? 'good' : aggregate >= 60 ? 'pass' : 'fail';
    return { aggregate, grade };
  };
  const sameCategory = (type: BaseTypeCode): BaseTypeCode => {
    const others = BASE_TYPE_CODES.filter(
      (t) => t !== type && categoryOfType(t) === categoryOfType(type),
    );
    return others.length === 0 ? type : pick(others);
  };

  const approvals: RegistryApproval[] = [];
  const accepted: AcceptedRound[] = [];
  for (let r = 0; r < rounds; r += 1) {
    const year = FIRST_YEAR + r;
    const codes: string[] = [...onList.keys()].slice(0, perRound);
    if (r > 0) {
      for (let i = 0; i < APPROVALS_PER_YEAR && codes.length < perRound; i += 1) {
        const code = newCode();
        const type = pick(BASE_TYPE_CODES);
        const held: Held = { type, name: `辽宁省${type}基地${code}` };
        onList.set(code, held);
        codes.push(code);
        approvals.push({
          ...info(code, held, year),
          year,
          importedAt: `${String(year)}-03-01T02:00:00.000Z`,
          sourceSha256: 'b'.repeat(64),
        });
      }
    }
    while (codes.length < perRound) {
      const code = newCode();
      const legacy = pick(LEGACY_TYPES);
      const type = pick(legacy.destination.candidateTypes);
      const held: Held =
        r === 0 || random() < 0.5
          ? { type, legacyType: legacy.code, name: `辽宁省${legacy.nameZh}${code}` }
          : { type, name: `辽宁省${type}基地${code}` };
      onList.set(code, held);
      codes.push(code);
    }
    const included = codes.filter((code) => onList.get(code)?.legacyType === undefined);
    const bases = codes.map((code, index): AcceptedBaseOutcome => {
      const held = onList.get(code);
      if (held === undefined) throw new Error(`lost ${code}`);
      const outcome: AcceptedBaseOutcome = {
        ...info(code, held, year),
        baseId: `b${String(r)}-${String(index)}`,
        method: 'trimmedMean',
        sheets: 7,
        ...graded(),
      };
      const roll = random();
      if (held.legacyType !== undefined) {
        if (roll < (r === 0 ? 0.8 : 0.6)) {
          delete held.legacyType;
          return { ...outcome, disposition: 'include', targetType: held.type };
        }
        if (roll < 0.86) {
          onList.delete(code);
          return { ...outcome, disposition: 'revoke' };
        }
        if (roll < 0.9 && included.length > 0) {
          onList.delete(code);
          return { ...outcome, disposition: 'merge', mergedInto: pick(included) };
        }
        return roll < 0.96 ? { ...outcome, disposition: 'rectify' } : outcome;
      }
      if (roll < 0.03) {
        onList.delete(code);
        return { ...outcome, disposition: 'revoke' };
      }
      if (roll < 0.05 && included.length > 1) {
        const target = pick(included);
        if (target !== code) {
          onList.delete(code);
          return { ...outcome, disposition: 'merge', mergedInto: target };
        }
      }
      if (roll < 0.1) return { ...outcome, disposition: 'rectify' };
      if (roll < 0.13) {
        held.type = sameCategory(held.type);
        return { ...outcome, disposition: 'convert', targetType: held.type };
      }
      return roll < 0.5 ? { ...outcome, disposition: 'keepAdjust' } : outcome;
    });
    accepted.push({
      roundId: `R${String(year)}`,
      name: `${String(year)}年度省级科技创新基地${r === 0 ? '优化整合' : '定期'}评估`,
      year,
      evaluationType: r === 0 ? 'integration' : 'periodic',
      version: 1,
      closedAt: `${String(year)}-07-15T02:00:00.000Z`,
      closedBy: '秘书处',
      bundleSha256: String(year).padEnd(64, '0'),
      signerFingerprint: 'ABCD-EF01-2345-6789',
      acceptedAt: `${String(year)}-08-01T01:00:00.000Z`,
      acceptedBy: '省科技厅',
      bases,
    });
  }
  return { approvals, rounds: accepted };
}
