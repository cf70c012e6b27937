// The reminder list (催办清单): every expert who still owes sheets, with the panel, phone and
// each outstanding base and its state, as the secretariat phones round or prints it. Built
// from roundCompleteness; exported as CSV (shared/csv/write.ts) and as an xlsx workbook. The file's
// language is Chinese whatever the UI language: it goes to the department.
import type { OutstandingItem, RoundCompleteness } from './completeness';
import type { XlsxSheetInput } from '../xlsx/write';
import { toCsv } from '../csv/write';
import type { CsvCell } from '../csv/write';

export type ReminderRow = {
  panelId: string;
  panelName: string;
  expertId: string;
  expertName: string;
  institution: string;
  /** Empty when the roster has no phone number. */
  phone: string;
  draftCount: number;
  missingCount: number;
  items: OutstandingItem[];
};

/** Experts with something outstanding, in panel order, then the panel's expert order. */
export function reminderRows(completeness: RoundCompleteness): ReminderRow[] {
  return completeness.panels.flatMap((panel) =>
    panel.experts
      .filter((row) => row.outstanding.length > 0)
      .map((row) => ({
        panelId: panel.panel.id,
        panelName: panel.panel.name,
        expertId: row.expert.id,
        expertName: row.expert.name,
        institution: row.expert.institution,
        phone: row.expert.phone?.trim() ?? '',
        draftCount: row.counts.draft,
        missingCount: row.counts.missing,
        items: row.outstanding,
      })),
  );
}

const STATE_TEXT: Record<OutstandingItem['state'], string> = { draft: '草稿', missing: '未开始' };

/** "草稿，已打分 5 项" / "未开始". */
export function outstandingStateText(item: OutstandingItem): string {
  return item.state === 'draft' && item.scoredCount > 0
    ? `${STATE_TEXT.draft}，已打分 ${item.scoredCount} 项`
    : STATE_TEXT[item.state];
}

/** "基地甲（草稿，已打分 5 项）；基地乙（未开始）". */
export function outstandingText(items: readonly OutstandingItem[]): string {
  return items.map((item) => `${item.baseName}（${outstandingStateText(item)}）`).join('；');
}

export const REMINDER_HEADER = [
  '专家组',
  '专家',
  '工作单位',
  '联系电话',
  '未完成份数',
  '其中草稿',
  '其中未开始',
  '未完成的基地（状态）',
] as const;

/** One row per expert (header first). */
export function reminderTable(rows: readonly ReminderRow[]): CsvCell[][] {
  return [
    [...REMINDER_HEADER],
    ...rows.map((row) => [
      row.panelName,
      row.expertName,
      row.institution,
      row.phone,
      row.items.length,
      row.draftCount,
      row.missingCount,
      outstandingText(row.items),
    ]),
  ];
}

export const REMINDER_DETAIL_HEADER = [
  '专家组',
  '专家',
  '联系电话',
  '基地',
  '状态',
  '已打分项数',
] as const;

/** One row per outstanding sheet (header first). */
export function reminderDetailTable(rows: readonly ReminderRow[]): CsvCell[][] {
  return [
    [...REMINDER_DETAIL_HEADER],
    ...rows.flatMap((row) =>
      row.items.map((item) => [
        row.panelName,
        row.expertName,
        row.phone,
        item.baseName,
        STATE_TEXT[item.state],
        item.scoredCount,
      ]),
    ),
  ];
}

export function reminderCsv(rows: readonly ReminderRow[]): string {
  return toCsv(reminderTable(rows));
}

export type ReminderMeta = { roundName: string; generatedAt: string };

/**
 * Sheets 催办清单 (per expert), 明细 (per sheet) and 说明 for writeXlsx, which keeps text as
 * text (never a formula), so names are written exactly as they are.
 */
export function reminderWorkbook(
  rows: readonly ReminderRow[],
  meta: ReminderMeta,
): XlsxSheetInput[] {
  const outstanding = rows.reduce((sum, row) => sum + row.items.length, 0);
  return [
    {
      name: '催办清单',
      rows: reminderTable(rows),
      columnWidths: [16, 10, 24, 16, 10, 10, 10, 80],
      headerRows: 1,
    },
    {
      name: '明细',
      rows: reminderDetailTable(rows),
      columnWidths: [16, 10, 16, 40, 10, 10],
      headerRows: 1,
    },
    {
      name: '说明',
      rows: [
        ['评估轮次', meta.roundName],
        ['生成时间', meta.generatedAt],
        ['待催办专家', rows.length],
        ['未完成评分表', outstanding],
      ],
      columnWidths: [16, 48],
    },
  ];
}

/** A file name without characters a save dialog refuses: "催办清单-<round>-<yyyy-mm-dd>". */
export function reminderFileName(roundName: string, isoDate: string): string {
  const cleanRound = roundName
    // eslint-disable-next-line no-control-regex -- control characters are what we remove
    .replace(/[/\\:*?"<>|\u0000-\u001f\u007f]/gu, '-')
    .trim()
    .slice(0, 120);
  return `催办清单-${cleanRound}-${isoDate.slice(0, 10)}`.replace(/[.\s]+$/u, '');
}
