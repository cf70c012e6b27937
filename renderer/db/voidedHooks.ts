// The sheets a round's changes (轮次变更) void (作废), for the panel laptop's screens: the
// expert's base list, the scoresheet and the chair's panel overview. The sheets stay stored
// and shown; partitionSheets decides which of them count.
import { useMemo } from 'react';
import { partitionSheets } from '../../shared/domain/roundChanges';
import type { Assignment, RoundChange, Scoresheet } from '../../shared/domain/types';
import { useRoundChanges } from './roundChangeHooks';

/** Sheet id → the standing change that voids it (pure, for the screens and their tests). */
export function voidedBySheet(
  sheets: readonly Scoresheet[],
  changes: readonly RoundChange[],
  assignments: readonly Assignment[],
): Map<string, RoundChange> {
  const { voided } = partitionSheets(sheets, changes, assignments);
  return new Map(voided.map((v) => [v.sheet.id, v.change]));
}

/** The voided sheets of a round's stored records; undefined while any of them loads. */
export function useVoidedSheets(
  roundId: string | undefined,
  sheets: readonly Scoresheet[] | undefined,
  assignments: readonly Assignment[] | undefined,
): ReadonlyMap<string, RoundChange> | undefined {
  const changes = useRoundChanges(roundId);
  return useMemo(
    () =>
      sheets === undefined || assignments === undefined || changes === undefined
        ? undefined
        : voidedBySheet(sheets, changes, assignments),
    [sheets, assignments, changes],
  );
}
