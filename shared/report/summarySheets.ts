// The report's overview sheets: 汇总 (round, date, counts, per-type summary with grade
// distribution and quota warnings), 基地结果 (one row per base) and 决定 (final decisions).
// Numbers stay raw (full precision); the workbook shows decimals with 2 places (formats.ts),
// the CSV rounds them.
import { GRADE_ORDER } from '../domain/grading';
import { baseTypeByCode } from '../domain/taxonomy';
import { decimalColumns } from './formats';
import {
  categoryLabel,
  dispositionLabel,
  dispositionTarget,
  EVALUATION_TYPE_LABELS,
  formatReportTime,
  gradeBandsLabel,
  gradeLabel,
  METHOD_LABELS,
  quotaRulesLabel,
  ruleLabel,
  SHEET_STATE_LABELS,
  typeLabel,
  UNDECIDED_LABEL,
} from './labels';
import type { ReportBaseRow, ReportModel } from './model';
import type { ReportCell, ReportSheet } from './types';

export const REPORT_SHEET_NAMES = {
  summary: '汇总',
  results: '基地结果',
  indicators: '指标均分',
  scoresheets: '评分表',
  conflicts: '冲突',
  decisions: '决定',
} as const;

export const REPORT_TITLE = '辽宁省科技创新基地评估结果报告';

/** Percent of a share, as a number (0.19 → 19); null when there is nothing to share. */
const percentOf = (share: number | undefined): number | null =>
  share === undefined ? null : share * 100;

export const TYPE_SUMMARY_HEADER: readonly string[] = [
  '类型代码',
  '基地类型',
  '类别',
  '基地数',
  '已评分',
  ...GRADE_ORDER.map((grade) => gradeLabel(grade) ?? grade),
  '未评分',
  '优秀占比(%)',
  '限期整改与不合格占比(%)',
  '已决定',
  '未决定',
  '配额提示',
];

export function summarySheet(model: ReportModel): ReportSheet {
  const { round, generatedAt } = model.input;
  const { counts } = model;
  const states = counts.sheetStates;
  const typeRows: ReportCell[][] = model.types.map((t) => [
    t.type,
    baseTypeByCode(t.type).nameZh,
    categoryLabel(t.type),
    t.bases,
    t.scored,
    ...GRADE_ORDER.map((grade) => t.grades[grade]),
    t.unscored,
    percentOf(t.quota?.excellentShare),
    percentOf(t.quota?.rectifyOrFailShare),
    t.decided,
    t.undecided,
    t.quotaNotes.length === 0 ? null : t.quotaNotes.join('；'),
  ]);
  const total = (pick: (t: ReportModel['types'][number]) => number): number =>
    model.types.reduce((acc, t) => acc + pick(t), 0);
  const quotaNotes = model.types.flatMap((t) =>
    t.quotaNotes.map((note): ReportCell[] => [typeLabel(t.type), note]),
  );
  return {
    name: REPORT_SHEET_NAMES.summary,
    columnWidths: [26, 40, 22, 10, 10, 8, 8, 8, 8, 10, 14, 22, 10, 10, 50],
    // The type table starts in column A, so its header gives the columns; the rows above it
    // use A and B only.
    numberFormats: decimalColumns(TYPE_SUMMARY_HEADER, ['优秀占比(%)', '限期整改与不合格占比(%)']),
    rows: [
      [REPORT_TITLE],
      [],
      ['评估轮次', round.name],
      ['年度', round.year],
      ['评估类型', EVALUATION_TYPE_LABELS[round.evaluationType]],
      ['汇总规则', ruleLabel(round.aggregation)],
      ['等级划分', gradeBandsLabel(round.gradeBands)],
      ['配额规则', quotaRulesLabel(round.quotas)],
      ['报告生成时间', formatReportTime(generatedAt, model.utcOffsetMinutes)],
      [],
      ['统计项', '数量'],
      ['基地', counts.bases],
      ['已评分基地（有有效评分表）', counts.scoredBases],
      ['未评分基地', counts.unscoredBases],
      ['已作最终决定的基地', counts.decidedBases],
      ['未决定的基地', counts.undecidedBases],
      ['专家组', counts.panels],
      ['专家', counts.experts],
      ['应评评分表', counts.expectedSheets],
      [`其中${SHEET_STATE_LABELS.submitted}`, states.submitted],
      [`其中${SHEET_STATE_LABELS.draft}`, states.draft],
      [`其中${SHEET_STATE_LABELS.recused}`, states.recused],
      [`其中${SHEET_STATE_LABELS.notStarted}`, states.notStarted],
      ['评分冲突', counts.conflicts],
      ['其中未处理', counts.openConflicts],
      [],
      ['按基地类型'],
      [...TYPE_SUMMARY_HEADER],
      ...typeRows,
      [
        '合计',
        null,
        null,
        total((t) => t.bases),
        total((t) => t.scored),
        ...GRADE_ORDER.map((grade) => total((t) => t.grades[grade])),
        total((t) => t.unscored),
        null,
        null,
        total((t) => t.decided),
        total((t) => t.undecided),
        null,
      ],
      [],
      ['配额提示'],
      ...(quotaNotes.length === 0 ? [['无']] : quotaNotes),
    ],
  };
}

export const RESULTS_HEADER: readonly string[] = [
  '基地编号',
  '基地名称',
  '基地类型',
  '类别',
  '依托单位',
  '所在地市',
  '专家组',
  '有效评分表',
  '综合得分',
  '实际汇总方法',
  '算术平均',
  '中位数',
  '去掉最高最低分平均',
  'Z分数平均',
  '等级',
  '类型内排名',
  '类型内参评数',
  '类别内排名',
  '类别内参评数',
  '最低分',
  '最高分',
  '极差',
  '标准差',
  '意见分歧',
  '最终决定',
  '决定目标',
  '决定理由',
];

function resultRow(row: ReportBaseRow, model: ReportModel): ReportCell[] {
  const scored = row.sheets > 0;
  const { decision } = row;
  return [
    row.base.code,
    row.base.name,
    typeLabel(row.base.type),
    categoryLabel(row.base.type),
    row.base.hostInstitution,
    row.base.city,
    row.panelName,
    row.sheets,
    row.aggregate,
    scored ? METHOD_LABELS[row.method] : null,
    row.byMethod.mean.value,
    row.byMethod.median.value,
    row.byMethod.trimmedMean.value,
    row.byMethod.zScore.value,
    gradeLabel(row.grade),
    row.rankInType,
    scored ? row.typeCount : null,
    row.rankInCategory,
    scored ? row.categoryCount : null,
    row.min,
    row.max,
    row.range,
    row.sd,
    scored ? row.isDisagreement : null,
    decision ? dispositionLabel(decision.disposition) : UNDECIDED_LABEL,
    decision ? dispositionTarget(decision.disposition, model.baseById) : null,
    decision && decision.reason !== '' ? decision.reason : null,
  ];
}

/** Every base: its aggregate under the round's rule and every method, grade, ranks, spread, decision. */
export function resultsSheet(model: ReportModel): ReportSheet {
  return {
    name: REPORT_SHEET_NAMES.results,
    headerRows: 1,
    columnWidths: [
      16, 40, 28, 22, 28, 10, 14, 10, 10, 22, 10, 10, 12, 10, 8, 10, 10, 10, 10, 8, 8, 8, 8, 10, 14,
      30, 40,
    ],
    numberFormats: decimalColumns(RESULTS_HEADER, [
      '综合得分',
      '算术平均',
      '中位数',
      '去掉最高最低分平均',
      'Z分数平均',
      '最低分',
      '最高分',
      '极差',
      '标准差',
    ]),
    rows: [[...RESULTS_HEADER], ...model.rows.map((row) => resultRow(row, model))],
  };
}

export const DECISIONS_HEADER: readonly string[] = [
  '基地编号',
  '基地名称',
  '基地类型',
  '综合得分',
  '等级',
  '最终决定',
  '决定目标',
  '决定理由',
  '决定人',
  '决定时间',
];

/** The final decisions, in the order of 基地结果. */
export function decisionsSheet(model: ReportModel): ReportSheet {
  return {
    name: REPORT_SHEET_NAMES.decisions,
    headerRows: 1,
    columnWidths: [16, 40, 28, 10, 8, 14, 30, 50, 14, 18],
    numberFormats: decimalColumns(DECISIONS_HEADER, ['综合得分']),
    rows: [
      [...DECISIONS_HEADER],
      ...model.decisions.map(({ decision, row }): ReportCell[] => {
        const base = row?.base ?? model.baseById.get(decision.baseId);
        return [
          base?.code ?? decision.baseId,
          base?.name ?? null,
          base ? typeLabel(base.type) : null,
          row?.aggregate ?? null,
          gradeLabel(row?.grade ?? null),
          dispositionLabel(decision.disposition),
          dispositionTarget(decision.disposition, model.baseById),
          decision.reason === '' ? null : decision.reason,
          decision.decidedBy,
          formatReportTime(decision.decidedAt, model.utcOffsetMinutes),
        ];
      }),
    ],
  };
}
