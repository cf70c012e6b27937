// Voided sheets (作废) as the report and the secretariat's screens show them: one row per sheet
// a change after issue (轮次变更) voided, with the base, the expert, the sheet's state and
// total, and the change that voided it (kind, reason, who, when). The workbook's sheet
// 作废记录 and the printed report's section 六、作废记录 list them; no statistic counts them.
import { compareIds } from '../domain/aggregation';
import { ROUND_CHANGE_KIND_LABELS } from '../domain/roundChanges';
import type { VoidedSheet } from '../domain/roundChanges';
import type { Base, Expert, IndicatorTemplate, Panel, RoundChangeKind } from '../domain/types';
import { formatReportTime, SHEET_STATE_LABELS } from './labels';
import type { SheetState } from './labels';
import { stateOfSheet, totalOfSheet } from './model';
import type { ReportModel } from './model';
import type { ReportCell, ReportSheet } from './types';

export const VOIDED_SHEET_NAME = '作废记录';

export type VoidedSheetRow = {
  sheetId: string;
  baseId: string;
  baseCode: string | null;
  baseName: string;
  expertName: string;
  panelName: string | null;
  state: SheetState;
  /** The sheet's total against its template; null for a recused sheet. */
  total: number | null;
  changeId: string;
  kind: RoundChangeKind;
  reason: string;
  actor: string;
  at: string;
};

export type VoidedLookups = {
  bases: readonly Base[];
  experts: readonly Expert[];
  panels: readonly Panel[];
  templates: readonly IndicatorTemplate[];
};

/** The rows of voided sheets, by base code, then expert name, then sheet id. */
export function voidedSheetRows(
  voided: readonly VoidedSheet[],
  lookups: VoidedLookups,
): VoidedSheetRow[] {
  const baseById = new Map(lookups.bases.map((b) => [b.id, b]));
  const expertById = new Map(lookups.experts.map((e) => [e.id, e]));
  const panelName = new Map(lookups.panels.map((p) => [p.id, p.name]));
  const templateById = new Map(lookups.templates.map((t) => [t.id, t]));
  return voided
    .map(({ sheet, change }): VoidedSheetRow => {
      const base = baseById.get(sheet.baseId);
      const expert = expertById.get(sheet.expertId);
      return {
        sheetId: sheet.id,
        baseId: sheet.baseId,
        baseCode: base?.code ?? null,
        baseName: base?.name ?? sheet.baseId,
        expertName: expert?.name ?? sheet.expertId,
        panelName: expert ? (panelName.get(expert.panelId) ?? null) : null,
        state: stateOfSheet(sheet),
        total: sheet.recusal ? null : totalOfSheet(sheet, templateById),
        changeId: change.id,
        kind: change.kind,
        reason: change.reason,
        actor: change.actor,
        at: change.at,
      };
    })
    .sort(
      (a, b) =>
        compareIds(a.baseCode ?? a.baseId, b.baseCode ?? b.baseId) ||
        compareIds(a.expertName, b.expertName) ||
        compareIds(a.sheetId, b.sheetId),
    );
}

export const VOIDED_SHEETS_HEADER: readonly string[] = [
  '基地编号',
  '基地名称',
  '专家',
  '专家组',
  '评分表状态',
  '总分',
  '变更类型',
  '变更原因',
  '经办人',
  '变更时间',
  '评分表编号',
  '变更编号',
];

/** A report's voided sheets as rows, named from the whole round (withdrawn bases too). */
export function reportVoidedRows(model: ReportModel): VoidedSheetRow[] {
  const { input } = model;
  return voidedSheetRows(model.voided, {
    bases: model.allBases,
    experts: input.experts,
    panels: input.panels,
    templates: input.templates,
  });
}

/** 作废记录: every voided sheet with the change that voided it. */
export function voidedSheetsSheet(model: ReportModel): ReportSheet {
  const rows = reportVoidedRows(model);
  return {
    name: VOIDED_SHEET_NAME,
    headerRows: 1,
    columnWidths: [16, 40, 10, 14, 10, 8, 12, 40, 14, 18, 24, 24],
    rows: [
      [...VOIDED_SHEETS_HEADER],
      ...rows.map((row): ReportCell[] => [
        row.baseCode,
        row.baseName,
        row.expertName,
        row.panelName,
        SHEET_STATE_LABELS[row.state],
        row.total,
        ROUND_CHANGE_KIND_LABELS[row.kind],
        row.reason,
        row.actor,
        formatReportTime(row.at, model.utcOffsetMinutes),
        row.sheetId,
        row.changeId,
      ]),
    ],
  };
}
