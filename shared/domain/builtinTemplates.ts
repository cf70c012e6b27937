// The built-in indicator systems (评估指标体系) of INDICATORS.md, one default per base type
// plus the Ministry of Education variant for key laboratories. Ids are stable forever:
// scoresheets and bundles refer to them. Indicator ids are `<prefix>.<n>` for primaries
// and `<prefix>.<n>.<m>` for secondaries, the prefix being the template id without
// `builtin-`, so they are unique across all built-ins too.
//
// The tables are written as INDICATORS.md writes them, one string per primary:
// `一级指标 分值 | 二级指标 分值; 二级指标 分值 …`, parsed once at load (a malformed row
// throws at import time, so the tests catch it).
//
// Source flags: A1 and B1 follow published systems. B5 is published only in part
// (建设水平 25 and 科研产出 45 follow the national clinical research center performance
// evaluation; 推广应用与辐射 30 is ours), so it is marked 'draft' and its note says which
// part is published: users see the draft warning whenever any part of a system is ours.
// The A1 Ministry of Education variant has published primary weights but an invented
// secondary split, so it is 'draft' as well.
import { deepFreeze } from './freeze';
import type { BaseTypeCode, IndicatorTemplate, PrimaryIndicator, TemplateSource } from './types';

export const BUILTIN_TEMPLATE_PREFIX = 'builtin-';

/** The id of a type's default built-in template (e.g. `builtin-A1`). */
export function builtinTemplateId(type: BaseTypeCode): string {
  return `${BUILTIN_TEMPLATE_PREFIX}${type}`;
}

const NAME_AND_POINTS = /^(.+?)\s+(\d+(?:\.5)?)$/u;

function nameAndPoints(text: string): [string, number] {
  const match = NAME_AND_POINTS.exec(text.trim());
  if (!match?.[1] || !match[2]) throw new Error(`Malformed built-in indicator: "${text}"`);
  return [match[1], Number(match[2])];
}

function primary(row: string, prefix: string, i: number): PrimaryIndicator {
  const [head = '', tail = ''] = row.split('|');
  const [name, maxPoints] = nameAndPoints(head);
  const id = `${prefix}.${i + 1}`;
  const children = tail.split(';').map((part, j) => {
    const [childName, childPoints] = nameAndPoints(part);
    return { id: `${id}.${j + 1}`, name: childName, maxPoints: childPoints };
  });
  return { id, name, maxPoints, children };
}

type Spec = {
  type: BaseTypeCode;
  /** Defaults to the type's default id. */
  id?: string;
  name: string;
  source: TemplateSource;
  note: string;
  rows: string[];
};

function build(spec: Spec): IndicatorTemplate {
  const id = spec.id ?? builtinTemplateId(spec.type);
  const prefix = id.slice(BUILTIN_TEMPLATE_PREFIX.length);
  return {
    id,
    version: 1,
    baseType: spec.type,
    name: spec.name,
    source: spec.source,
    note: spec.note,
    primaries: spec.rows.map((row, i) => primary(row, prefix, i)),
  };
}

const draftNote = (typeNameZh: string): string =>
  `草拟：依《辽宁省科技创新基地优化整合方案》（辽科发〔2019〕23号）对${typeNameZh}的功能定位拟定，使用前请核定。`;

const SPECS: Spec[] = [
  {
    type: 'A1',
    name: '省重点实验室评估指标体系',
    source: 'published',
    note: '依国家重点实验室评估规则：研究水平与贡献 50、队伍建设与人才培养 30、开放交流与运行管理 20。',
    rows: [
      '研究水平与贡献 50 | 总体定位与研究方向 10; 承担任务与经费 15; 代表性研究成果 25',
      '队伍建设与人才培养 30 | 队伍结构与团队建设 10; 实验室主任与学术带头人 10; 人才培养 10',
      '开放交流与运行管理 20 | 仪器设备开放共享 7; 学术交流与合作 6; 运行管理与依托单位支持 7',
    ],
  },
  {
    type: 'A1',
    id: 'builtin-A1-moe',
    name: '省重点实验室评估指标体系（教育部重点实验室口径）',
    source: 'draft',
    note: '一级指标权重依教育部重点实验室评估（40/20/20/20）；二级指标分值为草拟，使用前请核定。',
    rows: [
      '研究水平与贡献 40 | 研究方向与定位 8; 承担任务与经费 12; 代表性研究成果 20',
      '研究队伍建设 20 | 实验室主任与学术带头人 10; 队伍结构与团队建设 10',
      '学科发展与人才培养 20 | 学科建设与交叉 10; 研究生与青年人才培养 10',
      '开放与运行管理 20 | 仪器设备开放共享 7; 学术交流与合作 6; 运行管理与依托单位支持 7',
    ],
  },
  {
    type: 'B1',
    name: '省工程研究中心评估指标体系',
    source: 'published',
    note: '依省级工程研究中心评价指标体系：实力与能力 35、产出与贡献 45、体制与规划 20。',
    rows: [
      '实力与能力 35 | 研发经费投入 6; 人才与队伍 9; 工程化技术条件 9; 科技活动 7; 资产 4',
      '产出与贡献 45 | 收入 10; 科技成果 15; 行业贡献度 20',
      '体制与规划 20 | 体制与机制 12; 规划与目标 8',
    ],
  },
  {
    type: 'B2',
    name: '省产业技术创新研究院评估指标体系',
    source: 'draft',
    note: draftNote('省产业技术创新研究院'),
    rows: [
      '关键技术研发 30 | 研发投入与平台条件 10; 关键技术突破 20',
      '成果转移转化 30 | 技术转让与许可 15; 转化收益 15',
      '创新资源集聚 20 | 人才团队 10; 产学研用资合作 10',
      '企业孵化 20 | 孵化企业数量与质量 12; 融资与产业化 8',
    ],
  },
  {
    type: 'B3',
    name: '省产业共性技术创新中心评估指标体系',
    source: 'draft',
    note: draftNote('省产业共性技术创新中心'),
    rows: [
      '共性技术供给 35 | 关键共性技术突破 20; 前瞻性技术储备 15',
      '成果转化与产业化 30 | 成果转移转化 15; 应用示范与产业化 15',
      '开放服务与辐射 20 | 对行业企业服务 12; 产业集聚带动 8',
      '运行机制 15 | 多主体联建机制 8; 管理与投入 7',
    ],
  },
  {
    type: 'B4',
    name: '省专业技术创新中心评估指标体系',
    source: 'draft',
    note: draftNote('省专业技术创新中心'),
    rows: [
      '关键核心技术与产品研发 35 | 核心技术突破 20; 新产品与新工艺 15',
      '成果转移转化与产业化 30 | 转化项目与收益 18; 应用示范 12',
      '企业技术创新能力提升 20 | 服务企业数量与成效 12; 产业升级贡献 8',
      '运行管理 15 | 团队与条件 8; 制度与投入 7',
    ],
  },
  {
    type: 'B5',
    name: '省临床医学研究中心评估指标体系',
    source: 'draft',
    note: '部分依据已发布体系：建设水平 25、科研产出 45 依国家临床医学研究中心绩效评估；推广应用与辐射 30 为草拟，使用前请核定。',
    rows: [
      '建设水平 25 | 中心建设 10; 协同网络建设 10; 发展潜力 5',
      '科研产出 45 | 协同研究 15; 临床转化 20; 学术地位 10',
      '推广应用与辐射 30 | 适宜技术推广与培训 15; 基层辐射带动 15',
    ],
  },
  {
    type: 'C1',
    name: '省科技创新综合信息平台评估指标体系',
    source: 'draft',
    note: draftNote('省科技创新综合信息平台'),
    rows: [
      '信息资源集成 30 | 资源覆盖与质量 18; 对接国家及省市平台 12',
      '服务成效 35 | 服务用户与次数 20; 决策与科研支撑 15',
      '开放共享 20 | 开放程度 12; 数据安全与规范 8',
      '运行保障 15 | 队伍与经费 8; 制度建设 7',
    ],
  },
  {
    type: 'C2',
    name: '省大型科学仪器共享服务平台评估指标体系',
    source: 'draft',
    note: draftNote('省大型科学仪器共享服务平台'),
    rows: [
      '仪器资源整合 25 | 入网仪器数量与原值 15; 布局合理性 10',
      '开放共享服务 35 | 有效机时与利用率 20; 服务用户与收入 15',
      '测试方法与标准研究 15 | 方法开发 8; 标准制修订 7',
      '管理制度与运行 25 | 共享制度 10; 运行效率与用户评价 15',
    ],
  },
  {
    type: 'C3',
    name: '东北科技大市场评估指标体系',
    source: 'draft',
    note: draftNote('东北科技大市场'),
    rows: [
      '成果展示交易 35 | 技术合同成交额 20; 成果展示与发布 15',
      '科技金融服务 20 | 融资匹配与投资 20',
      '服务体系 25 | 成果评估 10; 项目对接 15',
      '运行与影响 20 | 服务机构集聚 10; 区域影响 10',
    ],
  },
];

/** Frozen: copy with copyTemplate before editing. */
export const BUILTIN_TEMPLATES: IndicatorTemplate[] = deepFreeze(SPECS.map(build));
