// The automatic assignment of a whole round as a list of changes to its records: which
// bases change panel, which (expert, base) assignments are added, rewritten or removed.
// The secretariat previews this plan; the repository applies the same plan in one
// transaction. Pure.
//
// What the plan never does:
// - move a base or drop a pair for which an expert has started a scoresheet (such a base
//   is held in its panel and the pair kept);
// - leave a conflicted expert able to score: every pair of a panel in conflict is written as
//   a recusal (回避) record, which also makes the scoring screens show 回避 there.
import type { Base, Expert, Panel } from '../domain/types';
import { compareIds } from '../domain/aggregation';
import { assignBasesToPanels, assignExpertsToBases } from './assignment';
import type { Outcome, PanelPlacement, ShortBase } from './assignment';
import { pairKey } from './conflicts';
import {
  diffRecords,
  groupByPair,
  recusalFor,
  roundConflictChecker,
  startedPairs,
} from './assignmentChanges';
import type {
  AssignmentChanges,
  AssignmentWarning,
  PlannedPair,
  RoundAssignmentRecords,
} from './assignmentChanges';

export type AutoAssignOptions = {
  /** Omitted: every expert of the panel scores every base of it. */
  expertsPerBase?: number;
  /** Keep bases already placed in a panel where they are. */
  keepExisting: boolean;
};

export type PanelShortBase = ShortBase & { panelId: string };

export type AssignmentPlan = {
  changes: AssignmentChanges;
  placement: PanelPlacement;
  /** Panel id → bases before the plan (bases in no existing panel are not counted). */
  sizesBefore: Map<string, number>;
  /** Expert id → bases to score after the plan. */
  loads: Map<string, number>;
  short: PanelShortBase[];
  /** Bases held in their panel because scoring started. */
  lockedBaseIds: Set<string>;
  warnings: AssignmentWarning[];
};

export function sizesOf(bases: readonly Base[], panels: readonly Panel[]): Map<string, number> {
  const sizes = new Map(panels.map((p) => [p.id, 0]));
  for (const b of bases) {
    const n = b.panelId === undefined ? undefined : sizes.get(b.panelId);
    if (b.panelId !== undefined && n !== undefined) sizes.set(b.panelId, n + 1);
  }
  return sizes;
}

/** The whole round's automatic assignment, as changes to its records. */
export function planAutoAssignment(
  records: RoundAssignmentRecords,
  options: AutoAssignOptions,
): Outcome<AssignmentPlan> {
  const { bases, panels, experts, assignments, scoresheets } = records;
  const checker = roundConflictChecker(records);
  const started = startedPairs(scoresheets);
  const baseIds = new Set(bases.map((b) => b.id));
  const lockedBaseIds = new Set(
    scoresheets.filter((s) => !s.recusal && baseIds.has(s.baseId)).map((s) => s.baseId),
  );
  const panelIds = new Set(panels.map((p) => p.id));
  const expertsOfPanel = new Map<string, Expert[]>(panels.map((p) => [p.id, []]));
  for (const e of experts) expertsOfPanel.get(e.panelId)?.push(e);

  const placed = assignBasesToPanels(bases, panels, {
    keepExisting: options.keepExisting,
    lockedBaseIds,
    conflictCounts: checker.countsByPanel(),
  });
  if (!placed.ok) return placed;
  const placement = placed.value;

  const expertById = new Map(experts.map((e) => [e.id, e]));
  const baseById = new Map(bases.map((b) => [b.id, b]));
  const conflictsOf = (expertId: string, baseId: string) => {
    const expert = expertById.get(expertId);
    const base = baseById.get(baseId);
    return expert && base ? checker.of(expert, base) : [];
  };
  const isConflicted = (expertId: string, baseId: string): boolean => {
    const expert = expertById.get(expertId);
    const base = baseById.get(baseId);
    return expert !== undefined && base !== undefined && checker.has(expert, base);
  };
  const { byPair } = groupByPair(assignments);
  const previous = new Set([...byPair.entries()].filter(([, a]) => !a.recusal).map(([key]) => key));
  const desired = new Map<string, PlannedPair>();
  const loads = new Map<string, number>();
  const short: PanelShortBase[] = [];
  const basesOfPanel = new Map<string, Base[]>(panels.map((p) => [p.id, []]));
  for (const b of bases) basesOfPanel.get(placement.panelOf.get(b.id) ?? '')?.push(b);
  for (const panel of [...panels].sort((a, b) => compareIds(a.id, b.id))) {
    const panelBases = basesOfPanel.get(panel.id) ?? [];
    const result = assignExpertsToBases(panelBases, expertsOfPanel.get(panel.id) ?? [], {
      ...(options.expertsPerBase === undefined ? {} : { expertsPerBase: options.expertsPerBase }),
      isConflicted: (expertId, baseId) => isConflicted(expertId, baseId),
      lockedPairs: started,
      previousPairs: previous,
    });
    if (!result.ok) return result;
    for (const [expertId, n] of result.value.load) loads.set(expertId, n);
    short.push(...result.value.short.map((s) => ({ ...s, panelId: panel.id })));
    for (const p of result.value.pairs)
      desired.set(pairKey(p.expertId, p.baseId), { ...p, panelId: panel.id });
    for (const p of result.value.recused) {
      const key = pairKey(p.expertId, p.baseId);
      const recusal = recusalFor(conflictsOf(p.expertId, p.baseId), byPair.get(key)?.recusal);
      desired.set(key, { ...p, panelId: panel.id, ...(recusal ? { recusal } : {}) });
    }
  }

  const diff = diffRecords(desired, assignments, scoresheets);
  const changes: AssignmentChanges = { moves: placement.moves, ...diff.changes };

  return {
    ok: true,
    value: {
      changes,
      placement,
      sizesBefore: sizesOf(
        bases.filter((b) => b.panelId !== undefined && panelIds.has(b.panelId)),
        panels,
      ),
      loads,
      short,
      lockedBaseIds,
      warnings: diff.warnings,
    },
  };
}
