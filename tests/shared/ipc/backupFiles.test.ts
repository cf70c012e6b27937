import { describe, expect, it } from 'vitest';
import {
  backupFileName,
  backupsToRemove,
  isBackupFileName,
  parseBackupFileName,
  uniqueBackupFileName,
} from '../../../shared/ipc/backupFiles';
import type { BackupReason } from '../../../shared/ipc/backupFiles';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/** A backup name `offsetMs` before NOW. */
const NOW = '2026-11-26T12:00:00.000Z';
const nameAgo = (offsetMs: number, reason: BackupReason = 'auto') =>
  backupFileName(new Date(Date.parse(NOW) - offsetMs).toISOString(), reason);

const retain = (names: string[], utcOffsetMinutes = 0) => {
  const removed = new Set(backupsToRemove(names, { now: NOW, utcOffsetMinutes }));
  return names.filter((name) => !removed.has(name));
};

describe('backup file names', () => {
  it('carry the UTC time to the second and the reason', () => {
    expect(backupFileName('2026-11-26T12:00:00.123Z', 'auto')).toBe(
      'pinggu-backup-2026-11-26T12-00-00Z-auto.pgb',
    );
    expect(backupFileName('2026-11-26T20:00:00+08:00', 'quit')).toBe(
      'pinggu-backup-2026-11-26T12-00-00Z-quit.pgb',
    );
  });

  it('read back into time, reason and sequence', () => {
    expect(parseBackupFileName('pinggu-backup-2026-11-26T12-00-00Z-import-2.pgb')).toMatchObject({
      createdAt: '2026-11-26T12:00:00Z',
      reason: 'import',
      sequence: 2,
    });
  });

  it.each([
    'pinggu-backup-2026-11-26T12-00-00Z-auto.pgb.tmp',
    '.pinggu-backup-2026-11-26T12-00-00Z-auto.pgb.1234.tmp',
    'pinggu-backup-2026-02-30T12-00-00Z-auto.pgb',
    'pinggu-backup-2026-11-26T25-00-00Z-auto.pgb',
    'pinggu-backup-2026-11-26T12-00-00Z-other.pgb',
    'pinggu-backup-2026-11-26T12-00-00Z-auto-1.pgb',
    '../pinggu-backup-2026-11-26T12-00-00Z-auto.pgb',
    'pinggu-backup-2026-11-26T12-00-00Z-auto.PGB',
    '大连组.pgb',
  ])('refuse %j', (name) => {
    expect(isBackupFileName(name)).toBe(false);
  });

  it('get a sequence number when the same second and reason is taken', () => {
    const first = backupFileName(NOW, 'manual');
    const second = uniqueBackupFileName(NOW, 'manual', new Set([first]));
    expect(second).toBe('pinggu-backup-2026-11-26T12-00-00Z-manual-2.pgb');
    expect(uniqueBackupFileName(NOW, 'manual', new Set([first, second]))).toMatch(
      /-manual-3\.pgb$/,
    );
    expect(uniqueBackupFileName(NOW, 'quit', new Set([first]))).toMatch(/-quit\.pgb$/);
  });
});

describe('backup retention', () => {
  it('keeps everything while there are at most 20 backups', () => {
    const names = Array.from({ length: 20 }, (_, i) => nameAgo(i * 5 * 60 * 1000));
    expect(retain(names)).toEqual(names);
  });

  it('keeps the newest 20 of a busy day plus one per earlier day', () => {
    const today = Array.from({ length: 30 }, (_, i) => nameAgo(i * 5 * 60 * 1000));
    const earlier = [nameAgo(DAY), nameAgo(DAY + HOUR), nameAgo(2 * DAY)];
    const kept = retain([...today, ...earlier]);
    expect(kept).toEqual([...today.slice(0, 20), nameAgo(DAY), nameAgo(2 * DAY)]);
  });

  it('keeps the newest backup of each of the last 30 days and drops older days', () => {
    // Two backups a day for 40 days, none of them among the newest 20 once there are many.
    const names = Array.from({ length: 40 }, (_, day) => [
      nameAgo(day * DAY + HOUR),
      nameAgo(day * DAY + 2 * HOUR),
    ]).flat();
    const kept = new Set(retain(names));
    const newest20 = names.slice(0, 20);
    for (const name of newest20) expect(kept.has(name)).toBe(true);
    for (let day = 0; day < 30; day += 1) expect(kept.has(nameAgo(day * DAY + HOUR))).toBe(true);
    for (let day = 30; day < 40; day += 1) {
      expect(kept.has(nameAgo(day * DAY + HOUR))).toBe(false);
      expect(kept.has(nameAgo(day * DAY + 2 * HOUR))).toBe(false);
    }
    expect(kept.size).toBe(20 + 20);
  });

  it('counts calendar days in local time (UTC+8 in Liaoning)', () => {
    // 17:00Z and 15:00Z on the 24th are the 25th 01:00 and 24th 23:00 in Beijing.
    const late = backupFileName('2026-11-24T15:00:00Z', 'auto');
    const early = backupFileName('2026-11-24T17:00:00Z', 'auto');
    const filler = Array.from({ length: 20 }, (_, i) => nameAgo(i * 60 * 1000));
    expect(retain([...filler, early, late], 480)).toEqual([...filler, early, late]);
    expect(retain([...filler, early, late], 0)).toEqual([...filler, early]);
  });

  it('never deletes files whose names it does not recognise', () => {
    const names = [...Array.from({ length: 25 }, (_, i) => nameAgo(i * 1000)), 'notes.txt'];
    expect(backupsToRemove(names, { now: NOW, utcOffsetMinutes: 0 })).not.toContain('notes.txt');
  });

  it('orders the same second by sequence, so the newest of a burst survives', () => {
    const burst = [
      backupFileName(NOW, 'import'),
      ...Array.from({ length: 21 }, (_, i) => backupFileName(NOW, 'import', i + 2)),
    ];
    const kept = retain(burst);
    expect(kept).toHaveLength(20);
    expect(kept).toContain(backupFileName(NOW, 'import', 22));
    expect(kept).not.toContain(backupFileName(NOW, 'import'));
  });
});
