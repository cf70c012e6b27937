// Saving Excel scoresheets through the desktop: one expert's workbook with the save dialog (a
// download in a browser), or a panel's workbooks written into one folder, e.g. a USB stick,
// in one action (existing files are never overwritten, as for round bundles).
import { systemClock } from '../../../app/clock';
import type { PingguDatabase } from '../../../db/database';
import { getDesktopApi } from '../../../platform/desktopApi';
import type { PanelWorkbooks } from './workbookExport';
import { readWorkbookExportData } from './workbookExportData';

/** The writer loads with the first export, not with the secretariat's screens. */
const writer = () => import('./workbookExport');

export type WorkbookExportOutcome =
  | { kind: 'saved'; names: string[]; folder?: string; skipped: PanelWorkbooks['skipped'] }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string };

const deps = () => ({ crypto: globalThis.crypto, exportedAt: systemClock.now() });

export async function exportExpertWorkbook(
  db: PingguDatabase,
  roundId: string,
  expertId: string,
): Promise<WorkbookExportOutcome> {
  const data = await readWorkbookExportData(db, roundId);
  const expert = data?.experts.find((e) => e.id === expertId);
  if (!data || !expert) return { kind: 'failed', message: '找不到该专家或评估轮次。' };
  const built = await (await writer()).buildExpertWorkbook(data, expert, deps());
  if (!built.ok) return { kind: 'failed', message: built.message };
  const saved = await getDesktopApi().file.saveReport({
    suggestedName: built.file.name,
    kind: 'xlsx',
    bytes: built.file.bytes,
  });
  if (!saved.ok) return { kind: 'failed', message: saved.error.message };
  if (!saved.value.saved) return { kind: 'cancelled' };
  return { kind: 'saved', names: [built.file.name], skipped: [] };
}

export async function exportPanelWorkbooks(
  db: PingguDatabase,
  roundId: string,
  panelId: string,
): Promise<WorkbookExportOutcome> {
  const data = await readWorkbookExportData(db, roundId);
  if (!data) return { kind: 'failed', message: '找不到评估轮次。' };
  const { files, skipped } = await (await writer()).buildPanelWorkbooks(data, panelId, deps());
  if (files.length === 0) {
    return { kind: 'failed', message: '本组没有需要评分的专家（未分配基地，或均已回避）。' };
  }
  const saved = await getDesktopApi().file.saveBundlesToFolder({ files, extension: 'xlsx' });
  if (!saved.ok) return { kind: 'failed', message: saved.error.message };
  if (!saved.value.saved) return { kind: 'cancelled' };
  const { names, folder } = saved.value;
  return { kind: 'saved', names, ...(folder === undefined ? {} : { folder }), skipped };
}
