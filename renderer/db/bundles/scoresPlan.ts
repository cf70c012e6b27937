// A score bundle against this database, pure: which sheets are refused (unknown base or
// expert, an expert of another panel, a pair not assigned or recused: sheetAdmission) and
// which are taken as voided (a pair a standing round change voids: stored, never counted),
// the merge plan for the rest (shared/sync), the preview grouped per base and per expert,
// and the audit entries the commit appends.
import { canonicalJson } from '../../../shared/bundle/canonicalJson';
import type { ManifestOf } from '../../../shared/bundle/manifest';
import type { ScoresPayload } from '../../../shared/bundle/payload';
import type { AuditEntry, RoundChange, Scoresheet } from '../../../shared/domain/types';
import { admitSheet, assignmentsByPair } from '../../../shared/domain/sheetAdmission';
import type { SheetAdmission } from '../../../shared/domain/sheetAdmission';
import { partitionSheets } from '../../../shared/domain/roundChanges';
import { isOpenConflict } from '../../../shared/sync/conflictRecords';
import { reconcileScoresheets } from '../../../shared/sync/mergeScoresheets';
import type { ImportCounts, ReconcilePlan } from '../../../shared/sync/mergeScoresheets';
import { describeSheetChange } from '../repositories/sheetChanges';
import { importError } from './importErrors';
import type { ImportError } from './importErrors';
import type { ScoresState } from './localState';
import type { SheetGroup, SheetPreview, SheetsPreview, VoidedBy, VoidedSheets } from './types';

export type ScoresPlan = {
  merge: ReconcilePlan;
  /** One row per incoming sheet, in bundle order. */
  rows: SheetPreview[];
  preview: SheetsPreview;
  /** The panel's audit entries of the accepted sheets that this database does not have. */
  importedAudit: AuditEntry[];
  /** Something in the data tables would change. */
  changesData: boolean;
};

export type PlanDeps = { now: string; importId: string };

export function planScores(
  fileName: string,
  // Only the round, panel, sheets and audit are read: an Excel workbook (workbookImport.ts)
  // brings those without a signed manifest.
  bundle: { manifest: Pick<ManifestOf<'scores'>, 'roundId' | 'panelId'>; payload: ScoresPayload },
  state: ScoresState,
  deps: PlanDeps,
): { ok: true; plan: ScoresPlan } | { ok: false; error: ImportError } {
  const { roundId, panelId } = bundle.manifest;
  if (state.round === undefined) {
    return { ok: false, error: importError(fileName, 'unknownRound', { roundId }) };
  }
  if (state.round.archive !== undefined) {
    return { ok: false, error: importError(fileName, 'archivedRound', { roundId }) };
  }
  if (state.round.status === 'closed') {
    return { ok: false, error: importError(fileName, 'closedRound', { roundId }) };
  }
  if (!state.panels.some((p) => p.id === panelId)) {
    return {
      ok: false,
      error: importError(fileName, 'unknownPanel', { roundId, record: panelId }),
    };
  }
  const bases = new Map(state.bases.map((b) => [b.id, b]));
  const experts = new Map(state.experts.map((e) => [e.id, e]));
  const roster = { bases, experts, assignments: assignmentsByPair(state.assignments) };
  const incoming = bundle.payload.scoresheets;
  const voidedBy = new Map(
    partitionSheets(incoming, state.changes ?? [], state.assignments).voided.map((v) => [
      v.sheet.id,
      v.change,
    ]),
  );
  const admissions = new Map(
    incoming.map((sheet) => [sheet.id, admitSheet(sheet, panelId, roster, voidedBy.get(sheet.id))]),
  );
  const admission = (sheet: Scoresheet): SheetAdmission =>
    admissions.get(sheet.id) ?? { kind: 'taken' };
  const accepted = incoming.filter((sheet) => admission(sheet).kind !== 'refused');
  const merge = reconcileScoresheets(state.sheets, accepted, state.conflicts, deps);

  let next = 0;
  const rows = incoming.map((sheet): SheetPreview => {
    const names = {
      sheetId: sheet.id,
      baseId: sheet.baseId,
      expertId: sheet.expertId,
      baseName: bases.get(sheet.baseId)?.name ?? sheet.baseId,
      expertName: experts.get(sheet.expertId)?.name ?? sheet.expertId,
    };
    const admitted = admission(sheet);
    if (admitted.kind === 'refused')
      return { ...names, outcome: 'refused', reason: admitted.reason };
    const entry = merge.summary[next];
    next += 1;
    if (entry === undefined) return { ...names, outcome: 'refused' };
    const voided = admitted.kind === 'voided' ? { voided: voidedByOf(admitted.change) } : {};
    return entry.reason === undefined
      ? { ...names, outcome: entry.outcome, ...voided }
      : { ...names, outcome: entry.outcome, reason: entry.reason, ...voided };
  });

  const acceptedIds = new Set(accepted.map((s) => s.id));
  const importedAudit = newAuditEntries(
    bundle.payload.audit.filter((entry) => acceptedIds.has(entry.entityId)),
    state.audit,
  );
  const writes =
    merge.toPut.length +
    merge.toDelete.length +
    merge.newConflicts.length +
    merge.updatedConflicts.length +
    merge.conflictsToDelete.length;
  const open = [...merge.newConflicts, ...merge.updatedConflicts].filter(isOpenConflict);
  const preview: SheetsPreview = {
    counts: countsOf(rows),
    byBase: groups(rows, (r) => [r.baseId, r.baseName], state.bases),
    byExpert: groups(rows, (r) => [r.expertId, r.expertName], []),
    writes: {
      sheets: merge.toPut.length,
      deletedSheets: merge.toDelete.length,
      newConflicts: merge.newConflicts.length,
      openConflicts: open.length,
    },
    voided: voidedOf(rows),
  };
  return {
    ok: true,
    plan: { merge, rows, preview, importedAudit, changesData: writes > 0 },
  };
}

const voidedByOf = ({ id, kind, reason }: RoundChange): VoidedBy => ({ id, kind, reason });

/** The sheets taken as voided, and their changes' reasons (each once, in bundle order). */
function voidedOf(rows: readonly SheetPreview[]): VoidedSheets {
  const voided = rows.flatMap((r) => (r.voided ? [r.voided] : []));
  return { sheets: voided.length, reasons: [...new Set(voided.map((v) => v.reason))] };
}

function countsOf(rows: readonly SheetPreview[]): ImportCounts {
  const count = (outcome: SheetPreview['outcome']): number =>
    rows.filter((r) => r.outcome === outcome).length;
  return {
    added: count('new'),
    updated: count('updated'),
    unchanged: count('unchanged'),
    conflicts: count('conflict'),
    refused: count('refused'),
  };
}

/** Rows grouped by base or expert; bases in registry-code order, experts by name. */
function groups(
  rows: readonly SheetPreview[],
  key: (row: SheetPreview) => [string, string],
  ordered: ReadonlyArray<{ id: string; code: string }>,
): SheetGroup[] {
  const byId = new Map<string, { name: string; sheets: SheetPreview[] }>();
  for (const row of rows) {
    const [id, name] = key(row);
    const group = byId.get(id);
    if (group) group.sheets.push(row);
    else byId.set(id, { name, sheets: [row] });
  }
  const codes = new Map(ordered.map((b) => [b.id, b.code]));
  return [...byId]
    .map(([id, g]): SheetGroup => ({
      id,
      name: g.name,
      counts: countsOf(g.sheets),
      sheets: g.sheets,
    }))
    .sort((a, b) => {
      const [x, y] = [codes.get(a.id) ?? '', codes.get(b.id) ?? ''];
      return x < y
        ? -1
        : x > y
          ? 1
          : a.name.localeCompare(b.name, 'zh-CN') || (a.id < b.id ? -1 : 1);
    });
}

const withoutSeq = ({ seq: _seq, ...rest }: AuditEntry): AuditEntry => rest;

/** Entries not stored yet (compared without their local sequence numbers), each once. */
function newAuditEntries(
  incoming: readonly AuditEntry[],
  stored: readonly AuditEntry[],
): AuditEntry[] {
  const seen = new Set(stored.map((e) => canonicalJson(withoutSeq(e))));
  const added: AuditEntry[] = [];
  for (const entry of incoming.map(withoutSeq)) {
    const key = canonicalJson(entry);
    if (seen.has(key)) continue;
    seen.add(key);
    added.push(entry);
  }
  return added;
}

/** 'scoresheet.import' entries: one per sheet written or removed, one per conflict opened. */
export function importAuditEntries(
  plan: ScoresPlan,
  before: readonly Scoresheet[],
  context: { roundId: string; fileName: string; actor: string; now: string },
): AuditEntry[] {
  const stored = new Map(before.map((s) => [s.id, s]));
  const from = `从“${context.fileName}”导入`;
  const entry = (entityId: string, detail: string): AuditEntry => ({
    at: context.now,
    roundId: context.roundId,
    action: 'scoresheet.import',
    entityId,
    actor: context.actor,
    detail: `${from}：${detail}`,
  });
  const { merge } = plan;
  const voided = new Map(plan.rows.flatMap((r) => (r.voided ? [[r.sheetId, r.voided]] : [])));
  const voidNote = (id: string): string => {
    const change = voided.get(id);
    return change ? `（作废，不计入统计：${change.reason}）` : '';
  };
  return [
    ...merge.toPut.map((sheet) => {
      const previous = stored.get(sheet.id);
      const change = previous ? describeSheetChange(previous, sheet) : '新评分表';
      return entry(sheet.id, `${change}${voidNote(sheet.id)}`);
    }),
    ...merge.toDelete.map((id) => entry(id, '同一专家对同一基地的另一份评分表取代了此表')),
    ...merge.newConflicts
      .filter(isOpenConflict)
      .map((c) => entry(c.scoresheetId, `发现并行修改，另一份副本保留在冲突记录 ${c.id} 中待处理`)),
  ];
}
