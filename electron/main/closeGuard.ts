// Closing the window (or quitting) waits for the renderer's quit backup: the first 'close'
// is prevented, the renderer gets 'shell:beforeQuit' with a request id, and the window closes
// for real when the renderer answers app:readyToQuit with that id, or after a timeout, so a
// hung page can never keep the app open. A renderer that never said it was ready (crashed,
// still loading) is not waited for.
export type CloseEvent = { preventDefault(): void };

export type CloseGuardDeps = {
  readonly isRendererReady: () => boolean;
  /** Sends 'shell:beforeQuit' with this id. */
  readonly askRenderer: (requestId: string) => void;
  /** Closes the window again (and quits if a quit started it); the guard lets it through. */
  readonly finish: () => void;
  readonly newRequestId: () => string;
  readonly timeoutMs: number;
  /** Starts a timer; returns the function that cancels it. */
  readonly setTimer: (run: () => void, milliseconds: number) => () => void;
};

export type CloseGuard = {
  /** For the window's 'close' event. */
  onClose(event: CloseEvent): void;
  /** app:readyToQuit from the renderer. */
  onReadyToQuit(requestId: string): void;
};

/** Long enough for a backup of a large database; short enough not to look hung. */
export const QUIT_BACKUP_TIMEOUT_MS = 15_000;

export const createCloseGuard = (deps: CloseGuardDeps): CloseGuard => {
  let state: 'open' | 'waiting' | 'done' = 'open';
  let requestId = '';
  let cancelTimer: () => void = () => undefined;

  const complete = (): void => {
    if (state !== 'waiting') return;
    state = 'done';
    cancelTimer();
    deps.finish();
  };

  return {
    onClose: (event) => {
      if (state === 'done') return;
      if (state === 'waiting') {
        event.preventDefault();
        return;
      }
      if (!deps.isRendererReady()) {
        state = 'done';
        return;
      }
      event.preventDefault();
      state = 'waiting';
      requestId = deps.newRequestId();
      cancelTimer = deps.setTimer(complete, deps.timeoutMs);
      deps.askRenderer(requestId);
    },
    onReadyToQuit: (answered) => {
      if (state === 'waiting' && answered === requestId) complete();
    },
  };
};
