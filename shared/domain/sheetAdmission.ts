// Which incoming scoresheets a database takes from a panel's score bundle. A sheet counts in
// the results only when its expert was assigned its base, in the bundle's panel, and was not
// recused from it: DOMAIN.md's "an expert never scores a base of their own institution …
// recused experts count for nothing". A sheet outside that (a stale round bundle on a laptop,
// a conflict of interest declared after issue, an edited bundle) is refused with a reason the
// import preview shows, so it can never change a result unseen.
//
// One exception: a sheet for a pair voided by a standing round change (作废: an expert
// replaced, a base withdrawn or moved, a conflict declared after issue) is taken as voided,
// stored and never counted (shared/domain/roundChanges.ts partitionSheets leaves it out),
// instead of being refused as not assigned or recused: the score is kept, as every score is.
import type { Assignment, Base, Expert, RoundChange, Scoresheet } from './types';

export type SheetRefusal =
  'unknownBase' | 'unknownExpert' | 'otherPanel' | 'notAssigned' | 'recusedPair';

/** What admission needs to know of the round: the records a bundle's sheets name. */
export type AdmissionRoster = {
  bases: ReadonlyMap<string, Pick<Base, 'id'>>;
  experts: ReadonlyMap<string, Pick<Expert, 'id' | 'panelId'>>;
  /** Assignments by pairKey(expertId, baseId). */
  assignments: ReadonlyMap<string, Pick<Assignment, 'expertId' | 'baseId' | 'recusal'>>;
};

export const pairKey = (expertId: string, baseId: string): string => `${expertId}\u0000${baseId}`;

export function assignmentsByPair<T extends Pick<Assignment, 'expertId' | 'baseId'>>(
  assignments: readonly T[],
): Map<string, T> {
  return new Map(assignments.map((a) => [pairKey(a.expertId, a.baseId), a]));
}

/** Why `sheet`, from panel `panelId`'s bundle, is refused; undefined when it is taken. */
export function sheetRefusal(
  sheet: Pick<Scoresheet, 'expertId' | 'baseId' | 'recusal'>,
  panelId: string,
  roster: AdmissionRoster,
): SheetRefusal | undefined {
  if (!roster.bases.has(sheet.baseId)) return 'unknownBase';
  const expert = roster.experts.get(sheet.expertId);
  if (expert === undefined) return 'unknownExpert';
  if (expert.panelId !== panelId) return 'otherPanel';
  const assignment = roster.assignments.get(pairKey(sheet.expertId, sheet.baseId));
  if (assignment === undefined) return 'notAssigned';
  // A recused pair may only bring the sheet that records the recusal, which counts for nothing.
  if (assignment.recusal !== undefined && sheet.recusal === undefined) return 'recusedPair';
  return undefined;
}

/** What becomes of one incoming sheet: taken, taken as voided (never counted), or refused. */
export type SheetAdmission =
  | { kind: 'taken' }
  | { kind: 'voided'; change: RoundChange }
  | { kind: 'refused'; reason: SheetRefusal };

/**
 * Admission with the round's changes: `voidedBy` is the standing change that voids the
 * sheet's pair, if one does (partitionSheets over the incoming sheets). A voided pair's sheet
 * is taken as voided where it would be refused as not assigned or recused; an unknown base or
 * expert, or an expert of another panel, is refused all the same.
 */
export function admitSheet(
  sheet: Pick<Scoresheet, 'expertId' | 'baseId' | 'recusal'>,
  panelId: string,
  roster: AdmissionRoster,
  voidedBy: RoundChange | undefined,
): SheetAdmission {
  const reason = sheetRefusal(sheet, panelId, roster);
  const orphaned = reason === 'notAssigned' || reason === 'recusedPair';
  if (voidedBy && (reason === undefined || orphaned)) return { kind: 'voided', change: voidedBy };
  return reason === undefined ? { kind: 'taken' } : { kind: 'refused', reason };
}
