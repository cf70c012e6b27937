// When backups are written: every interval while something changed since the last backup,
// and on demand (before an import, before a restore, on quit, by hand). Backups run one at a
// time; a change made while one runs is caught by the next. Timers and the writer are passed
// in, so the rules are tested without a clock or a database.
import type { BackupEntry, BackupReason } from '../../../shared/ipc/contract';

export type BackupOutcome =
  | { readonly status: 'written'; readonly entry: BackupEntry }
  | { readonly status: 'skipped'; readonly why: 'unchanged' | 'empty' }
  | { readonly status: 'failed'; readonly message: string };

export const BACKUP_INTERVAL_MS = 5 * 60 * 1000;

export type BackupSchedulerDeps = {
  /** Writes one backup of the whole database (or reports it empty). */
  readonly write: (reason: BackupReason) => Promise<BackupOutcome>;
  readonly intervalMs: number;
  /** Calls run every intervalMs until the returned function is called. */
  readonly every: (run: () => void, intervalMs: number) => () => void;
};

export type BackupScheduler = {
  /** Something in the database changed (a Dexie 'storagemutated' event). */
  markChanged(): void;
  hasUnsavedChanges(): boolean;
  /** Writes a backup now, whether or not anything changed (an empty database is skipped). */
  backupNow(reason: BackupReason): Promise<BackupOutcome>;
  /** Writes a backup only if something changed since the last one. */
  backupIfChanged(reason: BackupReason): Promise<BackupOutcome>;
  /** Starts the interval; calling it again while running does nothing. */
  start(): void;
  stop(): void;
};

export const createBackupScheduler = (deps: BackupSchedulerDeps): BackupScheduler => {
  let changes = 0;
  let savedAt = 0;
  let queue: Promise<unknown> = Promise.resolve();
  let running = 0;
  let stopTimer: (() => void) | null = null;

  const enqueue = (reason: BackupReason, onlyIfChanged: boolean): Promise<BackupOutcome> => {
    running += 1;
    const task = queue.then(async (): Promise<BackupOutcome> => {
      if (onlyIfChanged && changes === savedAt) return { status: 'skipped', why: 'unchanged' };
      const snapshot = changes;
      let outcome: BackupOutcome;
      try {
        outcome = await deps.write(reason);
      } catch (error) {
        outcome = {
          status: 'failed',
          message: error instanceof Error ? error.message : String(error),
        };
      }
      // A failed backup leaves the changes unsaved, so the next tick tries again.
      if (outcome.status !== 'failed') savedAt = snapshot;
      return outcome;
    });
    const settled = task.finally(() => {
      running -= 1;
    });
    queue = settled;
    return settled;
  };

  return {
    markChanged: () => {
      changes += 1;
    },
    hasUnsavedChanges: () => changes !== savedAt,
    backupNow: (reason) => enqueue(reason, false),
    backupIfChanged: (reason) => enqueue(reason, true),
    start: () => {
      if (stopTimer !== null) return;
      stopTimer = deps.every(() => {
        // A backup still running (a slow disk) is not stacked up behind.
        if (running === 0 && changes !== savedAt) void enqueue('auto', true);
      }, deps.intervalMs);
    },
    stop: () => {
      stopTimer?.();
      stopTimer = null;
    },
  };
};
