// Pure parts of exporting a panel's score bundle: what the bundle holds, by state, and the
// file name proposed for it.
import { isSafeFileName } from '../../../../shared/ipc/fileNames';
import type { Scoresheet } from '../../../../shared/domain/types';

export type ExportedCounts = { total: number; submitted: number; draft: number; recused: number };

export function countExportedSheets(sheets: readonly Scoresheet[]): ExportedCounts {
  const counts: ExportedCounts = { total: sheets.length, submitted: 0, draft: 0, recused: 0 };
  for (const sheet of sheets) {
    if (sheet.recusal) counts.recused += 1;
    else if (sheet.status === 'submitted') counts.submitted += 1;
    else counts.draft += 1;
  }
  return counts;
}

/**
 * "评分包-2023-大连组-20231015-1730.pgb" (local time). Characters a file system refuses are
 * replaced, so the shell's save dialog always accepts the proposal.
 */
export function scoresBundleFileName(year: number, panelName: string, at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}`;
  // eslint-disable-next-line no-control-regex -- control characters are what we replace
  const panel = panelName.replace(/[/\\:*?"<>|\u0000-\u001f\u007f]/g, '_').trim() || 'panel';
  const name = `评分包-${year}-${panel}-${stamp}.pgb`;
  return isSafeFileName(name) ? name : `scores-${year}-${stamp}.pgb`;
}
