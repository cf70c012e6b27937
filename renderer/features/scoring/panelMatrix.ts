// The chair's overview of a panel: experts × bases, each cell the state and total of one
// expected sheet, and what is still missing before the panel exports. Pure. A sheet voided
// by a round change (作废) has its cell, marked with the change's reason, and counts in no
// figure but `voided`: it is neither expected nor missing, and its total is no one's.
import type { SheetState } from '../../db/queries';
import type {
  Assignment,
  Base,
  Expert,
  IndicatorTemplate,
  Panel,
  RoundChange,
  Scoresheet,
} from '../../../shared/domain/types';
import { buildWorkRows } from './workRows';
import type { WorkRow } from './workRows';

export type MatrixCell = {
  state: SheetState;
  total: number | null;
  recusalReason: string | undefined;
  /** The change that voids the sheet (作废). */
  voided?: Pick<RoundChange, 'id' | 'kind' | 'reason'>;
};

export type MatrixRow = {
  base: Base;
  /** Expert id → cell; an expert not assigned to the base has no cell. */
  cells: Record<string, MatrixCell>;
};

export type MatrixCounts = Record<SheetState, number> & {
  expected: number;
  /** Not started or draft: what keeps the panel from being complete. */
  missing: number;
  /** Voided sheets (作废), outside every other count. */
  voided: number;
};

export type PanelMatrix = {
  panel: Panel;
  /** The chair first, then the others in the given order. */
  experts: Expert[];
  rows: MatrixRow[];
  total: MatrixCounts;
  byExpert: Record<string, MatrixCounts>;
};

export type PanelMatrixInput = {
  panel: Panel;
  experts: readonly Expert[];
  bases: readonly Base[];
  assignments: readonly Assignment[];
  sheets: readonly Scoresheet[];
  templateById: ReadonlyMap<string, IndicatorTemplate>;
  /** Sheet id → the change voiding it (voidedBySheet). */
  voided?: ReadonlyMap<string, RoundChange>;
};

const emptyCounts = (): MatrixCounts => ({
  expected: 0,
  missing: 0,
  notStarted: 0,
  draft: 0,
  submitted: 0,
  recused: 0,
  voided: 0,
});

function count(counts: MatrixCounts, state: SheetState | 'voided'): void {
  if (state === 'voided') {
    counts.voided += 1;
    return;
  }
  counts.expected += 1;
  counts[state] += 1;
  if (state === 'notStarted' || state === 'draft') counts.missing += 1;
}

export function buildPanelMatrix(input: PanelMatrixInput): PanelMatrix {
  const { panel } = input;
  const members = input.experts.filter((e) => e.panelId === panel.id);
  const experts = [
    ...members.filter((e) => e.id === panel.chairExpertId),
    ...members.filter((e) => e.id !== panel.chairExpertId),
  ];
  const assignments = input.assignments.filter((a) => a.panelId === panel.id);
  const rowByBase = new Map<string, MatrixRow>();
  const total = emptyCounts();
  const byExpert: Record<string, MatrixCounts> = {};

  const workRowsOf = (expertId: string): WorkRow[] =>
    buildWorkRows({ ...input, expertId, assignments });
  for (const expert of experts) {
    const counts = emptyCounts();
    byExpert[expert.id] = counts;
    for (const row of workRowsOf(expert.id)) {
      const matrixRow = rowByBase.get(row.base.id) ?? { base: row.base, cells: {} };
      rowByBase.set(row.base.id, matrixRow);
      const { voided } = row;
      matrixRow.cells[expert.id] = {
        state: row.state,
        total: row.total,
        recusalReason: row.recusal?.reason,
        ...(voided ? { voided: { id: voided.id, kind: voided.kind, reason: voided.reason } } : {}),
      };
      count(counts, voided ? 'voided' : row.state);
      count(total, voided ? 'voided' : row.state);
    }
  }
  // Keep the round's base order (buildWorkRows follows input.bases).
  const rows = input.bases.flatMap((b) => {
    const row = rowByBase.get(b.id);
    return row ? [row] : [];
  });
  return { panel, experts, rows, total, byExpert };
}

/**
 * Experts with sheets to score none of which exists on this laptop (all not started): on a
 * panel sharing several laptops they most likely score on another one, and the matrix is
 * complete only once their score bundles are imported here.
 */
export function expertsWithNothingHere(matrix: PanelMatrix): Expert[] {
  return matrix.experts.filter((expert) => {
    const counts = matrix.byExpert[expert.id];
    return counts !== undefined && counts.expected > 0 && counts.notStarted === counts.expected;
  });
}
