// The final files of a closing (结束评估): the report workbook and the signed result bundle,
// built by the 报告 tab's exports (which date a closed round's files at its closing and name
// them with its version, so they are the same bytes whenever they are written), saved through
// the desktop's save calls, and the SHA-256 of each file saved recorded on the round's
// closure (recordClosingFiles). The platform comes in through `deps`.
import { fileSha256 } from '../../../../shared/bundle/fileHash';
import { standingClosure } from '../../../../shared/secretariat/closing';
import type { PingguDatabase } from '../../../db/database';
import { recordClosingFiles } from '../../../db/repositories/closingRepository';
import type { ClosingFiles } from '../../../db/repositories/closingRepository';
import type { ReportExportDeps, ResultBundleDeps } from '../report/reportExports';
import { reportWorkbookFile, resultBundleFile } from '../report/reportExports';

export type FinalFilesDeps = ReportExportDeps &
  ResultBundleDeps & {
    /** Who writes the files (recorded in the audit entry). */
    actor: string;
  };

/** What became of one final file: saved (with its hash and where), cancelled, or failed. */
export type FinalFileOutcome =
  | { kind: 'saved'; fileName: string; sha256: string; path?: string }
  | { kind: 'cancelled'; fileName: string }
  | { kind: 'failed'; message: string };

export type FinalFilesOutcome =
  | { kind: 'written'; report: FinalFileOutcome; result: FinalFileOutcome }
  | { kind: 'failed'; message: string };

type Save = (fileName: string, bytes: Uint8Array) => ReturnType<FinalFilesDeps['saveReport']>;

async function saveFile(
  deps: FinalFilesDeps,
  file: { bytes: Uint8Array; suggestedName: string },
  save: Save,
): Promise<FinalFileOutcome> {
  const sha256 = await fileSha256(deps.crypto, file.bytes);
  const saved = await save(file.suggestedName, file.bytes);
  if (!saved.ok) return { kind: 'failed', message: saved.error.message };
  if (!saved.value.saved) return { kind: 'cancelled', fileName: file.suggestedName };
  return {
    kind: 'saved',
    fileName: file.suggestedName,
    sha256,
    ...(saved.value.path === undefined ? {} : { path: saved.value.path }),
  };
}

/**
 * Writes both final files of the closed round `roundId` and records the hash of each one
 * saved. Refused (nothing written) when the round is not closed.
 */
export async function writeFinalFiles(
  db: PingguDatabase,
  roundId: string,
  deps: FinalFilesDeps,
): Promise<FinalFilesOutcome> {
  const round = await db.rounds.get(roundId);
  if (!round || standingClosure(round) === undefined) {
    return { kind: 'failed', message: '本轮评估尚未结束，不能写出最终文件。' };
  }
  const workbook = await reportWorkbookFile(db, roundId, deps);
  const report: FinalFileOutcome = workbook
    ? await saveFile(deps, workbook, (suggestedName, bytes) =>
        deps.saveReport({ suggestedName, kind: 'xlsx', bytes }),
      )
    : { kind: 'failed', message: `找不到评估轮次：${roundId}` };
  const bundle = await resultBundleFile(db, roundId, deps);
  const result: FinalFileOutcome =
    bundle.kind === 'file'
      ? await saveFile(deps, bundle.file, (suggestedName, bytes) =>
          deps.saveBundle({ suggestedName, bytes }),
        )
      : { kind: 'failed', message: bundle.message };
  const files: ClosingFiles = {
    ...(report.kind === 'saved' ? { reportSha256: report.sha256 } : {}),
    ...(result.kind === 'saved' ? { resultSha256: result.sha256 } : {}),
  };
  if (files.reportSha256 !== undefined || files.resultSha256 !== undefined) {
    const recorded = await recordClosingFiles(db, roundId, files, deps.actor, deps);
    if (!recorded.ok) return { kind: 'failed', message: recorded.error.message };
  }
  return { kind: 'written', report, result };
}
