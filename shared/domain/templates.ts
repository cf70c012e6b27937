// Indicator systems: lookups over the built-ins, the structural rules a template must
// satisfy before a round can use it (points add up to 100, half-point steps, unique ids),
// and the copy/version operations a secretariat uses to adapt one.
import { BUILTIN_TEMPLATES, builtinTemplateId } from './builtinTemplates';
import { isBaseTypeCode } from './taxonomy';
import type {
  BaseTypeCode,
  IndicatorTemplate,
  PrimaryIndicator,
  SecondaryIndicator,
} from './types';

export { BUILTIN_TEMPLATES, BUILTIN_TEMPLATE_PREFIX, builtinTemplateId } from './builtinTemplates';

/** Every template totals this many points. */
export const TEMPLATE_TOTAL_POINTS = 100;
/** Indicator maxima (and scores) move in half points. */
export const POINTS_STEP = 0.5;

/**
 * The default built-in template for a type (`builtin-<type>`). The result is frozen and
 * shared; copy it with copyTemplate to edit.
 */
export function builtinTemplateForType(type: BaseTypeCode): IndicatorTemplate {
  const id = builtinTemplateId(type);
  const template = BUILTIN_TEMPLATES.find((t) => t.id === id);
  if (!template) throw new Error(`No built-in template for base type ${type}`);
  return template;
}

export function builtinTemplateById(id: string): IndicatorTemplate | undefined {
  return BUILTIN_TEMPLATES.find((t) => t.id === id);
}

export type FlatSecondaryIndicator = SecondaryIndicator & { primaryId: string };

/** Secondary indicators in display order, each with the id of its primary. */
export function secondaryIndicators(template: IndicatorTemplate): FlatSecondaryIndicator[] {
  return template.primaries.flatMap((p) => p.children.map((c) => ({ ...c, primaryId: p.id })));
}

export function findSecondary(
  template: IndicatorTemplate,
  indicatorId: string,
): FlatSecondaryIndicator | undefined {
  return secondaryIndicators(template).find((s) => s.id === indicatorId);
}

export function findPrimary(
  template: IndicatorTemplate,
  indicatorId: string,
): PrimaryIndicator | undefined {
  return template.primaries.find((p) => p.id === indicatorId);
}

/**
 * The most a scoresheet can reach: the sum of the secondary maxima (what experts score).
 * Equals 100 for a valid template.
 */
export function templateMaxTotal(template: IndicatorTemplate): number {
  return secondaryIndicators(template).reduce((sum, s) => sum + s.maxPoints, 0);
}

// ---- validation -----------------------------------------------------------------------

export type TemplateProblemCode =
  | 'emptyName'
  | 'emptyId'
  | 'duplicateId'
  | 'unknownBaseType'
  | 'noPrimaries'
  | 'noChildren'
  | 'nonPositivePoints'
  | 'pointsNotOnStep'
  | 'primarySumMismatch'
  | 'totalNot100';

export type TemplateProblem = {
  code: TemplateProblemCode;
  message: string;
  /** Where the problem is, e.g. `primaries[0].children[2].maxPoints`. */
  path: string;
  indicatorId?: string;
};

const isBlank = (text: unknown): boolean => typeof text !== 'string' || text.trim() === '';
const isNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
// Exact for any realistic value: multiples of 0.5 are exact in binary floating point.
const sameTotal = (a: number, b: number): boolean => Math.abs(a - b) < 1e-9;

function checkPoints(
  points: unknown,
  label: string,
  path: string,
  indicatorId: string,
): TemplateProblem[] {
  if (!isNumber(points) || points <= 0) {
    return [{ code: 'nonPositivePoints', message: `${label}的分值须大于 0`, path, indicatorId }];
  }
  if (!Number.isInteger(points / POINTS_STEP)) {
    return [
      {
        code: 'pointsNotOnStep',
        message: `${label}的分值（${points}）须为 ${POINTS_STEP} 的整数倍`,
        path,
        indicatorId,
      },
    ];
  }
  return [];
}

function checkIndicatorId(
  id: unknown,
  label: string,
  path: string,
  seen: Set<string>,
): TemplateProblem[] {
  if (typeof id !== 'string' || id.trim() === '') {
    return [{ code: 'emptyId', message: `${label}缺少编号`, path }];
  }
  if (seen.has(id)) {
    return [{ code: 'duplicateId', message: `指标编号“${id}”重复`, path, indicatorId: id }];
  }
  seen.add(id);
  return [];
}

/** Every rule a template breaks; empty when the template can be used in a round. */
export function validateTemplate(template: IndicatorTemplate): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  if (isBlank(template.name)) {
    problems.push({ code: 'emptyName', message: '指标体系名称不能为空', path: 'name' });
  }
  if (!isBaseTypeCode(template.baseType)) {
    problems.push({ code: 'unknownBaseType', message: '未知的基地类型', path: 'baseType' });
  }
  if (template.primaries.length === 0) {
    problems.push({
      code: 'noPrimaries',
      message: '指标体系至少需要一个一级指标',
      path: 'primaries',
    });
  }

  const seen = new Set<string>();
  let total = 0;
  template.primaries.forEach((primary, i) => {
    const path = `primaries[${i}]`;
    const label = isBlank(primary.name)
      ? `第 ${i + 1} 个一级指标`
      : `一级指标“${primary.name.trim()}”`;
    const id = primary.id;
    problems.push(...checkIndicatorId(id, label, `${path}.id`, seen));
    if (isBlank(primary.name)) {
      problems.push({
        code: 'emptyName',
        message: `${label}名称不能为空`,
        path: `${path}.name`,
        indicatorId: id,
      });
    }
    const primaryPointProblems = checkPoints(primary.maxPoints, label, `${path}.maxPoints`, id);
    problems.push(...primaryPointProblems);
    if (isNumber(primary.maxPoints)) total += primary.maxPoints;

    if (primary.children.length === 0) {
      problems.push({
        code: 'noChildren',
        message: `${label}至少需要一个二级指标`,
        path: `${path}.children`,
        indicatorId: id,
      });
      return;
    }
    let childSum = 0;
    let childrenAreNumbers = true;
    primary.children.forEach((child, j) => {
      const childPath = `${path}.children[${j}]`;
      const childLabel = isBlank(child.name)
        ? `${label}下第 ${j + 1} 个二级指标`
        : `二级指标“${child.name.trim()}”`;
      problems.push(...checkIndicatorId(child.id, childLabel, `${childPath}.id`, seen));
      if (isBlank(child.name)) {
        problems.push({
          code: 'emptyName',
          message: `${childLabel}名称不能为空`,
          path: `${childPath}.name`,
          indicatorId: child.id,
        });
      }
      problems.push(
        ...checkPoints(child.maxPoints, childLabel, `${childPath}.maxPoints`, child.id),
      );
      if (isNumber(child.maxPoints)) childSum += child.maxPoints;
      else childrenAreNumbers = false;
    });
    if (
      childrenAreNumbers &&
      isNumber(primary.maxPoints) &&
      !sameTotal(childSum, primary.maxPoints)
    ) {
      problems.push({
        code: 'primarySumMismatch',
        message: `${label}的分值（${primary.maxPoints}）与其二级指标分值之和（${childSum}）不一致`,
        path: `${path}.maxPoints`,
        indicatorId: id,
      });
    }
  });

  if (template.primaries.length > 0 && !sameTotal(total, TEMPLATE_TOTAL_POINTS)) {
    problems.push({
      code: 'totalNot100',
      message: `指标体系总分须为 ${TEMPLATE_TOTAL_POINTS}，当前为 ${total}`,
      path: 'primaries',
    });
  }
  return problems;
}

export function isTemplateValid(template: IndicatorTemplate): boolean {
  return validateTemplate(template).length === 0;
}

// ---- copies and versions ----------------------------------------------------------------

export type TemplateOverrides = Partial<
  Pick<IndicatorTemplate, 'name' | 'note' | 'source' | 'baseType' | 'primaries'>
>;

function clonePrimaries(primaries: readonly PrimaryIndicator[]): PrimaryIndicator[] {
  return primaries.map((p) => ({
    id: p.id,
    name: p.name,
    maxPoints: p.maxPoints,
    children: p.children.map((c) => ({ id: c.id, name: c.name, maxPoints: c.maxPoints })),
  }));
}

/**
 * A secretariat's editable copy: new id, version 1, not frozen, `derivedFrom` the
 * original. Indicator ids are kept so the copy's indicators still line up with the
 * original's in comparisons. The name gets （副本） unless overridden.
 */
export function copyTemplate(
  template: IndicatorTemplate,
  deps: { newId: () => string },
  overrides: TemplateOverrides = {},
): IndicatorTemplate {
  return {
    id: deps.newId(),
    version: 1,
    baseType: overrides.baseType ?? template.baseType,
    name: overrides.name ?? `${template.name}（副本）`,
    source: overrides.source ?? template.source,
    note: overrides.note ?? template.note,
    primaries: clonePrimaries(overrides.primaries ?? template.primaries),
    derivedFrom: template.id,
  };
}

/**
 * The next version of a template, to change one whose current version was issued
 * (frozen) in a bundle: version + 1, not frozen, and a NEW id, so every stored version is
 * its own immutable record (the database keys templates by id) and scoresheets made with
 * the older version keep pointing at exactly the indicators they were scored on.
 * `derivedFrom` links the new version to the one it replaces.
 */
export function nextTemplateVersion(
  template: IndicatorTemplate,
  deps: { newId: () => string },
): IndicatorTemplate {
  const { frozenAt: _frozenAt, ...rest } = template;
  return {
    ...rest,
    id: deps.newId(),
    version: template.version + 1,
    derivedFrom: template.id,
    primaries: clonePrimaries(template.primaries),
  };
}
