// Cutting the files of a batch into groups of one transaction each (batchImport.ts).
import { describe, expect, it } from 'vitest';
import { groupsUpTo } from '../../../../renderer/db/bundles/batchImport';

const size = (n: number) => n;

describe('groupsUpTo', () => {
  it('fills each group up to the limit, in order', () => {
    // 4 + 5 = 9 ≤ 10; 9 + 3 > 10, so 3 starts the next; 3 + 7 = 10.
    expect(groupsUpTo([4, 5, 3, 7], size, 10)).toEqual([
      [4, 5],
      [3, 7],
    ]);
  });

  it('puts an item larger than the limit in a group of its own', () => {
    expect(groupsUpTo([2, 15, 2], size, 10)).toEqual([[2], [15], [2]]);
  });

  it('keeps an item said to stand alone apart from its neighbours', () => {
    const alone = (n: number) => n === 0;
    expect(groupsUpTo([1, 1, 0, 1, 0, 0], size, 10, alone)).toEqual([[1, 1], [0], [1], [0], [0]]);
  });

  it('gives no group for no items', () => {
    expect(groupsUpTo([], size, 10)).toEqual([]);
  });
});
