// The 报告 tab's exports: the Excel workbook and the 基地结果 CSV (saved through the desktop's
// saveReport), and the signed result bundle for the department (saveBundle). Each reads the
// round in one transaction at the moment of export. The platform comes in through `deps`,
// so tests drive these with a real key and a recording save.
import { createBundle } from '../../../../shared/bundle/bundle';
import type { BundleSigner } from '../../../../shared/bundle/bundleCrypto';
import type { WebCryptoLike } from '../../../../shared/bundle/cryptoTypes';
import { BundleWriteError } from '../../../../shared/bundle/errors';
import type {
  SaveBundleRequest,
  SaveReportRequest,
  SaveValue,
} from '../../../../shared/ipc/contract';
import type { DesktopResult } from '../../../../shared/ipc/result';
import { reportFileName } from '../../../../shared/report/fileNames';
import { buildReportModel } from '../../../../shared/report/model';
import type { ReportModel } from '../../../../shared/report/model';
import { reportWorkbookSheets, resultsCsv } from '../../../../shared/report/workbook';
import { writeXlsx } from '../../../../shared/xlsx/write';
import { buildResultBundlePayload } from '../../../db/bundles/exports';
import type { PingguDatabase } from '../../../db/database';
import { readReportRecords } from './reportData';

export type SavedFile = { kind: 'saved'; fileName: string; path?: string };

export type ExportOutcome = SavedFile | { kind: 'cancelled' } | { kind: 'failed'; message: string };

export type ResultBundleOutcome =
  | (SavedFile & { bases: number; scoresheets: number; decisions: number; fingerprint: string })
  | { kind: 'cancelled' }
  /** Conflicts are still open: nothing was written. */
  | { kind: 'refused'; message: string }
  | { kind: 'failed'; message: string };

export type ReportExportDeps = {
  now: () => string;
  /** Minutes east of UTC that times in the report are shown in. */
  utcOffsetMinutes: number;
  saveReport: (request: SaveReportRequest) => Promise<DesktopResult<SaveValue>>;
};

const failed = (message: string) => ({ kind: 'failed', message }) as const;

async function loadModel(
  db: PingguDatabase,
  roundId: string,
  deps: Pick<ReportExportDeps, 'now' | 'utcOffsetMinutes'>,
): Promise<ReportModel | null> {
  const records = await readReportRecords(db, roundId);
  if (!records) return null;
  return buildReportModel({
    ...records,
    generatedAt: deps.now(),
    utcOffsetMinutes: deps.utcOffsetMinutes,
  });
}

/** What a save call did: saved under `fileName` (and where), cancelled, or failed. */
function outcomeOf(saved: DesktopResult<SaveValue>, fileName: string): ExportOutcome {
  if (!saved.ok) return failed(saved.error.message);
  if (!saved.value.saved) return { kind: 'cancelled' };
  return {
    kind: 'saved',
    fileName,
    ...(saved.value.path === undefined ? {} : { path: saved.value.path }),
  };
}

/** Reads the round, turns its report model into the file's bytes and saves them. */
async function exportReportFile(
  db: PingguDatabase,
  roundId: string,
  deps: ReportExportDeps,
  kind: 'xlsx' | 'csv',
  bytesOf: (model: ReportModel) => Uint8Array,
): Promise<ExportOutcome> {
  const model = await loadModel(db, roundId, deps);
  if (!model) return failed(`找不到评估轮次：${roundId}`);
  const bytes = bytesOf(model);
  const suggestedName = reportFileName(kind, model.input.round, new Date(model.input.generatedAt));
  return outcomeOf(await deps.saveReport({ suggestedName, kind, bytes }), suggestedName);
}

/** The workbook: 汇总, 基地结果, 指标均分, 评分表, 冲突, 决定. */
export function exportReportWorkbook(
  db: PingguDatabase,
  roundId: string,
  deps: ReportExportDeps,
): Promise<ExportOutcome> {
  return exportReportFile(db, roundId, deps, 'xlsx', (model) =>
    writeXlsx(reportWorkbookSheets(model)),
  );
}

/** 基地结果 as CSV (UTF-8 with BOM, CRLF). */
export function exportResultsCsv(
  db: PingguDatabase,
  roundId: string,
  deps: ReportExportDeps,
): Promise<ExportOutcome> {
  return exportReportFile(db, roundId, deps, 'csv', (model) =>
    new TextEncoder().encode(resultsCsv(model)),
  );
}

export type ResultBundleDeps = {
  signer: BundleSigner & { fingerprint: string };
  deviceId: string;
  appVersion: string;
  crypto: WebCryptoLike;
  now: () => string;
  saveBundle: (request: SaveBundleRequest) => Promise<DesktopResult<SaveValue>>;
};

/**
 * The signed result bundle: every record of the round, refused while conflicts are open
 * (buildResultBundlePayload), signed with this device's key.
 */
export async function exportResultBundle(
  db: PingguDatabase,
  roundId: string,
  deps: ResultBundleDeps,
): Promise<ResultBundleOutcome> {
  const payload = await buildResultBundlePayload(db, roundId);
  if (!payload.ok) {
    return payload.error.code === 'openConflicts'
      ? { kind: 'refused', message: payload.error.message }
      : failed(payload.error.message);
  }
  const createdAt = deps.now();
  let bytes: Uint8Array;
  try {
    bytes = await createBundle({
      kind: 'result',
      roundId,
      payload: payload.value,
      deviceId: deps.deviceId,
      appVersion: deps.appVersion,
      createdAt,
      signer: deps.signer,
      crypto: deps.crypto,
    });
  } catch (error) {
    if (error instanceof BundleWriteError) return failed(error.error.message);
    return failed(error instanceof Error ? error.message : String(error));
  }
  const suggestedName = reportFileName('resultBundle', payload.value.round, new Date(createdAt));
  const saved = outcomeOf(await deps.saveBundle({ suggestedName, bytes }), suggestedName);
  if (saved.kind !== 'saved') return saved;
  return {
    ...saved,
    bases: payload.value.bases.length,
    scoresheets: payload.value.scoresheets.length,
    decisions: payload.value.decisions.length,
    fingerprint: deps.signer.fingerprint,
  };
}
