// The one way the renderer reaches the desktop: window.pinggu when the Electron preload
// exposed it, otherwise the browser implementation.
import type { DesktopApi } from '../../shared/ipc/contract';
import { createBrowserDesktopApi } from './browserDesktopApi';
import { createBrowserHost, documentDom } from './browserHost';

export type { DesktopApi } from '../../shared/ipc/contract';

export const selectDesktopApi = (
  bridged: DesktopApi | undefined,
  createBrowserApi: () => DesktopApi,
): DesktopApi => bridged ?? createBrowserApi();

let browserApi: DesktopApi | undefined;

export const getDesktopApi = (): DesktopApi =>
  selectDesktopApi(globalThis.window?.pinggu, () => {
    browserApi ??= createBrowserDesktopApi(
      createBrowserHost(documentDom(document), import.meta.env.PROD),
    );
    return browserApi;
  });
