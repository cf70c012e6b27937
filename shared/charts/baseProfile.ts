// One base's profile: every primary and secondary indicator as a percentage of its maximum,
// next to the average percentage of its type, and the experts' totals as dots.
//
// Definitions (per indicator, counted sheets only: submitted and not recused):
// - a base's points = the plain mean of its experts' points (the round's rule, e.g. the
//   trimmed mean, applies to totals; per-indicator means are descriptive and are not
//   trimmed, so they explain the total rather than re-derive it);
// - base % = 100 × points / indicator maximum;
// - type % = the mean of the base % of every base of the same type with at least one
//   counted sheet (each base weighs the same, however many experts scored it).
import {
  compareIds,
  groupBy,
  mean,
  ratingsFromScoresheets,
  validRatings,
} from '../domain/aggregation';
import type { BaseResult } from '../domain/results';
import { checkScoreValue, isCountedInStatistics } from '../domain/scoresheetTotals';
import type { BaseTypeCode, GradeCode, IndicatorTemplate, Scoresheet } from '../domain/types';
import { expertNamer } from './scope';

export type IndicatorProfileRow = {
  indicatorId: string;
  level: 'primary' | 'secondary';
  /** The primary itself for a primary row. */
  primaryId: string;
  name: string;
  maxPoints: number;
  /** Mean points of the base's counted sheets; null without any. */
  basePoints: number | null;
  basePercent: number | null;
  typePercent: number | null;
  /** Bases of the type that entered typePercent. */
  typeBases: number;
};

export type ExpertTotalDot = { expertId: string; expertName: string; total: number };

export type BaseProfileData = {
  baseId: string;
  code: string;
  name: string;
  type: BaseTypeCode;
  templateId: string;
  aggregate: number | null;
  grade: GradeCode | null;
  /** Mean aggregate of the type's scored bases. */
  typeMeanAggregate: number | null;
  primaries: IndicatorProfileRow[];
  secondaries: IndicatorProfileRow[];
  /** Highest first, then by expert id. */
  expertTotals: ExpertTotalDot[];
};

export type BaseProfileInput = {
  result: BaseResult;
  /** Rows of the round; those of the base's type give the type average. */
  roundResults: readonly BaseResult[];
  /** The round's sheets (at least those of the base's type). */
  scoresheets: readonly Scoresheet[];
  /** The template the round scores this type with. */
  template: IndicatorTemplate;
  experts?: readonly { id: string; name: string }[];
};

/** Points of one indicator on one sheet; an unscored or invalid entry counts 0 (as totals do). */
function pointsOf(sheet: Scoresheet, indicatorId: string, max: number): number {
  if (!Object.hasOwn(sheet.scores, indicatorId)) return 0;
  const value = sheet.scores[indicatorId];
  return value !== undefined && checkScoreValue(value, max).ok ? value : 0;
}

type Indicator = { id: string; primaryId: string; name: string; maxPoints: number };

function indicatorsOf(template: IndicatorTemplate): {
  primaries: Indicator[];
  secondaries: Indicator[];
} {
  return {
    primaries: template.primaries.map((p) => ({
      id: p.id,
      primaryId: p.id,
      name: p.name,
      maxPoints: p.maxPoints,
    })),
    secondaries: template.primaries.flatMap((p) =>
      p.children.map((c) => ({ id: c.id, primaryId: p.id, name: c.name, maxPoints: c.maxPoints })),
    ),
  };
}

/** Mean points of an indicator over some sheets (a primary sums its children per sheet). */
function meanPoints(
  sheets: readonly Scoresheet[],
  indicator: Indicator,
  template: IndicatorTemplate,
): number | null {
  const children = template.primaries.find((p) => p.id === indicator.id)?.children;
  const perSheet = sheets.map((sheet) =>
    children
      ? children.reduce((acc, child) => acc + pointsOf(sheet, child.id, child.maxPoints), 0)
      : pointsOf(sheet, indicator.id, indicator.maxPoints),
  );
  return mean(perSheet);
}

export function baseProfile(input: BaseProfileInput): BaseProfileData {
  const { result, template } = input;
  const type = result.base.type;
  const counted = input.scoresheets.filter(isCountedInStatistics);
  const sheetsByBase = groupBy(counted, (sheet) => sheet.baseId);
  const typeBaseIds = input.roundResults
    .filter((row) => row.base.type === type)
    .map((row) => row.base.id)
    .filter((id) => (sheetsByBase.get(id) ?? []).length > 0);
  const ownSheets = sheetsByBase.get(result.base.id) ?? [];
  const percent = (points: number | null, max: number) =>
    points === null ? null : (100 * points) / max;

  const profileRow =
    (level: IndicatorProfileRow['level']) =>
    (indicator: Indicator): IndicatorProfileRow => {
      const basePoints = meanPoints(ownSheets, indicator, template);
      const typePercents = typeBaseIds
        .map((id) =>
          percent(meanPoints(sheetsByBase.get(id) ?? [], indicator, template), indicator.maxPoints),
        )
        .filter((value): value is number => value !== null);
      return {
        indicatorId: indicator.id,
        level,
        primaryId: indicator.primaryId,
        name: indicator.name,
        maxPoints: indicator.maxPoints,
        basePoints,
        basePercent: percent(basePoints, indicator.maxPoints),
        typePercent: mean(typePercents),
        typeBases: typePercents.length,
      };
    };

  const { primaries, secondaries } = indicatorsOf(template);
  const nameOf = expertNamer(input.experts);
  const expertTotals = validRatings(
    ratingsFromScoresheets(input.scoresheets.filter((sheet) => sheet.baseId === result.base.id)),
  )
    .map((rating) => ({
      expertId: rating.expertId,
      expertName: nameOf(rating.expertId),
      total: rating.total,
    }))
    .sort((a, b) => b.total - a.total || compareIds(a.expertId, b.expertId));
  const typeAggregates = input.roundResults
    .filter((row) => row.base.type === type)
    .map((row) => row.aggregate)
    .filter((value): value is number => value !== null);

  return {
    baseId: result.base.id,
    code: result.base.code,
    name: result.base.name,
    type,
    templateId: template.id,
    aggregate: result.aggregate,
    grade: result.grade,
    typeMeanAggregate: mean(typeAggregates),
    primaries: primaries.map(profileRow('primary')),
    secondaries: secondaries.map(profileRow('secondary')),
    expertTotals,
  };
}
