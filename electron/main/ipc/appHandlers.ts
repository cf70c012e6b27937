// app:* channels. The info comes from Electron's app object, read once by main.ts; the two
// lifecycle calls tell main that the renderer listens (queued files may now be sent) and
// that it has written its quit backup.
import type { AppInfo, DesktopHandlers } from '../../../shared/ipc/contract';
import { ok } from '../../../shared/ipc/result';

export type AppHandlers = Pick<
  DesktopHandlers,
  'app:getInfo' | 'app:rendererReady' | 'app:readyToQuit'
>;

export type AppLifecycle = {
  readonly onRendererReady: () => void;
  readonly onReadyToQuit: (requestId: string) => void;
};

const NO_LIFECYCLE: AppLifecycle = {
  onRendererReady: () => undefined,
  onReadyToQuit: () => undefined,
};

export const createAppHandlers = (
  info: Omit<AppInfo, 'platform'>,
  lifecycle: AppLifecycle = NO_LIFECYCLE,
): AppHandlers => ({
  'app:getInfo': async () => ok({ ...info, platform: 'electron' }),
  'app:rendererReady': async () => {
    lifecycle.onRendererReady();
    return ok(null);
  },
  'app:readyToQuit': async ({ requestId }) => {
    lifecycle.onReadyToQuit(requestId);
    return ok(null);
  },
});
