// The round's records an Excel scoresheet export needs, read in one snapshot, and how many
// bases each expert scores. Kept apart from the writer (workbookExport.ts), which loads only
// when a workbook is written.
import type {
  Assignment,
  Base,
  Expert,
  IndicatorTemplate,
  Panel,
  Round,
} from '../../../../shared/domain/types';
import type { PingguDatabase } from '../../../db/database';

export type WorkbookExportData = {
  round: Round;
  panels: Panel[];
  experts: Expert[];
  bases: Base[];
  templates: IndicatorTemplate[];
  assignments: Assignment[];
};

/**
 * The reads of readWorkbookExportData in whatever transaction the caller is in, or none: the
 * tab's live query reads outside one, so that the round's assignments come from Dexie's query
 * cache when held (roundCacheHooks.ts); a live query is re-run after any write to what it read.
 */
export async function readWorkbookExportRecords(
  db: PingguDatabase,
  roundId: string,
): Promise<WorkbookExportData | null> {
  const round = await db.rounds.get(roundId);
  if (!round) return null;
  const templateIds = [...new Set(Object.values(round.templateByType))].sort();
  const [panels, experts, bases, assignments, templates] = await Promise.all([
    db.panels.where('roundId').equals(roundId).toArray(),
    db.experts.where('roundId').equals(roundId).toArray(),
    db.bases.where('roundId').equals(roundId).toArray(),
    db.assignments.where('roundId').equals(roundId).toArray(),
    db.templates.bulkGet(templateIds),
  ]);
  const byName = <T extends { name: string }>(a: T, b: T) =>
    chineseCollator.compare(a.name, b.name);
  return {
    round,
    panels: panels.sort(byName),
    experts: experts.sort(byName),
    bases,
    assignments,
    templates: templates.filter((t) => t !== undefined),
  };
}

export function readWorkbookExportData(
  db: PingguDatabase,
  roundId: string,
): Promise<WorkbookExportData | null> {
  const tables = [db.rounds, db.panels, db.experts, db.bases, db.assignments, db.templates];
  return db.transaction('r', tables, () => readWorkbookExportRecords(db, roundId));
}

/** How many bases each expert scores (assigned, not recused): a workbook holds one sheet each. */
export function basesToScore(data: WorkbookExportData, expertId: string): number {
  return data.assignments.filter((a) => a.expertId === expertId && !a.recusal).length;
}

/**
 * basesToScore of every expert at once, by expert id (an expert with none is absent): one
 * pass over the assignments, where asking per expert went over all 7,000 of a 1,000-base
 * round once for each of its 700 experts.
 */
export function basesToScoreByExpert(data: WorkbookExportData): Map<string, number> {
  const counts = new Map<string, number>();
  for (const a of data.assignments) {
    if (!a.recusal) counts.set(a.expertId, (counts.get(a.expertId) ?? 0) + 1);
  }
  return counts;
}

/** One collator for every comparison (localeCompare with a locale makes one per call). */
export const chineseCollator = new Intl.Collator('zh-CN');
