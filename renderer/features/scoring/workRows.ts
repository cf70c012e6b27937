// An expert's work list ("my bases"): each assigned base with its sheet's state and total,
// the filters the list offers, and the progress line. Pure.
import { sheetState } from '../../db/queries';
import type { SheetState } from '../../db/queries';
import { sheetTotal } from '../../../shared/domain/scoresheetTotals';
import type {
  Assignment,
  Base,
  BaseTypeCode,
  IndicatorTemplate,
  Recusal,
  Scoresheet,
} from '../../../shared/domain/types';

export type WorkRow = {
  base: Base;
  assignment: Assignment;
  sheet: Scoresheet | undefined;
  state: SheetState;
  /** Null when nothing counts: not started or recused. */
  total: number | null;
  recusal: Recusal | undefined;
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
};

/** The expert's assigned bases in the round's base order (type, then code). */
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
    if (!assignment) return [];
    const sheet = sheetByBase.get(base.id);
    const state = sheetState(assignment, sheet);
    const counts = sheet !== undefined && state !== 'recused';
    return [
      {
        base,
        assignment,
        sheet,
        state,
        total: counts ? totalOf(sheet, templateById) : null,
        recusal: sheet?.recusal ?? assignment.recusal,
      },
    ];
  });
}

export type WorkFilter = { state: SheetState | 'all'; type: BaseTypeCode | 'all' };

export function filterWorkRows(rows: readonly WorkRow[], filter: WorkFilter): WorkRow[] {
  return rows.filter(
    (row) =>
      (filter.state === 'all' || row.state === filter.state) &&
      (filter.type === 'all' || row.base.type === filter.type),
  );
}

export type WorkProgress = Record<SheetState, number> & { assigned: number };

export function workProgress(rows: readonly WorkRow[]): WorkProgress {
  const progress: WorkProgress = {
    assigned: rows.length,
    notStarted: 0,
    draft: 0,
    submitted: 0,
    recused: 0,
  };
  for (const row of rows) progress[row.state] += 1;
  return progress;
}

/** Types present in the rows, in row order, for the type filter. */
export function typesOf(rows: readonly WorkRow[]): BaseTypeCode[] {
  return [...new Set(rows.map((row) => row.base.type))];
}
