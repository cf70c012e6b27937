// Runs the built dist main.cjs against a recording stand-in for 'electron' and checks the
// wiring that unit tests of the plain modules cannot see.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createBuilder } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP_CHANNELS } from '../../shared/ipc/channels';
import { CONTENT_SECURITY_POLICY } from '../../shared/ipc/csp';
import { createFakeElectron } from '../helpers/fakeElectron';
import { makeTempDirOutsideTest } from '../helpers/desktop';

let fake: ReturnType<typeof createFakeElectron>;
let callsBeforeReady: string[];

beforeAll(async () => {
  const outDir = await makeTempDirOutsideTest('pinggu-wiring-');
  const builder = await createBuilder({
    configFile: path.resolve('vite.electron.config.ts'),
    logLevel: 'silent',
    environments: { main: { build: { outDir } }, preload: { build: { outDir } } },
  });
  await builder.buildApp();
  const appPath = await makeTempDirOutsideTest('pinggu-app-');
  await mkdir(path.join(appPath, 'dist', 'renderer'), { recursive: true });
  await writeFile(path.join(appPath, 'dist', 'renderer', 'index.html'), '<!doctype html>');

  fake = createFakeElectron(appPath);
  const code = await readFile(path.join(outDir, 'main.cjs'), 'utf8');
  const module = { exports: {} };
  const run = new Function('require', 'module', 'exports', '__dirname', '__filename', code);
  run(fake.requireForBundle, module, module.exports, outDir, path.join(outDir, 'main.cjs'));
  callsBeforeReady = [...fake.record.calls];
  await fake.becomeReady();
}, 60_000);

describe('the built main process', () => {
  it('registers app:// as privileged and enables the sandbox before the app is ready', () => {
    expect(callsBeforeReady).toContain('protocol.registerSchemesAsPrivileged');
    expect(callsBeforeReady).toContain('app.enableSandbox');
    expect(callsBeforeReady).toContain('app.requestSingleInstanceLock');
    expect(fake.record.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) },
    ]);
  });

  it('serves the renderer over app:// with the CSP header', async () => {
    const handler = fake.record.protocolHandlers.get('app');
    if (handler === undefined) throw new Error('app:// is not handled');
    const response = await handler({ url: 'app://pinggu/index.html', method: 'GET' });
    expect(response).toBeInstanceOf(Response);
    if (!(response instanceof Response)) return;
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain(CONTENT_SECURITY_POLICY);
  });

  it('opens one sandboxed window on app://pinggu with the bundled preload', () => {
    expect(fake.record.loadedUrls).toEqual(['app://pinggu/index.html']);
    expect(fake.record.windowOptions[0]).toMatchObject({
      show: false,
      webPreferences: {
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        preload: expect.stringMatching(/preload\.cjs$/),
      },
    });
  });

  it('answers every channel, and only for the app’s frame', async () => {
    expect([...fake.record.ipcListeners.keys()].sort()).toEqual([...DESKTOP_CHANNELS].sort());
    const getInfo = fake.record.ipcListeners.get('app:getInfo');
    expect(
      await getInfo?.({ senderFrame: { url: 'app://pinggu/index.html', parent: null } }),
    ).toEqual({
      ok: true,
      value: {
        version: '0.1.0',
        platform: 'electron',
        dataFolder: '/fake/userData',
        isPackaged: true,
      },
    });
    expect(
      await getInfo?.({ senderFrame: { url: 'https://example.com/', parent: null } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'untrustedSender' },
    });
  });

  it('guards every web contents against navigation, new windows and webviews', () => {
    const onCreated = fake.record.appListeners.get('web-contents-created');
    const events = new Map<string, (...args: unknown[]) => unknown>();
    let windowOpen: ((details: { url: string }) => unknown) | undefined;
    onCreated?.(
      {},
      {
        on: (event: string, listener: (...args: unknown[]) => unknown) =>
          events.set(event, listener),
        setWindowOpenHandler: (handler: (details: { url: string }) => unknown) => {
          windowOpen = handler;
        },
      },
    );
    expect([...events.keys()].sort()).toEqual(
      ['will-attach-webview', 'will-frame-navigate', 'will-navigate', 'will-redirect'].sort(),
    );
    let isPrevented = false;
    events.get('will-navigate')?.({
      url: 'https://example.com/',
      preventDefault: () => (isPrevented = true),
    });
    expect(isPrevented).toBe(true);
    expect(windowOpen?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it('cancels network requests to anywhere but the app', () => {
    const answers: unknown[] = [];
    fake.record.beforeRequest?.({ url: 'https://example.com/x.js' }, (answer: unknown) =>
      answers.push(answer),
    );
    fake.record.beforeRequest?.({ url: 'app://pinggu/x.js' }, (answer: unknown) =>
      answers.push(answer),
    );
    expect(answers).toEqual([{ cancel: true }, { cancel: false }]);
  });

  it('denies permission requests such as the camera', () => {
    let granted: boolean | undefined;
    fake.record.permissionRequestHandler?.({}, 'media', (value: boolean) => (granted = value), {
      requestingUrl: 'app://pinggu/index.html',
    });
    expect(granted).toBe(false);
  });
});
