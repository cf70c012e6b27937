// Runs the built dist main.cjs against a recording stand-in for 'electron' and checks the
// wiring that unit tests of the plain modules cannot see.
import * as fsPromises from 'node:fs/promises';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createBuilder } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP_CHANNELS } from '../../shared/ipc/channels';
import { CONTENT_SECURITY_POLICY } from '../../shared/ipc/csp';
import { createFakeElectron } from '../helpers/fakeElectron';
import type { FakeWindow } from '../helpers/fakeElectron';
import { makeTempDirOutsideTest } from '../helpers/desktop';

let fake: ReturnType<typeof createFakeElectron>;
let callsBeforeReady: string[];

/**
 * Paths the built main process has finished reading with fs/promises' readFile, recorded in a
 * continuation of the read itself: once a path is here, everything main does with the bytes
 * without further I/O (the bundle inbox deciding to send or to hold them) has run too, by the
 * time a later macrotask looks.
 */
const finishedReads: string[] = [];
const observedFsPromises: typeof fsPromises = {
  ...fsPromises,
  readFile: ((...args: Parameters<typeof fsPromises.readFile>) => {
    const reading = fsPromises.readFile(...args);
    void reading.then(
      () => finishedReads.push(String(args[0])),
      () => finishedReads.push(String(args[0])),
    );
    return reading;
  }) as typeof fsPromises.readFile,
};
const requireObserved = (id: string): unknown =>
  id === 'node:fs/promises' || id === 'fs/promises'
    ? observedFsPromises
    : fake.requireForBundle(id);

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
  run(requireObserved, module, module.exports, outDir, path.join(outDir, 'main.cjs'));
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

  it('sets the Chinese application menu', () => {
    expect(fake.record.calls).toContain('Menu.setApplicationMenu');
    const template = fake.record.menuTemplate;
    expect(
      Array.isArray(template) && template.map((item: { label?: string }) => item.label),
    ).toEqual(expect.arrayContaining(['文件', '编辑', '视图', '窗口', '帮助']));
  });
});

const appFrame = { senderFrame: { url: 'app://pinggu/index.html', parent: null } };

const mainWindow = (): FakeWindow => {
  const window = fake.record.windows[0];
  if (window === undefined) throw new Error('no window was created');
  return window;
};

/** Waits (without a time limit of its own) until `check` holds; main's file reads are async. */
const eventually = async (check: () => boolean): Promise<void> => {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 5));
};

describe('the built main process and the renderer', () => {
  it('hands a .pgb from a second launch to the window once the renderer is ready', async () => {
    const folder = await makeTempDirOutsideTest('pinggu-argv-');
    const bundle = path.join(folder, '大连组.pgb');
    await writeFile(bundle, new Uint8Array([0x50, 0x4b, 3, 4]));
    const onSecondInstance = fake.record.appListeners.get('second-instance');
    onSecondInstance?.({}, ['/opt/pinggu/pinggu', '--some-chromium-flag', '大连组.pgb'], folder);
    // Read, and held: the renderer has not said it listens, so nothing is sent yet.
    await eventually(() => finishedReads.includes(bundle));
    expect(mainWindow().sent.filter((m) => m.channel === 'shell:openBundles')).toEqual([]);
    await fake.record.ipcListeners.get('app:rendererReady')?.(appFrame);
    await eventually(() => mainWindow().sent.some((m) => m.channel === 'shell:openBundles'));
    expect(mainWindow().sent.find((m) => m.channel === 'shell:openBundles')?.payload).toEqual({
      files: [{ name: '大连组.pgb', bytes: new Uint8Array([0x50, 0x4b, 3, 4]) }],
      problems: [],
    });
  });

  it('asks the renderer for its quit backup before the window closes', async () => {
    let prevented = false;
    mainWindow().listeners.get('close')?.({ preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    const request = mainWindow().sent.find((m) => m.channel === 'shell:beforeQuit');
    const payload = request?.payload;
    if (typeof payload !== 'object' || payload === null || !('requestId' in payload)) {
      throw new Error('no shell:beforeQuit was sent');
    }
    expect(mainWindow().closeCalls).toBe(0);
    await fake.record.ipcListeners.get('app:readyToQuit')?.(appFrame, {
      requestId: payload.requestId,
    });
    expect(mainWindow().closeCalls).toBe(1);
  });
});
