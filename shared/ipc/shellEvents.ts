// Main → renderer events: the only messages the main process sends without being asked.
// Zod-free like channels.ts, so the sandboxed preload can use it. Each event has one
// subscription method on `api.events` (`onOpenBundles(listener)` returns an unsubscribe
// function); the payload types below are what main sends and what listeners receive.
import type { OpenedFile } from './contract';

/** What the application menu asks the renderer to do. */
export const MENU_ACTIONS = ['openBundles', 'backups', 'print', 'exportPdf', 'about'] as const;
export type MenuAction = (typeof MENU_ACTIONS)[number];

export const isMenuAction = (value: unknown): value is MenuAction =>
  MENU_ACTIONS.some((action) => action === value);

export type DesktopEventPayloads = {
  /** .pgb files opened from the file manager or the command line, already read by main. */
  'shell:openBundles': {
    readonly files: readonly OpenedFile[];
    /** Chinese sentences for files main could not read (too large, gone, no permission). */
    readonly problems: readonly string[];
  };
  'shell:menuAction': { readonly action: MenuAction };
  /** The window is closing: write a backup if needed, then call app.readyToQuit(requestId). */
  'shell:beforeQuit': { readonly requestId: string };
};

export type DesktopEvent = keyof DesktopEventPayloads;

/** Subscription method name → event channel. */
export const DESKTOP_EVENT_SUBSCRIPTIONS = {
  onOpenBundles: 'shell:openBundles',
  onMenuAction: 'shell:menuAction',
  onBeforeQuit: 'shell:beforeQuit',
} as const satisfies Record<string, DesktopEvent>;

export const DESKTOP_EVENTS: readonly DesktopEvent[] = Object.values(DESKTOP_EVENT_SUBSCRIPTIONS);

export type Unsubscribe = () => void;

type Subscriptions = typeof DESKTOP_EVENT_SUBSCRIPTIONS;

/** `api.events`: one typed subscription per event. */
export type DesktopEvents = {
  readonly [M in keyof Subscriptions]: (
    listener: (payload: DesktopEventPayloads[Subscriptions[M]]) => void,
  ) => Unsubscribe;
};

/** How the preload (ipcRenderer.on) or the browser (nothing) delivers events. */
export type DesktopSubscribe = (
  event: DesktopEvent,
  listener: (payload: unknown) => void,
) => Unsubscribe;
