import { describe, expect, it } from 'vitest';
import { createCloseGuard } from '../../../electron/main/closeGuard';

const setUp = (isReady = true) => {
  const asked: string[] = [];
  const timers: { run: () => void; cancelled: boolean }[] = [];
  let finished = 0;
  let nextId = 0;
  const guard = createCloseGuard({
    isRendererReady: () => isReady,
    askRenderer: (id) => asked.push(id),
    finish: () => {
      finished += 1;
    },
    newRequestId: () => `request-${(nextId += 1)}`,
    timeoutMs: 15_000,
    setTimer: (run) => {
      const timer = { run, cancelled: false };
      timers.push(timer);
      return () => {
        timer.cancelled = true;
      };
    },
  });
  const closeEvent = () => {
    let prevented = false;
    return {
      preventDefault: () => {
        prevented = true;
      },
      get prevented() {
        return prevented;
      },
    };
  };
  return { guard, asked, timers, closeEvent, finished: () => finished };
};

describe('closing the window waits for the quit backup', () => {
  it('holds the first close, asks the renderer, and closes when it answers', () => {
    const { guard, asked, timers, closeEvent, finished } = setUp();
    const first = closeEvent();
    guard.onClose(first);
    expect(first.prevented).toBe(true);
    expect(asked).toEqual(['request-1']);
    guard.onReadyToQuit('request-1');
    expect(finished()).toBe(1);
    expect(timers[0]?.cancelled).toBe(true);
    // finish() closes the window again: this time it goes through.
    const second = closeEvent();
    guard.onClose(second);
    expect(second.prevented).toBe(false);
  });

  it('closes anyway when the renderer does not answer in time', () => {
    const { guard, timers, closeEvent, finished } = setUp();
    guard.onClose(closeEvent());
    timers[0]?.run();
    expect(finished()).toBe(1);
    guard.onReadyToQuit('request-1');
    expect(finished()).toBe(1);
  });

  it('ignores an answer to another request', () => {
    const { guard, closeEvent, finished } = setUp();
    guard.onClose(closeEvent());
    guard.onReadyToQuit('request-0');
    expect(finished()).toBe(0);
  });

  it('keeps holding repeated close clicks while the backup runs, asking only once', () => {
    const { guard, asked, closeEvent } = setUp();
    guard.onClose(closeEvent());
    const again = closeEvent();
    guard.onClose(again);
    expect(again.prevented).toBe(true);
    expect(asked).toHaveLength(1);
  });

  it('does not wait for a renderer that never said it was ready', () => {
    const { guard, asked, closeEvent } = setUp(false);
    const event = closeEvent();
    guard.onClose(event);
    expect(event.prevented).toBe(false);
    expect(asked).toEqual([]);
  });
});
