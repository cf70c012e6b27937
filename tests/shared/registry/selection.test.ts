// Choosing the bases of the next round from the registry: the filters, the rectifications
// that fall due, and the follow-up round (复评). Revoked and merged bases never go out.
import { describe, expect, it } from 'vitest';
import { followUpSelection, selectBases } from '../../../shared/registry/selection';
import type { RegistrySelection } from '../../../shared/registry/types';
import { buildRegistryBase, stateOf } from '../../helpers/registryBuilders';

const state = stateOf([
  buildRegistryBase('A-01', { type: 'A1', category: 'A', city: '沈阳', yearEstablished: 2008 }),
  buildRegistryBase('B-01', { type: 'B1', city: '大连', yearEstablished: 2012 }),
  buildRegistryBase('B-02', { type: 'B4', city: '沈阳', yearEstablished: 2016 }),
  buildRegistryBase('B-03', {
    type: 'B4',
    city: '鞍山',
    yearEstablished: 2019,
    status: 'rectifying',
    rectifyUntil: '2025-07-15',
  }),
  buildRegistryBase('B-04', {
    type: 'B5',
    city: '大连',
    yearEstablished: 2020,
    status: 'rectifying',
    rectifyUntil: '2026-03-31',
  }),
  buildRegistryBase('B-05', { type: 'B4', city: '沈阳', status: 'revoked' }),
  buildRegistryBase('B-06', { type: 'B4', city: '沈阳', status: 'merged', mergedInto: 'B-02' }),
  buildRegistryBase('C-01', { type: 'C1', category: 'C', city: '锦州', yearEstablished: 2014 }),
]);

const codes = (selection: RegistrySelection): string[] =>
  selectBases(state, selection).map((b) => b.code);

describe('selectBases', () => {
  it('a periodic round without filters takes every base on the list, never revoked or merged', () => {
    expect(codes({ purpose: 'periodic' })).toEqual([
      'A-01',
      'B-01',
      'B-02',
      'B-03',
      'B-04',
      'C-01',
    ]);
  });

  it('filters by category, type, city and approval year, all at once', () => {
    expect(codes({ purpose: 'periodic', categories: ['B'] })).toEqual([
      'B-01',
      'B-02',
      'B-03',
      'B-04',
    ]);
    expect(codes({ purpose: 'periodic', types: ['B4', 'C1'] })).toEqual(['B-02', 'B-03', 'C-01']);
    expect(codes({ purpose: 'periodic', cities: ['沈阳'] })).toEqual(['A-01', 'B-02']);
    expect(codes({ purpose: 'periodic', yearFrom: 2012, yearTo: 2016 })).toEqual([
      'B-01',
      'B-02',
      'C-01',
    ]);
    expect(
      codes({ purpose: 'periodic', categories: ['B'], cities: ['大连'], yearTo: 2015 }),
    ).toEqual(['B-01']);
  });

  it('a periodic round adds the rectifications due by the date, even outside its filters', () => {
    const selection: RegistrySelection = {
      purpose: 'periodic',
      categories: ['A'],
      rectifyDueBy: '2025-07-15',
    };
    expect(codes(selection)).toEqual(['A-01', 'B-03']);
    expect(codes({ ...selection, rectifyDueBy: '2025-07-14' })).toEqual(['A-01']);
    expect(codes({ ...selection, rectifyDueBy: '2026-12-31' })).toEqual(['A-01', 'B-03', 'B-04']);
  });

  it('a follow-up round takes only the rectifications due (all of them without a date)', () => {
    expect(codes({ purpose: 'followUp', rectifyDueBy: '2025-12-31' })).toEqual(['B-03']);
    expect(codes({ purpose: 'followUp' })).toEqual(['B-03', 'B-04']);
    expect(codes({ purpose: 'followUp', cities: ['大连'] })).toEqual(['B-04']);
    expect(codes({ purpose: 'followUp', rectifyDueBy: '2025-01-01' })).toEqual([]);
  });
});

describe('followUpSelection', () => {
  it('is the follow-up of every rectification due by today', () => {
    expect(followUpSelection('2025-07-15')).toEqual({
      purpose: 'followUp',
      rectifyDueBy: '2025-07-15',
    });
    // 2025-07-15 17:00 UTC is already 16 July in Beijing.
    expect(followUpSelection('2025-07-15T17:00:00.000Z').rectifyDueBy).toBe('2025-07-16');
    expect(codes(followUpSelection('2026-03-31'))).toEqual(['B-03', 'B-04']);
  });

  it('refuses a day that is not a date', () => {
    expect(() => followUpSelection('明天')).toThrow('不是有效的日期：明天');
  });
});
