// The new-round wizard's core: the settings a secretariat fills in step by step, their
// checks (each problem tied to the wizard step that shows it), and the construction of the
// Round plus the indicator templates it needs stored. Also the same checks for editing a
// round's settings later, while it is still being set up.
import {
  DEFAULT_AGGREGATION,
  DEFAULT_AGREEMENT,
  createRound,
  defaultTemplateByType,
  validateRoundInput,
} from './round';
import type { RoundProblemCode } from './round';
import { DEFAULT_GRADE_BANDS, DEFAULT_QUOTAS } from './grading';
import { BUILTIN_TEMPLATES, validateTemplate } from './templates';
import { BASE_TYPE_CODES, baseTypeByCode } from './taxonomy';
import type {
  AggregationRule,
  AgreementSettings,
  BaseTypeCode,
  EvaluationType,
  GradeBand,
  IndicatorTemplate,
  QuotaRules,
  Round,
} from './types';

/** What the wizard collects; also what the 轮次设置 tab edits. */
export type RoundSetupInput = {
  name: string;
  year: number;
  evaluationType: EvaluationType;
  gradeBands: GradeBand[];
  quotas: QuotaRules;
  aggregation: AggregationRule;
  agreement: AgreementSettings;
  /** The template every base of a type is scored with. */
  templateByType: Record<BaseTypeCode, string>;
};

export const ROUND_SETUP_STEPS = ['basics', 'grading', 'aggregation', 'templates'] as const;
export type RoundSetupStep = (typeof ROUND_SETUP_STEPS)[number];

export type RoundSetupProblemCode =
  | RoundProblemCode
  | 'roundLocked'
  | 'duplicateName'
  | 'templateMissing'
  | 'templateWrongType'
  | 'templateInvalid';

export type RoundSetupProblem = {
  code: RoundSetupProblemCode;
  message: string;
  /** The input field, e.g. `name`, `quotas.excellentMaxShare`, `templateByType.A1`. */
  field: string;
  step: RoundSetupStep;
};

export type RoundSetupContext = {
  /** Templates the round may use: built-ins and stored ones. Default: the built-ins. */
  templates?: readonly IndicatorTemplate[];
  /** Rounds already stored, to refuse a second round with the same name and year. */
  existingRounds?: readonly Pick<Round, 'id' | 'name' | 'year'>[];
};

const EVALUATION_TYPE_NAMES: Readonly<Record<EvaluationType, string>> = {
  integration: '优化整合评估',
  periodic: '定期评估',
};

/** A name the wizard proposes: `2019年度省级科技创新基地优化整合评估`. */
export function suggestRoundName(year: number, evaluationType: EvaluationType): string {
  return `${year}年度省级科技创新基地${EVALUATION_TYPE_NAMES[evaluationType]}`;
}

/** The wizard's starting point: INDICATORS.md defaults and the built-in templates. */
export function defaultRoundSetup(year: number): RoundSetupInput {
  return {
    name: '',
    year,
    evaluationType: 'integration',
    gradeBands: DEFAULT_GRADE_BANDS.map((band) => ({ ...band })),
    quotas: { ...DEFAULT_QUOTAS },
    aggregation: { ...DEFAULT_AGGREGATION },
    agreement: { ...DEFAULT_AGREEMENT },
    templateByType: defaultTemplateByType(),
  };
}

/** A stored round's settings as wizard input (types without a template get the built-in). */
export function roundSetupOf(round: Round): RoundSetupInput {
  const templateByType = defaultTemplateByType();
  for (const type of BASE_TYPE_CODES) {
    const id = round.templateByType[type];
    if (id !== undefined) templateByType[type] = id;
  }
  return {
    name: round.name,
    year: round.year,
    evaluationType: round.evaluationType,
    gradeBands: round.gradeBands.map((band) => ({ ...band })),
    quotas: { ...round.quotas },
    aggregation: { ...round.aggregation },
    agreement: { ...round.agreement },
    templateByType,
  };
}

/** Templates of one type among those given, built-ins first, then by name. */
export function templatesOfType(
  type: BaseTypeCode,
  templates: readonly IndicatorTemplate[] = BUILTIN_TEMPLATES,
): IndicatorTemplate[] {
  const seen = new Set<string>();
  const isBuiltin = (t: IndicatorTemplate): number =>
    BUILTIN_TEMPLATES.some((b) => b.id === t.id) ? 0 : 1;
  return templates
    .filter((t) => {
      if (t.baseType !== type || seen.has(t.id)) return false;
      seen.add(t.id);
      return true;
    })
    .sort((a, b) => isBuiltin(a) - isBuiltin(b) || a.name.localeCompare(b.name, 'zh-CN'));
}

function stepOfField(field: string): RoundSetupStep {
  if (field.startsWith('gradeBands') || field.startsWith('quotas')) return 'grading';
  if (field.startsWith('aggregation') || field.startsWith('agreement')) return 'aggregation';
  if (field.startsWith('templateByType')) return 'templates';
  return 'basics';
}

function templateProblems(
  input: RoundSetupInput,
  templates: readonly IndicatorTemplate[],
): RoundSetupProblem[] {
  const byId = new Map(templates.map((t) => [t.id, t]));
  const problems: RoundSetupProblem[] = [];
  for (const type of BASE_TYPE_CODES) {
    const field = `templateByType.${type}`;
    const typeName = `${type} ${baseTypeByCode(type).nameZh}`;
    const id = input.templateByType[type];
    const template = typeof id === 'string' ? byId.get(id) : undefined;
    if (template === undefined) {
      problems.push({
        code: 'templateMissing',
        message: `请为“${typeName}”选择指标体系`,
        field,
        step: 'templates',
      });
    } else if (template.baseType !== type) {
      problems.push({
        code: 'templateWrongType',
        message: `“${template.name}”是 ${template.baseType} 的指标体系，不能用于“${typeName}”`,
        field,
        step: 'templates',
      });
    } else {
      const first = validateTemplate(template)[0];
      if (first !== undefined) {
        problems.push({
          code: 'templateInvalid',
          message: `“${typeName}”选用的指标体系“${template.name}”有误：${first.message}`,
          field,
          step: 'templates',
        });
      }
    }
  }
  return problems;
}

/** Problems of everything but the templates; `excludeRoundId` is the round being edited. */
function settingsProblems(
  input: RoundSetupInput,
  context: RoundSetupContext,
  excludeRoundId?: string,
): RoundSetupProblem[] {
  const problems: RoundSetupProblem[] = validateRoundInput(input).map((p) => ({
    ...p,
    step: stepOfField(p.field),
  }));
  const name = typeof input.name === 'string' ? input.name.trim() : '';
  const duplicate = (context.existingRounds ?? []).find(
    (r) => r.id !== excludeRoundId && r.name.trim() === name && r.year === input.year,
  );
  if (name !== '' && duplicate !== undefined) {
    problems.push({
      code: 'duplicateName',
      message: `已有同名的 ${input.year} 年度评估轮次“${name}”，请换一个名称`,
      field: 'name',
      step: 'basics',
    });
  }
  return problems;
}

/**
 * Every problem of the wizard's input, each with the step that shows it; empty when the
 * round can be created.
 */
export function validateRoundSetup(
  input: RoundSetupInput,
  context: RoundSetupContext = {},
): RoundSetupProblem[] {
  return [
    ...settingsProblems(input, context),
    ...templateProblems(input, context.templates ?? BUILTIN_TEMPLATES),
  ];
}

function cloneTemplate(template: IndicatorTemplate): IndicatorTemplate {
  return {
    ...template,
    primaries: template.primaries.map((p) => ({
      ...p,
      children: p.children.map((c) => ({ ...c })),
    })),
  };
}

/** The problems the given step shows (the wizard refuses "next" while there are any). */
export function problemsOfStep(
  problems: readonly RoundSetupProblem[],
  step: RoundSetupStep,
): RoundSetupProblem[] {
  return problems.filter((p) => p.step === step);
}

export type BuiltRound = { round: Round; templates: IndicatorTemplate[] };

export type RoundSetupResult =
  { ok: true; value: BuiltRound } | { ok: false; problems: RoundSetupProblem[] };

/**
 * A new round in `setup` from the wizard's input, with copies of the templates it points
 * at (to store alongside it; addRound keeps ones already stored as they are). Refuses with
 * every problem when the input is not valid.
 */
export function buildRound(
  input: RoundSetupInput,
  deps: { now: () => string; newId: () => string },
  context: RoundSetupContext = {},
): RoundSetupResult {
  const problems = validateRoundSetup(input, context);
  if (problems.length > 0) return { ok: false, problems };
  const available = context.templates ?? BUILTIN_TEMPLATES;
  const round = createRound(
    {
      name: input.name,
      year: input.year,
      evaluationType: input.evaluationType,
      gradeBands: input.gradeBands,
      quotas: input.quotas,
      aggregation: input.aggregation,
      agreement: input.agreement,
      templateByType: { ...input.templateByType },
    },
    deps,
  );
  const ids = new Set(Object.values(round.templateByType));
  const templates = available
    .filter((t) => ids.has(t.id))
    .filter((t, i, all) => all.findIndex((other) => other.id === t.id) === i)
    .map(cloneTemplate);
  return { ok: true, value: { round, templates } };
}

export type RoundSettingsResult =
  { ok: true; value: Round } | { ok: false; problems: RoundSetupProblem[] };

/**
 * A stored round with edited settings (name, year, type, grades, quotas, aggregation,
 * agreement). Templates are not changed here (templateRepository does that), nor are
 * id, status or createdAt. Refuses once the round has left `setup` or is an archive.
 */
export function reviseRoundSettings(
  round: Round,
  input: RoundSetupInput,
  context: RoundSetupContext = {},
): RoundSettingsResult {
  if (round.archive !== undefined || round.status !== 'setup') {
    return {
      ok: false,
      problems: [
        {
          code: 'roundLocked',
          message: '只有筹备中的评估轮次才能修改设置（任务包下发后设置即锁定）',
          field: 'status',
          step: 'basics',
        },
      ],
    };
  }
  const problems = settingsProblems(input, context, round.id);
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      ...round,
      name: input.name.trim(),
      year: input.year,
      evaluationType: input.evaluationType,
      gradeBands: input.gradeBands.map((band) => ({ ...band })),
      quotas: { ...input.quotas },
      aggregation: { ...input.aggregation },
      agreement: { ...input.agreement },
    },
  };
}
