// The report's raw-record sheets: 评分表 (every stored scoresheet, one row each, with every
// indicator score) and 冲突 (every conflict with both totals and how it was settled).
import { compareIds } from '../domain/aggregation';
import { isCountedInStatistics } from '../domain/scoresheetTotals';
import { BASE_TYPE_CODES } from '../domain/taxonomy';
import type { IndicatorTemplate, Scoresheet } from '../domain/types';
import { templateOfBase } from './indicatorSheet';
import {
  dispositionLabel,
  dispositionTarget,
  formatReportTime,
  RESOLUTION_LABELS,
  SHEET_STATE_LABELS,
  typeLabel,
} from './labels';
import { stateOfSheet, totalOfSheet } from './model';
import type { ReportModel } from './model';
import { REPORT_SHEET_NAMES } from './summarySheets';
import type { ReportCell, ReportSheet } from './types';

type IndicatorColumn = { templateId: string; indicatorId: string; header: string };

/** One column per secondary of every template a sheet uses, by type then template id. */
function indicatorColumns(templates: readonly IndicatorTemplate[]): IndicatorColumn[] {
  const sorted = [...templates].sort(
    (a, b) =>
      BASE_TYPE_CODES.indexOf(a.baseType) - BASE_TYPE_CODES.indexOf(b.baseType) ||
      compareIds(a.id, b.id),
  );
  const perType = new Map<string, number>();
  for (const t of sorted) perType.set(t.baseType, (perType.get(t.baseType) ?? 0) + 1);
  return sorted.flatMap((template) => {
    const prefix =
      (perType.get(template.baseType) ?? 0) > 1
        ? `${template.baseType}〔${template.name}〕`
        : template.baseType;
    return template.primaries.flatMap((primary, i) =>
      primary.children.map((child, j) => ({
        templateId: template.id,
        indicatorId: child.id,
        header: `${prefix} ${i + 1}.${j + 1} ${child.name}（${child.maxPoints}分）`,
      })),
    );
  });
}

/** "研究水平与贡献：……" lines, in template order (comments on unknown ids last). */
function commentsText(sheet: Scoresheet, template: IndicatorTemplate | undefined): string | null {
  const names = new Map<string, string>();
  for (const p of template?.primaries ?? []) {
    names.set(p.id, p.name);
    for (const c of p.children) names.set(c.id, c.name);
  }
  const order = [...names.keys()];
  const ids = Object.keys(sheet.comments)
    .filter((id) => (sheet.comments[id] ?? '').trim() !== '')
    .sort((a, b) => {
      const ia = order.indexOf(a);
      const ib = order.indexOf(b);
      return (ia < 0 ? order.length : ia) - (ib < 0 ? order.length : ib) || compareIds(a, b);
    });
  if (ids.length === 0) return null;
  return ids.map((id) => `${names.get(id) ?? id}：${sheet.comments[id] ?? ''}`).join('\n');
}

export function scoresheetsSheet(model: ReportModel): ReportSheet {
  const { input, templateById, baseById } = model;
  const expertById = new Map(input.experts.map((e) => [e.id, e]));
  const panelName = new Map(input.panels.map((p) => [p.id, p.name]));
  const baseOrder = new Map(model.rows.map((row, i) => [row.base.id, i]));
  const templateOf = (sheet: Scoresheet): IndicatorTemplate | undefined => {
    const base = baseById.get(sheet.baseId);
    return templateById.get(sheet.templateId) ?? (base ? templateOfBase(model, base) : undefined);
  };
  const used = new Map<string, IndicatorTemplate>();
  for (const sheet of input.scoresheets) {
    const template = templateOf(sheet);
    if (template) used.set(template.id, template);
  }
  const columns = indicatorColumns([...used.values()]);
  const sheets = [...input.scoresheets].sort(
    (a, b) =>
      (baseOrder.get(a.baseId) ?? model.rows.length) -
        (baseOrder.get(b.baseId) ?? model.rows.length) ||
      compareIds(expertById.get(a.expertId)?.name ?? '', expertById.get(b.expertId)?.name ?? '') ||
      compareIds(a.id, b.id),
  );
  const header = [
    '评分表编号',
    '专家组',
    '专家',
    '专家工作单位',
    '基地编号',
    '基地名称',
    '基地类型',
    '状态',
    '计入统计',
    '回避原因',
    '提交时间',
    '最后修改时间',
    ...columns.map((c) => c.header),
    '总分',
    '推荐处理',
    '推荐目标',
    '推荐理由',
    '总体意见',
    '指标意见',
  ];
  const time = (iso: string | undefined) =>
    iso === undefined ? null : formatReportTime(iso, model.utcOffsetMinutes);
  const rows = sheets.map((sheet): ReportCell[] => {
    const expert = expertById.get(sheet.expertId);
    const base = baseById.get(sheet.baseId);
    const template = templateOf(sheet);
    const recommendation = sheet.recommendation;
    return [
      sheet.id,
      expert ? (panelName.get(expert.panelId) ?? null) : null,
      expert?.name ?? sheet.expertId,
      expert?.institution ?? null,
      base?.code ?? sheet.baseId,
      base?.name ?? null,
      base ? typeLabel(base.type) : null,
      SHEET_STATE_LABELS[stateOfSheet(sheet)],
      isCountedInStatistics(sheet),
      sheet.recusal?.reason ?? null,
      time(sheet.submittedAt),
      time(sheet.updatedAt),
      ...columns.map((c) =>
        c.templateId === template?.id ? (sheet.scores[c.indicatorId] ?? null) : null,
      ),
      sheet.recusal ? null : totalOfSheet(sheet, templateById),
      recommendation ? dispositionLabel(recommendation.disposition) : null,
      recommendation ? dispositionTarget(recommendation.disposition, baseById) : null,
      recommendation && recommendation.reason !== '' ? recommendation.reason : null,
      sheet.overallComment === '' ? null : sheet.overallComment,
      commentsText(sheet, template),
    ];
  });
  return {
    name: REPORT_SHEET_NAMES.scoresheets,
    headerRows: 1,
    columnWidths: [
      24,
      14,
      10,
      24,
      16,
      40,
      28,
      8,
      8,
      24,
      18,
      18,
      ...columns.map(() => 12),
      8,
      12,
      24,
      40,
      40,
      60,
    ],
    rows: [header, ...rows],
  };
}

export const CONFLICTS_HEADER: readonly string[] = [
  '冲突编号',
  '基地编号',
  '基地名称',
  '专家',
  '发现时间',
  '本机版本总分',
  '导入版本总分',
  '本机版本状态',
  '导入版本状态',
  '本机版本设备',
  '导入版本设备',
  '本机版本修改时间',
  '导入版本修改时间',
  '处理状态',
  '处理方式',
  '处理时间',
  '处理人',
  '现行总分',
];

export function conflictsSheet(model: ReportModel): ReportSheet {
  const time = (iso: string | null) =>
    iso === null ? null : formatReportTime(iso, model.utcOffsetMinutes);
  return {
    name: REPORT_SHEET_NAMES.conflicts,
    headerRows: 1,
    columnWidths: [24, 16, 40, 10, 18, 12, 12, 12, 12, 20, 20, 18, 18, 10, 16, 18, 12, 10],
    rows: [
      [...CONFLICTS_HEADER],
      ...model.conflicts.map((c): ReportCell[] => [
        c.id,
        c.base?.code ?? null,
        c.base?.name ?? null,
        c.expertName,
        time(c.detectedAt),
        c.local.total,
        c.incoming.total,
        SHEET_STATE_LABELS[c.local.status],
        SHEET_STATE_LABELS[c.incoming.status],
        c.local.deviceId,
        c.incoming.deviceId,
        time(c.local.updatedAt),
        time(c.incoming.updatedAt),
        c.isOpen ? '未处理' : '已处理',
        c.resolution ? RESOLUTION_LABELS[c.resolution] : null,
        time(c.resolvedAt),
        c.resolvedBy,
        c.currentTotal,
      ]),
    ],
  };
}
