// Runs a person's conflict resolution against the app database with this PC's device id
// and a hybrid logical clock (the repository moves it past both copies' timestamps).
import { createHlc } from '../../../../shared/domain/hlc';
import type { ConflictRecord, Scoresheet } from '../../../../shared/domain/types';
import type { ResolutionChoice } from '../../../../shared/sync/resolveConflict';
import { newId, systemClock } from '../../../app/clock';
import { db } from '../../../db/instance';
import { resolveConflict } from '../../../db/repositories/conflictRepository';
import type { RepositoryResult } from '../../../db/repositories/errors';
import { getOrCreateDeviceId } from '../../../db/repositories/settingsRepository';

/** `seen`: the record as shown; a record that changed since is refused as stale. */
export async function resolveShownConflict(
  seen: ConflictRecord,
  choice: ResolutionChoice,
  actor: string,
): Promise<RepositoryResult<Scoresheet>> {
  const deviceId = await getOrCreateDeviceId(db, newId);
  return resolveConflict(db, seen.id, choice, actor, {
    now: systemClock.now,
    deviceId,
    clock: createHlc(deviceId, () => Date.now()),
    seen,
  });
}
