// The 进度 tab's data as ONE live query (where six answered one by one, each re-rendering the
// tab): the round's panels, experts, bases, assignments, sheets and changes, turned into
// roundCompleteness inside the query, so the screen holds the progress, not the round's
// thousands of sheets. The reads stay outside an explicit transaction so that Dexie's query
// cache serves the sheets another screen has just read (queries.ts, listScoresheets).
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
  const [panels, experts, bases, assignments, scoresheets, changes] = await Promise.all([
    listPanels(db, roundId),
    listExperts(db, roundId),
    listBases(db, roundId),
    listAssignments(db, roundId),
    listScoresheets(db, roundId),
    listRoundChanges(db, roundId),
  ]);
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
