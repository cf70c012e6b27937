// Turns an `invoke(channel, ...args)` function into the DesktopApi object the renderer calls,
// and a `subscribe(event, listener)` function into its `events` group. The Electron preload
// passes ipcRenderer.invoke and ipcRenderer.on; the browser a local dispatcher and nothing.
// Deliberately free of zod so the sandboxed preload bundle stays small.
import { DESKTOP_CHANNELS, splitChannel } from './channels';
import type { DesktopChannel } from './channels';
import type { DesktopApi } from './contract';
import { DESKTOP_EVENT_SUBSCRIPTIONS } from './shellEvents';
import type { DesktopSubscribe, Unsubscribe } from './shellEvents';
import { fail, GENERIC_MESSAGES, isDesktopResult } from './result';
import type { DesktopResult } from './result';

export type DesktopInvoke = (channel: DesktopChannel, ...args: unknown[]) => Promise<unknown>;

type UntypedCall = (...args: unknown[]) => Promise<DesktopResult<unknown>>;
type UntypedSubscription = (listener: (payload: unknown) => void) => Unsubscribe;

/** A platform without main → renderer events (the browser): subscriptions never fire. */
export const noDesktopEvents: DesktopSubscribe = () => () => undefined;

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

export const buildDesktopApi = (
  invoke: DesktopInvoke,
  subscribe: DesktopSubscribe = noDesktopEvents,
): DesktopApi => {
  const api: Record<string, Record<string, UntypedCall | UntypedSubscription>> = {};
  for (const channel of DESKTOP_CHANNELS) {
    const { domain, verb } = splitChannel(channel);
    const group = api[domain] ?? {};
    group[verb] = callFor(invoke, channel);
    api[domain] = group;
  }
  const events: Record<string, UntypedSubscription> = {};
  for (const [method, event] of Object.entries(DESKTOP_EVENT_SUBSCRIPTIONS)) {
    events[method] = (listener) => {
      if (typeof listener !== 'function') throw new TypeError(`${method} takes a function`);
      return subscribe(event, listener);
    };
  }
  api.events = events;
  for (const group of Object.values(api)) Object.freeze(group);
  // The one unchecked step: the object above has exactly one function per channel, named by
  // its verb under its domain, plus one subscription per event under `events`, which is what
  // DesktopApi describes (tests enumerate it). The values' types rest on the other side
  // honouring the contract; main validates arguments.
  return Object.freeze(api) as unknown as DesktopApi;
};
