// A DesktopHandlers with a harmless answer on every channel, for tests that care about a few
// channels only: spread the ones under test over it.
import type { DesktopHandlers } from '../../shared/ipc/contract';
import { ok } from '../../shared/ipc/result';

export const stubHandlers = (): DesktopHandlers => ({
  'app:getInfo': async () =>
    ok({ version: '0.0.0', platform: 'electron', dataFolder: null, isPackaged: false }),
  'app:rendererReady': async () => ok(null),
  'app:readyToQuit': async () => ok(null),
  'file:openBundles': async () => ok({ cancelled: true }),
  'file:openDocuments': async () => ok({ cancelled: true }),
  'file:saveBundle': async () => ok({ saved: false }),
  'file:saveBundlesToFolder': async () => ok({ saved: false }),
  'file:saveReport': async () => ok({ saved: false }),
  'file:reveal': async () => ok(null),
  'device:getIdentity': async () => ok({ publicKey: '', fingerprint: '', createdAt: '' }),
  'device:signManifest': async () => ok({ signature: new Uint8Array(64) }),
  'backup:write': async ({ reason }) =>
    ok({ name: 'x.pgb', createdAt: '', reason, size: 0, fingerprint: null }),
  'backup:list': async () => ok({ folder: null, backups: [] }),
  'backup:read': async ({ name }) => ok({ name, bytes: new Uint8Array() }),
  'print:toPdf': async () => ok({ saved: false }),
});
