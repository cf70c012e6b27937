// app:* channels. The values come from Electron's app object, read once by main.ts.
import type { AppInfo, DesktopHandlers } from '../../../shared/ipc/contract';
import { ok } from '../../../shared/ipc/result';

export type AppHandlers = Pick<DesktopHandlers, 'app:getInfo'>;

export const createAppHandlers = (info: Omit<AppInfo, 'platform'>): AppHandlers => ({
  'app:getInfo': async () => ok({ ...info, platform: 'electron' }),
});
