// File names proposed for the report's exports and the result bundle:
// "评估报告-2023-<轮次名称>-20240601-1600.xlsx" (local time of `at`). Characters a file system
// refuses are replaced, so the save dialog always accepts the proposal.
import { isSafeFileName } from '../ipc/fileNames';

export type ReportFileKind = 'xlsx' | 'csv' | 'pdf' | 'resultBundle';

const PREFIX: Record<ReportFileKind, string> = {
  xlsx: '评估报告',
  csv: '基地结果',
  pdf: '评估报告',
  resultBundle: '结果包',
};

const EXTENSION: Record<ReportFileKind, string> = {
  xlsx: 'xlsx',
  csv: 'csv',
  pdf: 'pdf',
  resultBundle: 'pgb',
};

const FALLBACK: Record<ReportFileKind, string> = {
  xlsx: 'report',
  csv: 'results',
  pdf: 'report',
  resultBundle: 'result',
};

const MAX_ROUND_NAME = 60;

export function reportFileName(
  kind: ReportFileKind,
  round: { year: number; name: string },
  at: Date,
): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}`;
  const roundName = round.name
    // eslint-disable-next-line no-control-regex -- control characters are what we replace
    .replace(/[/\\:*?"<>|\u0000-\u001f\u007f]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_ROUND_NAME)
    .trim();
  const parts = [PREFIX[kind], String(round.year), roundName, stamp].filter((p) => p !== '');
  const name = `${parts.join('-')}.${EXTENSION[kind]}`;
  return isSafeFileName(name)
    ? name
    : `${FALLBACK[kind]}-${round.year}-${stamp}.${EXTENSION[kind]}`;
}
