// The edits the scoresheet form queues for saving, one per field, and how a batch of them
// becomes one scoresheet edit (one transaction, one audit entry). Pure.
import {
  setComment,
  setOverallComment,
  setRecommendation,
  setScore,
} from '../../../shared/domain/scoresheet';
import type { EditStamp, ScoresheetEditResult } from '../../../shared/domain/scoresheet';
import type {
  DispositionDecision,
  IndicatorTemplate,
  Scoresheet,
} from '../../../shared/domain/types';

export type FieldEdit =
  | { kind: 'score'; indicatorId: string; value: number | null }
  | { kind: 'comment'; indicatorId: string; text: string }
  | { kind: 'overall'; text: string }
  | { kind: 'recommendation'; decision: DispositionDecision | null };

/** One pending edit per field: a later edit of the same field replaces the earlier one. */
export function fieldKey(edit: FieldEdit): string {
  switch (edit.kind) {
    case 'score':
      return `score:${edit.indicatorId}`;
    case 'comment':
      return `comment:${edit.indicatorId}`;
    case 'overall':
      return 'overall';
    case 'recommendation':
      return 'recommendation';
  }
}

function applyOne(
  sheet: Scoresheet,
  template: IndicatorTemplate,
  edit: FieldEdit,
  stamp: EditStamp,
): ScoresheetEditResult {
  switch (edit.kind) {
    case 'score':
      return setScore(sheet, template, edit.indicatorId, edit.value, stamp);
    case 'comment':
      return setComment(sheet, template, edit.indicatorId, edit.text, stamp);
    case 'overall':
      return setOverallComment(sheet, edit.text, stamp);
    case 'recommendation':
      return setRecommendation(sheet, edit.decision, stamp);
  }
}

/**
 * Applies edits in order. The first refusal refuses the whole batch (nothing is saved),
 * so a batch never lands half-way. `changed` is true when any edit changed the sheet.
 */
export function applyFieldEdits(
  sheet: Scoresheet,
  template: IndicatorTemplate,
  edits: readonly FieldEdit[],
  stamp: EditStamp,
): ScoresheetEditResult {
  let current = sheet;
  let changed = false;
  for (const edit of edits) {
    const result = applyOne(current, template, edit, stamp);
    if (!result.ok) return result;
    current = result.sheet;
    changed ||= result.changed;
  }
  return { ok: true, sheet: current, changed };
}
