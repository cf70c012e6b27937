// An evaluation round's settings: defaults from INDICATORS.md (grade bands, quotas,
// trimmed-mean rule, disagreement threshold), creation, and the checks a round's input
// must pass before it is saved.
import { builtinTemplateId } from './builtinTemplates';
import { AGGREGATION_METHODS, DEFAULT_AGGREGATION_RULE } from './aggregation';
import { deepFreeze } from './freeze';
import { DEFAULT_GRADE_BANDS, DEFAULT_QUOTAS, validateGradeBands } from './grading';
import type { GradeBandIssueCode } from './grading';
import { isBaseTypeCode } from './taxonomy';
import type {
  AggregationRule,
  AgreementSettings,
  BaseTypeCode,
  EvaluationType,
  GradeBand,
  QuotaRules,
  Round,
} from './types';

// The grade and aggregation defaults are defined once, next to the code that applies them
// (grading.ts, aggregation.ts), and re-exported here under the round's names.
export { DEFAULT_GRADE_BANDS, DEFAULT_QUOTAS } from './grading';
/** Drop one highest and one lowest score once a base has 5 valid sheets. */
export const DEFAULT_AGGREGATION: Readonly<AggregationRule> = DEFAULT_AGGREGATION_RULE;

export const DEFAULT_AGREEMENT: Readonly<AgreementSettings> = deepFreeze({
  disagreementRange: 15,
});

export const ROUND_YEAR_MIN = 2000;
export const ROUND_YEAR_MAX = 2100;

export type RoundInput = {
  name: string;
  year: number;
  evaluationType: EvaluationType;
  gradeBands?: readonly GradeBand[];
  quotas?: QuotaRules;
  aggregation?: AggregationRule;
  agreement?: AgreementSettings;
  /** Overrides per type; types not named keep their built-in default template. */
  templateByType?: Partial<Record<BaseTypeCode, string>>;
  isDemo?: boolean;
};

/** Every type mapped to its default built-in template (`builtin-<type>`). */
export function defaultTemplateByType(): Record<BaseTypeCode, string> {
  const id = builtinTemplateId;
  return {
    A1: id('A1'),
    B1: id('B1'),
    B2: id('B2'),
    B3: id('B3'),
    B4: id('B4'),
    B5: id('B5'),
    C1: id('C1'),
    C2: id('C2'),
    C3: id('C3'),
  };
}

/** A new round in `setup`. Does not validate: call validateRoundInput first. */
export function createRound(
  input: RoundInput,
  deps: { now: () => string; newId: () => string },
): Round {
  const round: Round = {
    id: deps.newId(),
    name: input.name.trim(),
    year: input.year,
    evaluationType: input.evaluationType,
    gradeBands: (input.gradeBands ?? DEFAULT_GRADE_BANDS).map((b) => ({ ...b })),
    quotas: { ...(input.quotas ?? DEFAULT_QUOTAS) },
    aggregation: { ...(input.aggregation ?? DEFAULT_AGGREGATION) },
    agreement: { ...(input.agreement ?? DEFAULT_AGREEMENT) },
    templateByType: { ...defaultTemplateByType(), ...input.templateByType },
    status: 'setup',
    createdAt: deps.now(),
  };
  return input.isDemo === undefined ? round : { ...round, isDemo: input.isDemo };
}

// ---- validation -----------------------------------------------------------------------

/** Grade-band codes come from grading.ts's validateGradeBands (field `gradeBands`). */
export type RoundProblemCode =
  | 'nameRequired'
  | 'yearOutOfRange'
  | 'unknownEvaluationType'
  | GradeBandIssueCode
  | 'quotaOutOfRange'
  | 'unknownAggregationMethod'
  | 'invalidTrimCount'
  | 'trimMinSheetsTooSmall'
  | 'invalidDisagreementRange'
  | 'invalidTemplateChoice';

export type RoundProblem = { code: RoundProblemCode; message: string; field: string };

const EVALUATION_TYPES: readonly EvaluationType[] = ['integration', 'periodic'];
const isFiniteNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const isAggregationMethod = (x: unknown): boolean => AGGREGATION_METHODS.some((m) => m === x);

function settingsProblems(input: RoundInput): RoundProblem[] {
  const problems: RoundProblem[] = [];
  const quotas = input.quotas ?? DEFAULT_QUOTAS;
  for (const key of ['excellentMaxShare', 'rectifyOrFailMinShare'] as const) {
    const share = quotas[key];
    if (share !== null && (!isFiniteNumber(share) || share < 0 || share > 1)) {
      problems.push({
        code: 'quotaOutOfRange',
        message: '比例限制须在 0% 到 100% 之间（或不设限制）',
        field: `quotas.${key}`,
      });
    }
  }
  const aggregation = input.aggregation ?? DEFAULT_AGGREGATION;
  if (!isAggregationMethod(aggregation.method)) {
    problems.push({
      code: 'unknownAggregationMethod',
      message: '未知的汇总方法',
      field: 'aggregation.method',
    });
  }
  const { trimCount, trimMinSheets } = aggregation;
  if (!Number.isInteger(trimCount) || trimCount < 0) {
    problems.push({
      code: 'invalidTrimCount',
      message: '去掉最高分、最低分的个数须为非负整数',
      field: 'aggregation.trimCount',
    });
  } else if (!Number.isInteger(trimMinSheets) || trimMinSheets < 2 * trimCount + 1) {
    problems.push({
      code: 'trimMinSheetsTooSmall',
      message: `启用去极值的最少有效评分表数须为整数且至少为 ${2 * trimCount + 1}，以保证去掉后仍有分数`,
      field: 'aggregation.trimMinSheets',
    });
  }
  const range = (input.agreement ?? DEFAULT_AGREEMENT).disagreementRange;
  if (!isFiniteNumber(range) || range <= 0 || range > 100) {
    problems.push({
      code: 'invalidDisagreementRange',
      message: '专家分歧提示阈值须大于 0 且不超过 100 分',
      field: 'agreement.disagreementRange',
    });
  }
  for (const [type, templateId] of Object.entries(input.templateByType ?? {})) {
    if (!isBaseTypeCode(type) || typeof templateId !== 'string' || templateId.trim() === '') {
      problems.push({
        code: 'invalidTemplateChoice',
        message: `基地类型“${type}”的指标体系选择无效`,
        field: `templateByType.${type}`,
      });
    }
  }
  return problems;
}

/** Everything wrong with a round's input; empty when createRound may proceed. */
export function validateRoundInput(input: RoundInput): RoundProblem[] {
  const problems: RoundProblem[] = [];
  if (typeof input.name !== 'string' || input.name.trim() === '') {
    problems.push({ code: 'nameRequired', message: '请填写评估轮次名称', field: 'name' });
  }
  if (!Number.isInteger(input.year) || input.year < ROUND_YEAR_MIN || input.year > ROUND_YEAR_MAX) {
    problems.push({
      code: 'yearOutOfRange',
      message: `年度须为 ${ROUND_YEAR_MIN} 到 ${ROUND_YEAR_MAX} 之间的整数`,
      field: 'year',
    });
  }
  if (!EVALUATION_TYPES.includes(input.evaluationType)) {
    problems.push({
      code: 'unknownEvaluationType',
      message: '未知的评估类型',
      field: 'evaluationType',
    });
  }
  for (const issue of validateGradeBands(input.gradeBands ?? DEFAULT_GRADE_BANDS)) {
    problems.push({ code: issue.code, message: issue.message, field: 'gradeBands' });
  }
  problems.push(...settingsProblems(input));
  return problems;
}
