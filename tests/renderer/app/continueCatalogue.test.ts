// The strings of 在本机继续 exist in both catalogues for every key its screens name, and for
// every state, outcome and kind of file the preview shows.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { en } from '../../../renderer/app/i18n/en';
import { zhCN } from '../../../renderer/app/i18n/zh-CN';

const FILES = [
  'renderer/features/scoring/continue/ContinueHereButton.tsx',
  'renderer/features/scoring/continue/ContinueDialogs.tsx',
  'renderer/features/scoring/continue/ContinuePreviewView.tsx',
];

const lookup = (catalogue: object, path: string): unknown =>
  path.split('.').reduce<unknown>((node, key) => {
    return typeof node === 'object' && node !== null ? Reflect.get(node, key) : undefined;
  }, catalogue);

describe('在本机继续 strings', () => {
  it('exist in Chinese and English for every key the screens name', () => {
    const keys = new Set<string>();
    for (const file of FILES) {
      for (const match of readFileSync(file, 'utf8').matchAll(/'continue\.([a-zA-Z.]+)'/g)) {
        if (match[1]) keys.add(match[1]);
      }
    }
    expect(keys.size).toBeGreaterThanOrEqual(15);
    const missing = [...keys].filter(
      (key) =>
        typeof lookup(zhCN.continue, key) !== 'string' ||
        typeof lookup(en.continue, key) !== 'string',
    );
    expect(missing).toEqual([]);
  });

  it('name every state, outcome and kind of file, Chinese first', () => {
    const groups = {
      states: ['draft', 'submitted', 'recused'],
      outcomes: ['continue', 'replaceOlder', 'alreadyHere', 'newerHere', 'refused'],
      kinds: ['scores', 'backup'],
    };
    for (const [group, names] of Object.entries(groups)) {
      for (const name of names) {
        expect(lookup(zhCN.continue, `${group}.${name}`)).toMatch(/[\u4e00-\u9fa5]/);
        expect(lookup(en.continue, `${group}.${name}`)).toMatch(/^[A-Z]/);
      }
    }
    expect(zhCN.continue.button).toBe('在本机继续…');
  });
});
