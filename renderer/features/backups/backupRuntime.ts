// The app's one backup scheduler, wired to the real database, clock and DesktopApi. Screens
// call createBackupNow(reason) (e.g. an import screen before it commits); DesktopShell starts
// the interval and the change tracking once the app is mounted.
import type { BackupReason } from '../../../shared/ipc/contract';
import { newId, systemClock } from '../../app/clock';
import { DEFAULT_DATABASE_NAME } from '../../db/database';
import { db } from '../../db/instance';
import { APP_VERSION } from '../../platform/appVersion';
import { getDesktopApi } from '../../platform/desktopApi';
import { BACKUP_INTERVAL_MS, createBackupScheduler } from './backupScheduler';
import type { BackupOutcome, BackupScheduler } from './backupScheduler';
import { writeBackup } from './backupService';
import type { BackupDeps } from './backupService';
import { onDatabaseChange } from './changeTracking';

export const appBackupDeps = (): BackupDeps => ({
  db,
  api: getDesktopApi(),
  crypto: globalThis.crypto,
  clock: systemClock,
  newId,
  appVersion: APP_VERSION,
});

let scheduler: BackupScheduler | undefined;

export const getBackupScheduler = (): BackupScheduler => {
  scheduler ??= createBackupScheduler({
    write: (reason) => writeBackup(appBackupDeps(), reason),
    intervalMs: BACKUP_INTERVAL_MS,
    every: (run, intervalMs) => {
      const timer = setInterval(run, intervalMs);
      return () => clearInterval(timer);
    },
  });
  return scheduler;
};

/**
 * A backup of the whole database, now (queued behind a running one). Import screens call
 * `createBackupNow('import')` before they commit; an empty database is skipped.
 */
export const createBackupNow = (reason: BackupReason = 'manual'): Promise<BackupOutcome> =>
  getBackupScheduler().backupNow(reason);

/** Starts change tracking and the 5-minute interval; returns the function that stops both. */
export const startBackupSchedule = (): (() => void) => {
  const backups = getBackupScheduler();
  const stopTracking = onDatabaseChange(DEFAULT_DATABASE_NAME, backups.markChanged);
  backups.start();
  return () => {
    stopTracking();
    backups.stop();
  };
};
