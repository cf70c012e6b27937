// Electron entry (bundled to dist-electron/main.cjs). Lifecycle and wiring only: every
// decision lives in a plain module next to this one and is unit-tested there.
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, protocol, session, shell } from 'electron';
import type { OpenDialogOptions, SaveDialogOptions, WebContents } from 'electron';
import { APP_ENTRY_URL, APP_SCHEME } from './appOrigin';
import { createAppHandlers } from './ipc/appHandlers';
import { createDeviceHandlers } from './ipc/deviceHandlers';
import { createFileHandlers } from './ipc/fileHandlers';
import { isTrustedIpcEvent, registerIpcHandlers } from './ipc/registerIpcHandlers';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './protocol';
import {
  createWindowOpenHandler,
  guardNavigation,
  isAllowedRequestUrl,
  permissionCheckHandler,
  permissionRequestHandler,
} from './security';
import { createElectronDialogService } from './services/dialogs';
import { createSavedPaths } from './services/savedPaths';
import { createMainWindowOptions } from './window';

const APP_USER_MODEL_ID = 'cn.gov.ln.pinggu';

// Both must happen before 'ready'.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME_PRIVILEGES.scheme, privileges: { ...APP_SCHEME_PRIVILEGES.privileges } },
]);
app.enableSandbox();

let mainWindow: BrowserWindow | null = null;

const openExternally = (url: string): void => {
  shell.openExternal(url).catch((error: unknown) => console.error('[shell] openExternal', error));
};

const hardenWebContents = (contents: WebContents): void => {
  contents.on('will-navigate', guardNavigation);
  contents.on('will-frame-navigate', guardNavigation);
  contents.on('will-redirect', guardNavigation);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(createWindowOpenHandler(openExternally));
};

const hardenSession = (): void => {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler(permissionRequestHandler);
  ses.setPermissionCheckHandler(permissionCheckHandler);
  // Offline app: nothing leaves the machine, whatever a page tries.
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequestUrl(details.url) });
  });
};

const createMainWindow = (): BrowserWindow => {
  const window = new BrowserWindow(
    createMainWindowOptions({
      preloadPath: path.join(__dirname, 'preload.cjs'),
      isPackaged: app.isPackaged,
    }),
  );
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
    console.error('[window] failed to load the renderer', error);
  });
  return window;
};

const focusMainWindow = (): void => {
  if (mainWindow === null) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
};

const parentWindow = (): BrowserWindow | null => BrowserWindow.getFocusedWindow() ?? mainWindow;

const start = async (): Promise<void> => {
  await app.whenReady();
  hardenSession();

  const rendererRoot = path.join(app.getAppPath(), 'dist', 'renderer');
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererRoot));

  const dialogs = createElectronDialogService({
    showOpenDialog: (options: OpenDialogOptions) => {
      const parent = parentWindow();
      return parent ? dialog.showOpenDialog(parent, options) : dialog.showOpenDialog(options);
    },
    showSaveDialog: (options: SaveDialogOptions) => {
      const parent = parentWindow();
      return parent ? dialog.showSaveDialog(parent, options) : dialog.showSaveDialog(options);
    },
    defaultDirectory: () => app.getPath('documents'),
  });
  registerIpcHandlers(
    ipcMain,
    {
      ...createAppHandlers({
        version: app.getVersion(),
        dataFolder: app.getPath('userData'),
        isPackaged: app.isPackaged,
      }),
      ...createFileHandlers({
        dialog: dialogs,
        savedPaths: createSavedPaths(),
        showItemInFolder: (filePath) => shell.showItemInFolder(filePath),
      }),
      ...createDeviceHandlers({
        userDataDir: app.getPath('userData'),
        crypto: globalThis.crypto,
        now: () => new Date().toISOString(),
      }),
    },
    isTrustedIpcEvent,
  );

  mainWindow = createMainWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow();
  });
};

if (!app.requestSingleInstanceLock()) {
  // Another 评估通 is running; it receives 'second-instance' and comes to the front.
  app.quit();
} else {
  if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
  app.on('second-instance', focusMainWindow);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  start().catch((error: unknown) => {
    console.error('[app] start-up failed', error);
    app.quit();
  });
}
