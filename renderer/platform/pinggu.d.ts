// window.pinggu: the DesktopApi exposed by the Electron preload (absent in a browser).
import type { DesktopApi } from '../../shared/ipc/contract';

declare global {
  // Augmenting the DOM's Window requires an interface.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface Window {
    readonly pinggu?: DesktopApi;
  }
}

export {};
