// Builders for expert ratings and scoresheets used by the statistics tests.
import type { Rating } from '../../shared/domain/aggregation';
import type { Scoresheet } from '../../shared/domain/types';

export function rating(baseId: string, expertId: string, total: number): Rating {
  return { baseId, expertId, total, isRecused: false };
}

/** A recused (回避) rating: its total must never matter, so it defaults to an extreme. */
export function recused(baseId: string, expertId: string, total = 0): Rating {
  return { baseId, expertId, total, isRecused: true };
}

/** Ratings of one base by experts e1, e2, … in order. */
export function ratingsOfBase(baseId: string, totals: readonly number[]): Rating[] {
  return totals.map((total, i) => rating(baseId, `e${i + 1}`, total));
}

/** `{ e1: { b1: 90, b2: 80 }, e2: { b1: 70 } }` → ratings, expert by expert. */
export function ratingsFromTable(
  table: Readonly<Record<string, Readonly<Record<string, number>>>>,
): Rating[] {
  return Object.entries(table).flatMap(([expertId, row]) =>
    Object.entries(row).map(([baseId, total]) => rating(baseId, expertId, total)),
  );
}

let sheetCounter = 0;

/** A submitted scoresheet with the given scores; override anything else. */
export function scoresheet(
  fields: Pick<Scoresheet, 'baseId' | 'expertId'> & Partial<Scoresheet>,
): Scoresheet {
  sheetCounter += 1;
  return {
    id: `sheet-${sheetCounter}`,
    roundId: 'round-1',
    templateId: 'template-A1',
    templateVersion: 1,
    scores: {},
    comments: {},
    overallComment: '',
    status: 'submitted',
    submittedAt: '2019-11-02T09:00:00.000Z',
    revision: 1,
    hlc: '2019-11-02T09:00:00.000Z-0000-device-1',
    deviceId: 'device-1',
    updatedAt: '2019-11-02T09:00:00.000Z',
    ...fields,
  };
}
