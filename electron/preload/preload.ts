// Sandboxed preload (bundled to dist-electron/preload.cjs): exposes window.pinggu, the typed
// DesktopApi, and nothing else. No ipcRenderer, no Node, no generic invoke reaches the page;
// event listeners receive the payload only, never Electron's event object (it holds the
// sender).
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import { buildDesktopApi } from '../../shared/ipc/buildDesktopApi';
import type { DesktopApi } from '../../shared/ipc/contract';
import { DESKTOP_EVENTS } from '../../shared/ipc/shellEvents';
import type { DesktopSubscribe } from '../../shared/ipc/shellEvents';

const subscribe: DesktopSubscribe = (event, listener) => {
  // Only the fixed event names; the renderer cannot listen on an arbitrary channel.
  if (!DESKTOP_EVENTS.includes(event)) return () => undefined;
  const forward = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
  ipcRenderer.on(event, forward);
  return () => {
    ipcRenderer.removeListener(event, forward);
  };
};

const api: DesktopApi = buildDesktopApi(
  (channel, ...args) => ipcRenderer.invoke(channel, ...args),
  subscribe,
);

contextBridge.exposeInMainWorld('pinggu', api);
