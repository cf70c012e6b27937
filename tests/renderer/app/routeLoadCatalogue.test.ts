// The screen-loading boundary's messages exist in both catalogues, and the failure message
// is Chinese by default.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { en } from '../../../renderer/app/i18n/en';
import { zhCN } from '../../../renderer/app/i18n/zh-CN';

describe('screen-loading strings', () => {
  it('exist in Chinese and English for every key the boundary uses', () => {
    const source = readFileSync('renderer/app/RouteBoundary.tsx', 'utf8');
    const keys = [...source.matchAll(/'routeLoad\.([a-zA-Z]+)'/g)].map((match) => match[1] ?? '');
    expect(keys.length).toBeGreaterThanOrEqual(6);
    const missing = keys.filter(
      (key) =>
        typeof Reflect.get(zhCN.routeLoad, key) !== 'string' ||
        typeof Reflect.get(en.routeLoad, key) !== 'string',
    );
    expect(missing).toEqual([]);
  });

  it('tell the user in Chinese to reload when a screen could not be loaded', () => {
    expect(zhCN.routeLoad.chunkFailedTitle).toBe('页面文件未能加载');
    expect(zhCN.routeLoad.reload).toBe('重新加载');
  });
});
