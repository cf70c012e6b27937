// Excel scoresheets for experts without the app: the round's records read in one snapshot,
// each expert's workbook built by shared/workbook, and a panel's workbooks as a folder of
// files. Building writes nothing to the database; saving goes through the desktop
// (runWorkbookExport.ts), so tests drive this with a fake folder.
import type { WebCryptoLike } from '../../../../shared/bundle/cryptoTypes';
import type {
  Assignment,
  Base,
  Expert,
  IndicatorTemplate,
  Panel,
  Round,
} from '../../../../shared/domain/types';
import {
  scoresheetWorkbookFileName,
  WorkbookExportError,
  writeScoresheetWorkbook,
} from '../../../../shared/workbook';
import type { PingguDatabase } from '../../../db/database';

export type WorkbookExportData = {
  round: Round;
  panels: Panel[];
  experts: Expert[];
  bases: Base[];
  templates: IndicatorTemplate[];
  assignments: Assignment[];
};

export async function readWorkbookExportData(
  db: PingguDatabase,
  roundId: string,
): Promise<WorkbookExportData | null> {
  const tables = [db.rounds, db.panels, db.experts, db.bases, db.assignments, db.templates];
  return db.transaction('r', tables, async () => {
    const round = await db.rounds.get(roundId);
    if (!round) return null;
    const templateIds = [...new Set(Object.values(round.templateByType))].sort();
    const [panels, experts, bases, assignments, templates] = await Promise.all([
      db.panels.where('roundId').equals(roundId).toArray(),
      db.experts.where('roundId').equals(roundId).toArray(),
      db.bases.where('roundId').equals(roundId).toArray(),
      db.assignments.where('roundId').equals(roundId).toArray(),
      db.templates.bulkGet(templateIds),
    ]);
    const byName = <T extends { name: string }>(a: T, b: T) =>
      a.name.localeCompare(b.name, 'zh-CN');
    return {
      round,
      panels: panels.sort(byName),
      experts: experts.sort(byName),
      bases,
      assignments,
      templates: templates.filter((t) => t !== undefined),
    };
  });
}

/** How many bases each expert scores (assigned, not recused): a workbook holds one sheet each. */
export function basesToScore(data: WorkbookExportData, expertId: string): number {
  return data.assignments.filter((a) => a.expertId === expertId && !a.recusal).length;
}

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
