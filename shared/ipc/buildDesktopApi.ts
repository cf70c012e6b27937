// Turns an `invoke(channel, ...args)` function into the DesktopApi object the renderer calls.
// The Electron preload passes ipcRenderer.invoke; the browser passes a local dispatcher.
// Deliberately free of zod so the sandboxed preload bundle stays small.
import { DESKTOP_CHANNELS, splitChannel } from './channels';
import type { DesktopChannel } from './channels';
import type { DesktopApi } from './contract';
import { fail, GENERIC_MESSAGES, isDesktopResult } from './result';
import type { DesktopResult } from './result';

export type DesktopInvoke = (channel: DesktopChannel, ...args: unknown[]) => Promise<unknown>;

type UntypedCall = (...args: unknown[]) => Promise<DesktopResult<unknown>>;

const callFor =
  (invoke: DesktopInvoke, channel: DesktopChannel): UntypedCall =>
  async (...args) => {
    try {
      const response = await invoke(channel, ...args);
      return isDesktopResult(response)
        ? response
        : fail('internal', GENERIC_MESSAGES.internal, `${channel}: malformed response`);
    } catch {
      // ipcRenderer.invoke rejects when no handler answers (e.g. the main process is gone).
      return fail('ipcFailed', GENERIC_MESSAGES.ipcFailed, `${channel}: invoke rejected`);
    }
  };

export const buildDesktopApi = (invoke: DesktopInvoke): DesktopApi => {
  const api: Record<string, Record<string, UntypedCall>> = {};
  for (const channel of DESKTOP_CHANNELS) {
    const { domain, verb } = splitChannel(channel);
    const group = api[domain] ?? {};
    group[verb] = callFor(invoke, channel);
    api[domain] = group;
  }
  for (const group of Object.values(api)) Object.freeze(group);
  // The one unchecked step: the object above has exactly one function per channel, named by
  // its verb under its domain, which is what DesktopApi describes (tests enumerate it). The
  // values' types rest on the other side honouring the contract; main validates arguments.
  return Object.freeze(api) as unknown as DesktopApi;
};
