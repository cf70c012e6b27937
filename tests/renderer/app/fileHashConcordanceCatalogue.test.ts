// The file-fingerprint and Kendall's W strings exist in both catalogues for every key the
// screens use, including the keys built from a reading or a reason code.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ConcordanceGap, ConcordanceReading } from '../../../shared/charts/panelConcordance';
import { en } from '../../../renderer/app/i18n/en';
import { zhCN } from '../../../renderer/app/i18n/zh-CN';

const lookUp = (catalogue: object, path: string): unknown =>
  path.split('.').reduce<unknown>((node, key) => {
    if (typeof node !== 'object' || node === null) return undefined;
    return Reflect.get(node, key);
  }, catalogue);

function keysIn(files: readonly string[], area: string): string[] {
  const pattern = new RegExp(`'(${area}\\.[a-zA-Z.]+)'`, 'g');
  return files.flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(pattern)].map((match) => match[1] ?? ''),
  );
}

function missingKeys(keys: readonly string[]): string[] {
  return keys.filter(
    (key) => typeof lookUp(zhCN, key) !== 'string' || typeof lookUp(en, key) !== 'string',
  );
}

describe('file fingerprint and concordance strings', () => {
  it('exist in Chinese and English for every fileHash key the screens use', () => {
    const keys = keysIn(
      [
        'renderer/app/components/FileHashText.tsx',
        'renderer/features/secretariat/exchange/PrintHandoverPage.tsx',
        'renderer/features/secretariat/exchange/IssueSection.tsx',
        'renderer/features/backups/ImportPreviewView.tsx',
      ],
      'fileHash',
    );
    expect(keys.length).toBeGreaterThanOrEqual(7);
    expect(missingKeys(keys)).toEqual([]);
  });

  it('exist for every concordance key, every reading and every reason W cannot be computed', () => {
    const readings: ConcordanceReading[] = ['good', 'fair', 'poor'];
    const gaps: ConcordanceGap[] = ['noRatings', 'tooFewExperts', 'tooFewBases', 'allTied'];
    const keys = [
      ...keysIn(['renderer/features/dashboard/PanelConcordanceTable.tsx'], 'concordance'),
      ...readings.map((reading) => `concordance.readings.${reading}`),
      ...gaps.map((gap) => `concordance.gaps.${gap}`),
    ];
    expect(keys.length).toBeGreaterThanOrEqual(15);
    expect(missingKeys(keys)).toEqual([]);
  });

  it('say in Chinese when W cannot be computed and what to compare an opened bundle with', () => {
    expect(zhCN.concordance.notComputable).toBe('无法计算');
    expect(zhCN.concordance.readings).toEqual({
      good: '一致性较好',
      fair: '一致性一般',
      poor: '一致性较差',
    });
    expect(zhCN.fileHash.openedCompare).toContain('交接单');
  });
});
