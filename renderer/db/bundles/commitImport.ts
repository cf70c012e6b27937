// Step two of an import: ONE read-write Dexie transaction that reads the local state again,
// recomputes the plan with the same pure functions as the preview, checks the key pins and
// writes sheets, conflicts, roster records, the pin, a bundleImports row and the audit
// entries. Inside it only Dexie calls are awaited (no crypto, no I/O, no timers), so a
// failure anywhere rolls everything back and the database is exactly as it was.
//
// A re-import of a bundle already imported changes no data table and says so; it still
// appends a bundleImports row (the record of what was brought in, and when), which is why
// the idempotence digest (dataDigest) leaves out bundleImports and auditLog.
import type { BundleImportRecord } from '../../../shared/domain/types';
import type { ImportCounts } from '../../../shared/sync/mergeScoresheets';
import type { PingguDatabase } from '../database';
import { analyse } from './analyse';
import type { Analysis } from './analyse';
import { restoreBackup } from './backup';
import { noteReceivedRoundBundle } from './receivedRoundBundles';
import { auditGroupRecord, lastAuditSeq } from '../repositories/audit';
import { failedWriteError } from './importErrors';
import { readLocalState, readRoundReads } from './localState';
import type { LocalState, ReadOptions } from './localState';
import {
  emptyGroupWrites,
  noteGroupWrites,
  touchesGroupWrites,
  withGroupWrites,
} from './groupState';
import type { GroupWrites } from './groupState';
import { importAuditEntries } from './scoresPlan';
import { keyBlocking, pinToWrite } from './trustedKeys';
import type {
  CommitOptions,
  CommitResult,
  CommitSummary,
  ImportableBundle,
  PreparedImport,
} from './types';

const FILE_NAME_MAX = 255;

/** The file name as stored in import records and archives (the schemas' bounds). */
export const recordedFileName = (fileName: string): string =>
  (fileName.trim() === '' ? 'bundle.pgb' : fileName).slice(0, FILE_NAME_MAX);

export async function commitImport(
  db: PingguDatabase,
  prepared: PreparedImport,
  options: CommitOptions,
): Promise<CommitResult> {
  const { opened } = prepared;
  const fileName = recordedFileName(prepared.fileName);
  if (opened.kind === 'backup') {
    const restored = await restoreBackup(db, opened, fileName);
    if (!restored.ok) return restored;
    const counts = { added: 0, updated: 0, unchanged: 0, conflicts: 0, refused: 0 };
    const message = '已从备份恢复本机的全部数据。';
    const summary = { kind: 'backup' as const, changed: true, counts, keyPinned: false };
    return { ok: true, result: { ...summary, keyReplaced: false, message } };
  }
  try {
    return await db.transaction(
      'rw',
      db.tables,
      async () => await commitInTransaction(db, { ...prepared, fileName, opened }, options),
    );
  } catch (error) {
    // Written with the preview's absent ids taken as still absent, and refused: one of them
    // was written here since. Again, reading every id (localState.ts, ReadOptions).
    if (prepared.absentSheetIds !== undefined && isKeyTaken(error)) {
      const { absentSheetIds: _skipped, ...everyIdRead } = prepared;
      return commitImport(db, everyIdRead, options);
    }
    return { ok: false, error: failedWriteError(prepared.fileName, error) };
  }
}

/** A write refused because its key is taken (ConstraintError, alone or in Dexie's BulkError). */
function isKeyTaken(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'ConstraintError') return true;
  const failures: unknown = Reflect.get(error, 'failures');
  const list = Array.isArray(failures)
    ? failures
    : typeof failures === 'object' && failures !== null
      ? Object.values(failures)
      : [];
  return list.some((f) => f instanceof Error && f.name === 'ConstraintError');
}

export type GroupMember = { prepared: PreparedImport; options: CommitOptions };

/**
 * Commits several bundles (none a backup) in ONE read-write transaction, in order, each
 * planned against what the ones before it wrote: one durable flush for the group instead of
 * one per bundle, which is most of what a bundle's own transaction costs. Atomic per bundle
 * all the same: a bundle refused by its checks returns before it writes anything, and the
 * others go on; if the transaction itself fails (a write refused, the disk full), nothing of
 * the group is written and each bundle is committed again in its own transaction, so one
 * bundle's failure never undoes another's import. Results are in the members' order.
 */
export async function commitImportGroup(
  db: PingguDatabase,
  members: readonly GroupMember[],
): Promise<CommitResult[]> {
  const scores = members.flatMap(({ prepared, options }) => {
    const { opened } = prepared;
    return opened.kind === 'scores' ? [{ prepared: { ...prepared, opened }, options }] : [];
  });
  const importable = members.every(({ prepared }) => prepared.opened.kind !== 'backup');
  if (members.length > 1 && importable) {
    try {
      return await db.transaction('rw', db.tables, async () => {
        if (scores.length === members.length) return await commitScoresGroup(db, scores);
        const results: CommitResult[] = [];
        for (const { prepared, options } of members) {
          const { opened } = prepared;
          if (opened.kind === 'backup') throw new Error('a backup is restored, not imported');
          const fileName = recordedFileName(prepared.fileName);
          results.push(await commitInTransaction(db, { ...prepared, fileName, opened }, options));
        }
        return results;
      });
    } catch {
      // Nothing of the group was written: one transaction per bundle, as commitImport does.
    }
  }
  const results: CommitResult[] = [];
  for (const { prepared, options } of members) {
    results.push(await commitImport(db, prepared, options));
  }
  return results;
}

type ScoresMember = {
  prepared: PreparedImport & { opened: Extract<ImportableBundle, { kind: 'scores' }> };
  options: CommitOptions;
};

/**
 * A group of score bundles inside the caller's transaction, with the reads of every bundle
 * issued together at its start and its writes awaited once at its end, not one wait for each
 * bundle's reads and another for its writes (groupState.ts says why each bundle still reads
 * what the ones before it wrote). The result is the same as committing the bundles one after
 * another (tests/renderer/db/bundles/commitGroup.property.test.ts).
 */
async function commitScoresGroup(
  db: PingguDatabase,
  members: readonly ScoresMember[],
): Promise<CommitResult[]> {
  const readOptionsOf = (prepared: PreparedImport, written?: GroupWrites): ReadOptions => {
    const absent = prepared.absentSheetIds;
    if (absent === undefined) return {};
    if (written === undefined) return { absentSheetIds: absent };
    return { absentSheetIds: new Set([...absent].filter((id) => !written.sheetIds.has(id))) };
  };
  // The round's own reads once for the group; each bundle's reads with them, all issued now.
  const roundIds = [...new Set(members.map(({ prepared }) => prepared.opened.manifest.roundId))];
  const roundReads = new Map(
    roundIds.map((roundId) => [roundId, readRoundReads(db, roundId)] as const),
  );
  const [auditSeq, ...prefetched] = await Promise.all([
    lastAuditSeq(db),
    ...members.map(({ prepared }) => {
      const round = roundReads.get(prepared.opened.manifest.roundId);
      return readLocalState(db, prepared.opened, {
        ...readOptionsOf(prepared),
        ...(round === undefined ? {} : { shared: { round } }),
      });
    }),
  ]);
  const sink = writeSink(auditSeq);
  const written = emptyGroupWrites();
  const results: CommitResult[] = [];
  for (const [i, { prepared, options }] of members.entries()) {
    const { opened } = prepared;
    const before = prefetched[i];
    let local: LocalState;
    if (before === undefined || touchesGroupWrites(written, opened)) {
      // It reads what an earlier bundle of the group wrote: read again, after those writes.
      await sink.settle();
      local = await readLocalState(db, opened, readOptionsOf(prepared, written));
    } else {
      local = withGroupWrites(before, written, opened.manifest.roundId);
    }
    const fileName = recordedFileName(prepared.fileName);
    results.push(
      await commitInTransaction(db, { ...prepared, fileName, opened }, options, {
        local,
        sink,
        written,
      }),
    );
  }
  await sink.settle();
  return results;
}

/**
 * Writes issued in order and awaited together: IndexedDB runs a transaction's requests in the
 * order they are made, so nothing waits for one write before making the next. `auditSeq` is
 * the largest audit number stored, counting the writes made through the sink.
 */
type WriteSink = {
  push: (write: Promise<unknown>) => void;
  settle: () => Promise<void>;
  auditSeq: number;
};

function writeSink(auditSeq: number): WriteSink {
  let pending: Promise<unknown>[] = [];
  const sink: WriteSink = {
    auditSeq,
    push: (write) => {
      // Awaited in settle; a failure there fails the transaction. Until then, not unhandled.
      write.catch(() => undefined);
      pending.push(write);
    },
    settle: async () => {
      const writes = pending;
      pending = [];
      await Promise.all(writes);
    },
  };
  return sink;
}

/** A bundle of a group: its state as read for it, where its writes go, what the group wrote. */
type InGroup = { local: LocalState; sink: WriteSink; written: GroupWrites };

/**
 * The commit's body, inside the caller's read-write transaction of every table: reads the local
 * state again (or takes the group's, `group`), recomputes the plan, checks the key pin and
 * writes. A refusal returns before anything is written, so a group transaction
 * (commitImportGroup) can go on with the next bundle. Dexie calls only. In a group, its writes
 * are left to the group to await.
 */
async function commitInTransaction(
  db: PingguDatabase,
  prepared: PreparedImport & { opened: Exclude<ImportableBundle, { kind: 'backup' }> },
  options: CommitOptions,
  group?: InGroup,
): Promise<CommitResult> {
  const { opened, fileName, absentSheetIds } = prepared;
  const now = options.clock.now();
  const importId = options.newId();
  const [local, sink] = group
    ? [group.local, group.sink]
    : await Promise.all([
        readLocalState(db, opened, absentSheetIds ? { absentSheetIds } : {}),
        lastAuditSeq(db).then(writeSink),
      ]);
  const analysed = analyse(fileName, opened, local, { now, importId });
  if (!analysed.ok) return analysed;
  const { analysis } = analysed;
  if (analysis.kind === 'backup') throw new Error('a backup is restored, not imported');
  const acceptNewKey = options.acceptNewKey === true;
  const refusal = keyBlocking(fileName, opened, analysis.key);
  if (refusal !== undefined && !acceptNewKey) return { ok: false, error: refusal };
  const pin = pinToWrite(opened, analysis.key, analysis.state.pins, {
    now,
    actor: options.actor,
    acceptNewKey,
  });

  const roundBundle =
    opened.kind === 'round'
      ? {
          roundId: opened.manifest.roundId,
          panelId: opened.manifest.panelId,
          createdAt: opened.manifest.createdAt,
        }
      : undefined;
  const context = {
    fileName,
    actor: options.actor,
    now,
    importId,
    ...(roundBundle ? { roundBundle } : {}),
  };
  let counts: ImportCounts;
  if (analysis.kind === 'scores') {
    const scoresWrites = writeScores(db, analysis, context, sink);
    counts = analysis.plan.preview.counts;
    if (group) noteGroupWrites(group.written, analysis, scoresWrites.auditEntityIds, pin);
  } else {
    counts = await applyRoster(db, analysis, context);
  }
  if (pin !== undefined) sink.push(db.trustedKeys.put(pin));
  if (opened.kind === 'round' || opened.kind === 'result') {
    await sink.settle();
    await openIfNoCurrentRound(db, opened.manifest.roundId);
  }
  const record: BundleImportRecord = {
    id: importId,
    roundId: opened.manifest.roundId,
    kind: opened.kind,
    fileName,
    deviceId: opened.manifest.deviceId,
    fingerprint: opened.signer.fingerprint,
    importedAt: now,
    counts,
  };
  sink.push(db.bundleImports.add(record));
  if (!group) await sink.settle();
  const changesData = analysis.plan.changesData;
  const summary: CommitSummary = {
    kind: opened.kind,
    importId,
    changed: changesData || pin !== undefined,
    counts,
    ...(analysis.kind === 'scores' ? { sheets: analysis.plan.rows } : {}),
    ...(analysis.kind === 'round' || analysis.kind === 'result'
      ? { roster: analysis.plan.roster }
      : {}),
    keyPinned: pin !== undefined && analysis.key.status !== 'mismatch',
    keyReplaced: pin !== undefined && analysis.key.status === 'mismatch',
    message: messageOf(opened, counts, changesData) + (changesData ? voidedNote(analysis) : ''),
  };
  return { ok: true, result: summary };
}

type WriteContext = {
  fileName: string;
  actor: string;
  now: string;
  /** The bundleImports record's id, which the audit group names. */
  importId: string;
  /** A round bundle's round, panel and manifest time, noted so an older one is refused. */
  roundBundle?: { roundId: string; panelId: string; createdAt: string };
};

type ScoresAnalysis = Extract<Analysis, { kind: 'scores' }>;
type RosterAnalysis = Extract<Analysis, { kind: 'round' | 'result' }>;

/**
 * A score bundle's writes, issued in order into `sink` (Dexie calls only). Returns the ids its
 * audit record names.
 */
function writeScores(
  db: PingguDatabase,
  analysis: ScoresAnalysis,
  context: WriteContext,
  sink: WriteSink,
): { auditEntityIds: string[] } {
  const { merge, importedAudit } = analysis.plan;
  const roundId = analysis.state.round?.id ?? '';
  const own = importAuditEntries(analysis.plan, analysis.state.sheets, { ...context, roundId });
  const conflicts = [...merge.newConflicts, ...merge.updatedConflicts];
  // Deletes still come before puts: requests run in the order they are made. A sheet not among
  // those read is new here: added, so that the database refuses it if its id was taken since
  // the preview (localState.ts, ReadOptions).
  const stored = new Set(analysis.state.sheets.map((s) => s.id));
  const toAdd = merge.toPut.filter((s) => !stored.has(s.id));
  const toPut = merge.toPut.filter((s) => stored.has(s.id));
  if (merge.toDelete.length > 0) sink.push(db.scoresheets.bulkDelete(merge.toDelete));
  if (toPut.length > 0) sink.push(db.scoresheets.bulkPut(toPut));
  if (toAdd.length > 0) sink.push(db.scoresheets.bulkAdd(toAdd));
  if (merge.conflictsToDelete.length > 0) {
    sink.push(db.conflicts.bulkDelete(merge.conflictsToDelete));
  }
  if (conflicts.length > 0) sink.push(db.conflicts.bulkPut(conflicts));
  // The panel's entries and ours, as ONE audit record (repositories/audit.ts says why).
  const entries = [...importedAudit, ...own];
  if (entries.length === 0) return { auditEntityIds: [] };
  const group = auditGroupRecord(
    entries,
    {
      roundId,
      at: context.now,
      importId: context.importId,
      actor: context.actor,
      detail: `从“${context.fileName}”导入`,
    },
    sink.auditSeq,
  );
  sink.auditSeq = group.seq ?? sink.auditSeq;
  sink.push(db.auditLog.add(group));
  return { auditEntityIds: group.entityIds };
}

/** A round or result bundle's writes, one after another; Dexie calls only. */
async function applyRoster(
  db: PingguDatabase,
  analysis: RosterAnalysis,
  context: WriteContext,
): Promise<ImportCounts> {
  const { writes } = analysis.plan;
  if (writes.round) await db.rounds.put(writes.round);
  await db.templates.bulkPut(writes.templates);
  await db.bases.bulkDelete(writes.deletes.bases);
  await db.bases.bulkPut(writes.puts.bases);
  await db.panels.bulkDelete(writes.deletes.panels);
  await db.panels.bulkPut(writes.puts.panels);
  await db.experts.bulkDelete(writes.deletes.experts);
  await db.experts.bulkPut(writes.puts.experts);
  await db.assignments.bulkDelete(writes.deletes.assignments);
  await db.assignments.bulkPut(writes.puts.assignments);
  await db.scoresheets.bulkDelete(writes.deletes.scoresheets);
  await db.scoresheets.bulkPut(writes.puts.scoresheets);
  await db.decisions.bulkDelete(writes.deletes.decisions);
  await db.decisions.bulkPut(writes.puts.decisions);
  await db.roundChanges.bulkDelete(writes.changes.deletes);
  await db.roundChanges.bulkPut(writes.changes.put);
  if (context.roundBundle) {
    const { roundId, panelId, createdAt } = context.roundBundle;
    await noteReceivedRoundBundle(db, roundId, panelId, createdAt);
  }
  return analysis.plan.counts;
}

/**
 * A round or result bundle imported on a laptop with no current round (a fresh install, or
 * the current one deleted) makes its round the current one: otherwise every screen would
 * still say there is no round, as if the import had failed. A current round stays current.
 */
async function openIfNoCurrentRound(db: PingguDatabase, roundId: string): Promise<void> {
  const current = await db.settings.get('currentRoundId');
  if (current?.key === 'currentRoundId' && (await db.rounds.get(current.value))) return;
  if (await db.rounds.get(roundId)) {
    await db.settings.put({ key: 'currentRoundId', value: roundId });
  }
}

/** What the import voids (作废), after the main sentence; empty when nothing is voided. */
function voidedNote(analysis: Analysis): string {
  switch (analysis.kind) {
    case 'scores': {
      const { sheets, reasons } = analysis.plan.preview.voided;
      return sheets === 0
        ? ''
        : `其中作废 ${sheets} 张（${reasons.join('；')}），已保存，不计入任何统计。`;
    }
    case 'round':
    case 'result': {
      const { items, voidedSheets } = analysis.plan.roster.changes;
      if (items.length === 0) return '';
      const voided = voidedSheets > 0 ? `，作废评分表 ${voidedSheets} 张（保留，不计入统计）` : '';
      return `轮次变更 ${items.length} 项${voided}。`;
    }
    case 'backup':
      return '';
  }
}

function messageOf(opened: ImportableBundle, counts: ImportCounts, changed: boolean): string {
  if (!changed) return '此数据包的内容本机已经全部导入过，没有任何更改。';
  switch (opened.kind) {
    case 'scores':
      return `已导入评分：新增 ${counts.added} 张，更新 ${counts.updated} 张，未变 ${counts.unchanged} 张，冲突 ${counts.conflicts} 项，拒收 ${counts.refused} 张。`;
    case 'round':
      return `已导入评审任务：新增 ${counts.added} 项，更新 ${counts.updated} 项，评分表未受影响。`;
    case 'result':
      return `已导入评估结果，作为只读归档轮次保存（评分表 ${opened.payload.scoresheets.length} 张）。`;
    case 'backup':
      return '已从备份恢复本机的全部数据。';
  }
}
