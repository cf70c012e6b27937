// A one-line description of what an edit changed in a scoresheet, for the audit log
// (e.g. "A1.1.2: 7.5 → 9；状态: 草稿 → 已提交").
import { dispositionByCode } from '../../../shared/domain/dispositions';
import type { Scoresheet, ScoresheetStatus } from '../../../shared/domain/types';

const STATUS_LABELS: Record<ScoresheetStatus, string> = { draft: '草稿', submitted: '已提交' };

const show = (value: number | undefined): string => (value === undefined ? '—' : String(value));

export function describeSheetChange(before: Scoresheet, after: Scoresheet): string {
  const parts: string[] = [];
  const keys = [...new Set([...Object.keys(before.scores), ...Object.keys(after.scores)])].sort();
  for (const key of keys) {
    const [a, b] = [before.scores[key], after.scores[key]];
    if (a !== b) parts.push(`${key}: ${show(a)} → ${show(b)}`);
  }
  const commentKeys = new Set([...Object.keys(before.comments), ...Object.keys(after.comments)]);
  const changedComments = [...commentKeys].filter((k) => before.comments[k] !== after.comments[k]);
  if (changedComments.length > 0) parts.push(`评语: ${changedComments.sort().join(', ')}`);
  if (before.overallComment !== after.overallComment) parts.push('总体评价');
  if (JSON.stringify(before.recommendation) !== JSON.stringify(after.recommendation)) {
    const code = after.recommendation?.disposition.code;
    parts.push(`处理建议: ${code ? (dispositionByCode(code)?.nameZh ?? code) : '—'}`);
  }
  if (before.status !== after.status) {
    parts.push(`状态: ${STATUS_LABELS[before.status]} → ${STATUS_LABELS[after.status]}`);
  }
  if (!before.recusal && after.recusal) parts.push('回避');
  parts.push(`修订 ${after.revision}`);
  return parts.join('；');
}
