import { describe, expect, it } from 'vitest';
import { rankBases, rankWithin } from '../../../shared/domain/ranking';
import type { BaseTypeCode } from '../../../shared/domain/types';

const entries = (ranks: Map<string, number | null>) => [...ranks];

describe('rankWithin', () => {
  const items = [
    { id: 'c', score: 85 },
    { id: 'a', score: 90 },
    { id: 'd', score: 80 },
    { id: 'b', score: 85 },
  ];

  it('gives tied scores the same rank and skips the next (1, 2, 2, 4) by default', () => {
    expect(entries(rankWithin(items))).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 2],
      ['d', 4],
    ]);
  });

  it('ranks densely (1, 2, 2, 3) when asked', () => {
    expect(entries(rankWithin(items, 'dense'))).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 2],
      ['d', 3],
    ]);
  });

  it('leaves bases without a score unranked and lists them last, by id', () => {
    const ranks = rankWithin([
      { id: 'z', score: null },
      { id: 'y', score: 70 },
      { id: 'x', score: Number.NaN },
    ]);
    expect(entries(ranks)).toEqual([
      ['y', 1],
      ['x', null],
      ['z', null],
    ]);
  });

  it('does not let 0.1 + 0.2 style float noise break a tie', () => {
    // (0.1 + 0.2) * 100 = 30.000000000000004, which must tie with 30
    const ranks = rankWithin([
      { id: 'p', score: (0.1 + 0.2) * 100 },
      { id: 'q', score: 30 },
      { id: 'r', score: 29.99 },
    ]);
    expect(entries(ranks)).toEqual([
      ['p', 1],
      ['q', 1],
      ['r', 3],
    ]);
  });

  it('refuses duplicate ids', () => {
    expect(() =>
      rankWithin([
        { id: 'a', score: 1 },
        { id: 'a', score: 2 },
      ]),
    ).toThrow(RangeError);
  });
});

describe('rankBases', () => {
  const bases: { id: string; type: BaseTypeCode }[] = [
    { id: 'lab1', type: 'A1' },
    { id: 'lab2', type: 'A1' },
    { id: 'lab3', type: 'A1' },
    { id: 'erc1', type: 'B1' },
    { id: 'stc1', type: 'B4' },
    { id: 'stc2', type: 'B4' },
    { id: 'plat1', type: 'C2' },
  ];
  const aggregates = [
    { baseId: 'lab1', value: 88 },
    { baseId: 'lab2', value: 92 },
    { baseId: 'lab3', value: null },
    { baseId: 'erc1', value: 81 },
    { baseId: 'stc1', value: 86 },
    { baseId: 'stc2', value: 79 },
    { baseId: 'other-round-base', value: 99 },
  ];

  it('ranks within the type and within the category (B1 and B4 together in 技术创新与成果转化类)', () => {
    const ranks = rankBases(aggregates, bases);
    expect(ranks.get('stc1')).toEqual({
      type: 'B4',
      category: 'B',
      rankInType: 1,
      rankInCategory: 1,
      typeCount: 2,
      categoryCount: 3,
    });
    expect(ranks.get('erc1')).toEqual({
      type: 'B1',
      category: 'B',
      rankInType: 1,
      rankInCategory: 2,
      typeCount: 1,
      categoryCount: 3,
    });
    expect(ranks.get('stc2')).toMatchObject({ rankInType: 2, rankInCategory: 3 });
    expect(ranks.get('plat1')).toEqual({
      type: 'C2',
      category: 'C',
      rankInType: null,
      rankInCategory: null,
      typeCount: 0,
      categoryCount: 0,
    });
  });

  it('leaves a base without a score unranked and out of the counts', () => {
    const ranks = rankBases(aggregates, bases);
    expect(ranks.get('lab2')).toMatchObject({ rankInType: 1, typeCount: 2, categoryCount: 2 });
    expect(ranks.get('lab3')).toMatchObject({ rankInType: null, rankInCategory: null });
    expect(ranks.has('other-round-base')).toBe(false);
  });

  it('lists bases by type, then in display order', () => {
    expect([...rankBases(aggregates, bases).keys()]).toEqual([
      'lab2',
      'lab1',
      'lab3',
      'erc1',
      'stc1',
      'stc2',
      'plat1',
    ]);
  });

  it('passes the tie rule through to both rankings', () => {
    const tied = [
      { baseId: 'lab1', value: 90 },
      { baseId: 'lab2', value: 90 },
      { baseId: 'lab3', value: 70 },
    ];
    const labs = bases.filter((b) => b.type === 'A1');
    expect(rankBases(tied, labs).get('lab3')?.rankInType).toBe(3);
    expect(rankBases(tied, labs, 'dense').get('lab3')?.rankInCategory).toBe(2);
  });
});
