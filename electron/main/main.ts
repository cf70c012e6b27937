// Electron entry (bundled to dist-electron/main.cjs). Lifecycle and wiring only: every
// decision lives in a plain module next to this one and is unit-tested there.
import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import type { OpenDialogOptions, SaveDialogOptions, WebContents } from 'electron';
import type { DesktopEvent, DesktopEventPayloads } from '../../shared/ipc/shellEvents';
import { isBundleFileName } from '../../shared/ipc/openLimits';
import { APP_ENTRY_URL, APP_SCHEME } from './appOrigin';
import { bundlePathsFromArgv } from './argv';
import { createBundleInbox } from './bundleInbox';
import { createCloseGuard, QUIT_BACKUP_TIMEOUT_MS } from './closeGuard';
import type { CloseGuard } from './closeGuard';
import { createAppHandlers } from './ipc/appHandlers';
import { createElectronBackupHandlers } from './ipc/backupHandlers';
import { createDeviceHandlers } from './ipc/deviceHandlers';
import { createFileHandlers } from './ipc/fileHandlers';
import { createPrintHandlers } from './ipc/printHandlers';
import { isTrustedIpcEvent, registerIpcHandlers } from './ipc/registerIpcHandlers';
import { buildMenuTemplate } from './menu';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './protocol';
import {
  createWindowOpenHandler,
  guardNavigation,
  isAllowedRequestUrl,
  permissionCheckHandler,
  permissionRequestHandler,
} from './security';
import { createElectronDialogService } from './services/dialogs';
import { readFilesWithinLimits } from './services/fileAccess';
import { createSavedPaths } from './services/savedPaths';
import { createMainWindowOptions } from './window';

const APP_USER_MODEL_ID = 'cn.gov.ln.pinggu';

// Both must happen before 'ready'.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME_PRIVILEGES.scheme, privileges: { ...APP_SCHEME_PRIVILEGES.privileges } },
]);
app.enableSandbox();

let mainWindow: BrowserWindow | null = null;
let closeGuard: CloseGuard | null = null;
let quitRequested = false;

/** Sends a main → renderer event to the main window, if there is one. */
const sendToRenderer = <E extends DesktopEvent>(event: E, payload: DesktopEventPayloads[E]) => {
  const contents = mainWindow?.webContents;
  if (contents === undefined || contents.isDestroyed()) return;
  contents.send(event, payload);
};

// Bundles opened from the file manager or the command line wait here for the renderer.
const inbox = createBundleInbox({
  readFile: (filePath) => readFilesWithinLimits([filePath]),
  send: (payload) => sendToRenderer('shell:openBundles', payload),
});

const isExistingFile = (filePath: string): boolean => {
  try {
    return statSync(filePath).isFile();
  } catch {
    return false;
  }
};

const receiveArgv = (argv: readonly string[], cwd: string): void => {
  const paths = bundlePathsFromArgv(argv, {
    isPackaged: app.isPackaged,
    platform: process.platform,
    cwd,
    isFile: isExistingFile,
  });
  inbox.receive(paths).catch((error: unknown) => console.error('[open] argv', error));
};

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
  const guard = createCloseGuard({
    isRendererReady: inbox.isReady,
    askRenderer: (requestId) => sendToRenderer('shell:beforeQuit', { requestId }),
    finish: () => {
      if (!window.isDestroyed()) window.close();
      if (quitRequested) app.quit();
    },
    newRequestId: randomUUID,
    timeoutMs: QUIT_BACKUP_TIMEOUT_MS,
    setTimer: (run, milliseconds) => {
      const timer = setTimeout(run, milliseconds);
      return () => clearTimeout(timer);
    },
  });
  closeGuard = guard;
  window.on('close', (event) => guard.onClose(event));
  // A reload or a crash-restart: hold opened files until the new page listens again.
  window.webContents.on('did-start-loading', () => inbox.markNotReady());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
    if (closeGuard === guard) closeGuard = null;
    inbox.markNotReady();
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
  const savedPaths = createSavedPaths();
  const userDataDir = app.getPath('userData');
  const now = () => new Date().toISOString();
  registerIpcHandlers(
    ipcMain,
    {
      ...createAppHandlers(
        { version: app.getVersion(), dataFolder: userDataDir, isPackaged: app.isPackaged },
        {
          onRendererReady: inbox.markReady,
          onReadyToQuit: (requestId) => closeGuard?.onReadyToQuit(requestId),
        },
      ),
      ...createFileHandlers({
        dialog: dialogs,
        savedPaths,
        showItemInFolder: (filePath) => shell.showItemInFolder(filePath),
      }),
      ...createDeviceHandlers({ userDataDir, crypto: globalThis.crypto, now }),
      ...createElectronBackupHandlers({
        userDataDir,
        now,
        utcOffsetMinutes: () => -new Date().getTimezoneOffset(),
      }),
      ...createPrintHandlers({
        dialog: dialogs,
        savedPaths,
        printToPdf: async (options) => {
          if (mainWindow === null) throw new Error('no window to print');
          return mainWindow.webContents.printToPDF(options);
        },
      }),
    },
    isTrustedIpcEvent,
  );

  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({
        platform: process.platform,
        isPackaged: app.isPackaged,
        sendAction: (action) => {
          if (inbox.isReady()) sendToRenderer('shell:menuAction', { action });
        },
      }),
    ),
  );

  mainWindow = createMainWindow();
  receiveArgv(process.argv, process.cwd());
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow();
  });
};

if (!app.requestSingleInstanceLock()) {
  // Another 评估通 is running; it receives 'second-instance' and comes to the front.
  app.quit();
} else {
  if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
  app.on('second-instance', (_event, argv, workingDirectory) => {
    receiveArgv(argv, workingDirectory);
    focusMainWindow();
  });
  // macOS: a .pgb double-clicked in Finder, possibly before the app is ready.
  app.on('open-file', (event, filePath) => {
    event.preventDefault();
    if (!isBundleFileName(filePath)) return;
    inbox.receive([filePath]).catch((error: unknown) => console.error('[open] file', error));
    focusMainWindow();
  });
  app.on('before-quit', () => {
    quitRequested = true;
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  start().catch((error: unknown) => {
    console.error('[app] start-up failed', error);
    app.quit();
  });
}
