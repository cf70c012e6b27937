// Sandboxed preload (bundled to dist-electron/preload.cjs): exposes window.pinggu, the typed
// DesktopApi, and nothing else. No ipcRenderer, no Node, no generic invoke reaches the page.
import { contextBridge, ipcRenderer } from 'electron';
import { buildDesktopApi } from '../../shared/ipc/buildDesktopApi';

contextBridge.exposeInMainWorld(
  'pinggu',
  buildDesktopApi((channel, ...args) => ipcRenderer.invoke(channel, ...args)),
);
