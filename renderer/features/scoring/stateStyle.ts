// Colours of the four sheet states, shared by the work list, the sheet and the matrix.
import type { SheetState } from '../../db/queries';

export const STATE_TAG_COLORS: Record<SheetState, string> = {
  notStarted: 'default',
  draft: 'gold',
  submitted: 'green',
  recused: 'purple',
};

/** Cell backgrounds of the panel matrix (light, so totals stay readable). */
export const STATE_CELL_COLORS: Record<SheetState, string> = {
  notStarted: '#fafafa',
  draft: '#fffbe6',
  submitted: '#f6ffed',
  recused: '#f9f0ff',
};

export const SHEET_STATES: readonly SheetState[] = ['notStarted', 'draft', 'submitted', 'recused'];
