// 作废评分表 on the chair's dashboard: the sheets a change after issue (轮次变更) voided, which no
// chart counts, listed with the change and its reason. The dashboard's filters narrow the list
// as they narrow the charts: category, type and city by the sheet's base; the panel by the
// expert who scored the sheet or by the base's panel now, so a base moved to another panel
// shows its voided sheets under both panels.
import type { VoidedSheet } from '../domain/roundChanges';
import { voidedSheetRows } from '../report/voidedSheets';
import type { VoidedLookups, VoidedSheetRow } from '../report/voidedSheets';
import { matchesFilters } from './filters';
import type { DashboardFilters } from './filters';

export type DashboardVoided = {
  /** The voided sheets passing the filters, by base code, then expert name, then sheet id. */
  rows: VoidedSheetRow[];
  /** Every voided sheet of the round, whatever the filters. */
  total: number;
};

/**
 * The round's voided sheets as the dashboard lists them under `filters`. `lookups.bases`
 * should hold the withdrawn bases too, so their sheets are named and filtered by type.
 */
export function voidedInView(
  voided: readonly VoidedSheet[],
  lookups: VoidedLookups,
  filters: DashboardFilters,
): DashboardVoided {
  const baseById = new Map(lookups.bases.map((b) => [b.id, b]));
  const expertPanel = new Map(lookups.experts.map((e) => [e.id, e.panelId]));
  const { panelId, ...byBase } = filters;
  const baseFiltered =
    byBase.category !== undefined || byBase.type !== undefined || byBase.city !== undefined;
  const shown = voided.filter(({ sheet }) => {
    if (filters.roundId !== undefined && sheet.roundId !== filters.roundId) return false;
    const base = baseById.get(sheet.baseId);
    if (base ? !matchesFilters(base, byBase) : baseFiltered) return false;
    return (
      panelId === undefined ||
      base?.panelId === panelId ||
      expertPanel.get(sheet.expertId) === panelId
    );
  });
  return { rows: voidedSheetRows(shown, lookups), total: voided.length };
}
