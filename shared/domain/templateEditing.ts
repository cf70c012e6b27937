// Editing an indicator system (评估指标体系) for a round: the edits the template editor
// offers (rename, re-weight, add or drop indicators) as pure functions over a working copy,
// the running sums the editor shows next to each primary, and the rule for saving: a frozen
// template (one issued in a round bundle) or a shared one (a built-in, or used by another
// round) is never changed, the change becomes a new record the round then points at.
import { BUILTIN_TEMPLATE_PREFIX } from './builtinTemplates';
import { TEMPLATE_TOTAL_POINTS, copyTemplate, validateTemplate } from './templates';
import type { TemplateProblem } from './templates';
import type {
  BaseTypeCode,
  IndicatorTemplate,
  PrimaryIndicator,
  SecondaryIndicator,
} from './types';

export { copyTemplate, validateTemplate, TEMPLATE_TOTAL_POINTS } from './templates';
export type { TemplateProblem } from './templates';

type IdDeps = { newId: () => string };

export function isBuiltinTemplate(template: Pick<IndicatorTemplate, 'id'>): boolean {
  return template.id.startsWith(BUILTIN_TEMPLATE_PREFIX);
}

export function isTemplateFrozen(template: Pick<IndicatorTemplate, 'frozenAt'>): boolean {
  return template.frozenAt !== undefined;
}

// ---- edits (each returns a new template; the input is never changed) ---------------------

const mapPrimaries = (
  template: IndicatorTemplate,
  edit: (primary: PrimaryIndicator) => PrimaryIndicator,
): IndicatorTemplate => ({ ...template, primaries: template.primaries.map(edit) });

const mapSecondaries = (
  template: IndicatorTemplate,
  secondaryId: string,
  edit: (secondary: SecondaryIndicator) => SecondaryIndicator,
): IndicatorTemplate =>
  mapPrimaries(template, (p) =>
    p.children.some((c) => c.id === secondaryId)
      ? { ...p, children: p.children.map((c) => (c.id === secondaryId ? edit(c) : c)) }
      : p,
  );

export function renameTemplate(template: IndicatorTemplate, name: string): IndicatorTemplate {
  return { ...template, name };
}

export function setTemplateNote(template: IndicatorTemplate, note: string): IndicatorTemplate {
  return { ...template, note };
}

/** Renames a primary or a secondary indicator (by id). */
export function renameIndicator(
  template: IndicatorTemplate,
  indicatorId: string,
  name: string,
): IndicatorTemplate {
  if (template.primaries.some((p) => p.id === indicatorId)) {
    return mapPrimaries(template, (p) => (p.id === indicatorId ? { ...p, name } : p));
  }
  return mapSecondaries(template, indicatorId, (c) => ({ ...c, name }));
}

/**
 * Sets the maximum points of a primary or a secondary indicator (by id). Only this one:
 * a primary's points and its secondaries' sum are both the clerk's to set, and the
 * editor shows where they differ rather than silently moving either.
 */
export function setIndicatorPoints(
  template: IndicatorTemplate,
  indicatorId: string,
  maxPoints: number,
): IndicatorTemplate {
  if (template.primaries.some((p) => p.id === indicatorId)) {
    return mapPrimaries(template, (p) => (p.id === indicatorId ? { ...p, maxPoints } : p));
  }
  return mapSecondaries(template, indicatorId, (c) => ({ ...c, maxPoints }));
}

/** Sets a primary's points to the sum of its secondaries (the editor's "按二级指标合计"). */
export function fitPrimaryToChildren(
  template: IndicatorTemplate,
  primaryId: string,
): IndicatorTemplate {
  return mapPrimaries(template, (p) =>
    p.id === primaryId ? { ...p, maxPoints: sumPoints(p.children) } : p,
  );
}

export function addSecondary(
  template: IndicatorTemplate,
  primaryId: string,
  deps: IdDeps,
  init: { name?: string; maxPoints?: number } = {},
): IndicatorTemplate {
  const child: SecondaryIndicator = {
    id: deps.newId(),
    name: init.name ?? '',
    maxPoints: init.maxPoints ?? 0,
  };
  return mapPrimaries(template, (p) =>
    p.id === primaryId ? { ...p, children: [...p.children, child] } : p,
  );
}

export function removeSecondary(
  template: IndicatorTemplate,
  secondaryId: string,
): IndicatorTemplate {
  return mapPrimaries(template, (p) => ({
    ...p,
    children: p.children.filter((c) => c.id !== secondaryId),
  }));
}

/** A new primary at the end, with one empty secondary (a primary needs at least one). */
export function addPrimary(
  template: IndicatorTemplate,
  deps: IdDeps,
  init: { name?: string; maxPoints?: number } = {},
): IndicatorTemplate {
  const maxPoints = init.maxPoints ?? 0;
  const primary: PrimaryIndicator = {
    id: deps.newId(),
    name: init.name ?? '',
    maxPoints,
    children: [{ id: deps.newId(), name: '', maxPoints }],
  };
  return { ...template, primaries: [...template.primaries, primary] };
}

export function removePrimary(template: IndicatorTemplate, primaryId: string): IndicatorTemplate {
  return { ...template, primaries: template.primaries.filter((p) => p.id !== primaryId) };
}

// ---- sums the editor shows ----------------------------------------------------------------

const finite = (x: number): number => (Number.isFinite(x) ? x : 0);
// Points move in half points, so sums of them are exact; the rounding only guards input
// such as 0.1 + 0.2 from showing as 0.30000000000000004.
const tidy = (x: number): number => Math.round(x * 1e6) / 1e6;

function sumPoints(indicators: readonly { maxPoints: number }[]): number {
  return tidy(indicators.reduce((sum, i) => sum + finite(i.maxPoints), 0));
}

export type PrimarySum = {
  primaryId: string;
  maxPoints: number;
  childSum: number;
  /** childSum − maxPoints: positive when the secondaries give more than the primary. */
  difference: number;
  isBalanced: boolean;
};

export type TemplateSums = {
  primaries: PrimarySum[];
  total: number;
  /** total − 100. */
  difference: number;
  isTotalBalanced: boolean;
};

export function templateSums(template: IndicatorTemplate): TemplateSums {
  const primaries = template.primaries.map((p) => {
    const childSum = sumPoints(p.children);
    const difference = tidy(childSum - finite(p.maxPoints));
    return {
      primaryId: p.id,
      maxPoints: p.maxPoints,
      childSum,
      difference,
      isBalanced: difference === 0,
    };
  });
  const total = sumPoints(template.primaries);
  const difference = tidy(total - TEMPLATE_TOTAL_POINTS);
  return { primaries, total, difference, isTotalBalanced: difference === 0 };
}

// ---- saving -------------------------------------------------------------------------------

/**
 * Problems of a template meant for a base type: validateTemplate's, plus the type check
 * (a key-lab system cannot be saved as the engineering centers' one).
 */
export function validateTemplateForType(
  template: IndicatorTemplate,
  baseType: BaseTypeCode,
): TemplateProblem[] {
  const problems = validateTemplate(template);
  if (template.baseType !== baseType) {
    problems.unshift({
      code: 'unknownBaseType',
      message: `该指标体系属于 ${template.baseType}，不能用于 ${baseType}`,
      path: 'baseType',
    });
  }
  return problems;
}

export type TemplateRevisionKind =
  /** Nothing to save: the edit matches the stored record. */
  | 'unchanged'
  /** A template not stored before (a fresh copy): saved as it is. */
  | 'created'
  /** Saved over the stored record: same id and version. */
  | 'updated'
  /** The stored one is frozen: a new record with version + 1, derivedFrom the old id. */
  | 'newVersion'
  /** The stored one is a built-in or used by another round: a new copy, version 1. */
  | 'newCopy';

export type TemplateRevision = { kind: TemplateRevisionKind; template: IndicatorTemplate };

export type ReviseTemplateResult =
  { ok: true; value: TemplateRevision } | { ok: false; problems: TemplateProblem[] };

export type ReviseContext = {
  /** The record stored under the edited template's id, if any. */
  stored: IndicatorTemplate | undefined;
  /** The base type the template is saved for. */
  baseType: BaseTypeCode;
  /** Whether a round other than the one being edited points at the stored record. */
  isUsedByOtherRounds: boolean;
};

const sameContent = (a: IndicatorTemplate, b: IndicatorTemplate): boolean =>
  a.name === b.name &&
  a.note === b.note &&
  a.source === b.source &&
  a.baseType === b.baseType &&
  JSON.stringify(a.primaries) === JSON.stringify(b.primaries);

const content = (t: IndicatorTemplate) => ({
  name: t.name.trim(),
  note: t.note,
  source: t.source,
  baseType: t.baseType,
  primaries: t.primaries.map((p) => ({
    id: p.id,
    name: p.name.trim(),
    maxPoints: p.maxPoints,
    children: p.children.map((c) => ({ id: c.id, name: c.name.trim(), maxPoints: c.maxPoints })),
  })),
});

/**
 * What saving an edited template writes. The rule: a template with frozenAt set is never
 * changed, nor is a built-in or a record another round uses. Such a change becomes a new
 * record (new id, derivedFrom the stored one; version + 1 after a freeze) and the caller
 * points the round at it. Refuses an invalid template with every problem.
 */
export function reviseTemplate(
  edited: IndicatorTemplate,
  context: ReviseContext,
  deps: IdDeps,
): ReviseTemplateResult {
  const problems = validateTemplateForType(edited, context.baseType);
  if (problems.length > 0) return { ok: false, problems };
  const { stored } = context;
  const next = content(edited);
  if (stored === undefined) {
    if (isBuiltinTemplate(edited)) {
      return { ok: true, value: { kind: 'newCopy', template: copyAs(edited, next, deps) } };
    }
    const created: IndicatorTemplate = { ...next, id: edited.id, version: edited.version };
    if (edited.derivedFrom !== undefined) created.derivedFrom = edited.derivedFrom;
    return { ok: true, value: { kind: 'created', template: created } };
  }
  if (sameContent({ ...stored, ...next }, stored)) {
    return { ok: true, value: { kind: 'unchanged', template: stored } };
  }
  if (isTemplateFrozen(stored)) {
    const { frozenAt: _frozen, ...rest } = stored;
    const template: IndicatorTemplate = {
      ...rest,
      ...next,
      id: deps.newId(),
      version: stored.version + 1,
      derivedFrom: stored.id,
    };
    return { ok: true, value: { kind: 'newVersion', template } };
  }
  if (isBuiltinTemplate(stored) || context.isUsedByOtherRounds) {
    return { ok: true, value: { kind: 'newCopy', template: copyAs(stored, next, deps) } };
  }
  return { ok: true, value: { kind: 'updated', template: { ...stored, ...next } } };
}

function copyAs(
  original: IndicatorTemplate,
  next: ReturnType<typeof content>,
  deps: IdDeps,
): IndicatorTemplate {
  return copyTemplate(original, deps, next);
}
