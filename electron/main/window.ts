// The main window's options as a pure function: every security-relevant webPreference is set
// explicitly (not left to Electron's defaults), and the size fits a 1366×768 laptop screen
// with a taskbar.
import type { BrowserWindowConstructorOptions } from 'electron';

export const WINDOW_TITLE = '评估通';

export type MainWindowSettings = {
  /** Absolute path of dist-electron/preload.cjs. */
  readonly preloadPath: string;
  /** Developer tools are for unpackaged runs only. */
  readonly isPackaged: boolean;
  /** Linux uses it for the window icon; Windows and macOS take it from the package. */
  readonly iconPath?: string;
};

export const createMainWindowOptions = (
  settings: MainWindowSettings,
): BrowserWindowConstructorOptions => ({
  title: WINDOW_TITLE,
  // 1366×768 leaves about 1366×728 above a taskbar; 1280×720 fits with room for the frame.
  width: 1280,
  height: 720,
  minWidth: 1024,
  minHeight: 640,
  center: true,
  // Shown on 'ready-to-show' so the user never sees an empty white frame.
  show: false,
  backgroundColor: '#ffffff',
  autoHideMenuBar: false,
  ...(settings.iconPath === undefined ? {} : { icon: settings.iconPath }),
  webPreferences: {
    preload: settings.preloadPath,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    devTools: !settings.isPackaged,
  },
});
