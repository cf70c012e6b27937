// What the import of an Excel scoresheet workbook shows before anything is written: whose
// workbook it is, each base sheet as the expert left it (submitted, a draft with how many
// scores are missing and what else is left, or recused) next to what the merge would do with
// it, and the counts of the score bundle's preview.
import type { Expert } from '../../../shared/domain/types';
import type { ImportOutcome, ImportReason } from '../../../shared/sync/mergeScoresheets';
import { workbookDeviceId } from '../../../shared/workbook/toScoresheets';
import type { WorkbookRead } from '../../../shared/workbook/types';
import type { ScoresState } from './localState';
import type { ScoresPlan } from './scoresPlan';
import type { SheetRefusal, SheetsPreview, VoidedBy } from './types';

export type WorkbookBasePreview = {
  baseId: string;
  sheetName: string;
  baseName: string;
  state: 'submitted' | 'draft' | 'recused';
  missingCount: number;
  /** Why a sheet marked 确认提交 stays a draft, and what was left out (Chinese). */
  notes: string[];
  outcome: ImportOutcome;
  reason?: ImportReason | SheetRefusal;
  voided?: VoidedBy;
};

export type WorkbookPreview = {
  fileName: string;
  roundId: string;
  roundName: string;
  expertId: string;
  expertName: string;
  panelId: string;
  panelName: string;
  /** `excel:<first 16 hex of the file's SHA-256>`. */
  deviceId: string;
  sha256: string;
  exportedAt: string;
  bases: WorkbookBasePreview[];
  sheets: SheetsPreview;
  /** Everything in it is here already (e.g. the same file imported before). */
  unchanged: boolean;
};

export function workbookPreviewOf(
  fileName: string,
  read: WorkbookRead,
  expert: Expert,
  state: ScoresState,
  plan: ScoresPlan,
): WorkbookPreview {
  const bases = read.sheets.map((sheet, i): WorkbookBasePreview => {
    const row = plan.rows[i];
    const stored = state.bases.find((b) => b.id === sheet.baseId);
    return {
      baseId: sheet.baseId,
      sheetName: sheet.sheetName,
      baseName: stored?.name ?? row?.baseName ?? sheet.baseId,
      state: sheet.recusal ? 'recused' : sheet.status,
      missingCount: sheet.missingCount,
      notes: sheet.notes,
      outcome: row?.outcome ?? 'refused',
      ...(row?.reason === undefined ? {} : { reason: row.reason }),
      ...(row?.voided === undefined ? {} : { voided: row.voided }),
    };
  });
  return {
    fileName,
    roundId: read.identity.roundId,
    roundName: state.round?.name ?? read.identity.roundName,
    expertId: expert.id,
    expertName: expert.name,
    panelId: expert.panelId,
    panelName: state.panels.find((p) => p.id === expert.panelId)?.name ?? expert.panelId,
    deviceId: workbookDeviceId(read.fileSha256),
    sha256: read.fileSha256,
    exportedAt: read.identity.exportedAt,
    bases,
    sheets: plan.preview,
    unchanged: !plan.changesData,
  };
}
