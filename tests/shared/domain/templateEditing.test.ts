import { describe, expect, it } from 'vitest';
import {
  addPrimary,
  addSecondary,
  copyTemplate,
  fitPrimaryToChildren,
  isBuiltinTemplate,
  removePrimary,
  removeSecondary,
  renameIndicator,
  renameTemplate,
  reviseTemplate,
  setIndicatorPoints,
  templateSums,
  validateTemplate,
  validateTemplateForType,
} from '../../../shared/domain/templateEditing';
import { builtinTemplateForType } from '../../../shared/domain/templates';
import type { IndicatorTemplate } from '../../../shared/domain/types';

function idGenerator(prefix: string): { newId: () => string } {
  let n = 0;
  return {
    newId: () => {
      n += 1;
      return `${prefix}-${n}`;
    },
  };
}

const a1 = builtinTemplateForType('A1');
const copyOfA1 = (): IndicatorTemplate => copyTemplate(a1, { newId: () => 'a1-copy' });

describe('editing a copy of a built-in', () => {
  it('renames the system and its indicators without touching the built-in', () => {
    let t = renameTemplate(copyOfA1(), '2024 重点实验室指标体系');
    t = renameIndicator(t, 'A1.1', '研究水平');
    t = renameIndicator(t, 'A1.3.2', '学术交流');
    expect(t.name).toBe('2024 重点实验室指标体系');
    expect(t.primaries[0]?.name).toBe('研究水平');
    expect(t.primaries[2]?.children[1]?.name).toBe('学术交流');
    expect(a1.primaries[0]?.name).toBe('研究水平与贡献');
    expect(validateTemplate(t)).toEqual([]);
  });

  it('shows the scenario edit out of balance until both primaries match (学术交流与合作 5, 代表性研究成果 26)', () => {
    let t = setIndicatorPoints(copyOfA1(), 'A1.3.2', 5);
    t = setIndicatorPoints(t, 'A1.1.3', 26);
    const sums = templateSums(t);
    expect(sums.primaries.map((p) => [p.childSum, p.maxPoints, p.difference])).toEqual([
      [51, 50, 1],
      [30, 30, 0],
      [19, 20, -1],
    ]);
    expect(sums.total).toBe(100);
    expect(sums.isTotalBalanced).toBe(true);
    expect(validateTemplate(t).map((p) => p.message)).toEqual([
      '一级指标“研究水平与贡献”的分值（50）与其二级指标分值之和（51）不一致',
      '一级指标“开放交流与运行管理”的分值（20）与其二级指标分值之和（19）不一致',
    ]);

    t = fitPrimaryToChildren(t, 'A1.1');
    t = fitPrimaryToChildren(t, 'A1.3');
    expect(templateSums(t).primaries.every((p) => p.isBalanced)).toBe(true);
    expect(templateSums(t).total).toBe(100);
    expect(validateTemplate(t)).toEqual([]);
  });

  it('adds and removes secondaries and primaries, and says when the total is off', () => {
    const ids = idGenerator('new');
    let t = addSecondary(copyOfA1(), 'A1.2', ids, { name: '青年人才', maxPoints: 4 });
    expect(t.primaries[1]?.children.map((c) => c.id)).toEqual([
      'A1.2.1',
      'A1.2.2',
      'A1.2.3',
      'new-1',
    ]);
    t = removeSecondary(t, 'A1.2.3');
    t = setIndicatorPoints(t, 'A1.2.4' /* not there: no change */, 1);
    t = setIndicatorPoints(t, 'new-1', 10);
    expect(templateSums(t).primaries[1]?.isBalanced).toBe(true);

    t = addPrimary(t, ids, { name: '社会服务', maxPoints: 10 });
    expect(t.primaries.map((p) => p.id)).toEqual(['A1.1', 'A1.2', 'A1.3', 'new-2']);
    expect(t.primaries[3]?.children).toEqual([{ id: 'new-3', name: '', maxPoints: 10 }]);
    expect(templateSums(t)).toMatchObject({ total: 110, difference: 10, isTotalBalanced: false });
    expect(validateTemplate(t).map((p) => p.code)).toEqual(['emptyName', 'totalNot100']);
    expect(validateTemplate(t).at(-1)?.message).toBe('指标体系总分须为 100，当前为 110');

    t = removePrimary(t, 'new-2');
    expect(validateTemplate(t)).toEqual([]);
  });

  it('reports a primary left without secondaries', () => {
    let t = copyOfA1();
    for (const id of ['A1.3.1', 'A1.3.2', 'A1.3.3']) t = removeSecondary(t, id);
    expect(validateTemplate(t).map((p) => p.message)).toEqual([
      '一级指标“开放交流与运行管理”至少需要一个二级指标',
    ]);
  });

  it('refuses a template saved for another base type', () => {
    expect(validateTemplateForType(copyOfA1(), 'B1').map((p) => p.message)).toEqual([
      '该指标体系属于 A1，不能用于 B1',
    ]);
  });
});

describe('reviseTemplate: what saving writes', () => {
  const context = (stored: IndicatorTemplate | undefined, isUsedByOtherRounds = false) => ({
    stored,
    baseType: 'A1' as const,
    isUsedByOtherRounds,
  });
  const edited = (t: IndicatorTemplate) =>
    fitPrimaryToChildren(setIndicatorPoints(t, 'A1.1.3', 30), 'A1.1');
  const balanced = (t: IndicatorTemplate) =>
    fitPrimaryToChildren(setIndicatorPoints(edited(t), 'A1.2.1', 5), 'A1.2');

  it('stores a fresh copy as it is', () => {
    const copy = renameTemplate(copyOfA1(), '  新体系 ');
    const result = reviseTemplate(copy, context(undefined), idGenerator('id'));
    expect(result).toMatchObject({
      ok: true,
      value: {
        kind: 'created',
        template: { id: 'a1-copy', version: 1, name: '新体系', derivedFrom: a1.id },
      },
    });
  });

  it('refuses an invalid template with every problem, writing nothing', () => {
    const result = reviseTemplate(edited(copyOfA1()), context(undefined), idGenerator('id'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.code)).toEqual(['totalNot100']);
  });

  it('saves over an unfrozen copy only this round uses', () => {
    const stored = copyOfA1();
    const result = reviseTemplate(balanced(stored), context(stored), idGenerator('id'));
    if (!result.ok) throw new Error('refused');
    expect(result.value.kind).toBe('updated');
    expect(result.value.template).toMatchObject({ id: 'a1-copy', version: 1 });
    expect(result.value.template.primaries[0]?.maxPoints).toBe(55);
  });

  it('never changes a frozen template: a new record, version + 1, derived from it, not frozen', () => {
    const stored: IndicatorTemplate = {
      ...copyOfA1(),
      version: 2,
      frozenAt: '2024-05-01T00:00:00Z',
    };
    const result = reviseTemplate(balanced(stored), context(stored), idGenerator('id'));
    if (!result.ok) throw new Error('refused');
    expect(result.value.kind).toBe('newVersion');
    expect(result.value.template).toMatchObject({ id: 'id-1', version: 3, derivedFrom: 'a1-copy' });
    expect(result.value.template.frozenAt).toBeUndefined();
    expect(stored.primaries[0]?.maxPoints).toBe(50);
  });

  it('never changes a built-in or a template another round uses: a new copy', () => {
    const builtin = reviseTemplate(balanced(a1), context(a1), idGenerator('id'));
    expect(builtin).toMatchObject({
      ok: true,
      value: { kind: 'newCopy', template: { id: 'id-1', version: 1, derivedFrom: 'builtin-A1' } },
    });
    expect(builtin.ok && builtin.value.template.name).toBe(a1.name);
    const shared = copyOfA1();
    const result = reviseTemplate(balanced(shared), context(shared, true), idGenerator('id'));
    expect(result).toMatchObject({
      ok: true,
      value: { kind: 'newCopy', template: { id: 'id-1', derivedFrom: 'a1-copy' } },
    });
  });

  it('writes nothing when the edit changed nothing (even for a frozen template)', () => {
    const stored: IndicatorTemplate = { ...copyOfA1(), frozenAt: '2024-05-01T00:00:00Z' };
    const result = reviseTemplate({ ...stored }, context(stored), idGenerator('id'));
    expect(result).toEqual({ ok: true, value: { kind: 'unchanged', template: stored } });
    expect(isBuiltinTemplate(a1)).toBe(true);
    expect(isBuiltinTemplate(stored)).toBe(false);
  });
});
