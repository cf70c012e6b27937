// Puts every DesktopApi channel on ipcMain behind two gates: the sender must be the app's
// own frame, and the arguments must match the contract. Only then does the handler run, and
// whatever happens the renderer receives a typed result, never an exception.
import { DESKTOP_CHANNELS } from '../../../shared/ipc/channels';
import type { DesktopChannel, DesktopHandlers } from '../../../shared/ipc/contract';
import { dispatchDesktopCall } from '../../../shared/ipc/dispatch';
import { fail, GENERIC_MESSAGES } from '../../../shared/ipc/result';
import type { DesktopResult } from '../../../shared/ipc/result';
import { isTrustedSenderFrame } from '../security';
import type { SenderFrame } from '../security';

export type IpcInvokeEvent = { readonly senderFrame: SenderFrame };

/** The part of Electron's ipcMain this module uses. */
export type IpcMainLike = {
  handle(
    channel: string,
    listener: (event: IpcInvokeEvent, ...args: unknown[]) => Promise<DesktopResult<unknown>>,
  ): void;
};

export type IpcLogger = {
  refused(channel: DesktopChannel, reason: string): void;
  unexpected(channel: DesktopChannel, error: unknown): void;
};

export const consoleIpcLogger: IpcLogger = {
  refused: (channel, reason) => console.warn(`[ipc] refused ${channel}: ${reason}`),
  unexpected: (channel, error) => console.error(`[ipc] ${channel} failed`, error),
};

/** The default sender check: the app's top-level frame on app://pinggu. */
export const isTrustedIpcEvent = (event: IpcInvokeEvent): boolean =>
  isTrustedSenderFrame(event.senderFrame);

export const registerIpcHandlers = (
  ipcMain: IpcMainLike,
  handlers: DesktopHandlers,
  isTrustedSender: (event: IpcInvokeEvent) => boolean,
  logger: IpcLogger = consoleIpcLogger,
): void => {
  for (const channel of DESKTOP_CHANNELS) {
    ipcMain.handle(channel, async (event, ...args) => {
      let trusted: boolean;
      try {
        trusted = isTrustedSender(event);
      } catch {
        // senderFrame can throw once the frame is gone; treat that as untrusted.
        trusted = false;
      }
      if (!trusted) {
        logger.refused(channel, 'untrusted sender');
        return fail('untrustedSender', GENERIC_MESSAGES.untrustedSender);
      }
      return dispatchDesktopCall(handlers, channel, args, logger.unexpected);
    });
  }
};
