// What the round report says, computed once from the round's records: every base's result
// (computeRoundResults, the selector the results table and charts read, so the report
// never disagrees with the screen), the per-type summary with grade distribution and quota
// warnings, counts, conflicts and decisions. The workbook, the CSV and the printout are all
// views of this model.
import { compareIds } from '../domain/aggregation';
import { quotaCheck } from '../domain/grading';
import type { QuotaItem, QuotaTypeReport, QuotaWarning } from '../domain/grading';
import { computeRoundResults } from '../domain/results';
import { countedRecords } from '../domain/roundChanges';
import type { VoidedSheet } from '../domain/roundChanges';
import type { BaseResult } from '../domain/results';
import { isCountedInStatistics, sheetTotal } from '../domain/scoresheetTotals';
import { shareAgainstLimit } from '../domain/shareText';
import { sum } from '../domain/statistics';
import { BASE_TYPE_CODES } from '../domain/taxonomy';
import type {
  Assignment,
  AuditEntry,
  Base,
  BaseTypeCode,
  ConflictRecord,
  FinalDecision,
  GradeCode,
  IndicatorTemplate,
  Scoresheet,
} from '../domain/types';
import { isOpenConflict } from '../sync/conflictRecords';
import type { SheetState } from './labels';
import type { ReportInput } from './types';

export type ReportBaseRow = BaseResult & {
  panelName: string | null;
  decision: FinalDecision | null;
};

export type ReportTypeSummary = {
  type: BaseTypeCode;
  bases: number;
  /** Bases with at least one valid sheet (they have a grade). */
  scored: number;
  unscored: number;
  grades: Record<GradeCode, number>;
  decided: number;
  undecided: number;
  /** quotaCheck over the type's scored bases; null when none is scored. */
  quota: QuotaTypeReport | null;
  /** The quota warnings as sentences ("优秀 3/12（25%），超过 15% 的上限"; shareAgainstLimit). */
  quotaNotes: string[];
};

export type ReportCounts = {
  bases: number;
  scoredBases: number;
  unscoredBases: number;
  decidedBases: number;
  undecidedBases: number;
  panels: number;
  experts: number;
  /** One expected sheet per assignment (plus sheets without one). */
  expectedSheets: number;
  sheetStates: Record<SheetState, number>;
  /** Scoresheet records stored (every state). */
  scoresheets: number;
  /** Submitted and not recused: the sheets every statistic counts. */
  validSheets: number;
  conflicts: number;
  openConflicts: number;
  decisions: number;
};

export type ReportConflictRow = {
  id: string;
  base: Base | null;
  expertName: string;
  detectedAt: string;
  local: { total: number; status: SheetState; deviceId: string; updatedAt: string };
  incoming: { total: number; status: SheetState; deviceId: string; updatedAt: string };
  isOpen: boolean;
  resolution: ConflictRecord['resolution'] | null;
  resolvedAt: string | null;
  /** From the audit entry of the resolution; null when this machine has none. */
  resolvedBy: string | null;
  /** The total the sheet has now (after the resolution); null when open or gone. */
  currentTotal: number | null;
};

export type ReportModel = {
  input: ReportInput;
  utcOffsetMinutes: number;
  /** Every base, by type (A1…C3), then rank in type (unscored last), then code. */
  rows: ReportBaseRow[];
  /** Types that have bases, in A1…C3 order. */
  types: ReportTypeSummary[];
  counts: ReportCounts;
  /** Open conflicts first, then by detection time. */
  conflicts: ReportConflictRow[];
  /** Decisions in the order of `rows`. */
  decisions: { decision: FinalDecision; row: ReportBaseRow | null }[];
  baseById: ReadonlyMap<string, Base>;
  templateById: ReadonlyMap<string, IndicatorTemplate>;
  /** Sheets voided by a change after issue (轮次变更): in 作废记录 only, never counted. */
  voided: VoidedSheet[];
  /** Every base stored, withdrawn ones too (`input.bases` leaves those out). */
  allBases: readonly Base[];
};

const typeIndex = (type: BaseTypeCode): number => BASE_TYPE_CODES.indexOf(type);

function compareRows(a: BaseResult, b: BaseResult): number {
  const byType = typeIndex(a.base.type) - typeIndex(b.base.type);
  if (byType !== 0) return byType;
  if (a.rankInType !== b.rankInType) {
    if (a.rankInType === null) return 1;
    if (b.rankInType === null) return -1;
    return a.rankInType - b.rankInType;
  }
  return compareIds(a.base.code, b.base.code) || compareIds(a.base.id, b.base.id);
}

/** The state of a stored sheet (a recusal wins over the status). */
export function stateOfSheet(sheet: Scoresheet): SheetState {
  if (sheet.recusal) return 'recused';
  return sheet.status === 'submitted' ? 'submitted' : 'draft';
}

function sheetStates(
  assignments: readonly Assignment[],
  sheets: readonly Scoresheet[],
): Record<SheetState, number> {
  const key = (expertId: string, baseId: string) => `${expertId}\u0000${baseId}`;
  const sheetByPair = new Map(sheets.map((s) => [key(s.expertId, s.baseId), s]));
  const counts: Record<SheetState, number> = { submitted: 0, draft: 0, recused: 0, notStarted: 0 };
  const assigned = new Set<string>();
  for (const a of assignments) {
    const pair = key(a.expertId, a.baseId);
    assigned.add(pair);
    const sheet = sheetByPair.get(pair);
    counts[a.recusal ? 'recused' : sheet ? stateOfSheet(sheet) : 'notStarted'] += 1;
  }
  for (const s of sheets)
    if (!assigned.has(key(s.expertId, s.baseId))) counts[stateOfSheet(s)] += 1;
  return counts;
}

/** A sheet's total against its template (the plain sum when the template is unknown). */
export function totalOfSheet(
  sheet: Scoresheet,
  templateById: ReadonlyMap<string, IndicatorTemplate>,
): number {
  const template = templateById.get(sheet.templateId);
  return template ? sheetTotal(sheet, template) : sum(Object.values(sheet.scores));
}

function quotaNote(warning: QuotaWarning): string {
  const percent = shareAgainstLimit(warning.share, warning.limit);
  const counted = `${warning.count}/${warning.total}（${percent.share}%）`;
  return warning.code === 'excellentOverCeiling'
    ? `优秀 ${counted}，超过 ${percent.limit}% 的上限`
    : `限期整改与不合格 ${counted}，低于 ${percent.limit}% 的下限`;
}

function typeSummaries(rows: readonly ReportBaseRow[], input: ReportInput): ReportTypeSummary[] {
  const items: QuotaItem[] = rows
    .filter((row) => row.grade !== null)
    .map((row) => ({
      baseId: row.base.id,
      type: row.base.type,
      grade: row.grade ?? 'fail',
      ...(row.decision ? { decision: row.decision.disposition.code } : {}),
    }));
  const quotas = new Map(quotaCheck(items, input.round.quotas).map((q) => [q.type, q]));
  return BASE_TYPE_CODES.flatMap((type): ReportTypeSummary[] => {
    const ofType = rows.filter((row) => row.base.type === type);
    if (ofType.length === 0) return [];
    const grades: Record<GradeCode, number> = { excellent: 0, good: 0, pass: 0, fail: 0 };
    for (const row of ofType) if (row.grade !== null) grades[row.grade] += 1;
    const scored = ofType.filter((row) => row.grade !== null).length;
    const decided = ofType.filter((row) => row.decision !== null).length;
    const quota = quotas.get(type) ?? null;
    return [
      {
        type,
        bases: ofType.length,
        scored,
        unscored: ofType.length - scored,
        grades,
        decided,
        undecided: ofType.length - decided,
        quota,
        quotaNotes: (quota?.warnings ?? []).map(quotaNote),
      },
    ];
  });
}

/** Who resolved which conflict: the audit detail names the conflict record ("冲突记录 <id>"). */
export function conflictResolvers(
  audit: readonly AuditEntry[],
): Map<string, { actor: string; at: string }> {
  const resolvers = new Map<string, { actor: string; at: string }>();
  for (const entry of audit) {
    if (entry.action !== 'scoresheet.resolveConflict') continue;
    const id = /冲突记录 ([^）)]+)/.exec(entry.detail ?? '')?.[1];
    if (id !== undefined) resolvers.set(id, { actor: entry.actor, at: entry.at });
  }
  return resolvers;
}

function conflictRows(
  input: ReportInput,
  baseById: ReadonlyMap<string, Base>,
  templateById: ReadonlyMap<string, IndicatorTemplate>,
): ReportConflictRow[] {
  const expertName = new Map(input.experts.map((e) => [e.id, e.name]));
  const sheetById = new Map(input.scoresheets.map((s) => [s.id, s]));
  const resolvers = conflictResolvers(input.audit ?? []);
  const side = (sheet: Scoresheet) => ({
    total: totalOfSheet(sheet, templateById),
    status: stateOfSheet(sheet),
    deviceId: sheet.deviceId,
    updatedAt: sheet.updatedAt,
  });
  return input.conflicts
    .map((c): ReportConflictRow => {
      const isOpen = isOpenConflict(c);
      const current = isOpen
        ? undefined
        : (sheetById.get(c.local.id) ?? sheetById.get(c.scoresheetId));
      return {
        id: c.id,
        base: baseById.get(c.local.baseId) ?? null,
        expertName: expertName.get(c.local.expertId) ?? c.local.expertId,
        detectedAt: c.detectedAt,
        local: side(c.local),
        incoming: side(c.incoming),
        isOpen,
        resolution: c.resolution ?? null,
        resolvedAt: c.resolvedAt ?? null,
        resolvedBy: resolvers.get(c.id)?.actor ?? null,
        currentTotal: current ? totalOfSheet(current, templateById) : null,
      };
    })
    .sort(
      (a, b) =>
        Number(b.isOpen) - Number(a.isOpen) ||
        compareIds(a.detectedAt, b.detectedAt) ||
        compareIds(a.id, b.id),
    );
}

export function buildReportModel(stored: ReportInput): ReportModel {
  // Withdrawn bases and voided sheets leave every statistic: the model reads only what counts.
  const counted = countedRecords(
    stored.bases,
    stored.scoresheets,
    stored.changes ?? [],
    stored.assignments,
  );
  const input: ReportInput = { ...stored, bases: counted.bases, scoresheets: counted.scoresheets };
  const baseById = new Map(input.bases.map((b) => [b.id, b]));
  const templateById = new Map(input.templates.map((t) => [t.id, t]));
  const panelName = new Map(input.panels.map((p) => [p.id, p.name]));
  const decisionOf = new Map(input.decisions.map((d) => [d.baseId, d]));
  const rows: ReportBaseRow[] = computeRoundResults(input.round, input.bases, input.scoresheets)
    .sort(compareRows)
    .map((result) => ({
      ...result,
      panelName:
        result.base.panelId === undefined ? null : (panelName.get(result.base.panelId) ?? null),
      decision: decisionOf.get(result.base.id) ?? null,
    }));
  const rowIndex = new Map(rows.map((row, i) => [row.base.id, i]));
  const scoredBases = rows.filter((row) => row.aggregate !== null).length;
  const decidedBases = rows.filter((row) => row.decision !== null).length;
  const conflicts = conflictRows(input, baseById, templateById);
  const decisions = [...input.decisions]
    .sort(
      (a, b) =>
        (rowIndex.get(a.baseId) ?? rows.length) - (rowIndex.get(b.baseId) ?? rows.length) ||
        compareIds(a.id, b.id),
    )
    .map((decision) => {
      const index = rowIndex.get(decision.baseId);
      return { decision, row: index === undefined ? null : (rows[index] ?? null) };
    });
  const sheetStateCounts = sheetStates(input.assignments, input.scoresheets);
  return {
    input,
    utcOffsetMinutes: input.utcOffsetMinutes ?? 480,
    rows,
    types: typeSummaries(rows, input),
    counts: {
      bases: rows.length,
      scoredBases,
      unscoredBases: rows.length - scoredBases,
      decidedBases,
      undecidedBases: rows.length - decidedBases,
      panels: input.panels.length,
      experts: input.experts.length,
      expectedSheets: Object.values(sheetStateCounts).reduce((a, b) => a + b, 0),
      sheetStates: sheetStateCounts,
      scoresheets: input.scoresheets.length,
      validSheets: input.scoresheets.filter(isCountedInStatistics).length,
      conflicts: conflicts.length,
      openConflicts: conflicts.filter((c) => c.isOpen).length,
      decisions: input.decisions.length,
    },
    conflicts,
    decisions,
    baseById,
    templateById,
    voided: counted.voided,
    allBases: stored.bases,
  };
}
