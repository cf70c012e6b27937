// The forgotten-PIN reset's strings exist in both catalogues, and every refusal the domain
// can give has a message the dialog can show.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { en } from '../../../renderer/app/i18n/en';
import { zhCN } from '../../../renderer/app/i18n/zh-CN';
import { PIN_RESET_REFUSALS, PIN_RESET_REFUSAL_TEXT } from '../../../shared/domain/pinReset';

const FILES = [
  'renderer/features/scoring/PinResetDialog.tsx',
  'renderer/features/scoring/PinDialogs.tsx',
];

describe('forgotten-PIN reset strings', () => {
  it('exist in Chinese and English for every key the dialogs name', () => {
    const keys = new Set<string>();
    for (const file of FILES) {
      for (const match of readFileSync(file, 'utf8').matchAll(/'pinReset\.([a-zA-Z]+)'/g)) {
        if (match[1]) keys.add(match[1]);
      }
    }
    expect(keys.size).toBeGreaterThanOrEqual(10);
    const missing = [...keys].filter(
      (key) =>
        typeof Reflect.get(zhCN.pinReset, key) !== 'string' ||
        typeof Reflect.get(en.pinReset, key) !== 'string',
    );
    expect(missing).toEqual([]);
  });

  it('explain every refusal, in Chinese exactly as the repository reports it', () => {
    for (const refusal of PIN_RESET_REFUSALS) {
      expect(zhCN.pinReset.refusals[refusal]).toBe(PIN_RESET_REFUSAL_TEXT[refusal]);
      expect(zhCN.pinReset.refusals[refusal]).toMatch(/[\u4e00-\u9fa5]/);
      expect(en.pinReset.refusals[refusal]).toMatch(/^[A-Z]/);
    }
    expect(zhCN.pinReset.forgot).toBe('忘记 PIN？');
  });
});
