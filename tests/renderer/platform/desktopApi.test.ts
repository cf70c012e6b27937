import { afterEach, describe, expect, it } from 'vitest';
import { buildDesktopApi } from '../../../shared/ipc/buildDesktopApi';
import { ok } from '../../../shared/ipc/result';
import { getDesktopApi, selectDesktopApi } from '../../../renderer/platform/desktopApi';

const bridgedApi = () => buildDesktopApi(async () => ok(null));

afterEach(() => {
  Reflect.deleteProperty(globalThis, 'window');
});

describe('choosing the DesktopApi', () => {
  it('uses the Electron bridge when the preload exposed one', () => {
    const bridged = bridgedApi();
    let isBrowserCreated = false;
    expect(
      selectDesktopApi(bridged, () => {
        isBrowserCreated = true;
        return bridgedApi();
      }),
    ).toBe(bridged);
    expect(isBrowserCreated).toBe(false);
  });

  it('falls back to the browser implementation without a bridge', () => {
    const browser = bridgedApi();
    expect(selectDesktopApi(undefined, () => browser)).toBe(browser);
  });

  it('returns window.pinggu in Electron', () => {
    const bridged = bridgedApi();
    Object.defineProperty(globalThis, 'window', { value: { pinggu: bridged }, configurable: true });
    expect(getDesktopApi()).toBe(bridged);
  });
});
