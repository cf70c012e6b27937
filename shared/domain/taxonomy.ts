// The base taxonomy of 辽科发〔2019〕23号: 3 categories, 9 new base types, the 10 legacy
// types and where the plan sends them, the cities a roster may name, and lenient lookups
// for the Chinese text that arrives in rosters (legacy names, 省/辽宁省 prefixes, stray
// full-width spaces). Pure data and functions.
import { deepFreeze } from './freeze';
import type { BaseTypeCode, CategoryCode, CityName, LegacyTypeCode } from './types';

export * from './dispositions';

export type CategoryInfo = {
  code: CategoryCode;
  nameZh: string;
  nameEn: string;
};

export type BaseTypeInfo = {
  code: BaseTypeCode;
  category: CategoryCode;
  nameZh: string;
  nameEn: string;
};

export type LegacyTypeInfo = {
  code: LegacyTypeCode;
  /** As the plan writes it (section 三). */
  nameZh: string;
  nameEn: string;
  destination: { category: CategoryCode; candidateTypes: BaseTypeCode[] };
  /** What the plan says happens to bases of this type (Chinese, shown to users). */
  note: string;
};

export const CATEGORIES: readonly CategoryInfo[] = deepFreeze([
  { code: 'A', nameZh: '科学与工程研究类', nameEn: 'Science and engineering research' },
  {
    code: 'B',
    nameZh: '技术创新与成果转化类',
    nameEn: 'Technology innovation and commercialisation',
  },
  { code: 'C', nameZh: '基础支撑与条件保障类', nameEn: 'Basic support and enabling conditions' },
]);

const BASE_TYPE_TABLE = {
  A1: { category: 'A', nameZh: '省重点实验室', nameEn: 'Provincial key laboratory' },
  B1: { category: 'B', nameZh: '省工程研究中心', nameEn: 'Engineering research center' },
  B2: {
    category: 'B',
    nameZh: '省产业技术创新研究院',
    nameEn: 'Industrial technology innovation institute',
  },
  B3: {
    category: 'B',
    nameZh: '省产业共性技术创新中心',
    nameEn: 'Industrial generic-technology innovation center',
  },
  B4: {
    category: 'B',
    nameZh: '省专业技术创新中心',
    nameEn: 'Specialized technology innovation center',
  },
  B5: { category: 'B', nameZh: '省临床医学研究中心', nameEn: 'Clinical medical research center' },
  C1: {
    category: 'C',
    nameZh: '省科技创新综合信息平台',
    nameEn: 'S&T innovation information platform',
  },
  C2: {
    category: 'C',
    nameZh: '省大型科学仪器共享服务平台',
    nameEn: 'Large scientific instrument sharing platform',
  },
  C3: { category: 'C', nameZh: '东北科技大市场', nameEn: 'Northeast technology market' },
} satisfies Record<BaseTypeCode, Omit<BaseTypeInfo, 'code'>>;

export const BASE_TYPE_CODES: readonly BaseTypeCode[] = [
  'A1',
  'B1',
  'B2',
  'B3',
  'B4',
  'B5',
  'C1',
  'C2',
  'C3',
];

/** The nine new types in the plan's table order. */
export const BASE_TYPES: readonly BaseTypeInfo[] = deepFreeze(
  BASE_TYPE_CODES.map((code) => ({ code, ...BASE_TYPE_TABLE[code] })),
);

const C_TYPES: BaseTypeCode[] = ['C1', 'C2', 'C3'];

export const LEGACY_TYPES: readonly LegacyTypeInfo[] = deepFreeze([
  {
    code: 'keyLaboratory',
    nameZh: '重点实验室',
    nameEn: 'Key laboratory',
    destination: { category: 'A', candidateTypes: ['A1'] },
    note: '结合运行评估优化调整；批建较久的重新核定研究方向和任务；长期无重大成果、老化僵化的调整和撤销。',
  },
  {
    code: 'engineeringResearchCenter',
    nameZh: '工程研究中心',
    nameEn: 'Engineering research center',
    destination: { category: 'B', candidateTypes: ['B1'] },
    note: '与省工程实验室合理归并，符合条件的纳入省工程研究中心序列。',
  },
  {
    code: 'engineeringLaboratory',
    nameZh: '工程实验室',
    nameEn: 'Engineering laboratory',
    destination: { category: 'B', candidateTypes: ['B1'] },
    note: '不再批复新建；与省工程研究中心合理归并，符合条件的纳入省工程研究中心序列。',
  },
  {
    code: 'industrialGenericPlatform',
    nameZh: '产业共性技术创新平台',
    nameEn: 'Industrial generic-technology innovation platform',
    destination: { category: 'B', candidateTypes: ['B3'] },
    note: '评估考核，符合条件的纳入省产业共性技术创新中心序列。',
  },
  {
    code: 'engineeringTechnologyCenter',
    nameZh: '工程技术研究中心',
    nameEn: 'Engineering technology research center',
    destination: { category: 'B', candidateTypes: ['B4'] },
    note: '评估考核，符合条件的纳入省专业技术创新中心管理。',
  },
  {
    code: 'industrialSpecializedPlatform',
    nameZh: '产业专业技术创新平台',
    nameEn: 'Industrial specialized-technology innovation platform',
    destination: { category: 'B', candidateTypes: ['B4'] },
    note: '评估考核，符合条件的纳入省专业技术创新中心管理。',
  },
  {
    code: 'clinicalResearchCenter',
    nameZh: '临床医学研究中心',
    nameEn: 'Clinical medical research center',
    destination: { category: 'B', candidateTypes: ['B5'] },
    note: '绩效评估，规范运行管理，实施动态管理，建立退出机制。',
  },
  {
    code: 'resourceSharingPlatform',
    nameZh: '科技创新资源共享服务平台',
    nameEn: 'S&T resource sharing service platform',
    destination: { category: 'C', candidateTypes: [...C_TYPES] },
    note: '优化调整，调整后符合条件的纳入基础支撑与条件保障类基地序列。',
  },
  {
    code: 'comprehensiveServicePlatform',
    nameZh: '科技创新综合服务平台',
    nameEn: 'S&T innovation comprehensive service platform',
    destination: { category: 'C', candidateTypes: [...C_TYPES] },
    note: '优化调整，调整后符合条件的纳入基础支撑与条件保障类基地序列。',
  },
  {
    code: 'industrialServicePlatform',
    nameZh: '产业技术创新综合服务平台',
    nameEn: 'Industrial technology innovation comprehensive service platform',
    destination: { category: 'C', candidateTypes: [...C_TYPES] },
    note: '优化调整，调整后符合条件的纳入基础支撑与条件保障类基地序列。',
  },
]);

/** Shorter spellings seen in the plan itself (section 三(二) drops 产业). */
const LEGACY_ALIASES: Readonly<Record<string, LegacyTypeCode>> = {
  共性技术创新平台: 'industrialGenericPlatform',
  专业技术创新平台: 'industrialSpecializedPlatform',
};

export function categoryByCode(code: CategoryCode): CategoryInfo | undefined {
  return CATEGORIES.find((c) => c.code === code);
}

export function isBaseTypeCode(x: unknown): x is BaseTypeCode {
  return typeof x === 'string' && BASE_TYPE_CODES.some((code) => code === x);
}

export function baseTypeByCode(code: BaseTypeCode): BaseTypeInfo {
  return { code, ...BASE_TYPE_TABLE[code] };
}

export function categoryOfType(code: BaseTypeCode): CategoryCode {
  return BASE_TYPE_TABLE[code].category;
}

export function legacyTypeByCode(code: LegacyTypeCode): LegacyTypeInfo | undefined {
  return LEGACY_TYPES.find((t) => t.code === code);
}

/**
 * Canonical form of roster text: NFKC (full-width letters, digits and the ideographic
 * space become ASCII) and every kind of whitespace removed, since none is meaningful
 * inside these names.
 */
export function compactText(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '');
}

/** Drops a leading 辽宁省 / 辽宁 / 省级 / 省 (one of them, longest first). */
function stripProvincePrefix(text: string): string {
  for (const prefix of ['辽宁省', '辽宁', '省级', '省']) {
    if (text.startsWith(prefix)) return text.slice(prefix.length);
  }
  return text;
}

/** A legacy type from its Chinese name, tolerating 省/辽宁省 prefixes and stray spaces. */
export function legacyTypeByName(nameZh: string): LegacyTypeInfo | undefined {
  const bare = stripProvincePrefix(compactText(nameZh));
  if (bare === '') return undefined;
  const alias = Object.hasOwn(LEGACY_ALIASES, bare) ? LEGACY_ALIASES[bare] : undefined;
  const code = LEGACY_TYPES.find((t) => t.nameZh === bare)?.code ?? alias;
  return code === undefined ? undefined : legacyTypeByCode(code);
}

export type ResolvedBaseType = {
  /** Set only when the text determines a single new type. */
  type?: BaseTypeCode;
  legacyType?: LegacyTypeCode;
  candidateTypes: BaseTypeCode[];
};

function resolvedNewType(code: BaseTypeCode): ResolvedBaseType {
  return { type: code, candidateTypes: [code] };
}

/**
 * Reads a roster's 基地类型 cell. Accepts, in this order of precedence:
 * 1. a new type code (A1, ｂ４ …);
 * 2. a new type name exactly as the plan spells it (省重点实验室, 辽宁省工程研究中心 …);
 * 3. a legacy name (重点实验室, 辽宁省工程技术研究中心 …), which also records the legacy type;
 * 4. a new type name without its 省 prefix (专业技术创新中心 …).
 * Three legacy names equal new names minus 省 (重点实验室, 工程研究中心, 临床医学研究中心):
 * written without 省 they are read as legacy, which is how the department's rosters of
 * existing bases write them; both readings lead to the same single new type.
 */
export function resolveBaseType(text: string): ResolvedBaseType | undefined {
  const compact = compactText(text);
  if (compact === '') return undefined;

  const asCode = compact.toUpperCase();
  if (isBaseTypeCode(asCode)) return resolvedNewType(asCode);

  // 辽宁省重点实验室 → 省重点实验室: keep the 省 that the new names carry.
  const withoutLiaoning = compact.startsWith('辽宁') ? compact.slice('辽宁'.length) : compact;
  const exact = BASE_TYPES.find((t) => t.nameZh === withoutLiaoning);
  if (exact) return resolvedNewType(exact.code);

  const legacy = legacyTypeByName(compact);
  if (legacy) {
    const candidates = [...legacy.destination.candidateTypes];
    const only = candidates.length === 1 ? candidates[0] : undefined;
    return only === undefined
      ? { legacyType: legacy.code, candidateTypes: candidates }
      : { type: only, legacyType: legacy.code, candidateTypes: candidates };
  }

  const bare = stripProvincePrefix(compact);
  const loose = BASE_TYPES.find((t) => stripProvincePrefix(t.nameZh) === bare);
  return loose ? resolvedNewType(loose.code) : undefined;
}

// ---- cities ---------------------------------------------------------------------------

export const CITIES: readonly CityName[] = deepFreeze([
  '沈阳',
  '大连',
  '鞍山',
  '抚顺',
  '本溪',
  '丹东',
  '锦州',
  '营口',
  '阜新',
  '辽阳',
  '盘锦',
  '铁岭',
  '朝阳',
  '葫芦岛',
  '沈抚新区',
]);

/** Names the Shenfu area has gone by; all mean the one 沈抚新区 of the roster. */
const SHENFU_NAMES = new Set(['沈抚新区', '沈抚改革创新示范区', '沈抚示范区']);

export function isCityName(x: unknown): x is CityName {
  return typeof x === 'string' && CITIES.some((c) => c === x);
}

/**
 * 沈阳 / 沈阳市 / 辽宁省沈阳市 → 沈阳; 沈抚改革创新示范区 → 沈抚新区. Anything else
 * (a district, a city outside Liaoning) is undefined, so the importer can show the row.
 */
export function normaliseCityName(text: string): CityName | undefined {
  let name = compactText(text);
  if (name.startsWith('辽宁省')) name = name.slice('辽宁省'.length);
  else if (name.startsWith('辽宁')) name = name.slice('辽宁'.length);
  if (SHENFU_NAMES.has(name)) return '沈抚新区';
  if (name.endsWith('市')) name = name.slice(0, -1);
  return isCityName(name) ? name : undefined;
}
