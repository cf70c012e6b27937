// The round's records the report is built from (its changes after issue too, so the report
// leaves voided sheets and withdrawn bases out of every statistic and lists them in 作废记录):
// for an export, read in one read-only transaction so a report never mixes two states of the
// database; for the 报告 tab and the printout, a live hook over the same reads.
import { useLiveQuery } from 'dexie-react-hooks';
import type { IndicatorTemplate } from '../../../../shared/domain/types';
import type { ReportInput } from '../../../../shared/report/types';
import type { PingguDatabase } from '../../../db/database';
import { db as appDatabase } from '../../../db/instance';
import { readRoundTables } from '../../../db/queries';
import { listAuditOfRoundEntries } from '../../../db/repositories/audit';

export type ReportRecords = Omit<ReportInput, 'generatedAt' | 'utcOffsetMinutes'>;

/** The reads of readReportRecords, in whatever transaction the caller is in (or none). */
async function readRecords(db: PingguDatabase, roundId: string): Promise<ReportRecords | null> {
  const round = await db.rounds.get(roundId);
  if (!round) return null;
  const [tables, audit] = await Promise.all([
    readRoundTables(db, roundId),
    listAuditOfRoundEntries(db, roundId),
  ]);
  const templateIds = new Set(tables.scoresheets.map((s) => s.templateId));
  for (const id of Object.values(round.templateByType)) {
    if (id !== undefined) templateIds.add(id);
  }
  const templates = (await db.templates.bulkGet([...templateIds].sort())).filter(
    (t): t is IndicatorTemplate => t !== undefined,
  );
  return { round, templates, ...tables, audit };
}

export function readReportRecords(
  db: PingguDatabase,
  roundId: string,
): Promise<ReportRecords | null> {
  return db.transaction(
    'r',
    [
      db.rounds,
      db.bases,
      db.templates,
      db.panels,
      db.experts,
      db.assignments,
      db.scoresheets,
      db.decisions,
      db.conflicts,
      db.auditLog,
      db.roundChanges,
    ],
    () => readRecords(db, roundId),
  );
}

/** The report's records; `null` when the round is gone, `undefined` while loading. */
export function useReportRecords(
  roundId: string | undefined,
  database: PingguDatabase = appDatabase,
): ReportRecords | null | undefined {
  // Not in one transaction, unlike the exports: the round's sheets then come from Dexie's
  // query cache when a screen or roundCacheHooks.ts holds them, instead of from IndexedDB
  // (the slowest part of opening the tab). A live query is re-run after any write to what it
  // read, so what it settles on is still one state of the database.
  return useLiveQuery(
    () => (roundId === undefined ? undefined : readRecords(database, roundId)),
    [database, roundId],
  );
}

/** This machine's offset from UTC in minutes east (北京时间: 480), for report times. */
export const localUtcOffsetMinutes = (at: Date = new Date()): number => -at.getTimezoneOffset();
