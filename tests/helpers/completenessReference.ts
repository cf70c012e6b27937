// A reference for the 进度 tab's numbers, written from the README's definitions and imported
// by tests instead of shared/secretariat: one expected sheet per assignment; it is 回避 when the
// assignment or any of its sheets records a recusal, 已提交 when a sheet of the pair is
// submitted, 草稿 when a sheet exists, 未开始 otherwise. Draft and not-started sheets are
// outstanding, and an expert who owes any is on the reminder list (催办清单).
import type { Assignment, Expert, Panel, Scoresheet } from '../../shared/domain/types';

export type ReferenceCounts = {
  expected: number;
  submitted: number;
  recused: number;
  draft: number;
  missing: number;
};

type Records = {
  panels: readonly Panel[];
  experts: readonly Expert[];
  assignments: readonly Assignment[];
  scoresheets: readonly Scoresheet[];
};

type State = 'submitted' | 'recused' | 'draft' | 'missing';

function stateOf(a: Assignment, sheets: readonly Scoresheet[]): State {
  const own = sheets.filter((s) => s.expertId === a.expertId && s.baseId === a.baseId);
  if (a.recusal !== undefined || own.some((s) => s.recusal !== undefined)) return 'recused';
  if (own.some((s) => s.status === 'submitted')) return 'submitted';
  return own.length > 0 ? 'draft' : 'missing';
}

/** Each assignment's state, with its panel and expert. */
export function referenceStates(r: Records): { panelId: string; expertId: string; state: State }[] {
  return r.assignments.map((a) => ({
    panelId: a.panelId,
    expertId: a.expertId,
    state: stateOf(a, r.scoresheets),
  }));
}

export function referenceCounts(r: Records): ReferenceCounts {
  const counts: ReferenceCounts = { expected: 0, submitted: 0, recused: 0, draft: 0, missing: 0 };
  for (const { state } of referenceStates(r)) {
    counts.expected += 1;
    counts[state] += 1;
  }
  return counts;
}

/** Panels with at least one draft or not-started sheet. */
export function referenceOutstandingPanels(r: Records): number {
  const panels = new Set(
    referenceStates(r)
      .filter((s) => s.state === 'draft' || s.state === 'missing')
      .map((s) => s.panelId),
  );
  return panels.size;
}

/** `panel name,expert name` of every expert who owes a draft or not-started sheet. */
export function referenceReminderPeople(r: Records): string[] {
  const owing = new Set(
    referenceStates(r)
      .filter((s) => s.state === 'draft' || s.state === 'missing')
      .map((s) => s.expertId),
  );
  return r.experts
    .filter((e) => owing.has(e.id))
    .map((e) => `${r.panels.find((p) => p.id === e.panelId)?.name ?? ''},${e.name}`);
}
