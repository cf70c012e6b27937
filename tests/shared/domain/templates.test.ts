import { describe, expect, it } from 'vitest';
import {
  builtinTemplateForType,
  copyTemplate,
  findPrimary,
  findSecondary,
  isTemplateValid,
  nextTemplateVersion,
  secondaryIndicators,
  templateMaxTotal,
  validateTemplate,
} from '../../../shared/domain/templates';
import type { IndicatorTemplate, PrimaryIndicator } from '../../../shared/domain/types';

function counterIds(): () => string {
  let n = 0;
  return () => `tpl-${++n}`;
}

/** An editable copy of the A1 system, changed by `edit`. */
function editedA1(edit: (primaries: PrimaryIndicator[]) => void): IndicatorTemplate {
  const copy = copyTemplate(builtinTemplateForType('A1'), { newId: counterIds() });
  edit(copy.primaries);
  return copy;
}

const codes = (template: IndicatorTemplate): string[] =>
  validateTemplate(template).map((p) => p.code);

describe('lookups', () => {
  it('flattens secondaries in display order with their primary id', () => {
    const flat = secondaryIndicators(builtinTemplateForType('A1'));
    expect(flat).toHaveLength(9);
    expect(flat[0]).toEqual({
      id: 'A1.1.1',
      name: '总体定位与研究方向',
      maxPoints: 10,
      primaryId: 'A1.1',
    });
    expect(flat[8]).toEqual({
      id: 'A1.3.3',
      name: '运行管理与依托单位支持',
      maxPoints: 7,
      primaryId: 'A1.3',
    });
  });

  it('finds a secondary or primary by id and nothing else', () => {
    const a1 = builtinTemplateForType('A1');
    expect(findSecondary(a1, 'A1.1.3')?.name).toBe('代表性研究成果');
    expect(findSecondary(a1, 'A1.1')).toBeUndefined();
    expect(findPrimary(a1, 'A1.2')?.name).toBe('队伍建设与人才培养');
    expect(findPrimary(a1, 'A1.2.1')).toBeUndefined();
  });

  it('reports the maximum a sheet can reach as the sum of secondary maxima', () => {
    const template = editedA1((p) => {
      const child = p[0]?.children[0];
      if (child) child.maxPoints = 12.5;
    });
    expect(templateMaxTotal(template)).toBe(102.5);
  });
});

describe('validateTemplate', () => {
  it('refuses the scenario edit (学术交流与合作 5, 代表性研究成果 26) until the points add up', () => {
    const template = editedA1((p) => {
      const research = p[0]?.children[2];
      const exchange = p[2]?.children[1];
      if (research) research.maxPoints = 26;
      if (exchange) exchange.maxPoints = 5;
    });
    expect(codes(template)).toEqual(['primarySumMismatch', 'primarySumMismatch']);
    const first = validateTemplate(template)[0];
    expect(first?.indicatorId).toBe('A1.1');
    expect(first?.path).toBe('primaries[0].maxPoints');
    expect(first?.message).toBe(
      '一级指标“研究水平与贡献”的分值（50）与其二级指标分值之和（51）不一致',
    );

    const fixed = editedA1((p) => {
      const research = p[0]?.children[2];
      const exchange = p[2]?.children[1];
      if (research) research.maxPoints = 26;
      if (exchange) exchange.maxPoints = 5;
      if (p[0]) p[0].maxPoints = 51;
      if (p[2]) p[2].maxPoints = 19;
    });
    expect(isTemplateValid(fixed)).toBe(true);
  });

  it('requires the total of primaries to be 100', () => {
    const template = editedA1((p) => {
      const primary = p[2];
      const child = primary?.children[0];
      if (primary && child) {
        primary.maxPoints = 21;
        child.maxPoints = 8;
      }
    });
    expect(codes(template)).toEqual(['totalNot100']);
    expect(validateTemplate(template)[0]?.message).toBe('指标体系总分须为 100，当前为 101');
  });

  it('requires every maximum to be positive and a multiple of 0.5', () => {
    const zero = editedA1((p) => {
      const c = p[0]?.children;
      if (c?.[0] && c[1]) {
        c[0].maxPoints = 0;
        c[1].maxPoints = 25;
      }
    });
    expect(codes(zero)).toEqual(['nonPositivePoints']);
    expect(validateTemplate(zero)[0]?.indicatorId).toBe('A1.1.1');

    const fraction = editedA1((p) => {
      const c = p[0]?.children;
      if (c?.[0] && c[1]) {
        c[0].maxPoints = 9.75;
        c[1].maxPoints = 15.25;
      }
    });
    expect(codes(fraction)).toEqual(['pointsNotOnStep', 'pointsNotOnStep']);

    const half = editedA1((p) => {
      const c = p[0]?.children;
      if (c?.[0] && c[1]) {
        c[0].maxPoints = 9.5;
        c[1].maxPoints = 15.5;
      }
    });
    expect(isTemplateValid(half)).toBe(true);
  });

  it('refuses NaN points without also reporting sums it cannot compute', () => {
    const template = editedA1((p) => {
      const c = p[1]?.children[0];
      if (c) c.maxPoints = Number.NaN;
    });
    expect(codes(template)).toEqual(['nonPositivePoints']);
  });

  it('requires ids to be unique across primaries and secondaries', () => {
    const template = editedA1((p) => {
      const c = p[1]?.children[0];
      if (c) c.id = 'A1.1';
    });
    const problems = validateTemplate(template);
    expect(problems.map((x) => x.code)).toEqual(['duplicateId']);
    expect(problems[0]?.path).toBe('primaries[1].children[0].id');
  });

  it('requires non-blank ids and names', () => {
    const template = editedA1((p) => {
      if (p[0]) p[0].name = '  ';
      const c = p[1]?.children[2];
      if (c) {
        c.name = '\u3000';
        c.id = '';
      }
    });
    expect(codes(template)).toEqual(['emptyName', 'emptyId', 'emptyName']);
    expect(codes({ ...builtinTemplateForType('B1'), name: ' ' })).toEqual(['emptyName']);
  });

  it('requires at least one primary, and at least one child under each', () => {
    expect(codes({ ...builtinTemplateForType('C3'), primaries: [] })).toEqual(['noPrimaries']);
    const childless = editedA1((p) => {
      if (p[2]) p[2].children = [];
    });
    expect(codes(childless)).toEqual(['noChildren']);
  });

  it('refuses an unknown base type', () => {
    const template = {
      ...builtinTemplateForType('C3'),
      baseType: 'D1',
    } as unknown as IndicatorTemplate;
    expect(codes(template)).toEqual(['unknownBaseType']);
  });
});

describe('copyTemplate', () => {
  it('makes an editable copy with a new id, derivedFrom, version 1 and no freeze', () => {
    const frozen = {
      ...builtinTemplateForType('B1'),
      version: 3,
      frozenAt: '2024-01-01T00:00:00.000Z',
    };
    const copy = copyTemplate(frozen, { newId: () => 'tpl-new' });
    expect(copy.id).toBe('tpl-new');
    expect(copy.derivedFrom).toBe('builtin-B1');
    expect(copy.version).toBe(1);
    expect('frozenAt' in copy).toBe(false);
    expect(copy.name).toBe('省工程研究中心评估指标体系（副本）');
    expect(copy.primaries).toEqual(frozen.primaries);
    expect(isTemplateValid(copy)).toBe(true);
  });

  it('lets the copy be edited without touching the original', () => {
    const original = builtinTemplateForType('B2');
    const copy = copyTemplate(original, { newId: counterIds() });
    const child = copy.primaries[0]?.children[0];
    if (child) child.maxPoints = 1;
    expect(original.primaries[0]?.children[0]?.maxPoints).toBe(10);
  });

  it('applies overrides', () => {
    const source = builtinTemplateForType('A1');
    const copy = copyTemplate(
      source,
      { newId: counterIds() },
      {
        name: '2019年度重点实验室指标',
        note: '秘书处调整',
        source: 'draft',
        primaries: source.primaries.slice(0, 1),
      },
    );
    expect(copy.name).toBe('2019年度重点实验室指标');
    expect(copy.note).toBe('秘书处调整');
    expect(copy.source).toBe('draft');
    expect(copy.primaries).toHaveLength(1);
    expect(codes(copy)).toEqual(['totalNot100']);
  });
});

describe('nextTemplateVersion', () => {
  it('makes a new record (new id, version + 1, linked to the old) and clears the freeze', () => {
    const issued = {
      ...copyTemplate(builtinTemplateForType('A1'), { newId: () => 'tpl-1' }),
      frozenAt: 'x',
    };
    const next = nextTemplateVersion(issued, { newId: () => 'tpl-2' });
    expect(next.id).toBe('tpl-2');
    expect(next.version).toBe(2);
    expect('frozenAt' in next).toBe(false);
    expect(next.derivedFrom).toBe('tpl-1');
    expect(issued).toMatchObject({ id: 'tpl-1', version: 1, frozenAt: 'x' });
    const child = next.primaries[0]?.children[0];
    if (child) child.maxPoints = 1;
    expect(issued.primaries[0]?.children[0]?.maxPoints).toBe(10);
  });

  it('works on a frozen built-in', () => {
    expect(
      nextTemplateVersion(builtinTemplateForType('C1'), { newId: () => 'c1-v2' }).version,
    ).toBe(2);
  });
});
