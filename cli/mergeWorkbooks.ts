// Filled Excel scoresheet workbooks (*.xlsx) among `pinggu merge`'s files, taken as the app's
// import takes them (renderer/db/bundles/workbookImport.ts): each read and checked against the
// round the round bundles give (readScoresheetWorkbook: identity, layout digest, template
// versions, values, rows), refused whole with the reader's sentence, and otherwise made the
// Scoresheets of device `excel:<16 hex>` (toScoresheets) for the expert's panel. mergeBundles
// then admits and merges them like a score bundle's sheets.
import { readFile, stat } from 'node:fs/promises';
import type { ResultPayload } from '../shared/bundle/payload';
import type { Scoresheet } from '../shared/domain/types';
import { readScoresheetWorkbook, toScoresheets } from '../shared/workbook';
import { XLSX_LIMITS } from '../shared/xlsx/read';
import { describeFsError, resolvePath } from './io';
import type { CliIo } from './io';

/** Sheets of one score file (a score bundle or a workbook) for a panel. */
export type ScoreFile = { file: string; panelId: string; sheets: Scoresheet[] };

/** Workbooks read against the roster: their sheets, or why each was refused. */
export type WorkbookFiles = {
  scoreFiles: ScoreFile[];
  refused: { file: string; reason: string }[];
};

/** Whether merge reads the file as a scoresheet workbook rather than a bundle. */
export const isWorkbookFile = (file: string): boolean => file.toLowerCase().endsWith('.xlsx');

type WorkbookBytes = { ok: true; bytes: Uint8Array } | { ok: false; reason: string };

async function readWorkbookBytes(io: CliIo, file: string): Promise<WorkbookBytes> {
  const fullPath = resolvePath(io, file);
  try {
    const info = await stat(fullPath);
    if (info.isDirectory()) return { ok: false, reason: 'this is a folder, not a file' };
    if (info.size > XLSX_LIMITS.maxFileBytes) {
      const mb = XLSX_LIMITS.maxFileBytes / 1024 / 1024;
      return { ok: false, reason: `the workbook is larger than ${mb} MB` };
    }
    return { ok: true, bytes: new Uint8Array(await readFile(fullPath)) };
  } catch (error) {
    return { ok: false, reason: `cannot read the file: ${describeFsError(error)}` };
  }
}

/** Reads each workbook against the round, bases, templates and experts of `roster`. */
export async function readWorkbookFiles(
  io: CliIo,
  files: readonly string[],
  roster: Pick<ResultPayload, 'round' | 'bases' | 'templates' | 'experts'>,
): Promise<WorkbookFiles> {
  const result: WorkbookFiles = { scoreFiles: [], refused: [] };
  const context = {
    round: roster.round,
    bases: roster.bases,
    templates: roster.templates,
    experts: roster.experts,
  };
  for (const file of files) {
    const loaded = await readWorkbookBytes(io, file);
    if (!loaded.ok) {
      result.refused.push({ file, reason: loaded.reason });
      continue;
    }
    const read = await readScoresheetWorkbook(loaded.bytes, context, {
      crypto: globalThis.crypto,
    });
    if (!read.ok) {
      const { messageEn, message } = read.refusal;
      result.refused.push({ file, reason: messageEn === '' ? message : messageEn });
      continue;
    }
    const expert = roster.experts.find((e) => e.id === read.identity.expertId);
    if (expert === undefined) throw new Error('the reader checked the expert');
    result.scoreFiles.push({
      file,
      panelId: expert.panelId,
      sheets: toScoresheets(read, expert, roster.round),
    });
  }
  return result;
}
