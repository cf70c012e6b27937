// One logical scoresheet (one expert, one base) brought up to date with new copies: the
// frontier before and after, the winner for the table and the conflict records for every
// other frontier copy, as writes against what is stored now. Shared by import and by
// conflict resolution, which imports the resolved sheet like any other copy.
import { canonicalJson } from '../bundle/canonicalJson';
import type { ConflictRecord, Scoresheet } from '../domain/types';
import { conflictFor, conflictId } from './conflictRecords';
import type { ConflictProvenance } from './conflictRecords';
import { versionKey } from './content';
import { frontier } from './frontier';

export type Settlement = {
  /** Frontier before and after, best first (the first is the winner). */
  previous: Scoresheet[];
  next: Scoresheet[];
  toPut: Scoresheet[];
  /** Stored sheets of this expert and base under another id than the winner's. */
  toDelete: string[];
  newConflicts: ConflictRecord[];
  updatedConflicts: ConflictRecord[];
  conflictsToDelete: string[];
};

const byId = <T extends { id: string }>(a: T, b: T): number =>
  a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/**
 * `stored`: the table's sheets of this logical sheet; `live`: its conflict records that merge
 * still maintains (not those a person settled). Both sides of a live record are candidates:
 * `local` is the stored winner, so a caller that passes too few sheets still gets it right.
 */
export function settle(
  stored: readonly Scoresheet[],
  live: readonly ConflictRecord[],
  incoming: readonly Scoresheet[],
  provenance: ConflictProvenance,
): Settlement {
  const previous = frontier([...stored, ...live.flatMap((r) => [r.local, r.incoming])]);
  const next = frontier([...previous, ...incoming]);
  const [winner, ...kept] = next;
  if (winner === undefined) {
    return {
      previous,
      next,
      toPut: [],
      toDelete: [],
      newConflicts: [],
      updatedConflicts: [],
      conflictsToDelete: [],
    };
  }
  const existing = new Map(live.map((record) => [record.id, record]));
  const wanted = kept.map((copy) =>
    conflictFor(winner, copy, existing.get(conflictId(copy)), provenance),
  );
  const wantedIds = new Set(wanted.map((record) => record.id));
  return {
    previous,
    next,
    toPut: stored.some((sheet) => versionKey(sheet) === versionKey(winner)) ? [] : [winner],
    toDelete: [...new Set(stored.filter((s) => s.id !== winner.id).map((s) => s.id))].sort(),
    newConflicts: wanted.filter((record) => !existing.has(record.id)).sort(byId),
    updatedConflicts: wanted
      .filter((record) => {
        const before = existing.get(record.id);
        return before !== undefined && canonicalJson(before) !== canonicalJson(record);
      })
      .sort(byId),
    conflictsToDelete: live
      .filter((record) => !wantedIds.has(record.id))
      .map((record) => record.id)
      .sort(),
  };
}
