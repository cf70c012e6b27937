// The round at a glance: counts of bases by category, type, city and grade; a city × type
// table of mean scores; and, per disposition, its share of the experts' recommendations
// next to its share of the secretariat's final decisions.
//
// - Shares are count / total of that list (bases in view; recommendations; decisions),
//   exact, never rounded here.
// - A cell's mean score is the plain mean of the aggregates (under the rule in force) of
//   its scored bases; null when none is scored.
// - Recommendations come from counted sheets (submitted, not recused) of bases in view,
//   one per sheet; decisions are the secretariat's FinalDecisions of bases in view.
import { mean } from '../domain/aggregation';
import { GRADE_ORDER } from '../domain/grading';
import type { BaseResult } from '../domain/results';
import { isCountedInStatistics } from '../domain/scoresheetTotals';
import {
  BASE_TYPE_CODES,
  CATEGORIES,
  CITIES,
  DISPOSITIONS,
  categoryOfType,
} from '../domain/taxonomy';
import type {
  BaseTypeCode,
  CategoryCode,
  CityName,
  DispositionCode,
  FinalDecision,
  GradeCode,
  Scoresheet,
} from '../domain/types';

export type CountRow<K> = { key: K; count: number; share: number };

export type CityTypeCell = {
  city: CityName;
  type: BaseTypeCode;
  count: number;
  scored: number;
  meanScore: number | null;
};

export type DispositionShare = {
  code: DispositionCode;
  recommended: number;
  recommendedShare: number;
  decided: number;
  decidedShare: number;
};

export type OverviewData = {
  total: number;
  scored: number;
  byCategory: CountRow<CategoryCode>[];
  byType: CountRow<BaseTypeCode>[];
  /** Most bases first, then the roster's city order. */
  byCity: CountRow<CityName>[];
  /** 优秀 … 不合格, then 'unscored'. */
  byGrade: CountRow<GradeCode | 'unscored'>[];
  cityType: {
    /** Rows: cities with bases, most bases first. */
    cities: CityName[];
    /** Columns: types with bases, A1 … C3. */
    types: BaseTypeCode[];
    /** Non-empty cells only. */
    cells: CityTypeCell[];
    /** Mean score per city (all its scored bases) and per type. */
    cityMeans: Partial<Record<CityName, number | null>>;
    typeMeans: Partial<Record<BaseTypeCode, number | null>>;
  };
  dispositions: DispositionShare[];
  recommendations: number;
  decisions: number;
};

export type OverviewInput = {
  /** Rows in view (already filtered). */
  results: readonly BaseResult[];
  scoresheets: readonly Scoresheet[];
  decisions?: readonly Pick<FinalDecision, 'baseId' | 'disposition'>[];
};

function counts<K>(keys: readonly K[], order: readonly K[], total: number): CountRow<K>[] {
  return order
    .map((key) => {
      const count = keys.filter((candidate) => candidate === key).length;
      return { key, count, share: total === 0 ? 0 : count / total };
    })
    .filter((row) => row.count > 0);
}

const scoresOf = (rows: readonly BaseResult[]): number[] =>
  rows.map((row) => row.aggregate).filter((value): value is number => value !== null);

export function overview(input: OverviewInput): OverviewData {
  const { results } = input;
  const total = results.length;
  const bases = results.map((row) => row.base);
  const byCity = counts(
    bases.map((base) => base.city),
    CITIES,
    total,
  ).sort((a, b) => b.count - a.count || CITIES.indexOf(a.key) - CITIES.indexOf(b.key));
  const types = BASE_TYPE_CODES.filter((type) => bases.some((base) => base.type === type));
  const cities = byCity.map((row) => row.key);
  const cells: CityTypeCell[] = [];
  for (const city of cities) {
    for (const type of types) {
      const inCell = results.filter((row) => row.base.city === city && row.base.type === type);
      if (inCell.length === 0) continue;
      const scores = scoresOf(inCell);
      cells.push({
        city,
        type,
        count: inCell.length,
        scored: scores.length,
        meanScore: mean(scores),
      });
    }
  }
  const cityMeans: Partial<Record<CityName, number | null>> = {};
  for (const city of cities)
    cityMeans[city] = mean(scoresOf(results.filter((row) => row.base.city === city)));
  const typeMeans: Partial<Record<BaseTypeCode, number | null>> = {};
  for (const type of types)
    typeMeans[type] = mean(scoresOf(results.filter((row) => row.base.type === type)));

  const inView = new Set(bases.map((base) => base.id));
  const recommended = input.scoresheets
    .filter((sheet) => inView.has(sheet.baseId) && isCountedInStatistics(sheet))
    .map((sheet) => sheet.recommendation?.disposition.code)
    .filter((code): code is DispositionCode => code !== undefined);
  const decided = (input.decisions ?? [])
    .filter((decision) => inView.has(decision.baseId))
    .map((decision) => decision.disposition.code);
  const share = (count: number, of: number) => (of === 0 ? 0 : count / of);

  return {
    total,
    scored: scoresOf(results).length,
    byCategory: counts(
      bases.map((base) => categoryOfType(base.type)),
      CATEGORIES.map((c) => c.code),
      total,
    ),
    byType: counts(
      bases.map((base) => base.type),
      BASE_TYPE_CODES,
      total,
    ),
    byCity,
    byGrade: counts(
      results.map((row) => row.grade ?? 'unscored'),
      [...GRADE_ORDER, 'unscored'],
      total,
    ),
    cityType: { cities, types, cells, cityMeans, typeMeans },
    dispositions: DISPOSITIONS.map(({ code }) => {
      const recommendedCount = recommended.filter((c) => c === code).length;
      const decidedCount = decided.filter((c) => c === code).length;
      return {
        code,
        recommended: recommendedCount,
        recommendedShare: share(recommendedCount, recommended.length),
        decided: decidedCount,
        decidedShare: share(decidedCount, decided.length),
      };
    }),
    recommendations: recommended.length,
    decisions: decided.length,
  };
}
