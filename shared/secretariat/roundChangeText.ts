// A change after issue (轮次变更) in one Chinese line: what it did, to whom, for the audit
// log's detail and the report. Names come from the round's records; an id stands in for a
// record no longer stored. Pure.
import { ROUND_CHANGE_KIND_LABELS } from '../domain/roundChanges';
import type { Base, Expert, Panel, RoundChange } from '../domain/types';

export type ChangeNameRecords = {
  bases: readonly Pick<Base, 'id' | 'name'>[];
  experts: readonly Pick<Expert, 'id' | 'name'>[];
  panels: readonly Pick<Panel, 'id' | 'name'>[];
};

const nameIn = (list: readonly { id: string; name: string }[], id: string | undefined): string =>
  id === undefined ? '（无）' : (list.find((item) => item.id === id)?.name ?? id);

/** What the change did, without its reason ("“X”从“沈阳组”调到“大连组”"). */
export function changeSubject(change: RoundChange, records: ChangeNameRecords): string {
  const expert = nameIn(records.experts, change.expertId);
  const base = `“${nameIn(records.bases, change.baseId)}”`;
  const panel = (id: string | undefined) => `“${nameIn(records.panels, id)}”`;
  switch (change.kind) {
    case 'replaceExpert':
      return `${expert}由${nameIn(records.experts, change.replacementExpertId)}接替`;
    case 'withdrawBase':
      return change.fromPanelId === undefined
        ? `${base}撤出本轮评估`
        : `${base}撤出本轮评估（原在${panel(change.fromPanelId)}）`;
    case 'moveBase':
      return `${base}从${panel(change.fromPanelId)}调到${panel(change.toPanelId)}`;
    case 'declareConflict':
      return `${expert}对${base}回避`;
    case 'waiveMissing':
      return `${expert}对${base}的评分表缺评`;
  }
}

/** The audit detail of a recorded change: kind, subject, voided sheets, reason, id. */
export function changeRecordDetail(
  change: RoundChange,
  records: ChangeNameRecords,
  voidedSheets: number,
): string {
  const voided = voidedSheets > 0 ? `，作废 ${voidedSheets} 张评分表` : '';
  return (
    `${ROUND_CHANGE_KIND_LABELS[change.kind]}：${changeSubject(change, records)}${voided}。` +
    `原因：${change.reason}（变更 ${change.id}）`
  );
}

/** The audit detail of an undone change: which change, and why it was undone. */
export function changeUndoDetail(
  change: RoundChange,
  records: ChangeNameRecords,
  countedAgain: number,
): string {
  const again = countedAgain > 0 ? `，${countedAgain} 张评分表恢复计入` : '';
  return (
    `撤销${ROUND_CHANGE_KIND_LABELS[change.kind]}：${changeSubject(change, records)}${again}。` +
    `撤销原因：${change.undone?.reason ?? ''}（变更 ${change.id}）`
  );
}
