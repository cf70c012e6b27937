// Drill: backups bring a machine back exactly, and keep coming. 100 seeded random databases
// (rounds, archives, sheets in every state, decisions, conflicts, import records, audit
// entries, settings, key pins) go through the app's own path: writeBackup (signed with the
// device key, stored through the DesktopApi), a wipe of every table, prepareRestore and
// restorePrepared; the digest of every table afterwards is the digest at backup time.
// Then the schedule: on a (fake) clock, a backup older than its interval with changes since
// is followed by a new one, which restores to the changed state; without changes none is.
// PINGGU_DRILL_SEED=<seed> reproduces a run.
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { databaseDigest } from '../../../../renderer/db/bundles/digest';
import type { PingguDatabase } from '../../../../renderer/db/database';
import { setSetting } from '../../../../renderer/db/repositories/settingsRepository';
import {
  BACKUP_INTERVAL_MS,
  createBackupScheduler,
} from '../../../../renderer/features/backups/backupScheduler';
import {
  isDatabaseEmpty,
  prepareRestore,
  restorePrepared,
  writeBackup,
} from '../../../../renderer/features/backups/backupService';
import type { BackupDeps } from '../../../../renderer/features/backups/backupService';
import { onDatabaseChange } from '../../../../renderer/features/backups/changeTracking';
import { createBrowserDesktopApi } from '../../../../renderer/platform/browserDesktopApi';
import type { BackupReason } from '../../../../shared/ipc/contract';
import { memoryBackupFolder } from '../../../helpers/backupFolders';
import { openTestDatabase } from '../../../helpers/db';
import { countingKeySource } from '../../../helpers/deviceKeys';
import { databaseSpecArb, fillDatabase } from '../../../helpers/randomDatabase';
import { drillSeed } from '../../../helpers/storageFaults';

const SEED = drillSeed(8_4);
const RUNS = 100;

let db: PingguDatabase;

beforeEach(async () => {
  db = await openTestDatabase();
});

afterEach(async () => {
  vi.useRealTimers();
  await db.delete();
});

const host = { isProduction: true, pickFiles: async () => null, download: () => undefined };

async function backupDeps(folder = memoryBackupFolder()) {
  const key = await countingKeySource();
  let ids = 0;
  const deps: BackupDeps = {
    db,
    api: createBrowserDesktopApi(host, key.source, folder),
    crypto: globalThis.crypto,
    clock: { now: () => new Date().toISOString() },
    newId: () => `id-${(ids += 1)}`,
    appVersion: '0.1.0',
  };
  return { deps, folder };
}

/** A turn of the event loop (setTimeout is not faked here). */
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

const wipe = () =>
  db.transaction('rw', db.tables, () => Promise.all(db.tables.map((t) => t.clear())));

/** Restores the backup stored under `name` through the restore screen's two steps. */
async function restoreFrom(deps: BackupDeps, bytes: Uint8Array, name: string): Promise<void> {
  const prepared = await prepareRestore(deps, bytes, name);
  if (!prepared.ok) throw new Error(`restore refused: ${prepared.error.messageEn}`);
  const restored = await restorePrepared(deps, prepared.prepared, (reason) =>
    writeBackup(deps, reason),
  );
  if (!restored.ok || !restored.result.ok) throw new Error('restore failed');
}

describe('drill: export → wipe → restore', () => {
  it(`gives back the identical database, for ${RUNS} random databases (seed ${SEED})`, async () => {
    const { deps, folder } = await backupDeps();
    let records = 0;
    await fc.assert(
      fc.asyncProperty(databaseSpecArb, async (spec) => {
        await wipe();
        folder.files.clear();
        await fillDatabase(db, spec);
        const outcome = await writeBackup(deps, 'manual');
        if (outcome.status !== 'written') throw new Error(`no backup: ${outcome.status}`);
        // After writeBackup: it gives the database a device id first, and backs that up.
        const backedUp = await databaseDigest(db);
        const bytes = folder.files.get(outcome.entry.name);
        if (bytes === undefined) throw new Error('backup not stored');

        await wipe();
        expect(await isDatabaseEmpty(db)).toBe(true);
        expect(await databaseDigest(db)).not.toBe(backedUp);
        await restoreFrom(deps, bytes, outcome.entry.name);
        expect(await databaseDigest(db)).toBe(backedUp);
        records += (await Promise.all(db.tables.map((t) => t.count()))).reduce((a, b) => a + b);
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    // Random databases of some size: on average more than 40 records each.
    expect(records / RUNS).toBeGreaterThan(40);
  }, 300_000);
});

describe('drill: the backup interval', () => {
  it('writes a new backup once the last one is older than the interval and data changed', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    vi.setSystemTime(new Date('2026-11-26T08:00:00.000Z'));
    const { deps, folder } = await backupDeps();
    const writes: BackupReason[] = [];
    let finished = 0;
    const scheduler = createBackupScheduler({
      write: async (reason) => {
        writes.push(reason);
        const outcome = await writeBackup(deps, reason);
        finished += 1;
        return outcome;
      },
      intervalMs: BACKUP_INTERVAL_MS,
      every: (run, ms) => {
        const timer = setInterval(run, ms);
        return () => clearInterval(timer);
      },
    });
    const stopTracking = onDatabaseChange(db.name, scheduler.markChanged);
    scheduler.start();
    const [spec] = fc.sample(databaseSpecArb, { seed: SEED, numRuns: 1 });
    if (!spec) throw new Error('no spec');
    await fillDatabase(db, spec);
    // The app has its device id before the first backup (writeBackup would create it).
    await setSetting(db, 'deviceId', 'laptop-1');
    /** Waits until `count` backups were written and the scheduler has seen the last one end. */
    // (Not vi.waitFor: under fake timers it advances the clock while it waits.)
    const settled = async (count: number) => {
      for (let tries = 0; finished < count && tries < 1000; tries += 1) await nextTask();
      expect(finished).toBe(count);
      await nextTask();
    };

    vi.advanceTimersByTime(BACKUP_INTERVAL_MS);
    await settled(1);
    expect(writes).toEqual(['auto']);
    expect(folder.files.size).toBe(1);

    // A change a minute later; the backup is not yet older than the interval.
    vi.advanceTimersByTime(60_000);
    await setSetting(db, 'language', 'en');
    const changed = await databaseDigest(db);
    vi.advanceTimersByTime(BACKUP_INTERVAL_MS - 60_000 - 1);
    await nextTask();
    expect(writes).toEqual(['auto']);
    expect(scheduler.hasUnsavedChanges()).toBe(true);

    // Now it is: a new backup, of the changed database.
    vi.advanceTimersByTime(1);
    await settled(2);
    expect(writes).toEqual(['auto', 'auto']);
    expect(scheduler.hasUnsavedChanges()).toBe(false);
    const newest = [...folder.files.keys()].sort().at(-1) ?? '';
    const bytes = folder.files.get(newest) ?? new Uint8Array();
    await wipe();
    await restoreFrom(deps, bytes, newest);
    expect(await databaseDigest(db)).toBe(changed);

    // The restore is a change, the next interval backs it up; then nothing changes: no more.
    vi.advanceTimersByTime(BACKUP_INTERVAL_MS);
    await settled(3);
    vi.advanceTimersByTime(3 * BACKUP_INTERVAL_MS);
    await nextTask();
    expect(writes).toEqual(['auto', 'auto', 'auto']);
    expect(folder.files.size).toBe(3);
    scheduler.stop();
    stopTracking();
  });
});
