// The reminder list as a file to save: CSV or an Excel workbook, under the list's own name
// (saved through the desktop API by useSaveFile: a save dialog in Electron, a download in a
// browser).
import {
  reminderCsv,
  reminderFileName,
  reminderWorkbook,
} from '../../../../shared/secretariat/reminders';
import type { ReminderRow } from '../../../../shared/secretariat/reminders';
import { writeXlsx } from '../../../../shared/xlsx/write';
import type { SaveReportRequest } from '../../../../shared/ipc/contract';

export type ReminderFileKind = 'csv' | 'xlsx';

export type ReminderExport = {
  rows: readonly ReminderRow[];
  roundName: string;
  /** ISO time of the export: the file name's date. */
  now: string;
  /** The same time as people read it, written into the workbook. */
  generatedAt: string;
};

export function reminderBytes(kind: ReminderFileKind, input: ReminderExport): Uint8Array {
  if (kind === 'csv') return new TextEncoder().encode(reminderCsv(input.rows));
  return writeXlsx(
    reminderWorkbook(input.rows, { roundName: input.roundName, generatedAt: input.generatedAt }),
  );
}

export function reminderSaveRequest(
  kind: ReminderFileKind,
  input: ReminderExport,
): SaveReportRequest {
  return {
    suggestedName: `${reminderFileName(input.roundName, input.now)}.${kind}`,
    kind,
    bytes: reminderBytes(kind, input),
  };
}
