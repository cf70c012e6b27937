// Every string the 报告 tab and the printed report ask for exists in both catalogues, and the
// tab's refusal of the result bundle reads exactly as buildResultBundlePayload words it.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../../renderer/app/i18n/en';
import { zhCN } from '../../../renderer/app/i18n/zh-CN';

const REPORT_DIR = 'renderer/features/secretariat/report';

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

describe('report strings', () => {
  it('exist in Chinese and English for every key the screens use', () => {
    const keys = new Set<string>(['report.tab']);
    for (const file of sourceFiles(REPORT_DIR)) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z0-9.]+)'/g)) {
        if (match[1]) keys.add(match[1]);
      }
    }
    // Keys built at run time: conflict resolutions and evaluation types.
    for (const how of ['local', 'incoming', 'manual']) keys.add(`report.print.resolution.${how}`);
    for (const type of ['integration', 'periodic']) keys.add(`evaluationType.${type}`);
    for (const method of ['mean', 'median', 'zScore']) keys.add(`aggregation.${method}`);
    expect(keys.size).toBeGreaterThan(60);
    const missing = [...keys].filter(
      (key) => typeof lookup(zhCN, key) !== 'string' || typeof lookup(en, key) !== 'string',
    );
    expect(missing).toEqual([]);
  });

  it('refuse the result bundle in the words buildResultBundlePayload uses', () => {
    expect(zhCN.report.bundle.refused.replace('{{count}}', '2')).toBe(
      '本轮仍有 2 项评分冲突未处理，请处理后再生成结果包。',
    );
  });
});
