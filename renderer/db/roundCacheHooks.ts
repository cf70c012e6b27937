// Keeps the current round's large record sets in Dexie's query cache while the app is open.
// Nearly every screen reads the round's sheets (7,000 in a 1,000-base round) and assignments
// in a live query, outside an explicit transaction (queries.ts, listScoresheets); Dexie serves
// such a read from its cache while another live query of the same records is subscribed, but
// drops the cache 3 s after the last subscriber leaves. Going from one screen to the next a
// few seconds later then reads the sheets from IndexedDB again (the slowest part of opening a
// screen). One subscription here, for as long as the round is current, keeps them cached:
// each screen copies them instead. A change to these tables re-reads them once, for this
// subscription and every screen's together (one cache entry per query).
import { liveQuery } from 'dexie';
import { useEffect } from 'react';
import type { PingguDatabase } from './database';
import { db as appDatabase } from './instance';

/** What the subscription keeps cached (the screens' reads of the same records share it). */
export function readCachedRoundRecords(db: PingguDatabase, roundId: string): Promise<number> {
  // The same queries as queries.ts (listScoresheets, listAssignments, listBases, ...) make,
  // unsorted: the cache is kept per query (table, index and range), not per function.
  return Promise.all([
    db.scoresheets.where('roundId').equals(roundId).toArray(),
    db.assignments.where('roundId').equals(roundId).toArray(),
    db.bases.where('roundId').equals(roundId).toArray(),
    db.experts.where('roundId').equals(roundId).toArray(),
    db.panels.where('roundId').equals(roundId).toArray(),
  ]).then((sets) => sets.reduce((sum, records) => sum + records.length, 0));
}

/** Holds the round's sheets, assignments, bases, experts and panels in Dexie's cache. */
export function useCachedRoundRecords(
  roundId: string | undefined,
  database: PingguDatabase = appDatabase,
): void {
  useEffect(() => {
    if (roundId === undefined) return undefined;
    const subscription = liveQuery(() => readCachedRoundRecords(database, roundId)).subscribe({
      // A failed read only means no cache: every screen reads (and reports) for itself.
      error: () => undefined,
    });
    return () => subscription.unsubscribe();
  }, [database, roundId]);
}
