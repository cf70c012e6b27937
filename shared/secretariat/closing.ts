// Closing a round (结束评估), the pure rules: what still stands in the way of closing, whether
// a missing sheet may be waived (缺评), the basis each final decision is recorded on, and the
// version the next closing gets. The repository (renderer/db/repositories/closingRepository)
// runs these inside its transaction; the 结果与决定 tab shows the same blockers as links.
//
// An expected sheet is an assignment without a recusal (completeness.ts): it blocks while it
// is missing or still a draft, unless its base was withdrawn, its pair was voided by a change,
// or its absence was waived. Every open conflict blocks, and so does every base (not
// withdrawn) without a final decision.
import { computeRoundResults } from '../domain/results';
import {
  partitionSheets,
  voidingChanges,
  waivedPairs,
  withdrawnBaseIds,
} from '../domain/roundChanges';
import { pairKey } from '../domain/sheetAdmission';
import type {
  Assignment,
  Base,
  ConflictRecord,
  FinalDecision,
  Round,
  RoundChange,
  RoundClosure,
  Scoresheet,
} from '../domain/types';
import { reportFileName } from '../report/fileNames';
import type { ReportFileKind } from '../report/fileNames';
import { isOpenConflict } from '../sync/conflictRecords';
import { expectedSheets } from './completeness';

/** Where a blocker is fixed: the secretariat tab (/secretariat/<tab>) and what to open there. */
export type CloseBlocker =
  | { kind: 'openConflict'; tab: 'conflicts'; conflictId: string; baseId: string; expertId: string }
  | { kind: 'undecidedBase'; tab: 'results'; baseId: string }
  | {
      kind: 'missingSheet';
      tab: 'progress';
      baseId: string;
      expertId: string;
      panelId: string;
      /** A draft counts as missing: it was started but never submitted. */
      state: 'missing' | 'draft';
    };

export type ClosingRecords = {
  bases: readonly Base[];
  assignments: readonly Assignment[];
  scoresheets: readonly Scoresheet[];
  decisions: readonly FinalDecision[];
  conflicts: readonly ConflictRecord[];
  changes: readonly RoundChange[];
};

const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Expected sheets still owed: missing or draft, not withdrawn, voided or waived. */
export function owedSheets(
  records: Pick<ClosingRecords, 'bases' | 'assignments' | 'scoresheets' | 'changes'>,
): Extract<CloseBlocker, { kind: 'missingSheet' }>[] {
  const { bases, assignments, scoresheets, changes } = records;
  const known = new Set(bases.map((b) => b.id));
  const withdrawn = withdrawnBaseIds(changes);
  const voided = voidingChanges(changes, assignments);
  const waived = waivedPairs(changes);
  const baseOrder = new Map(bases.map((b, i) => [b.id, i]));
  const owed = expectedSheets(assignments, scoresheets).filter((s) => {
    const key = pairKey(s.expertId, s.baseId);
    return (
      (s.state === 'missing' || s.state === 'draft') &&
      known.has(s.baseId) &&
      !withdrawn.has(s.baseId) &&
      !voided.has(key) &&
      !waived.has(key)
    );
  });
  return owed
    .sort(
      (a, b) =>
        (baseOrder.get(a.baseId) ?? 0) - (baseOrder.get(b.baseId) ?? 0) ||
        byId(a.expertId, b.expertId),
    )
    .map((s) => ({
      kind: 'missingSheet',
      tab: 'progress',
      baseId: s.baseId,
      expertId: s.expertId,
      panelId: s.panelId,
      state: s.state === 'draft' ? 'draft' : 'missing',
    }));
}

/**
 * Everything that stands in the way of closing, in the order it is best fixed: open
 * conflicts (oldest first), bases without a final decision (in the bases' order), then
 * sheets still owed. Empty when the round may be closed.
 */
export function closeBlockers(records: ClosingRecords): CloseBlocker[] {
  const conflicts = records.conflicts
    .filter(isOpenConflict)
    .sort((a, b) => byId(a.detectedAt, b.detectedAt) || byId(a.id, b.id))
    .map((c): CloseBlocker => ({
      kind: 'openConflict',
      tab: 'conflicts',
      conflictId: c.id,
      baseId: c.local.baseId,
      expertId: c.local.expertId,
    }));
  const withdrawn = withdrawnBaseIds(records.changes);
  const decided = new Set(records.decisions.map((d) => d.baseId));
  const undecided = records.bases
    .filter((b) => !withdrawn.has(b.id) && !decided.has(b.id))
    .map((b): CloseBlocker => ({ kind: 'undecidedBase', tab: 'results', baseId: b.id }));
  return [...conflicts, ...undecided, ...owedSheets(records)];
}

/** The refusal of a closing, in one sentence: how many of each blocker there are. */
export function closeRefusalText(blockers: readonly CloseBlocker[]): string {
  const count = (kind: CloseBlocker['kind']) => blockers.filter((b) => b.kind === kind).length;
  const parts = [
    count('openConflict') > 0 ? `${count('openConflict')} 项评分冲突未处理` : '',
    count('undecidedBase') > 0 ? `${count('undecidedBase')} 个基地尚无最终决定` : '',
    count('missingSheet') > 0 ? `${count('missingSheet')} 份应交评分表未提交（可登记缺评）` : '',
  ].filter((p) => p !== '');
  return `还不能结束评估：${parts.join('，')}。`;
}

/**
 * Why the sheet of `expertId` for `baseId` may not be waived (缺评), or undefined when it may:
 * only a sheet still owed (missing or draft, expected, not waived already) can be.
 */
export function waiverRefusal(
  records: Pick<ClosingRecords, 'bases' | 'assignments' | 'scoresheets' | 'changes'>,
  expertId: string,
  baseId: string,
): string | undefined {
  if (waivedPairs(records.changes).has(pairKey(expertId, baseId))) {
    return '该专家对此基地的缺评已经登记过了。';
  }
  const owed = owedSheets(records).some((s) => s.expertId === expertId && s.baseId === baseId);
  return owed
    ? undefined
    : '只有应交而未提交的评分表才能登记缺评；该评分表已提交、已回避或不属于本轮。';
}

/**
 * Each decision with the result it stands on (DecisionBasis): the aggregate, method and grade
 * computeRoundResults gives under the round's rule over the sheets that count (voided sheets
 * left out), and how many valid sheets that is. Decisions of bases not in `bases` are returned
 * unchanged.
 */
export function decisionBases(
  round: Pick<Round, 'aggregation' | 'agreement' | 'gradeBands'>,
  records: Pick<ClosingRecords, 'bases' | 'assignments' | 'scoresheets' | 'changes' | 'decisions'>,
  recordedAt: string,
): FinalDecision[] {
  const { counted } = partitionSheets(records.scoresheets, records.changes, records.assignments);
  const results = new Map(
    computeRoundResults(round, records.bases, counted).map((r) => [r.base.id, r]),
  );
  return records.decisions.map((decision) => {
    const result = results.get(decision.baseId);
    if (!result) return decision;
    return {
      ...decision,
      basis: {
        aggregate: result.aggregate,
        method: result.method,
        grade: result.grade,
        sheets: result.sheets,
        recordedAt,
      },
    };
  });
}

/** The version the next closing of `round` writes: 1 at first, one more after a reopening. */
export function nextClosureVersion(round: Pick<Round, 'closure'>): number {
  return round.closure === undefined ? 1 : round.closure.version + 1;
}

/** The closing of a round while it is closed; undefined while it is open (or reopened). */
export const standingClosure = (
  round: Pick<Round, 'status' | 'closure'>,
): RoundClosure | undefined => (round.status === 'closed' ? round.closure : undefined);

/**
 * The closure a result bundle carries: version, when and by whom. The files' hashes are left
 * out (a bundle cannot hold its own, and without both the bundle of a closed round is the
 * same bytes however often it is exported), and so is an earlier reopening.
 */
export function publishedClosure(closure: RoundClosure): RoundClosure {
  return { version: closure.version, closedAt: closure.closedAt, closedBy: closure.closedBy };
}

/** A final file's name: the usual one, stamped with the closing's time, and its version. */
export function finalFileName(
  kind: ReportFileKind,
  round: { year: number; name: string },
  closure: Pick<RoundClosure, 'version' | 'closedAt'>,
): string {
  const name = reportFileName(kind, round, new Date(closure.closedAt));
  const dot = name.lastIndexOf('.');
  return `${name.slice(0, dot)}-第${closure.version}版${name.slice(dot)}`;
}
