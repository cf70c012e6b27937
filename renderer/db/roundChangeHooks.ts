// Live queries of changes after issue (轮次变更): a round's changes for the 轮次变更 card, and
// the sheets they void, as rows with names and totals, for the 作废记录 cards of the results
// and progress tabs. Plain async query functions over Dexie, so tests can call them and
// useLiveQuery can track them; `undefined` while loading.
import { useLiveQuery } from 'dexie-react-hooks';
import { partitionSheets } from '../../shared/domain/roundChanges';
import type { IndicatorTemplate, RoundChange } from '../../shared/domain/types';
import { voidedSheetRows } from '../../shared/report/voidedSheets';
import type { VoidedSheetRow } from '../../shared/report/voidedSheets';
import type { PingguDatabase } from './database';
import { db as appDatabase } from './instance';

/** A round's changes, latest first (then by id). */
export async function listRoundChanges(
  db: PingguDatabase,
  roundId: string,
): Promise<RoundChange[]> {
  const changes = await db.roundChanges.where('roundId').equals(roundId).toArray();
  return changes.sort((a, b) =>
    a.at !== b.at ? (a.at < b.at ? 1 : -1) : a.id < b.id ? 1 : a.id > b.id ? -1 : 0,
  );
}

export function useRoundChanges(
  roundId: string | undefined,
  database: PingguDatabase = appDatabase,
): RoundChange[] | undefined {
  return useLiveQuery(
    () => (roundId === undefined ? undefined : listRoundChanges(database, roundId)),
    [database, roundId],
  );
}

/** The round's voided sheets with the change that voids each, as rows to show. */
export async function loadVoidedSheetRows(
  db: PingguDatabase,
  roundId: string,
): Promise<VoidedSheetRow[]> {
  // Most rounds have no change: then nothing is voided, and the round's sheets (thousands,
  // which the 进度 and results tabs already read) need not be read again.
  const changes = await db.roundChanges.where('roundId').equals(roundId).toArray();
  if (changes.length === 0) return [];
  const [sheets, assignments, bases, experts, panels] = await Promise.all([
    db.scoresheets.where('roundId').equals(roundId).toArray(),
    db.assignments.where('roundId').equals(roundId).toArray(),
    db.bases.where('roundId').equals(roundId).toArray(),
    db.experts.where('roundId').equals(roundId).toArray(),
    db.panels.where('roundId').equals(roundId).toArray(),
  ]);
  const { voided } = partitionSheets(sheets, changes, assignments);
  if (voided.length === 0) return [];
  const templateIds = [...new Set(voided.map((v) => v.sheet.templateId))].sort();
  const templates = (await db.templates.bulkGet(templateIds)).filter(
    (t): t is IndicatorTemplate => t !== undefined,
  );
  return voidedSheetRows(voided, { bases, experts, panels, templates });
}

export function useVoidedSheetRows(
  roundId: string,
  database: PingguDatabase = appDatabase,
): VoidedSheetRow[] | undefined {
  return useLiveQuery(() => loadVoidedSheetRows(database, roundId), [database, roundId]);
}
