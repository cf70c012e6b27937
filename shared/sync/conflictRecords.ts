// Conflict records as merge keeps them: one record per kept copy (a frontier copy that is not
// the winner), with `local` the winner the table shows and `incoming` the kept copy. The id
// comes from the logical sheet and the kept copy's canonical JSON, so importing the same
// bundle again finds the record it made before instead of adding another.
//
// A kept copy whose content equals the winner's (two laptops arrived at the same sheet) is
// still recorded, because which copies exist decides what later imports supersede, but it is
// recorded as settled ('local'): there is nothing for a person to choose.
import type { ConflictRecord, Scoresheet } from '../domain/types';
import { logicalKey, sameContent, versionKey } from './content';
import { fnv1a64 } from './digest';

export function conflictId(kept: Scoresheet): string {
  return `conflict-${fnv1a64(logicalKey(kept))}-${fnv1a64(versionKey(kept))}`;
}

/** An open conflict: a person still has to choose. */
export function isOpenConflict(record: ConflictRecord): boolean {
  return record.resolvedAt === undefined;
}

/**
 * Settled by a person (resolveConflict): history, never rewritten by merge. Records merge
 * settled itself (identical content) stay part of the merge state.
 */
export function isSettledByPerson(record: ConflictRecord): boolean {
  return record.resolvedAt !== undefined && !sameContent(record.local, record.incoming);
}

export type ConflictProvenance = { now: string; importId: string };

/** The record for a kept copy next to the winner, keeping the provenance of an earlier one. */
export function conflictFor(
  winner: Scoresheet,
  kept: Scoresheet,
  existing: ConflictRecord | undefined,
  provenance: ConflictProvenance,
): ConflictRecord {
  const record: ConflictRecord = {
    id: conflictId(kept),
    roundId: winner.roundId,
    scoresheetId: winner.id,
    local: winner,
    incoming: kept,
    detectedAt: existing?.detectedAt ?? provenance.now,
    sourceImportId: existing?.sourceImportId ?? provenance.importId,
  };
  if (!sameContent(winner, kept)) return record;
  return { ...record, resolvedAt: existing?.resolvedAt ?? provenance.now, resolution: 'local' };
}
