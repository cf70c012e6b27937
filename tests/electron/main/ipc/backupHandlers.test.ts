import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createElectronBackupHandlers } from '../../../../electron/main/ipc/backupHandlers';
import {
  isTrustedIpcEvent,
  registerIpcHandlers,
} from '../../../../electron/main/ipc/registerIpcHandlers';
import { makeBundle } from '../../../helpers/bundleBuilders';
import { appFrameEvent, frameEvent, makeTempDir, recordingIpcMain } from '../../../helpers/desktop';
import { stubHandlers } from '../../../helpers/stubHandlers';

const setUp = async () => {
  const userDataDir = await makeTempDir();
  let now = '2026-11-26T12:00:00.000Z';
  const ipcMain = recordingIpcMain();
  registerIpcHandlers(
    ipcMain,
    {
      ...stubHandlers(),
      ...createElectronBackupHandlers({ userDataDir, now: () => now, utcOffsetMinutes: () => 480 }),
    },
    isTrustedIpcEvent,
    { refused: () => undefined, unexpected: () => undefined },
  );
  return {
    userDataDir,
    ipcMain,
    setNow: (value: string) => {
      now = value;
    },
  };
};

describe('backup channels in Electron', () => {
  it('write backups into <userData>/backups, list them newest first, read them back', async () => {
    const { userDataDir, ipcMain, setNow } = await setUp();
    const { bytes } = await makeBundle('backup');
    await ipcMain.invoke('backup:write', appFrameEvent(), { bytes, reason: 'auto' });
    setNow('2026-11-26T12:05:00.000Z');
    await ipcMain.invoke('backup:write', appFrameEvent(), { bytes, reason: 'quit' });
    expect((await readdir(path.join(userDataDir, 'backups'))).sort()).toEqual([
      'pinggu-backup-2026-11-26T12-00-00Z-auto.pgb',
      'pinggu-backup-2026-11-26T12-05-00Z-quit.pgb',
    ]);
    const listed = await ipcMain.invoke('backup:list', appFrameEvent());
    expect(listed).toMatchObject({
      ok: true,
      value: {
        folder: path.join(userDataDir, 'backups'),
        backups: [{ reason: 'quit' }, { reason: 'auto' }],
      },
    });
    const read = await ipcMain.invoke('backup:read', appFrameEvent(), {
      name: 'pinggu-backup-2026-11-26T12-00-00Z-auto.pgb',
    });
    expect(read).toEqual({
      ok: true,
      value: { name: 'pinggu-backup-2026-11-26T12-00-00Z-auto.pgb', bytes },
    });
  });

  it('refuse to read outside the backups folder, before any file is touched', async () => {
    const { ipcMain } = await setUp();
    const result = await ipcMain.invoke('backup:read', appFrameEvent(), {
      name: '../keys/device-ed25519.json',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalidArguments' } });
  });

  it('answer only the app’s own frame', async () => {
    const { ipcMain } = await setUp();
    const result = await ipcMain.invoke('backup:list', frameEvent('https://example.com/'));
    expect(result).toMatchObject({ ok: false, error: { code: 'untrustedSender' } });
  });
});
