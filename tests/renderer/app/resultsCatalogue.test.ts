// Every string the progress, conflicts and results tabs ask for exists in both catalogues,
// including the keys built from domain codes, and the English strings fill in the same
// values as the Chinese ones.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../../renderer/app/i18n/en';
import { zhCN } from '../../../renderer/app/i18n/zh-CN';
import { AGGREGATION_METHODS } from '../../../shared/domain/aggregation';
import { EXPECTED_STATES } from '../../../shared/secretariat/completeness';
import { SHEET_FIELDS } from '../../../shared/secretariat/conflictView';
import { RESULT_FLAGS } from '../../../shared/secretariat/resultsView';

const DIRS = ['progress', 'conflicts', 'results'].map((d) => `renderer/features/secretariat/${d}`);

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

function leaves(node: unknown, prefix = ''): [string, string][] {
  if (typeof node === 'string') return [[prefix, node]];
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node).flatMap(([key, value]) =>
    leaves(value, prefix ? `${prefix}.${key}` : key),
  );
}

const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? '').sort();

describe('secretariat results strings', () => {
  it('exist in Chinese and English for every literal and code-built key the tabs use', () => {
    const keys = new Set<string>();
    for (const file of DIRS.flatMap(sourceFiles)) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z0-9.]+)'/g)) {
        if (match[1]) keys.add(match[1]);
      }
    }
    expect(keys.size).toBeGreaterThan(100);
    const built = [
      ...EXPECTED_STATES.map((s) => `results.states.${s}`),
      ...['local', 'incoming', 'manual'].map((c) => `results.conflicts.choices.${c}`),
      ...SHEET_FIELDS.map((f) => `results.conflicts.fields.${f}`),
      ...AGGREGATION_METHODS.map((m) => `results.table.methodShort.${m}`),
      ...AGGREGATION_METHODS.map((m) => `aggregation.${m}`),
      ...RESULT_FLAGS.map((f) => `results.table.flags.${f}`),
      ...['excellentOverCeiling', 'rectifyOrFailUnderFloor'].map((q) => `results.table.quota.${q}`),
      ...['targetMerged', 'targetRevoked'].map((c) => `results.decision.caution.${c}`),
    ];
    for (const key of [...keys, ...built]) {
      expect(typeof lookup(zhCN, key), key).toBe('string');
      expect(typeof lookup(en, key), key).toBe('string');
    }
  });

  it('uses the same placeholders in English as in Chinese', () => {
    const english = new Map(leaves(en.results));
    for (const [key, chinese] of leaves(zhCN.results)) {
      expect(placeholders(english.get(key) ?? ''), key).toEqual(placeholders(chinese));
    }
  });
});
