// The data of the department's cycle e2e (departmentCycle.e2e.ts) and what it expects, worked
// out by hand from the scores and decisions below (never from the app's own code):
//
//   code       approved as (批建)         type  3 experts' totals  mean  grade   decision
//   LN-DC-001  重点实验室 (legacy)          A1   85 87 89          87    良好    纳入 A1
//   LN-DC-002  重点实验室 (legacy)          A1   50 55 57          54    不合格  撤销
//   LN-DC-003  工程技术研究中心 (legacy)    B4   70 72 74          72    合格    合并 → 004
//   LN-DC-004  工程技术研究中心 (legacy)    B4   80 84 82          82    良好    纳入 B4
//   LN-DC-005  工程研究中心 (legacy)        B1   56 58 60          58    不合格  限期整改
//   LN-DC-006  省工程研究中心               B1   90 92 94          92    优秀    转 B3
//
// Statuses after the result is accepted: 001 运行中 A1; 002 已撤销; 003 已并入 004; 004 运行中
// B4; 005 限期整改 until the closing's Beijing date + 12 months; 006 运行中 B3 (was B1).
//
// The next registry bundle (year 2027, types A1, B3, B4, rectifications due by 2027-12-31)
// holds 001, 004, 006 by type and 005 because its rectification is due; 002 (revoked, A1) and
// 003 (merged, B4) are left out although their types match.
//
// 后补助 under the default rule (category B: 优秀 200, 良好 100, 合格 50, 不合格 0 万元; the
// type a decision leaves a base in): 004 B4 良好 100, 005 B1 不合格 0, 006 B3 优秀 200; 001
// (A1) 稳定支持; 002 and 003 none. Total 300. Scaled to a budget of 250: 004 exact 83.33 → 83,
// 006 exact 166.67 → 166, one unit missing goes to the largest remainder (006, .67) → 167;
// 83 + 167 = 250.
import type { BaseTypeCode } from '../../../shared/domain/types';

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

export type CycleBase = {
  code: string;
  name: string;
  typeText: string;
  host: string;
  city: string;
  director: string;
  year: number;
  field: string;
  /** The type the round scores it as (the legacy type's target). */
  type: BaseTypeCode;
  totals: readonly [number, number, number];
  mean: number;
  decision: { disposition: string; target?: string; reason: string };
};

export const BASES: readonly CycleBase[] = [
  {
    code: 'LN-DC-001',
    name: '辽宁省轧制技术重点实验室',
    typeText: '重点实验室',
    host: '东北大学',
    city: '沈阳',
    director: '张明',
    year: 2008,
    field: '材料',
    type: 'A1',
    totals: [85, 87, 89],
    mean: 87,
    decision: { disposition: '纳入', target: 'A1 省重点实验室', reason: '评估良好，纳入新序列' },
  },
  {
    code: 'LN-DC-002',
    name: '辽宁省煤矿安全重点实验室',
    typeText: '重点实验室',
    host: '辽宁工程技术大学',
    city: '阜新',
    director: '孙伟',
    year: 2005,
    field: '安全',
    type: 'A1',
    totals: [50, 55, 57],
    mean: 54,
    decision: { disposition: '撤销', reason: '长期无重大成果，老化僵化，予以撤销' },
  },
  {
    code: 'LN-DC-003',
    name: '辽宁省精细化工工程技术研究中心',
    typeText: '工程技术研究中心',
    host: '大连理工大学',
    city: '大连',
    director: '李华',
    year: 2012,
    field: '化工',
    type: 'B4',
    totals: [70, 72, 74],
    mean: 72,
    decision: {
      disposition: '合并',
      target: '辽宁省化工过程工程技术研究中心',
      reason: '研究方向与化工过程中心高度重叠，并入该中心',
    },
  },
  {
    code: 'LN-DC-004',
    name: '辽宁省化工过程工程技术研究中心',
    typeText: '工程技术研究中心',
    host: '大连化学物理研究所',
    city: '大连',
    director: '王涛',
    year: 2011,
    field: '化工',
    type: 'B4',
    totals: [80, 84, 82],
    mean: 82,
    decision: { disposition: '纳入', target: 'B4 省专业技术创新中心', reason: '评估良好，纳入' },
  },
  {
    code: 'LN-DC-005',
    name: '辽宁省数控机床工程研究中心',
    typeText: '工程研究中心',
    host: '沈阳工业大学',
    city: '沈阳',
    director: '赵军',
    year: 2010,
    field: '装备',
    type: 'B1',
    totals: [56, 58, 60],
    mean: 58,
    decision: { disposition: '限期整改', reason: '成果转化不足，限期一年整改' },
  },
  {
    code: 'LN-DC-006',
    name: '辽宁省航空发动机工程研究中心',
    typeText: '省工程研究中心',
    host: '沈阳航空航天大学',
    city: '沈阳',
    director: '钱峰',
    year: 2020,
    field: '航空',
    type: 'B1',
    totals: [90, 92, 94],
    mean: 92,
    decision: {
      disposition: '转',
      target: 'B3 省产业共性技术创新中心',
      reason: '以共性技术研发为主，转为产业共性技术创新中心',
    },
  },
];

export const baseByCode = (code: string): CycleBase => {
  const base = BASES.find((b) => b.code === code);
  if (base === undefined) throw new Error(`no base ${code}`);
  return base;
};

/** The approvals workbook's rows: a title row above the department's Chinese header. */
export function approvalsRows(): (string | number)[][] {
  return [
    ['辽宁省科技创新基地批建名单'],
    APPROVALS_HEADER,
    ...BASES.map((b, i) => [
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

export const PANEL = '沈阳组';
export const OPERATOR = '秘书处 王芳';
export const DEPARTMENT = '省科技厅 刘洋';

/** Experts from institutions hosting none of the bases: no conflict of interest. */
export const EXPERTS = ['陈静', '周涛', '吴敏'] as const;
const INSTITUTIONS = ['辽宁大学', '沈阳农业大学', '渤海大学'];

export const EXPERT_CSV = [
  '2026年度评估专家名单',
  '姓名,单位,职称,领域,电话,组别',
  ...EXPERTS.map((name, i) => `${name},${INSTITUTIONS[i] ?? ''},教授,综合,,${PANEL}`),
].join('\r\n');

export const FIRST_YEAR = 2026;
export const NEXT_YEAR = 2027;
export const NEXT_DUE_BY = '2027-12-31';
export const BUDGET = 250;
/** 后补助 per base after scaling to BUDGET (see the header). */
export const FUNDING: Readonly<Record<string, number>> = {
  'LN-DC-001': 0,
  'LN-DC-002': 0,
  'LN-DC-003': 0,
  'LN-DC-004': 83,
  'LN-DC-005': 0,
  'LN-DC-006': 167,
};

/** The Beijing date of an instant, plus one year: a 限期整改 deadline (12 months). */
export function rectifyDeadline(closedAt: string): string {
  const beijing = new Date(Date.parse(closedAt) + 8 * 3_600_000).toISOString().slice(0, 10);
  return `${Number(beijing.slice(0, 4)) + 1}${beijing.slice(4)}`;
}
