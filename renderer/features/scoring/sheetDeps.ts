// The clock, ids, device id and hybrid logical clock that scoresheet writes need, created
// once per window and database. The HLC is told about every sheet this window opens, so an
// edit made here always sorts after the version it was made on, even when this laptop's
// wall clock is behind the one that wrote it.
import { createHlc } from '../../../shared/domain/hlc';
import type { ScoresheetDeps } from '../../../shared/domain/scoresheet';
import type { PingguDatabase } from '../../db/database';
import { getOrCreateDeviceId } from '../../db/repositories/settingsRepository';
import { newId, systemClock } from '../../app/clock';

export type SheetDeps = ScoresheetDeps & {
  /** Moves the clock past a timestamp read from a stored sheet. */
  observe: (hlc: string) => void;
};

const cache = new WeakMap<PingguDatabase, Promise<SheetDeps>>();

async function create(db: PingguDatabase): Promise<SheetDeps> {
  const deviceId = await getOrCreateDeviceId(db, newId);
  const clock = createHlc(deviceId, () => Date.now());
  return {
    now: systemClock.now,
    newId,
    deviceId,
    hlc: () => clock.now(),
    observe: (hlc) => {
      clock.receive(hlc);
    },
  };
}

export function getSheetDeps(db: PingguDatabase): Promise<SheetDeps> {
  const existing = cache.get(db);
  if (existing) return existing;
  const created = create(db);
  cache.set(db, created);
  // A failed first attempt (e.g. the database could not open) is retried next time.
  created.catch(() => cache.delete(db));
  return created;
}
