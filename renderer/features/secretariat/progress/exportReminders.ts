// Saves the reminder list as CSV or as an Excel workbook through the desktop API (a save
// dialog in Electron, a download in a browser).
import {
  reminderCsv,
  reminderFileName,
  reminderWorkbook,
} from '../../../../shared/secretariat/reminders';
import type { ReminderRow } from '../../../../shared/secretariat/reminders';
import { writeXlsx } from '../../../../shared/xlsx/write';
import type { DesktopResult } from '../../../../shared/ipc/result';
import type { SaveValue } from '../../../../shared/ipc/contract';
import { getDesktopApi } from '../../../platform/desktopApi';

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

export function saveReminders(
  kind: ReminderFileKind,
  input: ReminderExport,
): Promise<DesktopResult<SaveValue>> {
  return getDesktopApi().file.saveReport({
    suggestedName: `${reminderFileName(input.roundName, input.now)}.${kind}`,
    kind,
    bytes: reminderBytes(kind, input),
  });
}
