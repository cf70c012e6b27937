// How far the round's scoring has come, for the secretariat's 进度 tab: for every panel,
// expert and base, how many expected sheets are submitted, draft, recused or missing (an
// assignment without any sheet), and what each expert still owes. Pure.
//
// An expected sheet is one assignment (expert × base). A recusal on the assignment or on the
// sheet makes it recused: it is done, it will never be scored. Submitted and recused count as
// done; draft and missing are outstanding. Sheets without an assignment are not expected and
// are left out. So are the round's withdrawn bases and voided sheets (轮次变更). A missing or
// draft sheet whose absence was waived (缺评, a standing change of kind waiveMissing) is
// `waived`: done, with the waiver's reason, never reminded of.
import { countedRecords, waivedPairs } from '../domain/roundChanges';
import { pairKey } from '../domain/sheetAdmission';
import type { Assignment, Base, Expert, Panel, RoundChange, Scoresheet } from '../domain/types';

export type ExpectedState = 'submitted' | 'draft' | 'recused' | 'missing' | 'waived';

export const EXPECTED_STATES = [
  'submitted',
  'draft',
  'recused',
  'missing',
  'waived',
] as const satisfies readonly ExpectedState[];

export type StateCounts = Record<ExpectedState, number> & {
  expected: number;
  /** Submitted + recused + waived. */
  done: number;
  /** Draft + missing. */
  outstanding: number;
  /**
   * Whole percent done, rounded down, so 100 means nothing is outstanding (199 of 200 shows
   * 99, not 100). 100 when nothing is expected.
   */
  percent: number;
};

export type ExpectedSheet = {
  assignmentId: string;
  panelId: string;
  expertId: string;
  baseId: string;
  state: ExpectedState;
  /** The sheet kept for this expert and base, if one exists. */
  sheetId?: string;
  /** Scored indicators of a draft (or any existing sheet). */
  scoredCount: number;
  recusalReason?: string;
  /** Why the sheet was waived (缺评), for a `waived` one. */
  waiverReason?: string;
};

export type OutstandingItem = {
  baseId: string;
  baseName: string;
  state: 'draft' | 'missing';
  scoredCount: number;
};

export type ExpertProgress = {
  expert: Expert;
  panelId: string;
  counts: StateCounts;
  /** Every expected sheet of this expert in this panel, in the round's base order. */
  sheets: ExpectedSheet[];
  /** Draft and missing sheets, in the round's base order. */
  outstanding: OutstandingItem[];
};

export type BaseProgress = {
  base: Base;
  panelId: string;
  counts: StateCounts;
  /** One per assigned expert, in the panel's expert order. */
  sheets: ExpectedSheet[];
};

export type PanelProgress = {
  panel: Panel;
  counts: StateCounts;
  /** Every expert of the panel (also those without assignments), chair first, then by name. */
  experts: ExpertProgress[];
  /** Bases with at least one assignment in this panel, in the round's base order. */
  bases: BaseProgress[];
};

export type RoundCompleteness = {
  counts: StateCounts;
  panels: PanelProgress[];
};

export type CompletenessInput = {
  panels: readonly Panel[];
  experts: readonly Expert[];
  bases: readonly Base[];
  assignments: readonly Assignment[];
  scoresheets: readonly Scoresheet[];
  /**
   * The round's changes after issue (轮次变更): a withdrawn base is no longer expected, and a
   * voided sheet stands for nothing (its pair is reassigned or recused, never missing), and
   * a waived (缺评) missing or draft sheet is `waived`.
   */
  changes?: readonly RoundChange[];
};

export function emptyCounts(): StateCounts {
  return {
    submitted: 0,
    draft: 0,
    recused: 0,
    missing: 0,
    waived: 0,
    expected: 0,
    done: 0,
    outstanding: 0,
    percent: 100,
  };
}

/** Draft and missing sheets are outstanding; submitted, recused and waived ones are done. */
export const isOutstanding = (state: ExpectedState): state is OutstandingItem['state'] =>
  state === 'draft' || state === 'missing';

/** Counts of a list of expected sheets. */
export function countStates(sheets: readonly Pick<ExpectedSheet, 'state'>[]): StateCounts {
  const counts = emptyCounts();
  for (const { state } of sheets) {
    counts[state] += 1;
    counts.expected += 1;
  }
  counts.done = counts.submitted + counts.recused + counts.waived;
  counts.outstanding = counts.draft + counts.missing;
  counts.percent = counts.expected === 0 ? 100 : Math.floor((counts.done * 100) / counts.expected);
  return counts;
}

// Several sheets for one pair only exist until merge settles them; the most advanced one
// stands for the pair (the same order merge uses to pick the sheet shown).
const sheetRank = (sheet: Scoresheet): number =>
  sheet.recusal ? 2 : sheet.status === 'submitted' ? 1 : 0;

function expectedSheet(assignment: Assignment, sheet: Scoresheet | undefined): ExpectedSheet {
  const recusal = assignment.recusal ?? sheet?.recusal;
  const state: ExpectedState = recusal
    ? 'recused'
    : !sheet
      ? 'missing'
      : sheet.status === 'submitted'
        ? 'submitted'
        : 'draft';
  return {
    assignmentId: assignment.id,
    panelId: assignment.panelId,
    expertId: assignment.expertId,
    baseId: assignment.baseId,
    state,
    ...(sheet ? { sheetId: sheet.id } : {}),
    scoredCount: sheet ? Object.keys(sheet.scores).length : 0,
    ...(recusal ? { recusalReason: recusal.reason } : {}),
  };
}

/** Every expected sheet of the round, one per assignment, in assignment order. */
export function expectedSheets(
  assignments: readonly Assignment[],
  scoresheets: readonly Scoresheet[],
): ExpectedSheet[] {
  const sheetByPair = new Map<string, Scoresheet>();
  for (const sheet of scoresheets) {
    const key = pairKey(sheet.expertId, sheet.baseId);
    const kept = sheetByPair.get(key);
    if (!kept || sheetRank(sheet) > sheetRank(kept)) sheetByPair.set(key, sheet);
  }
  return assignments.map((a) => expectedSheet(a, sheetByPair.get(pairKey(a.expertId, a.baseId))));
}

// One collator for every comparison: a.localeCompare(b, 'zh-CN') builds one per call, and
// sorting a round's experts calls it thousands of times.
const byChineseName = new Intl.Collator('zh-CN');

function orderedExperts(panel: Panel, experts: readonly Expert[]): Expert[] {
  const sorted = [...experts].sort((a, b) => byChineseName.compare(a.name, b.name));
  return [
    ...sorted.filter((e) => e.id === panel.chairExpertId),
    ...sorted.filter((e) => e.id !== panel.chairExpertId),
  ];
}

/** Items grouped by a key, each group in input order. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

// Every list below is grouped once (by panel, then by expert and by base within a panel), so
// the work grows with the round, not with panels × sheets: a 1,000-base round has 100 panels
// and 7,000 expected sheets.
export function roundCompleteness(input: CompletenessInput): RoundCompleteness {
  const counted = countedRecords(
    input.bases,
    input.scoresheets,
    input.changes ?? [],
    input.assignments,
  );
  const withdrawn = new Set(counted.withdrawn.map((b) => b.id));
  const assignments = input.assignments.filter((a) => !withdrawn.has(a.baseId));
  const waived = waivedPairs(input.changes ?? []);
  const all = expectedSheets(assignments, counted.scoresheets).map((s): ExpectedSheet => {
    const waiver = isOutstanding(s.state) ? waived.get(pairKey(s.expertId, s.baseId)) : undefined;
    return waiver ? { ...s, state: 'waived', waiverReason: waiver.reason } : s;
  });
  const baseOrder = new Map(input.bases.map((b, i) => [b.id, i]));
  const baseById = new Map(input.bases.map((b) => [b.id, b]));
  const expertById = new Map(input.experts.map((e) => [e.id, e]));
  const inBaseOrder = (a: ExpectedSheet, b: ExpectedSheet): number =>
    (baseOrder.get(a.baseId) ?? Infinity) - (baseOrder.get(b.baseId) ?? Infinity);
  const sheetsByPanel = groupBy(all, (s) => s.panelId);
  const expertsByPanel = groupBy(input.experts, (e) => e.panelId);

  const panels = input.panels.map((panel): PanelProgress => {
    const ofPanel = sheetsByPanel.get(panel.id) ?? [];
    const members = new Map<string, Expert>();
    for (const e of expertsByPanel.get(panel.id) ?? []) members.set(e.id, e);
    // An expert moved to another panel still owes the sheets assigned here.
    for (const s of ofPanel) {
      const e = expertById.get(s.expertId);
      if (e) members.set(e.id, e);
    }
    const experts = orderedExperts(panel, [...members.values()]);
    const expertIndex = new Map(experts.map((e, i) => [e.id, i]));
    const byExpert = groupBy(ofPanel, (s) => s.expertId);
    const byBase = groupBy(ofPanel, (s) => s.baseId);

    const expertRows = experts.map((expert): ExpertProgress => {
      const sheets = [...(byExpert.get(expert.id) ?? [])].sort(inBaseOrder);
      return {
        expert,
        panelId: panel.id,
        counts: countStates(sheets),
        sheets,
        outstanding: sheets.flatMap((s): OutstandingItem[] =>
          isOutstanding(s.state)
            ? [
                {
                  baseId: s.baseId,
                  baseName: baseById.get(s.baseId)?.name ?? s.baseId,
                  state: s.state,
                  scoredCount: s.scoredCount,
                },
              ]
            : [],
        ),
      };
    });

    const baseIds = [...byBase.keys()]
      .filter((id) => baseById.has(id))
      .sort((a, b) => (baseOrder.get(a) ?? 0) - (baseOrder.get(b) ?? 0));
    const baseRows = baseIds.flatMap((baseId): BaseProgress[] => {
      const base = baseById.get(baseId);
      if (!base) return [];
      const sheets = [...(byBase.get(baseId) ?? [])].sort(
        (a, b) =>
          (expertIndex.get(a.expertId) ?? Infinity) - (expertIndex.get(b.expertId) ?? Infinity),
      );
      return [{ base, panelId: panel.id, counts: countStates(sheets), sheets }];
    });

    return { panel, counts: countStates(ofPanel), experts: expertRows, bases: baseRows };
  });

  return { counts: countStates(all), panels };
}
