// The strings of the round list on the home page, the round started from the department's
// registry bundle and the registry's lines in 历年评估 exist in both catalogues for every key
// the screens name, and for both purposes a registry bundle can have.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { en } from '../../../renderer/app/i18n/en';
import { zhCN } from '../../../renderer/app/i18n/zh-CN';
import type { RegistrySelection } from '../../../shared/registry/types';

const FILES = [
  'renderer/features/home/HomePage.tsx',
  'renderer/features/home/AllRoundsCard.tsx',
  'renderer/features/secretariat/round/NewRoundWizard.tsx',
  'renderer/features/secretariat/round/RegistrySourceStep.tsx',
  'renderer/features/dashboard/HistoryPanel.tsx',
];

const PURPOSES: readonly RegistrySelection['purpose'][] = ['periodic', 'followUp'];

const lookup = (catalogue: object, path: string): unknown =>
  path.split('.').reduce<unknown>((node, key) => {
    return typeof node === 'object' && node !== null ? Reflect.get(node, key) : undefined;
  }, catalogue);

describe('cycle strings', () => {
  it('exist in Chinese and English for every key the screens name', () => {
    const keys = new Set<string>(PURPOSES.map((p) => `fromRegistry.purposes.${p}`));
    for (const file of FILES) {
      for (const match of readFileSync(file, 'utf8').matchAll(/'cycle\.([a-zA-Z.]+)'/g)) {
        if (match[1]) keys.add(match[1]);
      }
    }
    expect(keys.size).toBeGreaterThanOrEqual(40);
    const missing = [...keys].filter(
      (key) =>
        typeof lookup(zhCN.cycle, key) !== 'string' || typeof lookup(en.cycle, key) !== 'string',
    );
    expect(missing).toEqual([]);
  });
});
