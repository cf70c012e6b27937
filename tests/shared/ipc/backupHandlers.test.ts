import { describe, expect, it } from 'vitest';
import { createBackupHandlers, NOT_A_BACKUP_MESSAGE } from '../../../shared/ipc/backupHandlers';
import { backupFileName } from '../../../shared/ipc/backupFiles';
import { DESKTOP_CONTRACT } from '../../../shared/ipc/contract';
import { makeBundle } from '../../helpers/bundleBuilders';
import { memoryBackupFolder } from '../../helpers/backupFolders';

const clockAt = (iso: string) => ({ now: () => iso, utcOffsetMinutes: () => 480 });

describe('backup channels over a folder', () => {
  it('write a backup under a name with its time and reason, and list it with its signer', async () => {
    const folder = memoryBackupFolder();
    const handlers = createBackupHandlers(folder, clockAt('2026-11-26T12:00:00.000Z'));
    const { bytes } = await makeBundle('backup');
    const written = await handlers['backup:write']({ bytes, reason: 'manual' });
    expect(written).toMatchObject({
      ok: true,
      value: {
        name: 'pinggu-backup-2026-11-26T12-00-00Z-manual.pgb',
        createdAt: '2026-11-26T12:00:00Z',
        reason: 'manual',
        size: bytes.byteLength,
        fingerprint: expect.stringMatching(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/),
      },
    });
    const listed = await handlers['backup:list']();
    expect(listed.ok && listed.value.backups).toEqual([written.ok && written.value]);
    if (listed.ok)
      expect(DESKTOP_CONTRACT['backup:list'].result.safeParse(listed.value).success).toBe(true);
    const read = await handlers['backup:read']({
      name: 'pinggu-backup-2026-11-26T12-00-00Z-manual.pgb',
    });
    expect(read.ok && read.value.bytes).toEqual(bytes);
  });

  it('refuse to store bytes that are not a backup bundle', async () => {
    const folder = memoryBackupFolder();
    const handlers = createBackupHandlers(folder, clockAt('2026-11-26T12:00:00.000Z'));
    const { bytes } = await makeBundle('scores');
    const result = await handlers['backup:write']({ bytes, reason: 'auto' });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'notAllowed', message: NOT_A_BACKUP_MESSAGE },
    });
    expect(folder.files.size).toBe(0);
  });

  it('prune old backups on every write under the retention rule', async () => {
    const folder = memoryBackupFolder();
    const { bytes } = await makeBundle('backup');
    // 25 backups from this morning, one from 40 days ago.
    for (let minute = 0; minute < 25; minute += 1) {
      folder.files.set(
        backupFileName(`2026-11-26T08:${String(minute).padStart(2, '0')}:00Z`, 'auto'),
        bytes,
      );
    }
    const ancient = backupFileName('2026-10-17T08:00:00Z', 'auto');
    folder.files.set(ancient, bytes);
    folder.files.set('readme.txt', bytes);
    const handlers = createBackupHandlers(folder, clockAt('2026-11-26T12:00:00.000Z'));
    await handlers['backup:write']({ bytes, reason: 'quit' });
    const names = [...folder.files.keys()];
    expect(names).toContain('pinggu-backup-2026-11-26T12-00-00Z-quit.pgb');
    expect(names).not.toContain(ancient);
    expect(names).toContain('readme.txt');
    expect(names.filter((name) => name.startsWith('pinggu-backup-'))).toHaveLength(20);
  });

  it('list newest first, skipping files that are not backups, with null for unreadable heads', async () => {
    const folder = memoryBackupFolder();
    folder.files.set(backupFileName('2026-11-25T08:00:00Z', 'auto'), new Uint8Array([1, 2, 3]));
    folder.files.set(backupFileName('2026-11-26T08:00:00Z', 'quit'), new Uint8Array([4]));
    folder.files.set('other.pgb', new Uint8Array([5]));
    const listed = await createBackupHandlers(folder, clockAt('2026-11-26T12:00:00Z'))[
      'backup:list'
    ]();
    expect(listed.ok && listed.value.backups.map((b) => [b.reason, b.size, b.fingerprint])).toEqual(
      [
        ['quit', 1, null],
        ['auto', 3, null],
      ],
    );
  });

  it('report a missing backup as notFound', async () => {
    const handlers = createBackupHandlers(memoryBackupFolder(), clockAt('2026-11-26T12:00:00Z'));
    const result = await handlers['backup:read']({
      name: backupFileName('2026-11-26T08:00:00Z', 'auto'),
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'notFound' } });
  });
});

describe('backup channels in the contract', () => {
  it.each([
    '../pinggu-backup-2026-11-26T12-00-00Z-auto.pgb',
    '/etc/passwd',
    'C:\\Windows\\pinggu-backup-2026-11-26T12-00-00Z-auto.pgb',
    'pinggu-backup-2026-11-26T12-00-00Z-auto.pgb/../../x',
    'secret.pgb',
  ])('refuse to read %j', (name) => {
    expect(DESKTOP_CONTRACT['backup:read'].args.safeParse([{ name }]).success).toBe(false);
  });

  it('refuse an unknown reason and extra keys', () => {
    const bytes = new Uint8Array([1]);
    expect(
      DESKTOP_CONTRACT['backup:write'].args.safeParse([{ bytes, reason: 'auto' }]).success,
    ).toBe(true);
    expect(
      DESKTOP_CONTRACT['backup:write'].args.safeParse([{ bytes, reason: 'evil' }]).success,
    ).toBe(false);
    expect(
      DESKTOP_CONTRACT['backup:write'].args.safeParse([{ bytes, reason: 'auto', name: 'x.pgb' }])
        .success,
    ).toBe(false);
  });
});
