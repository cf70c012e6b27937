// A filled Excel scoresheet workbook (shared/workbook) imported like a score bundle: read and
// checked against the round stored here (refused as a whole, naming sheet and cell), its
// sheets made records of the device `excel:<16 hex>`, then the score bundle's own plan
// (scoresPlan.ts: admission, merge, preview) on what is stored. prepareWorkbookImport writes
// nothing; commitWorkbookImport recomputes the plan inside ONE read-write transaction (only
// Dexie calls awaited) and writes the sheets, conflicts, an import record and audit entries
// carrying the file's SHA-256. A workbook has no signing key, so it needs no key tick.
import { displayName } from '../../../shared/bundle/errors';
import type { WorkbookXlsxReader } from './batchTypes';
import type { WebCryptoLike } from '../../../shared/bundle/cryptoTypes';
import type { BundleImportRecord, Expert, Scoresheet } from '../../../shared/domain/types';
import { readScoresheetWorkbook } from '../../../shared/workbook/read';
import { toScoresheets, workbookDeviceId } from '../../../shared/workbook/toScoresheets';
import type { WorkbookRead, WorkbookRoundContext } from '../../../shared/workbook/types';
import type { PingguDatabase } from '../database';
import { recordedFileName } from './commitImport';
import { failedWriteError, importError, internalImportError } from './importErrors';
import type { ImportError } from './importErrors';
import { readScoresState } from './localState';
import type { ScoresState, SheetPair } from './localState';
import { importAuditEntries, planScores } from './scoresPlan';
import type { ScoresPlan } from './scoresPlan';
import type { CommitResult, CommitSummary } from './types';
import { workbookPreviewOf } from './workbookPreview';
import type { WorkbookPreview } from './workbookPreview';

export type { WorkbookPreview, WorkbookBasePreview } from './workbookPreview';

export { isWorkbookFileName } from './workbookFileName';

export type PreparedWorkbook = {
  fileName: string;
  read: WorkbookRead;
  expert: Expert;
  /** The records the workbook's sheets become (the same for the same file). */
  sheets: Scoresheet[];
  preview: WorkbookPreview;
};

export type PrepareWorkbookResult =
  { ok: true; prepared: PreparedWorkbook } | { ok: false; error: ImportError };

/** The round as stored here, with its experts' full records. */
export type StoredWorkbookContext = Omit<WorkbookRoundContext, 'experts'> & { experts: Expert[] };

/** What the reader checks a workbook against: the round as stored here. */
export async function readWorkbookContext(
  db: PingguDatabase,
  roundId: string,
): Promise<StoredWorkbookContext | undefined> {
  return db.transaction('r', [db.rounds, db.bases, db.experts, db.templates], async () => {
    const round = await db.rounds.get(roundId);
    if (round === undefined) return undefined;
    const templateIds = [...new Set(Object.values(round.templateByType))].sort();
    const [bases, experts, templates] = await Promise.all([
      db.bases.where('roundId').equals(roundId).toArray(),
      db.experts.where('roundId').equals(roundId).toArray(),
      db.templates.bulkGet(templateIds),
    ]);
    return {
      round,
      bases,
      experts,
      templates: templates.filter((t) => t !== undefined),
    };
  });
}

function refusalError(fileName: string, code: 'wrongRound' | 'schema', zh: string, en: string) {
  const name = displayName(fileName);
  return { code, message: `文件“${name}”：${zh}`, messageEn: `File "${name}": ${en}` };
}

const stateOf = (db: PingguDatabase, roundId: string, panelId: string, sheets: Scoresheet[]) =>
  readScoresState(db, {
    roundId,
    panelId,
    sheetIds: sheets.map((s) => s.id),
    pairs: sheets.map((s): SheetPair => [s.expertId, s.baseId]),
    auditEntityIds: [],
  });

const plan = (
  fileName: string,
  prepared: Pick<PreparedWorkbook, 'expert' | 'sheets'>,
  state: ScoresState,
  deps: { now: string; importId: string },
) =>
  planScores(
    fileName,
    {
      manifest: { roundId: prepared.expert.roundId, panelId: prepared.expert.panelId },
      payload: { scoresheets: prepared.sheets, audit: [] },
    },
    state,
    deps,
  );

/** Reads and checks the workbook, and what importing it would do. Writes nothing. */
export async function prepareWorkbookImport(
  db: PingguDatabase,
  bytes: Uint8Array,
  fileName: string,
  options: { crypto: WebCryptoLike; roundId: string; readXlsx?: WorkbookXlsxReader },
): Promise<PrepareWorkbookResult> {
  try {
    const context = await readWorkbookContext(db, options.roundId);
    if (context === undefined) {
      return {
        ok: false,
        error: importError(fileName, 'unknownRound', { roundId: options.roundId }),
      };
    }
    const { readXlsx } = options;
    const read = await readScoresheetWorkbook(bytes, context, {
      crypto: options.crypto,
      ...(readXlsx === undefined
        ? {}
        : { readXlsx: (data: Uint8Array) => readXlsx(fileName, data) }),
    });
    if (!read.ok) {
      const { code, message, messageEn } = read.refusal;
      const as = code === 'otherRound' ? 'wrongRound' : 'schema';
      return { ok: false, error: refusalError(fileName, as, message, messageEn) };
    }
    const expert = context.experts.find((e) => e.id === read.identity.expertId);
    if (expert === undefined) {
      return { ok: false, error: internalImportError(fileName) };
    }
    const sheets = toScoresheets(read, expert, context.round);
    const state = await stateOf(db, context.round.id, expert.panelId, sheets);
    const planned = plan(fileName, { expert, sheets }, state, {
      now: read.identity.exportedAt,
      importId: 'preview',
    });
    if (!planned.ok) return planned;
    const preview = workbookPreviewOf(fileName, read, expert, state, planned.plan);
    return { ok: true, prepared: { fileName, read, expert, sheets, preview } };
  } catch {
    return { ok: false, error: internalImportError(fileName) };
  }
}

function messageOf(plan: ScoresPlan): string {
  if (!plan.changesData) return '此 Excel 评分表的内容本机已经全部导入过，没有任何更改。';
  const c = plan.preview.counts;
  return `已导入 Excel 评分表：新增 ${c.added} 张，更新 ${c.updated} 张，未变 ${c.unchanged} 张，冲突 ${c.conflicts} 项，拒收 ${c.refused} 张。`;
}

export type WorkbookCommitOptions = {
  actor: string;
  clock: { now(): string };
  newId(): string;
};

/** One transaction: the plan again on what is stored now, then its writes. */
export async function commitWorkbookImport(
  db: PingguDatabase,
  prepared: PreparedWorkbook,
  options: WorkbookCommitOptions,
): Promise<CommitResult> {
  const fileName = recordedFileName(prepared.fileName);
  const { expert, sheets, read } = prepared;
  const now = options.clock.now();
  const importId = options.newId();
  const deviceId = workbookDeviceId(read.fileSha256);
  try {
    return await db.transaction('rw', db.tables, async (): Promise<CommitResult> => {
      const state = await stateOf(db, expert.roundId, expert.panelId, sheets);
      const planned = plan(fileName, prepared, state, { now, importId });
      if (!planned.ok) return planned;
      const { merge } = planned.plan;
      await db.scoresheets.bulkDelete(merge.toDelete);
      await db.scoresheets.bulkPut(merge.toPut);
      await db.conflicts.bulkDelete(merge.conflictsToDelete);
      await db.conflicts.bulkPut([...merge.newConflicts, ...merge.updatedConflicts]);
      const source = `（Excel 评分表，文件 SHA-256：${read.fileSha256}）`;
      const audit = importAuditEntries(planned.plan, state.sheets, {
        roundId: expert.roundId,
        fileName,
        actor: options.actor,
        now,
      }).map((entry) => ({ ...entry, detail: `${entry.detail ?? ''}${source}` }));
      await db.auditLog.bulkAdd(audit);
      const counts = planned.plan.preview.counts;
      const record: BundleImportRecord = {
        id: importId,
        roundId: expert.roundId,
        kind: 'scores',
        fileName,
        deviceId,
        // A workbook is signed by nobody: no key fingerprint.
        fingerprint: '',
        importedAt: now,
        counts,
      };
      await db.bundleImports.add(record);
      const summary: CommitSummary = {
        kind: 'scores',
        importId,
        changed: planned.plan.changesData,
        counts,
        sheets: planned.plan.rows,
        keyPinned: false,
        keyReplaced: false,
        message: messageOf(planned.plan),
      };
      return { ok: true, result: summary };
    });
  } catch (error) {
    return { ok: false, error: failedWriteError(prepared.fileName, error) };
  }
}
