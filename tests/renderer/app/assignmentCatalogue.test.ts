// Every string the 分组与回避 screens ask for exists in both catalogues, including the keys
// they build from codes (cell states, conflict kinds and sources, notices).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../../renderer/app/i18n/en';
import { zhCN } from '../../../renderer/app/i18n/zh-CN';
import { RECUSAL_SOURCES } from '../../../shared/bundle/enums';

const DIR = 'renderer/features/secretariat/assignment';

function lookup(catalogue: unknown, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>(
      (node, part) =>
        typeof node === 'object' && node !== null ? Reflect.get(node, part) : undefined,
      catalogue,
    );
}

const missingFrom = (keys: readonly string[]) =>
  keys.filter(
    (key) => typeof lookup(zhCN, key) !== 'string' || typeof lookup(en, key) !== 'string',
  );

describe('assignment strings', () => {
  it('exist in Chinese and English for every literal key the screens use', () => {
    const keys = new Set<string>();
    for (const name of readdirSync(DIR)) {
      const text = readFileSync(join(DIR, name), 'utf8');
      for (const match of text.matchAll(/\bt\(\s*'([a-zA-Z0-9.]+)'/g)) {
        if (match[1]) keys.add(match[1]);
      }
    }
    expect(keys.size).toBeGreaterThan(40);
    expect(missingFrom([...keys])).toEqual([]);
  });

  it('exist for every key built from a code', () => {
    const built = [
      ...['assigned', 'conflict', 'violation', 'recused', 'none'].map(
        (s) => `assignment.matrix.states.${s}`,
      ),
      ...['institution', 'declared'].map((k) => `assignment.matrix.kinds.${k}`),
      ...RECUSAL_SOURCES.map((s) => `assignment.conflicts.sources.${s}`),
      ...['statusRecused', 'statusViolation', 'statusPending', 'statusOtherPanel'].map(
        (s) => `assignment.conflicts.${s}`,
      ),
      ...[
        'bundlesIssued',
        'startedSheetsRecused',
        'declarationsDropped',
        'startedOutsidePanel',
      ].map((n) => `assignment.notices.${n}`),
      ...['add', 'remove', 'declare'].map((a) => `assignment.matrix.${a}`),
      'assignment.tab',
    ];
    expect(missingFrom(built)).toEqual([]);
  });
});
