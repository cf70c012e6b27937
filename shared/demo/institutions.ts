// Host institutions (依托单位) for the demo roster and the institutions demo experts come
// from. Liaoning hosts are real organisations named in DOMAIN.md plus a few more so that
// every city of the roster has a host; `domains` say which fields a host plausibly works in.
import type { CityName } from '../domain/types';

export type InstitutionKind = 'university' | 'cas' | 'hospital' | 'enterprise' | 'agency';

export type Domain =
  | 'materials'
  | 'chemistry'
  | 'automation'
  | 'information'
  | 'energy'
  | 'environment'
  | 'ecology'
  | 'medicine'
  | 'pharmacy'
  | 'agriculture'
  | 'marine'
  | 'mechanical'
  | 'civil'
  | 'mining'
  | 'petrochemical'
  | 'aerospace';

/** Where an expert works: a Liaoning host or an institution outside the province. */
export type ExpertInstitution = {
  name: string;
  kind: InstitutionKind;
  domains: readonly Domain[];
};

export type Institution = ExpertInstitution & { city: CityName };

const inst = (
  name: string,
  city: CityName,
  kind: InstitutionKind,
  domains: readonly Domain[],
): Institution => ({ name, city, kind, domains });

export const HOSTS: readonly Institution[] = [
  // 沈阳
  inst('东北大学', '沈阳', 'university', [
    'materials',
    'automation',
    'information',
    'mining',
    'mechanical',
    'energy',
  ]),
  inst('中国医科大学', '沈阳', 'university', ['medicine', 'pharmacy']),
  inst('辽宁大学', '沈阳', 'university', ['chemistry', 'information', 'environment']),
  inst('沈阳药科大学', '沈阳', 'university', ['pharmacy']),
  inst('沈阳工业大学', '沈阳', 'university', ['mechanical', 'energy', 'materials']),
  inst('沈阳农业大学', '沈阳', 'university', ['agriculture', 'ecology']),
  inst('沈阳航空航天大学', '沈阳', 'university', ['aerospace', 'materials', 'mechanical']),
  inst('中国科学院金属研究所', '沈阳', 'cas', ['materials']),
  inst('中国科学院沈阳自动化研究所', '沈阳', 'cas', ['automation', 'information', 'marine']),
  inst('中国科学院沈阳应用生态研究所', '沈阳', 'cas', ['ecology', 'environment', 'agriculture']),
  inst('沈阳鼓风机集团股份有限公司', '沈阳', 'enterprise', ['mechanical', 'energy']),
  inst('沈阳新松机器人自动化股份有限公司', '沈阳', 'enterprise', ['automation', 'mechanical']),
  inst('东软集团股份有限公司', '沈阳', 'enterprise', ['information', 'medicine']),
  inst('特变电工沈阳变压器集团有限公司', '沈阳', 'enterprise', ['energy', 'mechanical']),
  inst('中国医科大学附属第一医院', '沈阳', 'hospital', ['medicine']),
  inst('中国医科大学附属盛京医院', '沈阳', 'hospital', ['medicine']),
  inst('辽宁省肿瘤医院', '沈阳', 'hospital', ['medicine']),
  inst('辽宁省人民医院', '沈阳', 'hospital', ['medicine']),
  // 大连
  inst('大连理工大学', '大连', 'university', [
    'materials',
    'chemistry',
    'mechanical',
    'civil',
    'marine',
    'energy',
    'information',
  ]),
  inst('大连海事大学', '大连', 'university', ['marine', 'information', 'mechanical']),
  inst('大连医科大学', '大连', 'university', ['medicine', 'pharmacy']),
  inst('大连工业大学', '大连', 'university', ['agriculture', 'chemistry']),
  inst('中国科学院大连化学物理研究所', '大连', 'cas', ['chemistry', 'energy', 'petrochemical']),
  inst('大连船舶重工集团有限公司', '大连', 'enterprise', ['marine', 'mechanical']),
  inst('大连华锐重工集团股份有限公司', '大连', 'enterprise', ['mechanical']),
  inst('瓦房店轴承集团有限责任公司', '大连', 'enterprise', ['mechanical']),
  inst('大连医科大学附属第一医院', '大连', 'hospital', ['medicine']),
  inst('大连医科大学附属第二医院', '大连', 'hospital', ['medicine']),
  // 其他地市
  inst('辽宁科技大学', '鞍山', 'university', ['materials', 'chemistry', 'mining']),
  inst('鞍钢集团有限公司', '鞍山', 'enterprise', ['materials', 'energy']),
  inst('辽宁石油化工大学', '抚顺', 'university', ['petrochemical', 'chemistry']),
  inst('中国石油抚顺石化公司', '抚顺', 'enterprise', ['petrochemical']),
  inst('本钢集团有限公司', '本溪', 'enterprise', ['materials']),
  inst('辽宁科技学院', '本溪', 'university', ['materials', 'mechanical']),
  inst('辽东学院', '丹东', 'university', ['agriculture', 'mechanical']),
  inst('丹东东方测控技术股份有限公司', '丹东', 'enterprise', ['automation', 'information']),
  inst('渤海大学', '锦州', 'university', ['chemistry', 'information', 'agriculture']),
  inst('锦州医科大学', '锦州', 'university', ['medicine', 'pharmacy']),
  inst('锦州医科大学附属第一医院', '锦州', 'hospital', ['medicine']),
  inst('营口理工学院', '营口', 'university', ['materials', 'mechanical']),
  inst('营口青花集团有限公司', '营口', 'enterprise', ['materials']),
  inst('辽宁工程技术大学', '阜新', 'university', ['mining', 'civil', 'energy']),
  inst('中国石油辽阳石化分公司', '辽阳', 'enterprise', ['petrochemical', 'chemistry']),
  inst('中国石油辽河油田分公司', '盘锦', 'enterprise', ['petrochemical', 'energy']),
  inst('大连理工大学盘锦产业技术研究院', '盘锦', 'cas', ['chemistry', 'petrochemical', 'marine']),
  inst('辽宁工程职业学院', '铁岭', 'university', ['mechanical', 'agriculture']),
  inst('辽宁省水土保持研究所', '朝阳', 'cas', ['ecology', 'environment', 'agriculture']),
  inst('渤海船舶重工有限责任公司', '葫芦岛', 'enterprise', ['marine', 'mechanical']),
  inst('葫芦岛锌业股份有限公司', '葫芦岛', 'enterprise', ['materials']),
  inst('辽宁中科沈抚科技创新研究院', '沈抚新区', 'cas', ['automation', 'materials', 'information']),
];

/** Experts from outside Liaoning, who never host a Liaoning base. */
const outside = (
  name: string,
  kind: InstitutionKind,
  domains: readonly Domain[],
): ExpertInstitution => ({
  name,
  kind,
  domains,
});

export const OUTSIDE_INSTITUTIONS: readonly ExpertInstitution[] = [
  outside('哈尔滨工业大学', 'university', ['materials', 'mechanical', 'aerospace', 'information']),
  outside('吉林大学', 'university', ['chemistry', 'medicine', 'materials']),
  outside('清华大学', 'university', ['energy', 'information', 'civil']),
  outside('天津大学', 'university', ['chemistry', 'petrochemical', 'mechanical']),
  outside('浙江大学', 'university', ['agriculture', 'information', 'medicine']),
  outside('上海交通大学', 'university', ['marine', 'mechanical', 'medicine']),
  outside('中国科学院过程工程研究所', 'cas', ['chemistry', 'environment']),
  outside('中国医学科学院肿瘤医院', 'hospital', ['medicine']),
  outside('北京协和医院', 'hospital', ['medicine']),
  outside('中国钢研科技集团有限公司', 'enterprise', ['materials']),
  outside('中国机械工业集团有限公司', 'enterprise', ['mechanical', 'automation']),
  outside('中国信息通信研究院', 'agency', ['information']),
];

/** The title an expert from this kind of institution usually holds. */
export const TITLE_BY_KIND: Readonly<Record<InstitutionKind, readonly string[]>> = {
  university: ['教授', '教授', '研究员'],
  cas: ['研究员'],
  hospital: ['主任医师', '主任医师', '教授'],
  enterprise: ['正高级工程师', '教授级高级工程师'],
  agency: ['研究员', '正高级工程师'],
};
