// Every scoring string the screens ask for exists in both catalogues, and the Chinese
// score refusals read exactly as the domain's checkScoreValue writes them.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../../renderer/app/i18n/en';
import { zhCN } from '../../../renderer/app/i18n/zh-CN';
import { checkScoreValue } from '../../../shared/domain/scoresheetTotals';

const SCORING_DIR = 'renderer/features/scoring';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

function lookup(catalogue: unknown, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>(
      (node, part) =>
        typeof node === 'object' && node !== null ? Reflect.get(node, part) : undefined,
      catalogue,
    );
}

const fill = (text: string, values: Record<string, string | number>): string =>
  text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ''));

describe('scoring strings', () => {
  it('exist in Chinese and English for every literal key the screens use', () => {
    const keys = new Set<string>();
    for (const file of sourceFiles(SCORING_DIR)) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z0-9.]+)'/g)) {
        if (match[1]) keys.add(match[1]);
      }
    }
    expect(keys.size).toBeGreaterThan(50);
    const missing = [...keys].filter(
      (key) => typeof lookup(zhCN, key) !== 'string' || typeof lookup(en, key) !== 'string',
    );
    expect(missing).toEqual([]);
  });

  it("say a refused score in Chinese exactly as the domain's checkScoreValue does", () => {
    for (const value of [Number.NaN, -1, 12, 7.3]) {
      const check = checkScoreValue(value, 10);
      if (check.ok) throw new Error('expected a refusal');
      expect(fill(zhCN.scoring.scoreErrors[check.code], { max: 10 })).toBe(check.message);
    }
  });
});
