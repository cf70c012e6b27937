import { describe, expect, it } from 'vitest';
import { buildDesktopApi } from '../../../shared/ipc/buildDesktopApi';
import type { DesktopInvoke } from '../../../shared/ipc/buildDesktopApi';
import { DESKTOP_CHANNELS } from '../../../shared/ipc/channels';
import type { DesktopChannel } from '../../../shared/ipc/channels';
import { ok } from '../../../shared/ipc/result';
import { DESKTOP_EVENT_SUBSCRIPTIONS } from '../../../shared/ipc/shellEvents';
import type { DesktopEvent } from '../../../shared/ipc/shellEvents';

const recordingInvoke = (answer: (channel: DesktopChannel) => Promise<unknown>) => {
  const calls: { channel: DesktopChannel; args: unknown[] }[] = [];
  const invoke: DesktopInvoke = (channel, ...args) => {
    calls.push({ channel, args });
    return answer(channel);
  };
  return { calls, invoke };
};

describe('buildDesktopApi', () => {
  it('exposes exactly one function per channel, grouped by domain, and nothing else', () => {
    const api = buildDesktopApi(recordingInvoke(async () => ok(null)).invoke);
    const exposed = Object.entries(api)
      .filter(([domain]) => domain !== 'events')
      .flatMap(([domain, group]) => Object.keys(group).map((verb) => `${domain}:${verb}`));
    expect(exposed.sort()).toEqual([...DESKTOP_CHANNELS].sort());
    expect(Object.keys(api.events).sort()).toEqual(Object.keys(DESKTOP_EVENT_SUBSCRIPTIONS).sort());
    for (const group of Object.values(api)) {
      for (const call of Object.values(group)) expect(typeof call).toBe('function');
    }
  });

  it('cannot be extended or modified by the page', () => {
    const api = buildDesktopApi(recordingInvoke(async () => ok(null)).invoke);
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.isFrozen(api.file)).toBe(true);
  });

  it('sends each call on its own channel with the arguments unchanged', async () => {
    const { calls, invoke } = recordingInvoke(async () => ok({ saved: false }));
    const api = buildDesktopApi(invoke);
    const bytes = new Uint8Array([7]);
    const result = await api.file.saveBundle({ suggestedName: 'a.pgb', bytes });
    expect(result).toEqual({ ok: true, value: { saved: false } });
    expect(calls).toEqual([
      { channel: 'file:saveBundle', args: [{ suggestedName: 'a.pgb', bytes }] },
    ]);
  });

  it('passes typed errors from the other side through', async () => {
    const error = { ok: false, error: { code: 'unsupported', message: '不支持' } };
    const api = buildDesktopApi(recordingInvoke(async () => error).invoke);
    expect(await api.file.reveal({ path: '/x' })).toEqual(error);
  });

  it('turns a rejected invoke (main process gone) into an ipcFailed value', async () => {
    const api = buildDesktopApi(
      recordingInvoke(async () => {
        throw new Error("Error invoking remote method 'app:getInfo': no handler");
      }).invoke,
    );
    const result = await api.app.getInfo();
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('ipcFailed');
      expect(result.error.message).not.toContain('Error invoking');
    }
  });

  it('turns a malformed response into an internal error instead of trusting it', async () => {
    const api = buildDesktopApi(recordingInvoke(async () => ({ version: '1.0' })).invoke);
    const result = await api.app.getInfo();
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('internal');
  });

  it('subscribes each event method to its own event and hands listeners the payload only', () => {
    const listeners = new Map<DesktopEvent, (payload: unknown) => void>();
    const unsubscribed: DesktopEvent[] = [];
    const api = buildDesktopApi(recordingInvoke(async () => ok(null)).invoke, (event, listener) => {
      listeners.set(event, listener);
      return () => unsubscribed.push(event);
    });
    const actions: string[] = [];
    const stop = api.events.onMenuAction(({ action }) => actions.push(action));
    expect([...listeners.keys()]).toEqual(['shell:menuAction']);
    listeners.get('shell:menuAction')?.({ action: 'backups' });
    expect(actions).toEqual(['backups']);
    stop();
    expect(unsubscribed).toEqual(['shell:menuAction']);
  });

  it('gives a browser (no subscribe function) events that never fire and unsubscribe quietly', () => {
    const api = buildDesktopApi(recordingInvoke(async () => ok(null)).invoke);
    const stop = api.events.onOpenBundles(() => {
      throw new Error('must not fire');
    });
    expect(() => stop()).not.toThrow();
  });
});
