import { describe, expect, it } from 'vitest';
import {
  BASE_TYPES,
  CATEGORIES,
  CITIES,
  LEGACY_TYPES,
  baseTypeByCode,
  categoryByCode,
  categoryOfType,
  compactText,
  isBaseTypeCode,
  isCityName,
  legacyTypeByCode,
  legacyTypeByName,
  normaliseCityName,
  resolveBaseType,
} from '../../../shared/domain/taxonomy';

describe('categories and base types', () => {
  it('has the plan’s three categories with their Chinese names', () => {
    expect(CATEGORIES.map((c) => [c.code, c.nameZh])).toEqual([
      ['A', '科学与工程研究类'],
      ['B', '技术创新与成果转化类'],
      ['C', '基础支撑与条件保障类'],
    ]);
    expect(categoryByCode('B')?.nameZh).toBe('技术创新与成果转化类');
  });

  it('lists the nine base types in the plan’s table order with their categories', () => {
    expect(BASE_TYPES.map((t) => `${t.code}${t.category}${t.nameZh}`)).toEqual([
      'A1A省重点实验室',
      'B1B省工程研究中心',
      'B2B省产业技术创新研究院',
      'B3B省产业共性技术创新中心',
      'B4B省专业技术创新中心',
      'B5B省临床医学研究中心',
      'C1C省科技创新综合信息平台',
      'C2C省大型科学仪器共享服务平台',
      'C3C东北科技大市场',
    ]);
    expect(BASE_TYPES.every((t) => t.nameEn.length > 0)).toBe(true);
  });

  it('looks up a type and its category by code', () => {
    expect(baseTypeByCode('B5')).toEqual({
      code: 'B5',
      category: 'B',
      nameZh: '省临床医学研究中心',
      nameEn: 'Clinical medical research center',
    });
    expect(categoryOfType('A1')).toBe('A');
    expect(categoryOfType('B3')).toBe('B');
    expect(categoryOfType('C3')).toBe('C');
  });

  it('recognises only the nine codes as base type codes', () => {
    expect(BASE_TYPES.every((t) => isBaseTypeCode(t.code))).toBe(true);
    for (const x of ['A2', 'a1', 'B6', '', 'keyLaboratory', 1, null, undefined]) {
      expect(isBaseTypeCode(x)).toBe(false);
    }
  });

  it('cannot be changed in place by accident', () => {
    expect(() => {
      (BASE_TYPES[0] as { nameZh: string }).nameZh = 'x';
    }).toThrow(TypeError);
    expect(BASE_TYPES[0]?.nameZh).toBe('省重点实验室');
  });
});

describe('legacy types', () => {
  it('maps each of the ten legacy types where section 三 of the plan sends it', () => {
    const map = Object.fromEntries(
      LEGACY_TYPES.map((t) => [
        t.nameZh,
        `${t.destination.category}:${t.destination.candidateTypes.join(',')}`,
      ]),
    );
    expect(map).toEqual({
      重点实验室: 'A:A1',
      工程研究中心: 'B:B1',
      工程实验室: 'B:B1',
      产业共性技术创新平台: 'B:B3',
      工程技术研究中心: 'B:B4',
      产业专业技术创新平台: 'B:B4',
      临床医学研究中心: 'B:B5',
      科技创新资源共享服务平台: 'C:C1,C2,C3',
      科技创新综合服务平台: 'C:C1,C2,C3',
      产业技术创新综合服务平台: 'C:C1,C2,C3',
    });
    expect(LEGACY_TYPES.every((t) => t.note.length > 0 && t.nameEn.length > 0)).toBe(true);
  });

  it('finds a legacy type by code', () => {
    expect(legacyTypeByCode('engineeringLaboratory')?.nameZh).toBe('工程实验室');
  });

  it('finds legacy 工程技术研究中心 by name, with 省/辽宁省 prefixes and stray spaces', () => {
    for (const text of [
      '工程技术研究中心',
      ' 工程技术研究中心 ',
      '省工程技术研究中心',
      '辽宁省工程技术研究中心',
      '省级工程技术研究中心',
      '工程技术\u3000研究中心',
      '\u3000辽宁省 工程技术研究中心\t',
    ]) {
      expect(legacyTypeByName(text)?.code, text).toBe('engineeringTechnologyCenter');
    }
  });

  it('accepts the plan’s own short spellings 共性技术创新平台 and 专业技术创新平台', () => {
    expect(legacyTypeByName('共性技术创新平台')?.code).toBe('industrialGenericPlatform');
    expect(legacyTypeByName('专业技术创新平台')?.code).toBe('industrialSpecializedPlatform');
  });

  it('returns undefined for names it does not know', () => {
    for (const text of [
      '',
      '   ',
      '省',
      '实验室',
      '国家重点实验室',
      '省专业技术创新中心',
      'keyLaboratory',
    ]) {
      expect(legacyTypeByName(text), text).toBeUndefined();
    }
  });
});

describe('resolveBaseType', () => {
  it('accepts new type codes, in any case or width', () => {
    expect(resolveBaseType('B4')).toEqual({ type: 'B4', candidateTypes: ['B4'] });
    expect(resolveBaseType(' b4 ')).toEqual({ type: 'B4', candidateTypes: ['B4'] });
    expect(resolveBaseType('Ｃ２')).toEqual({ type: 'C2', candidateTypes: ['C2'] });
  });

  it('accepts new type names with or without the 省 prefix, without recording a legacy type', () => {
    expect(resolveBaseType('省专业技术创新中心')).toEqual({ type: 'B4', candidateTypes: ['B4'] });
    expect(resolveBaseType('专业技术创新中心')).toEqual({ type: 'B4', candidateTypes: ['B4'] });
    expect(resolveBaseType('辽宁省产业技术创新研究院')).toEqual({
      type: 'B2',
      candidateTypes: ['B2'],
    });
    expect(resolveBaseType('东北科技大市场')).toEqual({ type: 'C3', candidateTypes: ['C3'] });
    expect(resolveBaseType('省重点实验室')).toEqual({ type: 'A1', candidateTypes: ['A1'] });
  });

  it('maps legacy 工程技术研究中心 to B4 and remembers the legacy type', () => {
    expect(resolveBaseType('工程技术研究中心')).toEqual({
      type: 'B4',
      legacyType: 'engineeringTechnologyCenter',
      candidateTypes: ['B4'],
    });
  });

  it('reads the legacy names that equal a new name minus 省 as legacy', () => {
    expect(resolveBaseType('重点实验室')).toEqual({
      type: 'A1',
      legacyType: 'keyLaboratory',
      candidateTypes: ['A1'],
    });
    expect(resolveBaseType('工程研究中心')?.legacyType).toBe('engineeringResearchCenter');
    expect(resolveBaseType('临床医学研究中心')?.type).toBe('B5');
  });

  it('leaves the type open for legacy platforms that may go to any category C type', () => {
    const resolved = resolveBaseType('科技创新资源共享服务平台');
    expect(resolved).toEqual({
      legacyType: 'resourceSharingPlatform',
      candidateTypes: ['C1', 'C2', 'C3'],
    });
    expect(resolved && 'type' in resolved).toBe(false);
  });

  it('returns candidate lists the caller may change without touching the taxonomy', () => {
    const resolved = resolveBaseType('产业技术创新综合服务平台');
    resolved?.candidateTypes.pop();
    expect(
      LEGACY_TYPES.find((t) => t.code === 'industrialServicePlatform')?.destination.candidateTypes,
    ).toEqual(['C1', 'C2', 'C3']);
  });

  it('returns undefined for text that names no type', () => {
    for (const text of ['', ' ', 'D1', '国家重点实验室', '企业技术中心', '沈阳']) {
      expect(resolveBaseType(text), text).toBeUndefined();
    }
  });
});

describe('cities', () => {
  it('lists the 14 cities and 沈抚新区', () => {
    expect(CITIES).toHaveLength(15);
    expect(CITIES[0]).toBe('沈阳');
    expect(CITIES[13]).toBe('葫芦岛');
    expect(CITIES[14]).toBe('沈抚新区');
    expect(isCityName('大连')).toBe(true);
    expect(isCityName('大连市')).toBe(false);
    expect(isCityName('长春')).toBe(false);
  });

  it('normalises the ways rosters write a city', () => {
    expect(normaliseCityName('沈阳')).toBe('沈阳');
    expect(normaliseCityName('沈阳市')).toBe('沈阳');
    expect(normaliseCityName('辽宁省沈阳市')).toBe('沈阳');
    expect(normaliseCityName(' 辽宁 葫芦岛市\u3000')).toBe('葫芦岛');
    expect(normaliseCityName('朝阳市')).toBe('朝阳');
  });

  it('reads the Shenfu area’s names as 沈抚新区', () => {
    expect(normaliseCityName('沈抚新区')).toBe('沈抚新区');
    expect(normaliseCityName('沈抚改革创新示范区')).toBe('沈抚新区');
    expect(normaliseCityName('辽宁省沈抚示范区')).toBe('沈抚新区');
  });

  it('refuses cities outside Liaoning and finer places, so the row can be shown', () => {
    for (const text of ['长春市', '吉林省长春市', '大连市金州区', '', '市', '北京']) {
      expect(normaliseCityName(text), text).toBeUndefined();
    }
  });
});

describe('compactText', () => {
  it('removes every kind of space and folds full-width characters', () => {
    expect(compactText(' Ａ１\u3000 重点\t实验室\n')).toBe('A1重点实验室');
  });
});
