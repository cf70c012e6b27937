// Excel scoresheets for experts without the app: each expert's workbook built by
// shared/workbook from the round's records (workbookExportData.ts), and a panel's workbooks
// as a folder of files. Building writes nothing to the database; saving goes through the
// desktop (runWorkbookExport.ts), so tests drive this with a fake folder.
import type { WebCryptoLike } from '../../../../shared/bundle/cryptoTypes';
import type { Expert } from '../../../../shared/domain/types';
import {
  scoresheetWorkbookFileName,
  WorkbookExportError,
  writeScoresheetWorkbook,
} from '../../../../shared/workbook/write';
import type { WorkbookExportData } from './workbookExportData';

export type WorkbookFile = { name: string; bytes: Uint8Array };

export type BuiltWorkbook = { ok: true; file: WorkbookFile } | { ok: false; message: string };

export async function buildExpertWorkbook(
  data: WorkbookExportData,
  expert: Expert,
  deps: { crypto: WebCryptoLike; exportedAt: string },
): Promise<BuiltWorkbook> {
  const panel = data.panels.find((p) => p.id === expert.panelId);
  try {
    const bytes = await writeScoresheetWorkbook(
      {
        round: data.round,
        expert,
        bases: data.bases,
        templates: data.templates,
        assignments: data.assignments,
        exportedAt: deps.exportedAt,
        ...(panel ? { panelName: panel.name } : {}),
      },
      deps.crypto,
    );
    return {
      ok: true,
      file: { name: scoresheetWorkbookFileName(expert.name, data.round.name), bytes },
    };
  } catch (error) {
    if (error instanceof WorkbookExportError) return { ok: false, message: error.message };
    throw error;
  }
}

export type PanelWorkbooks = {
  files: WorkbookFile[];
  /** Experts of the panel without a workbook, and why (no base to score, no template). */
  skipped: { expert: Expert; message: string }[];
};

/** One workbook per expert of the panel who has a base to score; names made unique. */
export async function buildPanelWorkbooks(
  data: WorkbookExportData,
  panelId: string,
  deps: { crypto: WebCryptoLike; exportedAt: string },
): Promise<PanelWorkbooks> {
  const files: WorkbookFile[] = [];
  const skipped: PanelWorkbooks['skipped'] = [];
  for (const expert of data.experts.filter((e) => e.panelId === panelId)) {
    const built = await buildExpertWorkbook(data, expert, deps);
    if (built.ok) files.push(built.file);
    else skipped.push({ expert, message: built.message });
  }
  const taken = new Set<string>();
  const unique = files.map((file) => {
    const stem = file.name.replace(/\.xlsx$/iu, '');
    let name = file.name;
    // Two experts of one name: "评分表-张三-….xlsx", "评分表-张三-… (2).xlsx".
    for (let n = 2; taken.has(name.toLowerCase()); n += 1) name = `${stem} (${n}).xlsx`;
    taken.add(name.toLowerCase());
    return { ...file, name };
  });
  return { files: unique, skipped };
}
