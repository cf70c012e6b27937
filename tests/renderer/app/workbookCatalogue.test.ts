// The strings of the Excel scoresheet screens exist in Chinese and English for every key they
// name (export section, batch pick button and preview row, the chair's import, the preview).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { en } from '../../../renderer/app/i18n/en';
import { zhCN } from '../../../renderer/app/i18n/zh-CN';

const FILES = [
  'renderer/features/secretariat/exchange/WorkbookExportSection.tsx',
  'renderer/features/secretariat/exchange/WorkbookPickButton.tsx',
  'renderer/features/secretariat/exchange/BatchPreviewTable.tsx',
  'renderer/features/scoring/workbook/WorkbookImportButton.tsx',
  'renderer/features/workbook/WorkbookPreviewView.tsx',
];

const lookup = (catalogue: object, path: string): unknown =>
  path.split('.').reduce<unknown>((node, key) => {
    return typeof node === 'object' && node !== null ? Reflect.get(node, key) : undefined;
  }, catalogue);

describe('Excel scoresheet strings', () => {
  it('exist in Chinese and English for every key the screens name, and every state', () => {
    const keys = new Set<string>([
      'preview.states.submitted',
      'preview.states.draft',
      'preview.states.recused',
    ]);
    for (const file of FILES) {
      for (const match of readFileSync(file, 'utf8').matchAll(/'workbook\.([a-zA-Z.]+)'/g)) {
        if (match[1]) keys.add(match[1]);
      }
    }
    expect(keys.size).toBeGreaterThanOrEqual(25);
    const missing = [...keys].filter(
      (key) =>
        typeof lookup(zhCN.workbook, key) !== 'string' ||
        typeof lookup(en.workbook, key) !== 'string',
    );
    expect(missing).toEqual([]);
  });
});
