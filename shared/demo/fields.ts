// Fields (所属领域) a base of each type works in, as the name fragment that goes into the
// base's name (辽宁省 + fragment + type suffix) and the domain that decides which hosts
// fit it. Category C bases are few and named individually.
import type { BaseTypeCode, CityName, LegacyTypeCode } from '../domain/types';
import type { Domain } from './institutions';

export type FieldEntry = { fragment: string; domain: Domain };

const f = (domain: Domain, ...fragments: string[]): FieldEntry[] =>
  fragments.map((fragment) => ({ fragment, domain }));

/** Field label shown in the roster's 所属领域 column. */
export const DOMAIN_LABELS: Readonly<Record<Domain, string>> = {
  materials: '新材料',
  chemistry: '化学化工',
  automation: '智能制造与自动化',
  information: '电子信息',
  energy: '能源电力',
  environment: '资源环境',
  ecology: '生态农林',
  medicine: '医药卫生',
  pharmacy: '生物医药',
  agriculture: '现代农业',
  marine: '海洋工程',
  mechanical: '高端装备',
  civil: '土木建筑',
  mining: '矿业安全',
  petrochemical: '石油化工',
  aerospace: '航空航天',
};

const ALL_DOMAINS: readonly Domain[] = [
  'materials',
  'chemistry',
  'automation',
  'information',
  'energy',
  'environment',
  'ecology',
  'medicine',
  'pharmacy',
  'agriculture',
  'marine',
  'mechanical',
  'civil',
  'mining',
  'petrochemical',
  'aerospace',
];

/** The domain whose 所属领域 label this is; undefined for category C fields. */
export function domainOfLabel(label: string): Domain | undefined {
  return ALL_DOMAINS.find((d) => DOMAIN_LABELS[d] === label);
}

export const FIELDS_BY_TYPE: Readonly<Partial<Record<BaseTypeCode, readonly FieldEntry[]>>> = {
  A1: [
    ...f(
      'materials',
      '高性能金属材料',
      '轻质高强合金',
      '先进陶瓷材料',
      '材料表面工程',
      '金属腐蚀与防护',
      '特种钢冶金',
      '镁质功能材料',
    ),
    ...f('chemistry', '催化化学', '能源化学', '绿色化学合成', '分子光谱分析'),
    ...f('automation', '工业机器人', '流程工业综合自动化', '智能感知与控制'),
    ...f('information', '大数据计算与分析', '网络空间安全', '智能信息处理'),
    ...f('energy', '储能材料与技术', '氢能与燃料电池', '智能电网运行控制'),
    ...f('environment', '环境污染控制与修复', '工业固废资源化'),
    ...f('ecology', '森林生态', '土壤生态过程', '退化生态系统修复'),
    ...f('medicine', '肿瘤免疫', '神经退行性疾病', '心血管病分子机制', '出生缺陷防治'),
    ...f('pharmacy', '天然药物化学', '药物制剂新技术', '创新药物靶点'),
    ...f('agriculture', '玉米遗传育种', '设施园艺', '水产健康养殖', '农产品加工与安全'),
    ...f('marine', '海洋生物资源', '船舶与海洋工程', '海洋观测技术'),
    ...f('mechanical', '重大装备设计', '精密与特种加工', '高档数控机床'),
    ...f('civil', '工程结构抗震', '岩土工程'),
    ...f('mining', '煤矿灾害防治', '矿物加工', '矿山安全'),
    ...f('petrochemical', '石油化工催化', '重质油加工'),
    ...f('aerospace', '航空发动机结构强度', '飞行器复合材料'),
  ],
  B1: [
    ...f('mechanical', '智能制造', '轨道交通装备', '特种焊接', '风力发电装备', '精密传动'),
    ...f('automation', '工业机器人系统集成', '工业互联网', '智能检测装备'),
    ...f('materials', '绿色冶金', '钢铁智能制造', '先进铸造', '稀土功能材料'),
    ...f('energy', '储能电池', '智能电网装备', '高效节能电机'),
    ...f('chemistry', '煤化工', '精细化学品', '化工过程强化'),
    ...f('petrochemical', '石化催化剂', '炼油工艺'),
    ...f('information', '大数据应用', '医学影像设备', '信息安全'),
    ...f('pharmacy', '生物医药制剂', '中药现代化'),
    ...f('agriculture', '农产品精深加工', '现代种业'),
    ...f('marine', '海洋装备', '船舶绿色制造'),
    ...f('environment', '环境监测', '固体废物处理'),
    ...f('mining', '矿山装备', '煤炭清洁利用'),
    ...f('civil', '装配式建筑', '桥梁与隧道'),
    ...f('aerospace', '航空零部件制造'),
  ],
  B2: [
    ...f('marine', '海洋装备'),
    ...f('information', '人工智能'),
    ...f('automation', '机器人与智能制造'),
    ...f('materials', '先进材料'),
    ...f('pharmacy', '生物医药'),
    ...f('energy', '洁净能源'),
  ],
  B3: [
    ...f('materials', '先进钢铁材料', '镁质新材料', '有色金属深加工'),
    ...f('petrochemical', '石化新材料', '精细化工'),
    ...f('mechanical', '高端装备再制造', '重型装备'),
    ...f('marine', '船舶与海工装备'),
    ...f('automation', '集成电路装备'),
    ...f('energy', '输变电装备'),
  ],
  B4: [
    ...f(
      'mechanical',
      '精密轴承',
      '重型机械',
      '离心压缩机',
      '激光加工',
      '增材制造',
      '汽车零部件',
      '智能阀门',
      '冷链物流装备',
    ),
    ...f('energy', '特种变压器', '节能环保装备', '光伏材料'),
    ...f('information', '工业软件', '医疗软件', '光纤传感', '智能仪表'),
    ...f('automation', '工业控制系统', '智能传感器', '工业视觉'),
    ...f('materials', '耐火材料', '硼材料', '新型建材', '铝镁合金', '锌冶炼'),
    ...f('chemistry', '膜分离', '水处理药剂', '氟化工'),
    ...f('petrochemical', '油田化学品', '炼化节能'),
    ...f('agriculture', '生物饲料', '海参良种', '果蔬保鲜'),
    ...f('pharmacy', '中药饮片', '生物诊断试剂'),
    ...f('mining', '煤矸石综合利用', '尾矿资源化'),
    ...f('marine', '船舶配套'),
  ],
  B5: f(
    'medicine',
    '肺癌',
    '心血管疾病',
    '呼吸系统疾病',
    '消化系统疾病',
    '肾脏病',
    '内分泌代谢疾病',
    '妇产疾病',
    '儿童健康与疾病',
    '眼科疾病',
    '骨科疾病',
    '神经系统疾病',
    '老年疾病',
    '血液系统疾病',
    '乳腺癌',
    '感染性疾病',
    '口腔疾病',
  ),
};

/** Name suffix for each type, and for each legacy type (earlier rounds use legacy names). */
export const TYPE_SUFFIX: Readonly<Partial<Record<BaseTypeCode, string>>> = {
  A1: '重点实验室',
  B1: '工程研究中心',
  B2: '产业技术创新研究院',
  B3: '产业共性技术创新中心',
  B4: '专业技术创新中心',
  B5: '临床医学研究中心',
};

export const LEGACY_SUFFIX: Readonly<Partial<Record<LegacyTypeCode, string>>> = {
  keyLaboratory: '重点实验室',
  engineeringResearchCenter: '工程研究中心',
  engineeringLaboratory: '工程实验室',
  industrialGenericPlatform: '产业共性技术创新平台',
  engineeringTechnologyCenter: '工程技术研究中心',
  industrialSpecializedPlatform: '产业专业技术创新平台',
  clinicalResearchCenter: '临床医学研究中心',
};

/** Legacy types each new type takes in, with weights (B2 is new: no legacy type). */
export const LEGACY_SOURCES: Readonly<
  Partial<Record<BaseTypeCode, readonly [LegacyTypeCode, number][]>>
> = {
  A1: [['keyLaboratory', 1]],
  B1: [
    ['engineeringResearchCenter', 2],
    ['engineeringLaboratory', 1],
  ],
  B3: [['industrialGenericPlatform', 1]],
  B4: [
    ['engineeringTechnologyCenter', 3],
    ['industrialSpecializedPlatform', 1],
  ],
  B5: [['clinicalResearchCenter', 1]],
};

export type FixedBase = {
  type: 'C1' | 'C2' | 'C3';
  name: string;
  /** The name the base had before 2019. */
  legacyName: string;
  legacyType: LegacyTypeCode;
  host: string;
  city: CityName;
  field: string;
};

/** Category C platforms: few, each one named. */
export const FIXED_C_BASES: readonly FixedBase[] = [
  {
    type: 'C1',
    name: '辽宁省科技创新综合信息平台',
    legacyName: '辽宁省科技创新综合服务平台',
    legacyType: 'comprehensiveServicePlatform',
    host: '辽宁省科学技术情报研究所',
    city: '沈阳',
    field: '科技信息',
  },
  {
    type: 'C1',
    name: '辽宁省科技文献信息共享平台',
    legacyName: '辽宁省科技文献资源共享服务平台',
    legacyType: 'resourceSharingPlatform',
    host: '辽宁省科学技术情报研究所',
    city: '沈阳',
    field: '科技信息',
  },
  {
    type: 'C2',
    name: '辽宁省大型科学仪器共享服务平台',
    legacyName: '辽宁省大型科学仪器资源共享服务平台',
    legacyType: 'resourceSharingPlatform',
    host: '辽宁省分析科学研究院',
    city: '沈阳',
    field: '分析测试',
  },
  {
    type: 'C2',
    name: '辽宁省材料分析测试仪器共享服务平台',
    legacyName: '辽宁省材料测试资源共享服务平台',
    legacyType: 'resourceSharingPlatform',
    host: '中国科学院金属研究所',
    city: '沈阳',
    field: '分析测试',
  },
  {
    type: 'C2',
    name: '辽宁省化学化工仪器共享服务平台',
    legacyName: '辽宁省化学化工测试资源共享服务平台',
    legacyType: 'resourceSharingPlatform',
    host: '中国科学院大连化学物理研究所',
    city: '大连',
    field: '分析测试',
  },
  {
    type: 'C2',
    name: '辽宁省生物医药仪器共享服务平台',
    legacyName: '辽宁省生物医药检测资源共享服务平台',
    legacyType: 'resourceSharingPlatform',
    host: '中国医科大学',
    city: '沈阳',
    field: '分析测试',
  },
  {
    type: 'C2',
    name: '辽宁省海洋仪器设备共享服务平台',
    legacyName: '辽宁省海洋科技资源共享服务平台',
    legacyType: 'resourceSharingPlatform',
    host: '大连海事大学',
    city: '大连',
    field: '分析测试',
  },
  {
    type: 'C3',
    name: '东北科技大市场',
    legacyName: '辽宁省科技成果转化综合服务平台',
    legacyType: 'industrialServicePlatform',
    host: '辽宁省科技成果转化服务中心',
    city: '沈阳',
    field: '技术转移',
  },
  {
    type: 'C3',
    name: '东北科技大市场大连分市场',
    legacyName: '大连市产业技术创新综合服务平台',
    legacyType: 'industrialServicePlatform',
    host: '大连市技术转移中心',
    city: '大连',
    field: '技术转移',
  },
  {
    type: 'C3',
    name: '东北科技大市场鞍山分市场',
    legacyName: '鞍山市产业技术创新综合服务平台',
    legacyType: 'industrialServicePlatform',
    host: '鞍山市科技成果转化服务中心',
    city: '鞍山',
    field: '技术转移',
  },
];
