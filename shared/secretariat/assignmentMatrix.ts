// The view models of the assignment screen: one panel's expert × base matrix (each cell
// assigned, in conflict, recused or empty; each expert's load; each base's coverage) and
// the round's panel balance. Built per panel, so a round of 1,000 bases and 100 panels
// only ever works on the panel on screen. Pure.
import type {
  Assignment,
  Base,
  BaseTypeCode,
  Expert,
  Panel,
  Recusal,
  Scoresheet,
} from '../domain/types';
import { compareIds } from '../domain/aggregation';
import { indexConflicts, pairKey } from './conflicts';
import type { ConflictKind, ConflictOfInterest } from './conflicts';

/**
 * - assigned: the expert scores the base;
 * - conflict: a conflict of interest (automatic or declared); the expert does not score it;
 * - violation: a conflict of interest, yet the expert is assigned without a recusal;
 * - recused: a recusal on record that no conflict explains any more (e.g. the expert's
 *   institution was corrected since);
 * - none: not assigned.
 */
export type MatrixCellState = 'assigned' | 'conflict' | 'violation' | 'recused' | 'none';

export type AssignmentMatrixCell = {
  state: MatrixCellState;
  /** Kinds of conflict on this pair, automatic first. */
  conflictKinds: ConflictKind[];
  /** Why: the conflicts' reasons, or the recorded recusal's. */
  reason?: string;
  assignmentId?: string;
};

export type MatrixExpertRow = {
  expert: Expert;
  /** Bases of this panel the expert scores (assigned and violation cells). */
  load: number;
  conflicts: number;
  cells: AssignmentMatrixCell[];
};

export type MatrixBaseColumn = {
  base: Base;
  /** Experts scoring it. */
  assigned: number;
  /** Experts not scoring it because of a conflict or recusal. */
  recused: number;
  /** Experts it should have: expertsPerBase, or every expert free of conflict (at least 1). */
  required: number;
  isShort: boolean;
};

export type AssignmentMatrix = {
  panelId: string;
  /** Experts in id order; row i's cells follow `bases`. */
  rows: MatrixExpertRow[];
  /** The panel's bases in the given order. */
  bases: MatrixBaseColumn[];
  totals: {
    experts: number;
    bases: number;
    assigned: number;
    conflicts: number;
    violations: number;
    recused: number;
    shortBases: number;
    minLoad: number;
    maxLoad: number;
  };
};

export type AssignmentMatrixInput = {
  panelId: string;
  /** Bases of the panel, in display order. */
  bases: readonly Base[];
  /** Experts of the panel. */
  experts: readonly Expert[];
  /** Assignments (any; only pairs of these experts and bases are read). */
  assignments: readonly Assignment[];
  conflicts: readonly ConflictOfInterest[];
  /** Sheets of the round: a recusal declared on a sheet counts like one on the assignment. */
  scoresheets?: readonly Scoresheet[];
  expertsPerBase?: number;
};

function cellOf(
  assignment: Assignment | undefined,
  sheetRecusal: Recusal | undefined,
  conflicts: readonly ConflictOfInterest[],
): AssignmentMatrixCell {
  const recusal = assignment?.recusal ?? (assignment ? sheetRecusal : undefined);
  const ordered = [...conflicts].sort(
    (a, b) => Number(a.kind !== 'institution') - Number(b.kind !== 'institution'),
  );
  const conflictKinds = [...new Set(ordered.map((c) => c.kind))];
  const id = assignment ? { assignmentId: assignment.id } : {};
  if (ordered.length > 0) {
    const reason = [...new Set(ordered.map((c) => c.reason))].join('；');
    const state = assignment && !recusal ? 'violation' : 'conflict';
    return { state, conflictKinds, reason, ...id };
  }
  if (recusal) return { state: 'recused', conflictKinds, reason: recusal.reason, ...id };
  return { state: assignment ? 'assigned' : 'none', conflictKinds, ...id };
}

export function assignmentMatrix(input: AssignmentMatrixInput): AssignmentMatrix {
  const experts = [...input.experts].sort((a, b) => compareIds(a.id, b.id));
  const expertIds = new Set(experts.map((e) => e.id));
  const baseIds = new Set(input.bases.map((b) => b.id));
  const byPair = new Map<string, Assignment>();
  for (const a of [...input.assignments].sort((x, y) => compareIds(x.id, y.id))) {
    if (!expertIds.has(a.expertId) || !baseIds.has(a.baseId)) continue;
    const key = pairKey(a.expertId, a.baseId);
    if (!byPair.has(key)) byPair.set(key, a);
  }
  const conflictIndex = indexConflicts(
    input.conflicts.filter((c) => expertIds.has(c.expertId) && baseIds.has(c.baseId)),
  );
  const sheetRecusals = new Map<string, Recusal>();
  for (const s of input.scoresheets ?? []) {
    if (s.recusal && expertIds.has(s.expertId) && baseIds.has(s.baseId)) {
      sheetRecusals.set(pairKey(s.expertId, s.baseId), s.recusal);
    }
  }
  const rows: MatrixExpertRow[] = experts.map((expert) => {
    const cells = input.bases.map((base) => {
      const key = pairKey(expert.id, base.id);
      return cellOf(byPair.get(key), sheetRecusals.get(key), conflictIndex.get(key) ?? []);
    });
    const scores = (c: AssignmentMatrixCell): boolean =>
      c.state === 'assigned' || c.state === 'violation';
    return {
      expert,
      load: cells.filter(scores).length,
      conflicts: cells.filter((c) => c.conflictKinds.length > 0).length,
      cells,
    };
  });
  const bases: MatrixBaseColumn[] = input.bases.map((base, j) => {
    const column = rows.map((r) => r.cells[j]?.state ?? 'none');
    const assigned = column.filter((s) => s === 'assigned' || s === 'violation').length;
    const recused = column.filter((s) => s === 'conflict' || s === 'recused').length;
    const eligible = rows.filter((r) => (r.cells[j]?.conflictKinds.length ?? 0) === 0).length;
    const required = input.expertsPerBase ?? Math.max(1, eligible);
    return { base, assigned, recused, required, isShort: assigned < required };
  });
  const count = (state: MatrixCellState): number =>
    rows.reduce((n, r) => n + r.cells.filter((c) => c.state === state).length, 0);
  const loads = rows.map((r) => r.load);
  return {
    panelId: input.panelId,
    rows,
    bases,
    totals: {
      experts: rows.length,
      bases: bases.length,
      assigned: count('assigned') + count('violation'),
      conflicts: count('conflict') + count('violation'),
      violations: count('violation'),
      recused: count('recused'),
      shortBases: bases.filter((b) => b.isShort).length,
      minLoad: loads.length > 0 ? Math.min(...loads) : 0,
      maxLoad: loads.length > 0 ? Math.max(...loads) : 0,
    },
  };
}

export type PanelBalanceRow = {
  panel: Panel;
  bases: number;
  experts: number;
  byType: Record<BaseTypeCode, number>;
};

export type PanelBalance = {
  rows: PanelBalanceRow[];
  /** Bases in no existing panel. */
  unplaced: number;
  minBases: number;
  maxBases: number;
};

const emptyByType = (): Record<BaseTypeCode, number> => ({
  A1: 0,
  B1: 0,
  B2: 0,
  B3: 0,
  B4: 0,
  B5: 0,
  C1: 0,
  C2: 0,
  C3: 0,
});

/** Bases (by type) and experts per panel, in the given panel order. */
export function panelBalance(
  bases: readonly Base[],
  panels: readonly Panel[],
  experts: readonly Expert[],
  panelOf: (base: Base) => string | undefined = (b) => b.panelId,
): PanelBalance {
  const rowById = new Map(
    panels.map((panel) => [panel.id, { panel, bases: 0, experts: 0, byType: emptyByType() }]),
  );
  let unplaced = 0;
  for (const base of bases) {
    const id = panelOf(base);
    const row = id === undefined ? undefined : rowById.get(id);
    if (!row) {
      unplaced += 1;
      continue;
    }
    row.bases += 1;
    row.byType[base.type] += 1;
  }
  for (const e of experts) {
    const row = rowById.get(e.panelId);
    if (row) row.experts += 1;
  }
  const rows = [...rowById.values()];
  const sizes = rows.map((r) => r.bases);
  return {
    rows,
    unplaced,
    minBases: sizes.length > 0 ? Math.min(...sizes) : 0,
    maxBases: sizes.length > 0 ? Math.max(...sizes) : 0,
  };
}
