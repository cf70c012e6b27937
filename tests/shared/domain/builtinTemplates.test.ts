import { describe, expect, it } from 'vitest';
import { BASE_TYPES } from '../../../shared/domain/taxonomy';
import {
  BUILTIN_TEMPLATES,
  builtinTemplateById,
  builtinTemplateForType,
  builtinTemplateId,
  secondaryIndicators,
  templateMaxTotal,
  validateTemplate,
} from '../../../shared/domain/templates';
import type { IndicatorTemplate } from '../../../shared/domain/types';

/** `name pts` of each primary, and of its children, as INDICATORS.md writes them. */
function outline(template: IndicatorTemplate): string[] {
  return template.primaries.map(
    (p) =>
      `${p.name} ${p.maxPoints} | ${p.children.map((c) => `${c.name} ${c.maxPoints}`).join('; ')}`,
  );
}

describe('BUILTIN_TEMPLATES', () => {
  it('has one default template per base type plus the Ministry of Education key-lab variant', () => {
    expect(BUILTIN_TEMPLATES.map((t) => t.id)).toEqual([
      'builtin-A1',
      'builtin-A1-moe',
      'builtin-B1',
      'builtin-B2',
      'builtin-B3',
      'builtin-B4',
      'builtin-B5',
      'builtin-C1',
      'builtin-C2',
      'builtin-C3',
    ]);
    for (const type of BASE_TYPES) {
      expect(builtinTemplateForType(type.code).baseType).toBe(type.code);
      expect(builtinTemplateForType(type.code).id).toBe(builtinTemplateId(type.code));
    }
  });

  it('every built-in template sums to 100 and validates', () => {
    for (const template of BUILTIN_TEMPLATES) {
      expect(validateTemplate(template), template.id).toEqual([]);
      expect(templateMaxTotal(template), template.id).toBe(100);
      expect(template.version).toBe(1);
      expect(template.note.length).toBeGreaterThan(0);
    }
  });

  it('gives A1 the published national key-lab weights 50/30/20', () => {
    const a1 = builtinTemplateForType('A1');
    expect(a1.source).toBe('published');
    expect(outline(a1)).toEqual([
      '研究水平与贡献 50 | 总体定位与研究方向 10; 承担任务与经费 15; 代表性研究成果 25',
      '队伍建设与人才培养 30 | 队伍结构与团队建设 10; 实验室主任与学术带头人 10; 人才培养 10',
      '开放交流与运行管理 20 | 仪器设备开放共享 7; 学术交流与合作 6; 运行管理与依托单位支持 7',
    ]);
  });

  it('offers the Ministry of Education variant 40/20/20/20, marked as a draft split', () => {
    const moe = builtinTemplateById('builtin-A1-moe');
    expect(moe?.baseType).toBe('A1');
    expect(moe?.source).toBe('draft');
    expect(moe?.primaries.map((p) => `${p.name} ${p.maxPoints}`)).toEqual([
      '研究水平与贡献 40',
      '研究队伍建设 20',
      '学科发展与人才培养 20',
      '开放与运行管理 20',
    ]);
    expect(moe?.note).toContain('40/20/20/20');
    expect(moe?.note).toContain('草拟');
  });

  it('gives B1 the published engineering-center weights 35/45/20', () => {
    const b1 = builtinTemplateForType('B1');
    expect(b1.source).toBe('published');
    expect(outline(b1)).toEqual([
      '实力与能力 35 | 研发经费投入 6; 人才与队伍 9; 工程化技术条件 9; 科技活动 7; 资产 4',
      '产出与贡献 45 | 收入 10; 科技成果 15; 行业贡献度 20',
      '体制与规划 20 | 体制与机制 12; 规划与目标 8',
    ]);
  });

  it('marks B5 as a draft whose note says which part is published', () => {
    const b5 = builtinTemplateForType('B5');
    expect(b5.source).toBe('draft');
    expect(b5.note).toContain('建设水平 25');
    expect(b5.note).toContain('科研产出 45');
    expect(b5.note).toContain('推广应用与辐射 30 为草拟');
    expect(outline(b5)).toEqual([
      '建设水平 25 | 中心建设 10; 协同网络建设 10; 发展潜力 5',
      '科研产出 45 | 协同研究 15; 临床转化 20; 学术地位 10',
      '推广应用与辐射 30 | 适宜技术推广与培训 15; 基层辐射带动 15',
    ]);
  });

  it('marks the derived systems of B2–B4 and C1–C3 as drafts', () => {
    for (const type of ['B2', 'B3', 'B4', 'C1', 'C2', 'C3'] as const) {
      expect(builtinTemplateForType(type).source, type).toBe('draft');
    }
  });

  it('carries the INDICATORS.md primary weights of the draft systems', () => {
    const weights = (type: 'B2' | 'B3' | 'B4' | 'C1' | 'C2' | 'C3'): number[] =>
      builtinTemplateForType(type).primaries.map((p) => p.maxPoints);
    expect(weights('B2')).toEqual([30, 30, 20, 20]);
    expect(weights('B3')).toEqual([35, 30, 20, 15]);
    expect(weights('B4')).toEqual([35, 30, 20, 15]);
    expect(weights('C1')).toEqual([30, 35, 20, 15]);
    expect(weights('C2')).toEqual([25, 35, 15, 25]);
    expect(weights('C3')).toEqual([35, 20, 25, 20]);
    expect(outline(builtinTemplateForType('C3'))[1]).toBe('科技金融服务 20 | 融资匹配与投资 20');
    expect(outline(builtinTemplateForType('B4'))[1]).toBe(
      '成果转移转化与产业化 30 | 转化项目与收益 18; 应用示范 12',
    );
  });

  it('uses stable indicator ids, unique across all built-ins', () => {
    expect(builtinTemplateForType('A1').primaries[0]?.id).toBe('A1.1');
    expect(builtinTemplateForType('A1').primaries[0]?.children[1]?.id).toBe('A1.1.2');
    expect(builtinTemplateById('builtin-A1-moe')?.primaries[3]?.children[2]?.id).toBe('A1-moe.4.3');
    const all = BUILTIN_TEMPLATES.flatMap((t) => [
      ...t.primaries.map((p) => p.id),
      ...secondaryIndicators(t).map((s) => s.id),
    ]);
    expect(new Set(all).size).toBe(all.length);
  });

  it('refuses to be edited in place (copy first)', () => {
    const a1 = builtinTemplateForType('A1');
    expect(() => {
      a1.primaries.push({ id: 'x', name: 'x', maxPoints: 1, children: [] });
    }).toThrow(TypeError);
    expect(() => {
      const child = a1.primaries[0]?.children[0];
      if (child) child.maxPoints = 99;
    }).toThrow(TypeError);
    expect(templateMaxTotal(builtinTemplateForType('A1'))).toBe(100);
  });
});
