// Display helpers for backups and bundle previews: local times, file sizes, the error text in
// the interface language, and the pure summaries the preview shows.
import type { ImportError, ImportPreview, RecordCounts, SheetPreview } from '../../db/bundles';

export const formatTime = (iso: string, language: string): string => {
  const time = new Date(iso);
  if (Number.isNaN(time.getTime())) return iso;
  return time.toLocaleString(language === 'en' ? 'en-GB' : 'zh-CN', { hour12: false });
};

export const formatBytes = (bytes: number): string => {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
};

export const importErrorText = (error: ImportError, language: string): string =>
  language === 'en' ? error.messageEn : error.message;

/** The roster tables' counts added up: one line in the preview. */
export const rosterTotals = (roster: NonNullable<ImportPreview['roster']>): RecordCounts => {
  const tables = [
    roster.rounds,
    roster.templates,
    roster.bases,
    roster.panels,
    roster.experts,
    roster.assignments,
  ];
  return tables.reduce(
    (sum, counts) => ({
      added: sum.added + counts.added,
      changed: sum.changed + counts.changed,
      unchanged: sum.unchanged + counts.unchanged,
    }),
    { added: 0, changed: 0, unchanged: 0 },
  );
};

/** Every sheet of a scores preview, changed ones (conflicts, refusals, voided, updates) first. */
export const sheetsWorthShowing = (preview: {
  readonly sheets?: Pick<NonNullable<ImportPreview['sheets']>, 'byBase'>;
}): SheetPreview[] => {
  const order: Record<SheetPreview['outcome'], number> = {
    conflict: 0,
    refused: 1,
    updated: 2,
    new: 3,
    unchanged: 4,
  };
  // Voided sheets (作废) come right after the refused ones: they are taken, but never counted.
  const rank = (s: SheetPreview): number =>
    s.voided !== undefined && s.outcome !== 'conflict' ? 1.5 : order[s.outcome];
  const sheets = preview.sheets?.byBase.flatMap((group) => group.sheets) ?? [];
  return [...sheets].sort((a, b) => rank(a) - rank(b));
};
