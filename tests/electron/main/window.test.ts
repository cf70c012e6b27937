import { describe, expect, it } from 'vitest';
import { createMainWindowOptions } from '../../../electron/main/window';

const options = createMainWindowOptions({
  preloadPath: '/app/dist-electron/preload.cjs',
  isPackaged: true,
});

describe('the main window', () => {
  it('runs the renderer sandboxed and isolated, with no Node', () => {
    expect(options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    });
  });

  it('loads the bundled preload', () => {
    expect(options.webPreferences?.preload).toBe('/app/dist-electron/preload.cjs');
  });

  it('has developer tools only in an unpackaged run', () => {
    expect(options.webPreferences?.devTools).toBe(false);
    const dev = createMainWindowOptions({ preloadPath: '/p.cjs', isPackaged: false });
    expect(dev.webPreferences?.devTools).toBe(true);
  });

  it('is titled 评估通 and stays hidden until its first paint', () => {
    expect(options.title).toBe('评估通');
    expect(options.show).toBe(false);
  });

  it('fits a 1366×768 screen with a taskbar', () => {
    expect(options.width).toBeLessThanOrEqual(1366);
    expect(options.height).toBeLessThanOrEqual(728);
    expect(options.minWidth).toBeLessThanOrEqual(1366);
    expect(options.minHeight).toBeLessThanOrEqual(728);
  });
});
