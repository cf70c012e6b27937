// Automatic assignment of a round: bases to panels, then, inside each panel, experts to
// bases. Deterministic (no randomness; every tie broken by code-point order of ids), so the
// preview the secretariat sees is exactly what is applied, and re-running changes nothing.
//
// Bases to panels — the "spread" strategy: every panel should see a cross-section of the
// round, so its experts' scores are comparable with the other panels'. Bases not held in
// place are dealt one by one, ordered by type (A1 … C3), then field, then code, each to the
// panel with (1) the fewest bases, (2) the fewest experts in conflict with the base, (3) the
// fewest bases of its type, (4) the fewest of its field, (5) the lowest id. Without held
// bases and conflicts, (1) keeps panel sizes within one of each other and (3) each type's
// count per panel within one; a panel that receives any base ends at most one above the
// smallest panel whatever was held.
//
// Experts to bases — inside one panel, each base gets `expertsPerBase` experts (default:
// all of the panel's experts, as Liaoning panels work), never one in conflict with it. The
// most constrained bases (fewest eligible experts) choose first; each takes the eligible
// experts with the lowest load, then those assigned before (so a re-run keeps them), then
// the lowest id. Without conflicts, expert loads stay within one of each other.
import type { Base, BaseTypeCode, Expert, Panel } from '../domain/types';
import { compareIds } from '../domain/aggregation';
import { BASE_TYPE_CODES, compactText } from '../domain/taxonomy';
import { pairKey } from './conflicts';

export type Outcome<T> = { ok: true; value: T } | { ok: false; message: string };

// ---- bases to panels ----------------------------------------------------------------------

export type PanelPlacementOptions = {
  /** Bases already in one of the panels stay there (manual placements are kept). */
  keepExisting?: boolean;
  /** Bases that stay in their current panel whatever keepExisting says (scoring started). */
  lockedBaseIds?: ReadonlySet<string>;
  /** Base id → panel id → experts of that panel in conflict with the base: avoided. */
  conflictCounts?: ReadonlyMap<string, ReadonlyMap<string, number>>;
};

export type BaseMove = { baseId: string; from: string | undefined; to: string };

export type PanelPlacement = {
  /** Base id → panel id, for every base. */
  panelOf: Map<string, string>;
  /** Panel id → number of bases, for every panel. */
  sizes: Map<string, number>;
  /** Bases given another panel than they had (or a first one), in base id order. */
  moves: BaseMove[];
  /** Bases held in their panel (keepExisting or locked). */
  heldBaseIds: Set<string>;
};

const typeIndex = (type: BaseTypeCode): number => BASE_TYPE_CODES.indexOf(type);

function uniqueById<T extends { id: string }>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => (seen.has(item.id) ? false : (seen.add(item.id), true)));
}

function bump<K>(map: Map<K, number>, key: K): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/** One panel per base, balanced by count, conflicts, type and field (see the top comment). */
export function assignBasesToPanels(
  bases: readonly Base[],
  panels: readonly Panel[],
  options: PanelPlacementOptions = {},
): Outcome<PanelPlacement> {
  const panelIds = [...new Set(panels.map((p) => p.id))].sort(compareIds);
  const allBases = uniqueById(bases);
  if (allBases.length > 0 && panelIds.length === 0) {
    return { ok: false, message: '还没有专家组，无法分配基地：请先建立专家组。' };
  }
  // Counts per panel index; a round of 1,000 bases and 100 panels compares 100,000 times.
  const indexOf = new Map(panelIds.map((id, i) => [id, i]));
  const sizes: number[] = panelIds.map(() => 0);
  const typeCounts = new Map<BaseTypeCode, number[]>();
  const fieldCounts = new Map<string, number[]>();
  const countsOf = <K>(map: Map<K, number[]>, key: K): number[] => {
    const found = map.get(key);
    if (found) return found;
    const fresh = panelIds.map(() => 0);
    map.set(key, fresh);
    return fresh;
  };
  const fieldOf = new Map(allBases.map((b) => [b.id, compactText(b.field)]));
  const panelOf = new Map<string, string>();
  const heldBaseIds = new Set<string>();
  const place = (base: Base, i: number): void => {
    panelOf.set(base.id, panelIds[i] ?? '');
    sizes[i] = (sizes[i] ?? 0) + 1;
    const types = countsOf(typeCounts, base.type);
    types[i] = (types[i] ?? 0) + 1;
    const fields = countsOf(fieldCounts, fieldOf.get(base.id) ?? '');
    fields[i] = (fields[i] ?? 0) + 1;
  };

  const free: Base[] = [];
  for (const base of allBases) {
    const held = base.panelId === undefined ? undefined : indexOf.get(base.panelId);
    const isHeld =
      held !== undefined &&
      (options.keepExisting === true || options.lockedBaseIds?.has(base.id) === true);
    if (isHeld) {
      place(base, held);
      heldBaseIds.add(base.id);
    } else free.push(base);
  }

  // Deal order: type, field, code, id.
  free.sort(
    (a, b) =>
      typeIndex(a.type) - typeIndex(b.type) ||
      compareIds(fieldOf.get(a.id) ?? '', fieldOf.get(b.id) ?? '') ||
      compareIds(a.code, b.code) ||
      compareIds(a.id, b.id),
  );
  const noConflicts = panelIds.map(() => 0);
  for (const base of free) {
    const byPanel = options.conflictCounts?.get(base.id);
    const conflicts = byPanel ? panelIds.map((id) => byPanel.get(id) ?? 0) : noConflicts;
    const types = countsOf(typeCounts, base.type);
    const fields = countsOf(fieldCounts, fieldOf.get(base.id) ?? '');
    const at = (counts: readonly number[], i: number): number => counts[i] ?? 0;
    let best = 0;
    for (let i = 1; i < panelIds.length; i += 1) {
      const diff =
        at(sizes, i) - at(sizes, best) ||
        at(conflicts, i) - at(conflicts, best) ||
        at(types, i) - at(types, best) ||
        at(fields, i) - at(fields, best);
      if (diff < 0) best = i;
    }
    place(base, best);
  }

  const moves: BaseMove[] = [];
  for (const base of [...allBases].sort((a, b) => compareIds(a.id, b.id))) {
    const to = panelOf.get(base.id);
    if (to !== undefined && to !== base.panelId) {
      moves.push({ baseId: base.id, from: base.panelId, to });
    }
  }
  const sizeMap = new Map(panelIds.map((id, i) => [id, sizes[i] ?? 0]));
  return { ok: true, value: { panelOf, sizes: sizeMap, moves, heldBaseIds } };
}

// ---- experts to bases, inside one panel ---------------------------------------------------

export type ExpertAssignmentOptions = {
  /** Experts per base; omitted: every expert of the panel not in conflict with the base. */
  expertsPerBase?: number;
  /** True when the expert must not score the base (a conflict of interest). */
  isConflicted?: (expertId: string, baseId: string) => boolean;
  /** Pairs (pairKey) that stay assigned whatever the balance: a sheet was started. */
  lockedPairs?: ReadonlySet<string>;
  /** Pairs (pairKey) assigned before: preferred among equally loaded experts. */
  previousPairs?: ReadonlySet<string>;
  /** Bases each expert already scores outside `panelBases` (placing one base by hand). */
  initialLoad?: ReadonlyMap<string, number>;
};

export type ExpertPair = { expertId: string; baseId: string };

export type ShortBase = {
  baseId: string;
  /** Experts the base should have. */
  required: number;
  /** Experts it got. */
  assigned: number;
  /** Experts of the panel free of conflict with it. */
  eligible: number;
};

export type ExpertAssignment = {
  /** Pairs to score, in base id then expert id order. */
  pairs: ExpertPair[];
  /** Pairs of the panel in conflict: recorded as 回避, never scored. Same order. */
  recused: ExpertPair[];
  /** Expert id → number of bases to score (with initialLoad), for every expert of the panel. */
  load: Map<string, number>;
  /** Bases below the required number of experts, in base id order. */
  short: ShortBase[];
};

export const EXPERTS_PER_BASE_MESSAGE = '每个基地的评审专家数须为不小于 1 的整数。';

function comparePairs(a: ExpertPair, b: ExpertPair): number {
  return compareIds(a.baseId, b.baseId) || compareIds(a.expertId, b.expertId);
}

/** Experts for each base of one panel (see the top comment). */
export function assignExpertsToBases(
  panelBases: readonly Base[],
  panelExperts: readonly Expert[],
  options: ExpertAssignmentOptions = {},
): Outcome<ExpertAssignment> {
  const k = options.expertsPerBase;
  if (k !== undefined && (!Number.isInteger(k) || k < 1)) {
    return { ok: false, message: EXPERTS_PER_BASE_MESSAGE };
  }
  const bases = uniqueById(panelBases).sort((a, b) => compareIds(a.id, b.id));
  const experts = uniqueById(panelExperts).sort((a, b) => compareIds(a.id, b.id));
  const isConflicted = options.isConflicted ?? (() => false);
  const locked = options.lockedPairs ?? new Set<string>();
  const previous = options.previousPairs ?? new Set<string>();

  const load = new Map(experts.map((e) => [e.id, options.initialLoad?.get(e.id) ?? 0]));
  const recused: ExpertPair[] = [];
  const eligibleOf = new Map<string, Expert[]>();
  for (const base of bases) {
    const eligible: Expert[] = [];
    for (const expert of experts) {
      if (isConflicted(expert.id, base.id)) recused.push({ expertId: expert.id, baseId: base.id });
      else eligible.push(expert);
    }
    eligibleOf.set(base.id, eligible);
    // Locked pairs count from the start, so the others balance around them.
    for (const expert of eligible)
      if (locked.has(pairKey(expert.id, base.id))) bump(load, expert.id);
  }

  const order = [...bases].sort(
    (a, b) =>
      (eligibleOf.get(a.id)?.length ?? 0) - (eligibleOf.get(b.id)?.length ?? 0) ||
      compareIds(a.id, b.id),
  );
  const pairs: ExpertPair[] = [];
  const short: ShortBase[] = [];
  for (const base of order) {
    const eligible = eligibleOf.get(base.id) ?? [];
    const isLocked = (e: Expert): boolean => locked.has(pairKey(e.id, base.id));
    const chosen = eligible.filter(isLocked);
    const required = k ?? Math.max(1, eligible.length);
    const candidates = eligible
      .filter((e) => !isLocked(e))
      .sort(
        (a, b) =>
          (load.get(a.id) ?? 0) - (load.get(b.id) ?? 0) ||
          Number(!previous.has(pairKey(a.id, base.id))) -
            Number(!previous.has(pairKey(b.id, base.id))) ||
          compareIds(a.id, b.id),
      );
    for (const expert of candidates) {
      if (chosen.length >= required) break;
      chosen.push(expert);
      bump(load, expert.id);
    }
    for (const expert of chosen) pairs.push({ expertId: expert.id, baseId: base.id });
    if (chosen.length < required) {
      short.push({
        baseId: base.id,
        required,
        assigned: chosen.length,
        eligible: eligible.length,
      });
    }
  }
  return {
    ok: true,
    value: {
      pairs: pairs.sort(comparePairs),
      recused: recused.sort(comparePairs),
      load,
      short: short.sort((a, b) => compareIds(a.baseId, b.baseId)),
    },
  };
}
