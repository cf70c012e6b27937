// An expert's work list ("my bases"): each assigned base with its sheet's state and total,
// the filters the list offers, and the progress line. Pure. A sheet voided by a round change
// (作废) is listed too, even when a re-issued bundle took its assignment away, marked with
// its change; it counts in no total and no progress figure but its own.
import { sheetState } from '../../db/queries';
import type { SheetState } from '../../db/queries';
import { sheetTotal } from '../../../shared/domain/scoresheetTotals';
import type {
  Assignment,
  Base,
  BaseTypeCode,
  IndicatorTemplate,
  Recusal,
  RoundChange,
  Scoresheet,
} from '../../../shared/domain/types';

export type WorkRow = {
  base: Base;
  /** Undefined only for a voided sheet whose assignment was withdrawn. */
  assignment: Assignment | undefined;
  sheet: Scoresheet | undefined;
  state: SheetState;
  /** Null when nothing counts: not started, recused or voided. */
  total: number | null;
  recusal: Recusal | undefined;
  /** The round change that voids the sheet (作废): shown, locked, never counted. */
  voided: RoundChange | undefined;
};

/** Total of a sheet on its template; a sheet whose template is unknown sums its scores. */
export function totalOf(
  sheet: Scoresheet,
  templateById: ReadonlyMap<string, IndicatorTemplate>,
): number {
  const template = templateById.get(sheet.templateId);
  if (template) return sheetTotal(sheet, template);
  return Object.values(sheet.scores).reduce((sum, score) => sum + score, 0);
}

export type WorkRowInput = {
  expertId: string;
  bases: readonly Base[];
  assignments: readonly Assignment[];
  sheets: readonly Scoresheet[];
  templateById: ReadonlyMap<string, IndicatorTemplate>;
  /** Sheet id → the change voiding it (voidedBySheet); none: nothing is voided. */
  voided?: ReadonlyMap<string, RoundChange>;
};

/** The expert's assigned bases and voided sheets in the round's base order (type, then code). */
export function buildWorkRows(input: WorkRowInput): WorkRow[] {
  const { expertId, bases, assignments, sheets, templateById } = input;
  const assignmentByBase = new Map(
    assignments.filter((a) => a.expertId === expertId).map((a) => [a.baseId, a]),
  );
  const sheetByBase = new Map(
    sheets.filter((s) => s.expertId === expertId).map((s) => [s.baseId, s]),
  );
  return bases.flatMap((base) => {
    const assignment = assignmentByBase.get(base.id);
    const sheet = sheetByBase.get(base.id);
    const voided = sheet === undefined ? undefined : input.voided?.get(sheet.id);
    if (!assignment && !voided) return [];
    const state = sheetState(assignment, sheet);
    const counts = sheet !== undefined && state !== 'recused' && !voided;
    return [
      {
        base,
        assignment,
        sheet,
        state,
        total: counts ? totalOf(sheet, templateById) : null,
        recusal: sheet?.recusal ?? assignment?.recusal,
        voided,
      },
    ];
  });
}

/** A voided row is found under 'voided' only, never under the state its sheet was left in. */
export type WorkFilter = { state: SheetState | 'voided' | 'all'; type: BaseTypeCode | 'all' };

export function filterWorkRows(rows: readonly WorkRow[], filter: WorkFilter): WorkRow[] {
  const stateOf = (row: WorkRow) => (row.voided ? 'voided' : row.state);
  return rows.filter(
    (row) =>
      (filter.state === 'all' || stateOf(row) === filter.state) &&
      (filter.type === 'all' || row.base.type === filter.type),
  );
}

/** Counts of the assigned (not voided) rows by state, and the voided rows apart. */
export type WorkProgress = Record<SheetState, number> & { assigned: number; voided: number };

export function workProgress(rows: readonly WorkRow[]): WorkProgress {
  const progress: WorkProgress = {
    assigned: 0,
    notStarted: 0,
    draft: 0,
    submitted: 0,
    recused: 0,
    voided: 0,
  };
  for (const row of rows) {
    if (row.voided) {
      progress.voided += 1;
      continue;
    }
    progress.assigned += 1;
    progress[row.state] += 1;
  }
  return progress;
}

/** Types present in the rows, in row order, for the type filter. */
export function typesOf(rows: readonly WorkRow[]): BaseTypeCode[] {
  return [...new Set(rows.map((row) => row.base.type))];
}
