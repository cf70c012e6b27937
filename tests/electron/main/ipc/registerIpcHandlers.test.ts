import { describe, expect, it } from 'vitest';
import {
  isTrustedIpcEvent,
  registerIpcHandlers,
} from '../../../../electron/main/ipc/registerIpcHandlers';
import type { IpcLogger } from '../../../../electron/main/ipc/registerIpcHandlers';
import { DESKTOP_CHANNELS } from '../../../../shared/ipc/channels';
import type { DesktopChannel, DesktopHandlers } from '../../../../shared/ipc/contract';
import { ok } from '../../../../shared/ipc/result';
import { appFrameEvent, frameEvent, recordingIpcMain } from '../../../helpers/desktop';
import { stubHandlers } from '../../../helpers/stubHandlers';

const setUp = () => {
  const ran: { channel: DesktopChannel; args: unknown[] }[] = [];
  const handlers: DesktopHandlers = {
    ...stubHandlers(),
    'app:getInfo': async (...args) => {
      ran.push({ channel: 'app:getInfo', args });
      return ok({ version: '1.2.3', platform: 'electron', dataFolder: '/data', isPackaged: true });
    },
    'file:openBundles': async (...args) => {
      ran.push({ channel: 'file:openBundles', args });
      return ok({ cancelled: true });
    },
    'file:saveBundle': async (...args) => {
      ran.push({ channel: 'file:saveBundle', args });
      return ok({ saved: false });
    },
    'file:saveReport': async (...args) => {
      ran.push({ channel: 'file:saveReport', args });
      throw new TypeError(
        'Cannot read properties of undefined (reading "x") at /opt/pinggu/main.cjs:42',
      );
    },
    'file:reveal': async (...args) => {
      ran.push({ channel: 'file:reveal', args });
      return ok(null);
    },
    'device:getIdentity': async (...args) => {
      ran.push({ channel: 'device:getIdentity', args });
      return ok({ publicKey: '', fingerprint: '', createdAt: '' });
    },
    'device:signManifest': async (...args) => {
      ran.push({ channel: 'device:signManifest', args });
      return ok({ signature: new Uint8Array(64) });
    },
  };
  const log: string[] = [];
  const logger: IpcLogger = {
    refused: (channel, reason) => log.push(`refused ${channel}: ${reason}`),
    unexpected: (channel) => log.push(`unexpected ${channel}`),
  };
  const ipcMain = recordingIpcMain();
  registerIpcHandlers(ipcMain, handlers, isTrustedIpcEvent, logger);
  return { ran, log, ipcMain };
};

describe('registerIpcHandlers', () => {
  it('registers every channel of the contract once', () => {
    const { ipcMain } = setUp();
    expect(ipcMain.channels().sort()).toEqual([...DESKTOP_CHANNELS].sort());
  });

  it('answers the app’s own frame', async () => {
    const { ipcMain, ran } = setUp();
    const result = await ipcMain.invoke('app:getInfo', appFrameEvent());
    expect(result).toEqual({
      ok: true,
      value: { version: '1.2.3', platform: 'electron', dataFolder: '/data', isPackaged: true },
    });
    expect(ran).toHaveLength(1);
  });

  it.each([
    ['a remote page', frameEvent('https://example.com/')],
    ['a file:// page', frameEvent('file:///tmp/evil.html')],
    ['an iframe inside the app', frameEvent('app://pinggu/index.html', 'app://pinggu/index.html')],
    ['a frame that no longer exists', { senderFrame: null }],
  ])('refuses a call from %s and the handler never runs', async (_label, event) => {
    const { ipcMain, ran, log } = setUp();
    const bytes = new Uint8Array([1]);
    const result = await ipcMain.invoke('file:saveBundle', event, {
      suggestedName: 'x.pgb',
      bytes,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'untrustedSender' } });
    expect(ran).toEqual([]);
    expect(log).toEqual(['refused file:saveBundle: untrusted sender']);
  });

  it('refuses a call when the sender check itself throws', async () => {
    let ran = false;
    const ipcMain = recordingIpcMain();
    registerIpcHandlers(
      ipcMain,
      {
        ...stubHandlers(),
        'app:getInfo': async () => {
          ran = true;
          return ok({ version: '', platform: 'electron', dataFolder: null, isPackaged: false });
        },
        'file:openBundles': async () => ok({ cancelled: true }),
        'file:saveBundle': async () => ok({ saved: false }),
        'file:saveReport': async () => ok({ saved: false }),
        'file:reveal': async () => ok(null),
        'device:getIdentity': async () => ok({ publicKey: '', fingerprint: '', createdAt: '' }),
        'device:signManifest': async () => ok({ signature: new Uint8Array(64) }),
      },
      () => {
        throw new Error('Object has been destroyed');
      },
      { refused: () => undefined, unexpected: () => undefined },
    );
    const result = await ipcMain.invoke('app:getInfo', appFrameEvent());
    expect(result).toMatchObject({ ok: false, error: { code: 'untrustedSender' } });
    expect(ran).toBe(false);
  });

  it('rejects a file name with a path separator before the handler runs', async () => {
    const { ipcMain, ran } = setUp();
    const result = await ipcMain.invoke('file:saveBundle', appFrameEvent(), {
      suggestedName: '../../Startup/evil.pgb',
      bytes: new Uint8Array([1]),
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalidArguments' } });
    expect(ran).toEqual([]);
  });

  it('rejects missing or extra arguments', async () => {
    const { ipcMain, ran } = setUp();
    expect(await ipcMain.invoke('file:openBundles', appFrameEvent())).toMatchObject({ ok: false });
    expect(
      await ipcMain.invoke(
        'file:openBundles',
        appFrameEvent(),
        { multi: true, folders: false },
        'extra',
      ),
    ).toMatchObject({ ok: false });
    expect(ran).toEqual([]);
  });

  it('returns a typed internal error, not the exception, when a handler throws', async () => {
    const { ipcMain, log } = setUp();
    const result = await ipcMain.invoke('file:saveReport', appFrameEvent(), {
      suggestedName: '结果.xlsx',
      kind: 'xlsx',
      bytes: new Uint8Array([1]),
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('/opt/pinggu');
    expect(log).toEqual(['unexpected file:saveReport']);
  });

  it('passes validated arguments through to the handler', async () => {
    const { ipcMain, ran } = setUp();
    await ipcMain.invoke('file:openBundles', appFrameEvent(), { multi: true, folders: true });
    expect(ran).toEqual([{ channel: 'file:openBundles', args: [{ multi: true, folders: true }] }]);
  });
});
