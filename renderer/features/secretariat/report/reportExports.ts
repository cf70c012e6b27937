// The 报告 tab's exports: the Excel workbook and the 基地结果 CSV (saved through the desktop's
// saveReport), and the signed result bundle for the department (saveBundle). Each reads the
// round in one transaction at the moment of export. The platform comes in through `deps`,
// so tests drive these with a real key and a recording save. A closed round's files are its
// final files (结束评估): dated at the closing and named with its version, so exporting them
// again gives the same bytes (reportWorkbookFile / resultBundleFile, used by the closing too).
import { createBundle } from '../../../../shared/bundle/bundle';
import type { BundleSigner } from '../../../../shared/bundle/bundleCrypto';
import type { WebCryptoLike } from '../../../../shared/bundle/cryptoTypes';
import { BundleWriteError } from '../../../../shared/bundle/errors';
import type {
  SaveBundleRequest,
  SaveReportRequest,
  SaveValue,
} from '../../../../shared/ipc/contract';
import type { Round } from '../../../../shared/domain/types';
import type { DesktopResult } from '../../../../shared/ipc/result';
import { reportFileName } from '../../../../shared/report/fileNames';
import type { ReportFileKind } from '../../../../shared/report/fileNames';
import { buildReportModel } from '../../../../shared/report/model';
import type { ReportModel } from '../../../../shared/report/model';
import { reportWorkbookSheets, resultsCsv } from '../../../../shared/report/workbook';
import {
  finalFileName,
  publishedClosure,
  standingClosure,
} from '../../../../shared/secretariat/closing';
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
  const closure = standingClosure(records.round);
  return buildReportModel({
    ...records,
    generatedAt: closure?.closedAt ?? deps.now(),
    utcOffsetMinutes: deps.utcOffsetMinutes,
  });
}

/** The name proposed for a file of `round`: its final file's name once it is closed. */
function fileNameFor(kind: ReportFileKind, round: Round, at: string): string {
  const closure = standingClosure(round);
  return closure ? finalFileName(kind, round, closure) : reportFileName(kind, round, new Date(at));
}

/** A file ready to save: its bytes and the name proposed for it. */
export type ReportFile = { bytes: Uint8Array; suggestedName: string };

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

/** Reads the round and turns its report model into the file's bytes; null if it is gone. */
async function reportFile(
  db: PingguDatabase,
  roundId: string,
  deps: Pick<ReportExportDeps, 'now' | 'utcOffsetMinutes'>,
  kind: 'xlsx' | 'csv',
  bytesOf: (model: ReportModel) => Uint8Array,
): Promise<ReportFile | null> {
  const model = await loadModel(db, roundId, deps);
  if (!model) return null;
  const { round, generatedAt } = model.input;
  return { bytes: bytesOf(model), suggestedName: fileNameFor(kind, round, generatedAt) };
}

const workbookBytes = (model: ReportModel): Uint8Array => writeXlsx(reportWorkbookSheets(model));

/** The report workbook's bytes and name, without saving it (the closing saves it itself). */
export function reportWorkbookFile(
  db: PingguDatabase,
  roundId: string,
  deps: Pick<ReportExportDeps, 'now' | 'utcOffsetMinutes'>,
): Promise<ReportFile | null> {
  return reportFile(db, roundId, deps, 'xlsx', workbookBytes);
}

/** Reads the round, turns its report model into the file's bytes and saves them. */
async function exportReportFile(
  db: PingguDatabase,
  roundId: string,
  deps: ReportExportDeps,
  kind: 'xlsx' | 'csv',
  bytesOf: (model: ReportModel) => Uint8Array,
): Promise<ExportOutcome> {
  const file = await reportFile(db, roundId, deps, kind, bytesOf);
  if (!file) return failed(`找不到评估轮次：${roundId}`);
  const { bytes, suggestedName } = file;
  return outcomeOf(await deps.saveReport({ suggestedName, kind, bytes }), suggestedName);
}

/** The workbook: 汇总, 基地结果, 指标均分, 评分表, 冲突, 决定. */
export function exportReportWorkbook(
  db: PingguDatabase,
  roundId: string,
  deps: ReportExportDeps,
): Promise<ExportOutcome> {
  return exportReportFile(db, roundId, deps, 'xlsx', workbookBytes);
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

export type ResultBundleFile = ReportFile & {
  bases: number;
  scoresheets: number;
  decisions: number;
};

/**
 * The signed result bundle's bytes and name, without saving it: every record of the round,
 * refused while conflicts are open (buildResultBundlePayload), signed with this device's key.
 * A closed round's bundle is dated at its closing and carries its published closure.
 */
export async function resultBundleFile(
  db: PingguDatabase,
  roundId: string,
  deps: Omit<ResultBundleDeps, 'saveBundle'>,
): Promise<
  | { kind: 'file'; file: ResultBundleFile }
  | { kind: 'refused'; message: string }
  | { kind: 'failed'; message: string }
> {
  const payload = await buildResultBundlePayload(db, roundId);
  if (!payload.ok) {
    return payload.error.code === 'openConflicts'
      ? { kind: 'refused', message: payload.error.message }
      : failed(payload.error.message);
  }
  const closure = standingClosure(payload.value.round);
  const round = closure
    ? { ...payload.value.round, closure: publishedClosure(closure) }
    : payload.value.round;
  const createdAt = closure?.closedAt ?? deps.now();
  let bytes: Uint8Array;
  try {
    bytes = await createBundle({
      kind: 'result',
      roundId,
      payload: { ...payload.value, round },
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
  return {
    kind: 'file',
    file: {
      bytes,
      suggestedName: fileNameFor('resultBundle', round, createdAt),
      bases: payload.value.bases.length,
      scoresheets: payload.value.scoresheets.length,
      decisions: payload.value.decisions.length,
    },
  };
}

/** The signed result bundle (resultBundleFile), saved through the desktop's saveBundle. */
export async function exportResultBundle(
  db: PingguDatabase,
  roundId: string,
  deps: ResultBundleDeps,
): Promise<ResultBundleOutcome> {
  const built = await resultBundleFile(db, roundId, deps);
  if (built.kind !== 'file') return built;
  const { bytes, suggestedName, bases, scoresheets, decisions } = built.file;
  const saved = outcomeOf(await deps.saveBundle({ suggestedName, bytes }), suggestedName);
  if (saved.kind !== 'saved') return saved;
  return { ...saved, bases, scoresheets, decisions, fingerprint: deps.signer.fingerprint };
}
