// The 指标均分 sheet: each base's average per primary and secondary indicator over its
// valid sheets (submitted, not recused), one row per base and indicator so the sheet can be
// filtered by base or by indicator.
import { mean } from '../domain/aggregation';
import { checkScoreValue, isCountedInStatistics } from '../domain/scoresheetTotals';
import type { Base, IndicatorTemplate, Scoresheet } from '../domain/types';
import { decimalColumns } from './formats';
import { typeLabel } from './labels';
import type { ReportModel } from './model';
import { REPORT_SHEET_NAMES } from './summarySheets';
import type { ReportCell, ReportSheet } from './types';

/** The template a base is scored with: the round's for its type, else its sheets'. */
export function templateOfBase(model: ReportModel, base: Base): IndicatorTemplate | undefined {
  const id = model.input.round.templateByType[base.type];
  const byRound = id === undefined ? undefined : model.templateById.get(id);
  if (byRound) return byRound;
  const sheet = model.input.scoresheets.find((s) => s.baseId === base.id);
  return sheet ? model.templateById.get(sheet.templateId) : undefined;
}

/** Points of one secondary on one sheet; unscored or invalid counts 0, as totals do. */
function pointsOf(sheet: Scoresheet, indicatorId: string, max: number): number {
  if (!Object.hasOwn(sheet.scores, indicatorId)) return 0;
  const value = sheet.scores[indicatorId];
  return value !== undefined && checkScoreValue(value, max).ok ? value : 0;
}

export type IndicatorAverage = {
  level: 'primary' | 'secondary';
  primaryName: string;
  name: string;
  maxPoints: number;
  /** Plain mean over the valid sheets; null without any. */
  average: number | null;
};

/**
 * A base's average per indicator, primary then its secondaries, over its valid sheets
 * (submitted, not recused) on `template`. A primary's points on a sheet are the sum of
 * its secondaries. Plain means: the round's rule (e.g. trimming) applies to totals only.
 */
export function indicatorAverages(
  template: IndicatorTemplate,
  sheets: readonly Scoresheet[],
): IndicatorAverage[] {
  const valid = sheets.filter((s) => isCountedInStatistics(s) && s.templateId === template.id);
  return template.primaries.flatMap((primary): IndicatorAverage[] => [
    {
      level: 'primary',
      primaryName: primary.name,
      name: primary.name,
      maxPoints: primary.maxPoints,
      average: mean(
        valid.map((s) =>
          primary.children.reduce((acc, c) => acc + pointsOf(s, c.id, c.maxPoints), 0),
        ),
      ),
    },
    ...primary.children.map((child): IndicatorAverage => ({
      level: 'secondary',
      primaryName: primary.name,
      name: child.name,
      maxPoints: child.maxPoints,
      average: mean(valid.map((s) => pointsOf(s, child.id, child.maxPoints))),
    })),
  ]);
}

export const INDICATORS_HEADER: readonly string[] = [
  '基地编号',
  '基地名称',
  '基地类型',
  '指标体系',
  '有效评分表',
  '指标层级',
  '一级指标',
  '指标名称',
  '满分',
  '平均得分',
  '得分率(%)',
];

export function indicatorsSheet(model: ReportModel): ReportSheet {
  const sheetsByBase = new Map<string, Scoresheet[]>();
  for (const sheet of model.input.scoresheets) {
    sheetsByBase.set(sheet.baseId, [...(sheetsByBase.get(sheet.baseId) ?? []), sheet]);
  }
  const rows = model.rows.flatMap(({ base }): ReportCell[][] => {
    const head = [base.code, base.name, typeLabel(base.type)];
    const template = templateOfBase(model, base);
    if (!template) return [[...head, null, 0, null, null, '（未找到该类型的指标体系）']];
    const sheets = sheetsByBase.get(base.id) ?? [];
    const valid = sheets.filter((s) => isCountedInStatistics(s) && s.templateId === template.id);
    return indicatorAverages(template, sheets).map((a) => [
      ...head,
      template.name,
      valid.length,
      a.level === 'primary' ? '一级' : '二级',
      a.primaryName,
      a.name,
      a.maxPoints,
      a.average,
      a.average === null ? null : (100 * a.average) / a.maxPoints,
    ]);
  });
  return {
    name: REPORT_SHEET_NAMES.indicators,
    headerRows: 1,
    columnWidths: [16, 40, 28, 36, 10, 8, 24, 28, 8, 10, 10],
    numberFormats: decimalColumns(INDICATORS_HEADER, ['平均得分', '得分率(%)']),
    rows: [[...INDICATORS_HEADER], ...rows],
  };
}
