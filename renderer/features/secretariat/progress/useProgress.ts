// The 进度 tab's data as ONE live query: the round's panels, experts, bases, assignments,
// sheets and changes read in one read-only transaction (one snapshot, where six live queries
// each answered on their own), turned into roundCompleteness inside the query, so the screen
// holds the progress, not the round's thousands of sheets. An explicit transaction also keeps
// Dexie from deep-copying the results for its query cache, which for the 7,000 sheets of a
// 1,000-base round cost about as much as reading them.
import { useLiveQuery } from 'dexie-react-hooks';
import type { Base, Expert } from '../../../../shared/domain/types';
import { roundCompleteness } from '../../../../shared/secretariat/completeness';
import type { RoundCompleteness } from '../../../../shared/secretariat/completeness';
import type { PingguDatabase } from '../../../db/database';
import { db as appDatabase } from '../../../db/instance';
import {
  listAssignments,
  listBases,
  listExperts,
  listPanels,
  listScoresheets,
} from '../../../db/queries';
import { listRoundChanges } from '../../../db/roundChangeHooks';

export type ProgressData = {
  completeness: RoundCompleteness;
  /** Names for the views: the round's bases and experts by id. */
  baseNames: ReadonlyMap<string, string>;
  expertNames: ReadonlyMap<string, string>;
};

const namesOf = (records: readonly (Base | Expert)[]): Map<string, string> =>
  new Map(records.map((r) => [r.id, r.name]));

export async function loadProgress(db: PingguDatabase, roundId: string): Promise<ProgressData> {
  const tables = [db.panels, db.experts, db.bases, db.assignments, db.scoresheets, db.roundChanges];
  const [panels, experts, bases, assignments, scoresheets, changes] = await db.transaction(
    'r',
    tables,
    () =>
      Promise.all([
        listPanels(db, roundId),
        listExperts(db, roundId),
        listBases(db, roundId),
        listAssignments(db, roundId),
        listScoresheets(db, roundId),
        listRoundChanges(db, roundId),
      ]),
  );
  return {
    completeness: roundCompleteness({ panels, experts, bases, assignments, scoresheets, changes }),
    baseNames: namesOf(bases),
    expertNames: namesOf(experts),
  };
}

/** The round's progress; undefined while loading. */
export function useProgress(
  roundId: string,
  database: PingguDatabase = appDatabase,
): ProgressData | undefined {
  return useLiveQuery(() => loadProgress(database, roundId), [database, roundId]);
}
