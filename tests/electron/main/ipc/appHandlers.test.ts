import { describe, expect, it } from 'vitest';
import { createAppHandlers } from '../../../../electron/main/ipc/appHandlers';
import { DESKTOP_CONTRACT } from '../../../../shared/ipc/contract';

describe('app:getInfo in Electron', () => {
  it('reports the electron platform with its data folder, matching the contract', async () => {
    const handlers = createAppHandlers({
      version: '0.1.0',
      dataFolder: '/home/u/.config/评估通',
      isPackaged: true,
    });
    const result = await handlers['app:getInfo']();
    expect(result).toEqual({
      ok: true,
      value: {
        version: '0.1.0',
        platform: 'electron',
        dataFolder: '/home/u/.config/评估通',
        isPackaged: true,
      },
    });
    if (result.ok)
      expect(DESKTOP_CONTRACT['app:getInfo'].result.safeParse(result.value).success).toBe(true);
  });
});

describe('the renderer’s lifecycle calls', () => {
  it('tell main the renderer listens and that its quit backup is done', async () => {
    const calls: string[] = [];
    const handlers = createAppHandlers(
      { version: '0.1.0', dataFolder: '/data', isPackaged: true },
      {
        onRendererReady: () => calls.push('ready'),
        onReadyToQuit: (requestId) => calls.push(`quit ${requestId}`),
      },
    );
    expect(await handlers['app:rendererReady']()).toEqual({ ok: true, value: null });
    expect(await handlers['app:readyToQuit']({ requestId: 'r-1' })).toEqual({
      ok: true,
      value: null,
    });
    expect(calls).toEqual(['ready', 'quit r-1']);
  });
});
