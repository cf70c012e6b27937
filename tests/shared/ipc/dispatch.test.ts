import { describe, expect, it } from 'vitest';
import type { DesktopChannel, DesktopHandlers } from '../../../shared/ipc/contract';
import { createLocalInvoke, dispatchDesktopCall } from '../../../shared/ipc/dispatch';
import { fail, ok } from '../../../shared/ipc/result';
import { stubHandlers } from '../../helpers/stubHandlers';

const handlersThatRecord = () => {
  const ran: DesktopChannel[] = [];
  const handlers: DesktopHandlers = {
    ...stubHandlers(),
    'app:getInfo': async () => {
      ran.push('app:getInfo');
      return ok({ version: '0.0.0', platform: 'browser', dataFolder: null, isPackaged: false });
    },
    'file:openBundles': async () => {
      ran.push('file:openBundles');
      throw new Error('disk exploded at /home/clerk/secret.pgb');
    },
    'file:saveBundle': async () => {
      ran.push('file:saveBundle');
      return ok({ saved: false });
    },
    'file:saveReport': async () => {
      ran.push('file:saveReport');
      return ok({ saved: false });
    },
    'file:reveal': async () => {
      ran.push('file:reveal');
      return fail('unsupported', '不支持');
    },
    'device:getIdentity': async () => {
      ran.push('device:getIdentity');
      return ok({ publicKey: '', fingerprint: '', createdAt: '' });
    },
    'device:signManifest': async () => {
      ran.push('device:signManifest');
      return ok({ signature: new Uint8Array(64) });
    },
  };
  return { ran, handlers };
};

describe('dispatching a desktop call', () => {
  it('never runs the handler when the arguments break the contract', async () => {
    const { ran, handlers } = handlersThatRecord();
    const result = await dispatchDesktopCall(
      handlers,
      'file:saveBundle',
      [{ suggestedName: '../../x.pgb', bytes: new Uint8Array() }],
      () => undefined,
    );
    expect(result.ok).toBe(false);
    expect(ran).toEqual([]);
  });

  it('returns an internal error value, without the message or stack, when a handler throws', async () => {
    const { handlers } = handlersThatRecord();
    const logged: unknown[] = [];
    const result = await dispatchDesktopCall(
      handlers,
      'file:openBundles',
      [{ multi: true, folders: false }],
      (_channel, error) => logged.push(error),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('internal');
      expect(JSON.stringify(result)).not.toContain('secret.pgb');
      expect(JSON.stringify(result)).not.toContain('exploded');
    }
    expect(logged).toHaveLength(1);
  });

  it('lets a local invoke reach the handler with validated arguments', async () => {
    const { ran, handlers } = handlersThatRecord();
    const invoke = createLocalInvoke(handlers, () => undefined);
    expect(await invoke('app:getInfo')).toMatchObject({ ok: true });
    expect(ran).toEqual(['app:getInfo']);
  });
});
