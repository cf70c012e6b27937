import { describe, expect, it } from 'vitest';
import { createBackupScheduler } from '../../../../renderer/features/backups/backupScheduler';
import type { BackupOutcome } from '../../../../renderer/features/backups/backupScheduler';
import type { BackupReason } from '../../../../shared/ipc/contract';

const written = (reason: BackupReason): BackupOutcome => ({
  status: 'written',
  entry: { name: `${reason}.pgb`, createdAt: '', reason, size: 1, fingerprint: null },
});

/** A scheduler whose interval fires when the test says, with a scripted writer. */
const setUp = (
  answer: (reason: BackupReason) => Promise<BackupOutcome> = async (r) => written(r),
) => {
  const writes: BackupReason[] = [];
  let tick: (() => void) | null = null;
  let intervalMs = 0;
  const scheduler = createBackupScheduler({
    write: async (reason) => {
      writes.push(reason);
      return answer(reason);
    },
    intervalMs: 300_000,
    every: (run, ms) => {
      tick = run;
      intervalMs = ms;
      return () => {
        tick = null;
      };
    },
  });
  const fire = async () => {
    tick?.();
    // Let the queued backup run.
    for (let i = 0; i < 5; i += 1) await Promise.resolve();
  };
  return { scheduler, writes, fire, interval: () => intervalMs, isRunning: () => tick !== null };
};

describe('the backup scheduler', () => {
  it('backs up every 5 minutes, but only while something changed', async () => {
    const { scheduler, writes, fire, interval } = setUp();
    scheduler.start();
    expect(interval()).toBe(300_000);
    await fire();
    expect(writes).toEqual([]);
    scheduler.markChanged();
    scheduler.markChanged();
    await fire();
    expect(writes).toEqual(['auto']);
    await fire();
    expect(writes).toEqual(['auto']);
    scheduler.markChanged();
    await fire();
    expect(writes).toEqual(['auto', 'auto']);
  });

  it('tries again at the next tick after a failed backup', async () => {
    let fail = true;
    const { scheduler, writes, fire } = setUp(async (reason) =>
      fail ? { status: 'failed', message: '磁盘已满' } : written(reason),
    );
    scheduler.start();
    scheduler.markChanged();
    await fire();
    expect(scheduler.hasUnsavedChanges()).toBe(true);
    fail = false;
    await fire();
    expect(writes).toEqual(['auto', 'auto']);
    expect(scheduler.hasUnsavedChanges()).toBe(false);
  });

  it('treats a writer that throws as a failed backup', async () => {
    const { scheduler } = setUp(async () => {
      throw new Error('quota exceeded');
    });
    expect(await scheduler.backupNow('manual')).toEqual({
      status: 'failed',
      message: 'quota exceeded',
    });
  });

  it('writes on demand whether or not anything changed (before an import or a restore)', async () => {
    const { scheduler, writes } = setUp();
    expect(await scheduler.backupNow('import')).toMatchObject({ status: 'written' });
    expect(await scheduler.backupNow('restore')).toMatchObject({ status: 'written' });
    expect(writes).toEqual(['import', 'restore']);
  });

  it('writes the quit backup only when something changed since the last one', async () => {
    const { scheduler, writes } = setUp();
    expect(await scheduler.backupIfChanged('quit')).toEqual({
      status: 'skipped',
      why: 'unchanged',
    });
    scheduler.markChanged();
    expect(await scheduler.backupIfChanged('quit')).toMatchObject({ status: 'written' });
    expect(writes).toEqual(['quit']);
  });

  it('runs backups one at a time, in the order they were asked for', async () => {
    const order: string[] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { scheduler } = setUp(async (reason) => {
      order.push(`start ${reason}`);
      if (reason === 'manual') await gate;
      order.push(`end ${reason}`);
      return written(reason);
    });
    const first = scheduler.backupNow('manual');
    const second = scheduler.backupNow('import');
    await Promise.resolve();
    expect(order).toEqual(['start manual']);
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(['start manual', 'end manual', 'start import', 'end import']);
  });

  it('keeps a change made during a backup for the next one', async () => {
    let release: () => void = () => undefined;
    const { scheduler } = setUp(
      (reason) =>
        new Promise((resolve) => {
          release = () => resolve(written(reason));
        }),
    );
    scheduler.markChanged();
    const running = scheduler.backupIfChanged('auto');
    await Promise.resolve();
    await Promise.resolve();
    scheduler.markChanged();
    release();
    await running;
    expect(scheduler.hasUnsavedChanges()).toBe(true);
  });

  it('counts an empty database as saved (nothing to back up)', async () => {
    const { scheduler } = setUp(async () => ({ status: 'skipped', why: 'empty' }));
    scheduler.markChanged();
    await scheduler.backupIfChanged('auto');
    expect(scheduler.hasUnsavedChanges()).toBe(false);
  });

  it('stops its interval and can start again', () => {
    const { scheduler, isRunning } = setUp();
    scheduler.start();
    scheduler.start();
    expect(isRunning()).toBe(true);
    scheduler.stop();
    expect(isRunning()).toBe(false);
    scheduler.start();
    expect(isRunning()).toBe(true);
  });
});
