// writeScoresheetWorkbook: an expert's scoresheet workbook (.xlsx) for Excel, WPS or
// LibreOffice, written by our own xlsx writer: the 说明 sheet, one protected sheet per base
// the expert is assigned and not recused from (named by its code, in code order), and the
// very hidden identity sheet with the layout digest. Pure; SHA-256 comes from the WebCrypto
// passed in. The same input gives the same bytes.
import { sha256Hex } from '../bundle/bundleCrypto';
import type { WebCryptoLike } from '../bundle/cryptoTypes';
import { utf8Encode } from '../bundle/encoding';
import type { Base, IndicatorTemplate } from '../domain/types';
import { isSafeFileName } from '../ipc/fileNames';
import { sanitizeSheetNames, writeXlsx } from '../xlsx/write';
import { baseSheet } from './baseSheet';
import { identityRows } from './identity';
import { instructionsSheet } from './instructions';
import { IDENTITY_SHEET, INSTRUCTIONS_SHEET, LAYOUT_VERSION, layoutDescription } from './layout';
import type { IdentityBase } from './layout';
import type { WorkbookExportInput, WorkbookIdentity } from './types';

/** Why a workbook cannot be written (one Chinese sentence). */
export class WorkbookExportError extends Error {}

export type PlannedSheet = { sheetName: string; base: Base; template: IndicatorTemplate };

/**
 * The base sheets an expert's workbook holds: assigned, not recused, in base-code order, each
 * with the round's template for its type. Throws WorkbookExportError when there is none or a
 * template is missing.
 */
export function plannedSheets(input: WorkbookExportInput): PlannedSheet[] {
  const { round, expert } = input;
  const bases = new Map(input.bases.map((b) => [b.id, b]));
  const assigned = input.assignments
    .filter((a) => a.roundId === round.id && a.expertId === expert.id && !a.recusal)
    .map((a) => bases.get(a.baseId))
    .filter((b): b is Base => b !== undefined)
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : a.id < b.id ? -1 : 1));
  const unique = [...new Map(assigned.map((b) => [b.id, b])).values()];
  if (unique.length === 0) {
    throw new WorkbookExportError(`专家“${expert.name}”没有需要评分的基地（未分配，或均已回避）。`);
  }
  // Reserve the fixed sheets' names first, so a base coded "说明" is the one renamed.
  const names = sanitizeSheetNames([
    INSTRUCTIONS_SHEET,
    IDENTITY_SHEET,
    ...unique.map((b) => b.code),
  ]).slice(2);
  return unique.map((base, i) => {
    const templateId = round.templateByType[base.type];
    const template = input.templates.find((t) => t.id === templateId);
    if (template === undefined) {
      throw new WorkbookExportError(`本轮次未为 ${base.type} 类基地（${base.name}）指定指标体系。`);
    }
    return { sheetName: names[i] ?? base.code, base, template };
  });
}

export async function writeScoresheetWorkbook(
  input: WorkbookExportInput,
  crypto: WebCryptoLike,
): Promise<Uint8Array> {
  const planned = plannedSheets(input);
  const bases: IdentityBase[] = planned.map(({ sheetName, base, template }) => ({
    sheetName,
    baseId: base.id,
    baseCode: base.code,
    templateId: template.id,
    templateVersion: template.version,
  }));
  const templates = new Map(planned.map((p) => [p.base.id, p.template]));
  const description = layoutDescription(
    { roundId: input.round.id, expertId: input.expert.id, bases },
    (base) => {
      const template = templates.get(base.baseId);
      if (template === undefined) throw new Error('planned sheet without template');
      return template;
    },
  );
  const identity: WorkbookIdentity = {
    layoutVersion: LAYOUT_VERSION,
    roundId: input.round.id,
    roundName: input.round.name,
    expertId: input.expert.id,
    expertName: input.expert.name,
    exportedAt: input.exportedAt,
    layoutSha256: await sha256Hex(crypto, utf8Encode(description)),
    bases,
  };
  return writeXlsx(
    [
      instructionsSheet({
        round: input.round,
        expert: input.expert,
        exportedAt: input.exportedAt,
        sheets: planned,
        ...(input.panelName === undefined ? {} : { panelName: input.panelName }),
      }),
      ...planned.map(({ sheetName, base, template }) =>
        baseSheet({ sheetName, round: input.round, expert: input.expert, base, template }),
      ),
      {
        name: IDENTITY_SHEET,
        rows: identityRows(identity),
        state: 'veryHidden',
        protect: true,
        columnWidths: [16, 40, 40, 20, 40, 8],
      },
    ],
    { lockStructure: true },
  );
}

// eslint-disable-next-line no-control-regex -- control characters are what we replace
const UNSAFE = /[/\\:*?"<>|\u0000-\u001f\u007f]/gu;

function safePart(text: string, fallback: string): string {
  const cleaned = text.replace(UNSAFE, '_').replace(/\s+/gu, ' ').trim();
  const cut = [...cleaned]
    .slice(0, 60)
    .join('')
    .replace(/[.\s]+$/u, '');
  return cut === '' ? fallback : cut;
}

/** "评分表-张三-2024年度….xlsx", safe on every file system. */
export function scoresheetWorkbookFileName(expertName: string, roundName: string): string {
  const name = `评分表-${safePart(expertName, '专家')}-${safePart(roundName, '评估轮次')}.xlsx`;
  return isSafeFileName(name) ? name : 'scoresheet.xlsx';
}
