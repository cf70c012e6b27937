// The data of the three-laptops test, and the results it expects, computed here from the
// scores the test types (never from the app's own aggregation code): the roster, the
// experts, the re-weighted key-laboratory template, a score for every expert and base, and
// the mean of the expert totals over the valid sheets of each base.
import type { BaseTypeCode, IndicatorTemplate } from '../../../shared/domain/types';
import { builtinTemplateForType, secondaryIndicators } from '../../../shared/domain/templates';

export const ROUND_NAME = '2024年度省级科技创新基地定期评估（三台电脑）';
export const ROUND_YEAR = 2024;
export const PASSPHRASE = '大连组现场口令2024';
export const OPERATOR = '秘书处 王芳';

export type RosterBase = {
  name: string;
  legacyType: string;
  type: BaseTypeCode;
  host: string;
  city: string;
  director: string;
  year: number;
  field: string;
  /** How well the base does, as a share of each indicator's maximum (before expert bias). */
  level: number;
};

// 东北大学 is also the employer of two experts: a conflict of interest (see EXPERTS).
export const CONFLICT_BASE: RosterBase = {
  name: '辽宁省轧制技术重点实验室',
  legacyType: '重点实验室',
  type: 'A1',
  host: '东北大学',
  city: '沈阳',
  director: '张明',
  year: 2008,
  field: '材料',
  level: 0.92,
};

export const BASES: readonly RosterBase[] = [
  CONFLICT_BASE,
  {
    name: '辽宁省肿瘤免疫重点实验室',
    legacyType: '重点实验室',
    type: 'A1',
    host: '中国医科大学',
    city: '沈阳',
    director: '赵明',
    year: 2011,
    field: '医学',
    level: 0.84,
  },
  {
    name: '辽宁省催化材料重点实验室',
    legacyType: '重点实验室',
    type: 'A1',
    host: '大连化学物理研究所',
    city: '大连',
    director: '张涛',
    year: 2010,
    field: '化学',
    level: 0.74,
  },
  {
    name: '辽宁省冶金装备工程技术研究中心',
    legacyType: '工程技术研究中心',
    type: 'B4',
    host: '鞍钢集团',
    city: '鞍山',
    director: '刘军',
    year: 2015,
    field: '冶金',
    level: 0.66,
  },
  {
    name: '辽宁省重大装备工程技术研究中心',
    legacyType: '工程技术研究中心',
    type: 'B4',
    host: '沈阳鼓风机集团',
    city: '沈阳',
    director: '孙伟',
    year: 2012,
    field: '装备',
    level: 0.58,
  },
  {
    name: '辽宁省肿瘤临床医学研究中心',
    legacyType: '临床医学研究中心',
    type: 'B5',
    host: '辽宁省肿瘤医院',
    city: '沈阳',
    director: '王强',
    year: 2017,
    field: '肿瘤',
    level: 0.8,
  },
];

export const ROSTER_ROWS: (string | number)[][] = [
  ['2024年度辽宁省科技创新基地评估名单'],
  ['序号', '基地名称', '基地类型', '依托单位', '所在地市', '负责人', '批建年份', '所属领域'],
  ...BASES.map((b, i) => [
    i + 1,
    b.name,
    b.legacyType,
    b.host,
    b.city,
    b.director,
    b.year,
    b.field,
  ]),
];

/** Panel 1 scores on laptop A; panel 2 (its round bundle encrypted) on laptop B. */
export const PANEL_1 = '沈阳组';
export const PANEL_2 = '大连组';

export type TestExpert = {
  name: string;
  institution: string;
  panel: string;
  isChair: boolean;
  /** Added to each base's level: lenient or strict. */
  bias: number;
};

// 王芳 and 周涛 work at 东北大学, the host of 轧制技术重点实验室: whichever panel the
// automatic assignment gives that base, one of them is in conflict there.
export const EXPERTS: readonly TestExpert[] = [
  { name: '李明', institution: '中国科学院金属研究所', panel: PANEL_1, isChair: true, bias: 0 },
  { name: '王芳', institution: '东北大学', panel: PANEL_1, isChair: false, bias: -0.04 },
  { name: '赵强', institution: '大连理工大学', panel: PANEL_2, isChair: true, bias: 0.03 },
  { name: '孙丽', institution: '大连海事大学', panel: PANEL_2, isChair: false, bias: -0.02 },
  { name: '周涛', institution: '东北大学', panel: PANEL_2, isChair: false, bias: 0.05 },
];

export const EXPERT_CSV = [
  '2024年度评估专家名单',
  '姓名,单位,职称,领域,电话,组别',
  ...EXPERTS.map((e) => `${e.name},${e.institution},教授,材料,,${e.panel}`),
].join('\r\n');

export const chairOf = (panel: string): TestExpert => {
  const chair = EXPERTS.find((e) => e.panel === panel && e.isChair);
  if (!chair) throw new Error(`no chair for ${panel}`);
  return chair;
};

/** The recusal one expert of panel 2 declares on the laptop. */
export const DECLARING_EXPERT = '孙丽';
export const RECUSAL_REASON = '曾在该基地依托单位兼职，申请回避';

// The key-laboratory system re-weighted as in the scenario: 学术交流与合作 down to 5,
// 代表性研究成果 up to 26, primaries 51 / 30 / 19 (still 100).
export const TEMPLATE_EDITS = {
  secondary: { 'A1.3.2': 5, 'A1.1.3': 26 },
  primary: { 'A1.1': 51, 'A1.3': 19 },
  name: '2024 省重点实验室评估指标体系（调整）',
} as const;

function editedKeyLab(): IndicatorTemplate {
  const builtin = builtinTemplateForType('A1');
  const secondary: Record<string, number> = TEMPLATE_EDITS.secondary;
  const primary: Record<string, number> = TEMPLATE_EDITS.primary;
  return {
    ...builtin,
    primaries: builtin.primaries.map((p) => ({
      ...p,
      maxPoints: primary[p.id] ?? p.maxPoints,
      children: p.children.map((c) => ({ ...c, maxPoints: secondary[c.id] ?? c.maxPoints })),
    })),
  };
}

export const templateOf = (type: BaseTypeCode): IndicatorTemplate =>
  type === 'A1' ? editedKeyLab() : builtinTemplateForType(type);

export const baseByName = (name: string): RosterBase => {
  const base = BASES.find((b) => b.name === name);
  if (!base) throw new Error(`unknown base ${name}`);
  return base;
};

export const expertByName = (name: string): TestExpert => {
  const expert = EXPERTS.find((e) => e.name === name);
  if (!expert) throw new Error(`unknown expert ${name}`);
  return expert;
};

export type TypedSheet = { ids: string[]; scores: number[] };

/** What an expert types into a base's sheet: each indicator's share of its maximum, on the half-point scale. */
export function typedScores(expertName: string, baseName: string): TypedSheet {
  const base = baseByName(baseName);
  const share = base.level + expertByName(expertName).bias;
  const indicators = secondaryIndicators(templateOf(base.type));
  return {
    ids: indicators.map((s) => s.id),
    scores: indicators.map((s) => Math.floor(s.maxPoints * share * 2) / 2),
  };
}

export const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

/** The concurrent edit: the first two indicators lowered by this much on each laptop. */
export const EDIT_ON_A = [2, 0] as const;
export const EDIT_ON_B = [1, 2] as const;

export function editedScores(sheet: TypedSheet, by: readonly number[]): number[] {
  return sheet.scores.map((score, i) => score - (by[i] ?? 0));
}

/** A sheet the test submitted (valid) or recused, with the total that counts. */
export type SheetRecord = {
  expert: string;
  base: string;
  total: number | null;
};

export type ExpectedBase = { sheets: number; mean: number | null };

/** Mean of expert totals over the valid (submitted, not recused) sheets of each base. */
export function expectedResults(sheets: readonly SheetRecord[]): Map<string, ExpectedBase> {
  const result = new Map<string, ExpectedBase>();
  for (const base of BASES) {
    const totals = sheets.flatMap((s) =>
      s.base === base.name && s.total !== null ? [s.total] : [],
    );
    result.set(base.name, {
      sheets: totals.length,
      mean: totals.length === 0 ? null : sum(totals) / totals.length,
    });
  }
  return result;
}

export const fmt = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(1));
