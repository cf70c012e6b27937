// readScoresheetWorkbook: a returned scoresheet workbook checked against the round as it is
// now, in order — readable .xlsx, the identity sheet, the same round, a known expert, each
// base in the round and scored with the template version it was exported with, the layout
// digest, no sheet added or missing, then every base sheet cell by cell (readSheet.ts). The
// first failure refuses the whole file with one sentence naming the sheet and cell, so a
// workbook is taken completely or not at all. Pure and total: bytes in, a result out.
import { sha256Hex } from '../bundle/bundleCrypto';
import type { WebCryptoLike } from '../bundle/cryptoTypes';
import { utf8Encode } from '../bundle/encoding';
import type { IndicatorTemplate } from '../domain/types';
import { readXlsx } from '../xlsx/read';
import type { XlsxReadResult } from '../xlsx/read';
import { isIdentityProblem, parseIdentity } from './identity';
import { IDENTITY_SHEET, INSTRUCTIONS_SHEET, layoutDescription } from './layout';
import type { IdentityBase } from './layout';
import { readBaseSheet } from './readSheet';
import { refusal } from './refusals';
import type {
  WorkbookReadResult,
  WorkbookRefusal,
  WorkbookRoundContext,
  WorkbookSheet,
} from './types';

const refused = (r: WorkbookRefusal): WorkbookReadResult => ({ ok: false, refusal: r });

/** The template the round scores a base with now, if it is the one the workbook names. */
function currentTemplate(
  entry: IdentityBase,
  context: WorkbookRoundContext,
): IndicatorTemplate | WorkbookRefusal {
  const base = context.bases.find((b) => b.id === entry.baseId);
  if (base === undefined) {
    return refusal('unknownBase', {
      sheet: entry.sheetName,
      value: entry.baseCode || entry.baseId,
    });
  }
  const id = context.round.templateByType[base.type];
  const template = context.templates.find((t) => t.id === id);
  if (template?.id !== entry.templateId || template.version !== entry.templateVersion) {
    return refusal('templateVersion', {
      sheet: entry.sheetName,
      workbookVersion: entry.templateVersion,
      ...(template === undefined ? {} : { version: template.version }),
    });
  }
  return template;
}

export type WorkbookReadDeps = {
  crypto: WebCryptoLike;
  /** Reads the .xlsx into cell text; default readXlsx (a screen may run it in a worker). */
  readXlsx?: (bytes: Uint8Array) => XlsxReadResult | Promise<XlsxReadResult>;
};

export async function readScoresheetWorkbook(
  bytes: Uint8Array,
  context: WorkbookRoundContext,
  deps: WorkbookReadDeps,
): Promise<WorkbookReadResult> {
  const { crypto } = deps;
  const fileSha256 = await sha256Hex(crypto, bytes);
  const read = await (deps.readXlsx ?? readXlsx)(bytes);
  if (!read.ok) {
    return refused(refusal('notWorkbook', { detail: { message: read.message, messageEn: '' } }));
  }
  const identitySheet = read.sheets.find((s) => s.name === IDENTITY_SHEET);
  if (identitySheet === undefined) return refused(refusal('notScoresheet'));
  const identity = parseIdentity(identitySheet.rows);
  if (isIdentityProblem(identity)) {
    const detail = { message: identity.problem, messageEn: identity.problemEn };
    return refused(refusal('identity', { detail }));
  }
  const { round } = context;
  if (identity.roundId !== round.id) {
    const workbookRound = identity.roundName || identity.roundId;
    return refused(refusal('otherRound', { workbookRound, round: round.name }));
  }
  if (!context.experts.some((e) => e.id === identity.expertId)) {
    return refused(refusal('unknownExpert', { value: identity.expertName || identity.expertId }));
  }
  const templates = new Map<string, IndicatorTemplate>();
  for (const entry of identity.bases) {
    const template = currentTemplate(entry, context);
    if ('code' in template) return refused(template);
    templates.set(entry.baseId, template);
  }
  const description = layoutDescription(identity, (entry) => {
    const template = templates.get(entry.baseId);
    if (template === undefined) throw new Error('identity base without template');
    return template;
  });
  if ((await sha256Hex(crypto, utf8Encode(description))) !== identity.layoutSha256) {
    return refused(refusal('layoutDigest'));
  }
  const known = new Set([
    INSTRUCTIONS_SHEET,
    IDENTITY_SHEET,
    ...identity.bases.map((b) => b.sheetName),
  ]);
  const extra = read.sheets.find((s) => !known.has(s.name));
  if (extra !== undefined) return refused(refusal('unknownSheet', { sheet: extra.name }));

  const sheets: WorkbookSheet[] = [];
  for (const entry of identity.bases) {
    const sheet = read.sheets.find((s) => s.name === entry.sheetName);
    if (sheet === undefined) return refused(refusal('missingSheet', { sheet: entry.sheetName }));
    const base = context.bases.find((b) => b.id === entry.baseId);
    const template = templates.get(entry.baseId);
    if (base === undefined || template === undefined) throw new Error('checked above');
    const result = readBaseSheet(sheet.rows, {
      sheetName: entry.sheetName,
      base,
      template,
      roundBases: context.bases,
    });
    if ('code' in result) return refused(result);
    sheets.push(result);
  }
  return { ok: true, identity, sheets, fileSha256 };
}
