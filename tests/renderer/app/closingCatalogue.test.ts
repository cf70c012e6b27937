// The strings of 结束评估 and 重新开启 exist in both catalogues for every key the screens name
// (the closing card and the read-only notices of a closed round elsewhere), and for both
// states of a sheet still owed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { en } from '../../../renderer/app/i18n/en';
import { zhCN } from '../../../renderer/app/i18n/zh-CN';

const FILES = [
  'renderer/features/secretariat/results/RoundClosingCard.tsx',
  'renderer/features/secretariat/results/ClosingBlockers.tsx',
  'renderer/features/secretariat/results/ClosedRoundBanner.tsx',
  'renderer/features/secretariat/results/DecisionDrawer.tsx',
  'renderer/features/secretariat/round/RoundSettingsTab.tsx',
  'renderer/features/secretariat/conflicts/ConflictsTab.tsx',
  'renderer/features/scoring/SheetWorkspace.tsx',
];

const lookup = (catalogue: object, path: string): unknown =>
  path.split('.').reduce<unknown>((node, key) => {
    return typeof node === 'object' && node !== null ? Reflect.get(node, key) : undefined;
  }, catalogue);

describe('closing strings', () => {
  it('exist in Chinese and English for every key the screens name', () => {
    const keys = new Set<string>();
    for (const file of FILES) {
      for (const match of readFileSync(file, 'utf8').matchAll(/'closing\.([a-zA-Z.]+)'/g)) {
        if (match[1]) keys.add(match[1]);
      }
    }
    expect(keys.size).toBeGreaterThanOrEqual(30);
    const missing = [...keys].filter(
      (key) =>
        typeof lookup(zhCN.closing, key) !== 'string' ||
        typeof lookup(en.closing, key) !== 'string',
    );
    expect(missing).toEqual([]);
  });

  it('name both states of a sheet still owed, Chinese first', () => {
    expect(zhCN.closing.states).toEqual({ missing: '未开始', draft: '草稿' });
    expect(Object.keys(en.closing.states).sort()).toEqual(['draft', 'missing']);
  });
});
