// Changes during a round (轮次变更), the pure rules every screen and report reads: which
// sheets are voided (作废) and why, which bases were withdrawn, which missing sheets were
// waived (缺评). A voided sheet is never deleted; it is kept, shown with its reason, and
// left out of every statistic by handing the statistics only `counted`.
//
// A pair (expert × base) is voided while a change that lists it in `voids` stands (not
// undone) and the pair is not assigned again without a recusal: a base moved away and later
// moved back to the same experts counts their sheets again. The latest standing change that
// voids a pair gives its reason. Everything here depends only on the sets of records, never
// on the order they arrived in.
import { pairKey } from './sheetAdmission';
import type { Assignment, Base, Expert, RoundChange, RoundChangeKind, Scoresheet } from './types';

/** The kinds as the secretariat, the audit log and the report name them. */
export const ROUND_CHANGE_KIND_LABELS: Readonly<Record<RoundChangeKind, string>> = {
  replaceExpert: '替换专家',
  withdrawBase: '撤出基地',
  moveBase: '调整专家组',
  declareConflict: '声明回避',
  waiveMissing: '缺评',
};

export const isStanding = (change: RoundChange): boolean => change.undone === undefined;

/** Later first, then by id: the same order on every machine. */
function byRecency(a: RoundChange, b: RoundChange): number {
  if (a.at !== b.at) return a.at < b.at ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** Pairs assigned for scoring now (an assignment without a recusal). */
function scoringPairs(assignments: readonly Assignment[]): Set<string> {
  const pairs = new Set<string>();
  for (const a of assignments)
    if (a.recusal === undefined) pairs.add(pairKey(a.expertId, a.baseId));
  return pairs;
}

/** Voided pairs (by pairKey) and the standing change that voids each, the latest one. */
export function voidingChanges(
  changes: readonly RoundChange[],
  assignments: readonly Assignment[],
): Map<string, RoundChange> {
  const scoring = scoringPairs(assignments);
  const result = new Map<string, RoundChange>();
  for (const change of [...changes].filter(isStanding).sort(byRecency)) {
    for (const pair of change.voids) {
      const key = pairKey(pair.expertId, pair.baseId);
      if (!scoring.has(key) && !result.has(key)) result.set(key, change);
    }
  }
  return result;
}

/** Bases withdrawn from the round by a standing change. */
export function withdrawnBaseIds(changes: readonly RoundChange[]): Set<string> {
  const ids = new Set<string>();
  for (const c of changes) {
    if (c.kind === 'withdrawBase' && isStanding(c) && c.baseId !== undefined) ids.add(c.baseId);
  }
  return ids;
}

/**
 * Experts replaced by a standing change and not brought back by a later one: they keep their
 * record but take no assignment any more (the latest standing replacement naming them decides).
 */
export function replacedExpertIds(changes: readonly RoundChange[]): Set<string> {
  const decided = new Set<string>();
  const out = new Set<string>();
  for (const c of [...changes].filter(isStanding).sort(byRecency)) {
    if (c.kind !== 'replaceExpert') continue;
    if (c.replacementExpertId !== undefined && !decided.has(c.replacementExpertId)) {
      decided.add(c.replacementExpertId);
    }
    if (c.expertId !== undefined && !decided.has(c.expertId)) {
      decided.add(c.expertId);
      out.add(c.expertId);
    }
  }
  return out;
}

/** Missing sheets waived (缺评) by a standing change, by pairKey. */
export function waivedPairs(changes: readonly RoundChange[]): Map<string, RoundChange> {
  const result = new Map<string, RoundChange>();
  for (const c of [...changes].filter(isStanding).sort(byRecency)) {
    if (c.kind !== 'waiveMissing' || c.expertId === undefined || c.baseId === undefined) continue;
    const key = pairKey(c.expertId, c.baseId);
    if (!result.has(key)) result.set(key, c);
  }
  return result;
}

export type VoidedSheet = { sheet: Scoresheet; change: RoundChange };

export type SheetPartition = {
  /** Sheets the statistics may see (recused and draft ones included, as before). */
  counted: Scoresheet[];
  /** Sheets voided by a change, with the change: shown, never counted. */
  voided: VoidedSheet[];
};

/** Splits a round's sheets into those that count and those voided by its changes. */
export function partitionSheets(
  sheets: readonly Scoresheet[],
  changes: readonly RoundChange[],
  assignments: readonly Assignment[],
): SheetPartition {
  const counted: Scoresheet[] = [];
  const voided: VoidedSheet[] = [];
  if (changes.length === 0) return { counted: [...sheets], voided };
  const voiding = voidingChanges(changes, assignments);
  const withdrawn = withdrawnBaseIds(changes);
  for (const sheet of sheets) {
    const change =
      voiding.get(pairKey(sheet.expertId, sheet.baseId)) ??
      (withdrawn.has(sheet.baseId) ? withdrawalOf(changes, sheet.baseId) : undefined);
    if (change) voided.push({ sheet, change });
    else counted.push(sheet);
  }
  return { counted, voided };
}

export type CountedRecords<B extends Pick<Base, 'id'>> = {
  /** The round's bases without those withdrawn: the ones results, charts and reports list. */
  bases: B[];
  /** Sheets the statistics may see (partitionSheets' `counted`). */
  scoresheets: Scoresheet[];
  voided: VoidedSheet[];
  withdrawn: B[];
};

/**
 * What every statistic of a round reads once its changes are applied: the bases still in the
 * round and the sheets that count; the voided sheets and withdrawn bases apart, to show.
 */
export function countedRecords<B extends Pick<Base, 'id'>>(
  bases: readonly B[],
  sheets: readonly Scoresheet[],
  changes: readonly RoundChange[],
  assignments: readonly Assignment[],
): CountedRecords<B> {
  const { counted, voided } = partitionSheets(sheets, changes, assignments);
  const out = withdrawnBaseIds(changes);
  return {
    bases: bases.filter((b) => !out.has(b.id)),
    scoresheets: counted,
    voided,
    withdrawn: bases.filter((b) => out.has(b.id)),
  };
}

function withdrawalOf(changes: readonly RoundChange[], baseId: string): RoundChange | undefined {
  return [...changes]
    .filter((c) => c.kind === 'withdrawBase' && isStanding(c) && c.baseId === baseId)
    .sort(byRecency)[0];
}

/**
 * The changes a panel's round bundle carries: those that concern its experts or bases, or
 * name it as the panel a base left or joined. Other panels' reasons stay at the secretariat.
 */
export function changesForPanel(
  changes: readonly RoundChange[],
  panelId: string,
  experts: readonly Pick<Expert, 'id' | 'panelId'>[],
  baseIds: ReadonlySet<string>,
): RoundChange[] {
  const ofPanel = new Set(experts.filter((e) => e.panelId === panelId).map((e) => e.id));
  return changes.filter(
    (c) =>
      c.fromPanelId === panelId ||
      c.toPanelId === panelId ||
      (c.expertId !== undefined && ofPanel.has(c.expertId)) ||
      (c.replacementExpertId !== undefined && ofPanel.has(c.replacementExpertId)) ||
      (c.baseId !== undefined && baseIds.has(c.baseId)) ||
      c.voids.some((p) => ofPanel.has(p.expertId)),
  );
}
