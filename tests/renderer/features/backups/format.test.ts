import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatTime,
  rosterTotals,
  sheetsWorthShowing,
} from '../../../../renderer/features/backups/format';
import type { ImportPreview, SheetPreview } from '../../../../renderer/db/bundles';

const counts = (added: number, changed: number, unchanged: number) => ({
  added,
  changed,
  unchanged,
});

const sheet = (sheetId: string, outcome: SheetPreview['outcome']): SheetPreview => ({
  sheetId,
  baseId: 'b',
  expertId: 'e',
  baseName: '基地',
  expertName: '专家',
  outcome,
});

describe('what the import preview shows', () => {
  it('adds the roster tables up into one line', () => {
    const roster = {
      rounds: counts(1, 0, 0),
      templates: counts(1, 0, 0),
      bases: counts(5, 1, 2),
      panels: counts(1, 0, 0),
      experts: counts(3, 0, 1),
      assignments: counts(10, 0, 0),
      addedExperts: [],
      addedBases: [],
      withdrawn: { bases: [], experts: [], assignments: 0, keptScored: 0 },
      changes: { items: [], voidedSheets: 0 },
    };
    expect(rosterTotals(roster)).toEqual({ added: 21, changed: 1, unchanged: 3 });
  });

  it('lists conflicts and refusals before new and unchanged sheets', () => {
    const group = (sheets: SheetPreview[]) => ({
      id: 'g',
      name: 'g',
      counts: { added: 0, updated: 0, unchanged: 0, conflicts: 0, refused: 0 },
      sheets,
    });
    const preview = {
      sheets: {
        byBase: [
          group([sheet('1', 'unchanged'), sheet('2', 'new')]),
          group([sheet('3', 'conflict'), sheet('4', 'refused')]),
        ],
      },
    } satisfies { sheets: Pick<NonNullable<ImportPreview['sheets']>, 'byBase'> };
    expect(sheetsWorthShowing(preview).map((s) => s.outcome)).toEqual([
      'conflict',
      'refused',
      'new',
      'unchanged',
    ]);
  });

  it('lists a voided sheet right after the refusals, before the plain new ones', () => {
    const voided = {
      ...sheet('5', 'new'),
      voided: { id: 'change-1', kind: 'replaceExpert' as const, reason: '专家因病无法继续评审' },
    };
    const preview = {
      sheets: {
        byBase: [
          {
            id: 'g',
            name: 'g',
            counts: { added: 0, updated: 0, unchanged: 0, conflicts: 0, refused: 0 },
            sheets: [sheet('1', 'new'), voided, sheet('2', 'refused'), sheet('3', 'updated')],
          },
        ],
      },
    };
    expect(sheetsWorthShowing(preview).map((s) => s.sheetId)).toEqual(['2', '5', '3', '1']);
  });

  it('writes sizes and times for people', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(114_483)).toBe('111.8 KB');
    expect(formatBytes(5 * 1024 * 1024)).toBe('5.0 MB');
    expect(formatTime('not a time', 'zh-CN')).toBe('not a time');
    expect(formatTime('2026-11-26T12:00:00Z', 'en')).toMatch(/2026/);
  });
});
