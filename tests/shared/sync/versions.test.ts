import { describe, expect, it } from 'vitest';
import {
  bumpVersion,
  compareVectors,
  compareVersions,
  effectiveVersions,
  mergeVersions,
  supersedes,
} from '../../../shared/sync/versions';
import { edit, freshSheet, laptop } from '../../helpers/syncBuilders';

describe('version vectors', () => {
  it('reads older sheets without a vector as their last device at their revision', () => {
    const { versions: _none, ...legacy } = freshSheet({ revision: 4, deviceId: 'laptop-2' });
    expect(effectiveVersions(legacy)).toEqual({ 'laptop-2': 4 });
    const { versions: _again, ...created } = freshSheet();
    expect(effectiveVersions(created)).toEqual({});
  });

  it('counts one more edit for the editing device, starting from an older sheet’s reading', () => {
    const { versions: _none, ...legacy } = freshSheet({ revision: 4, deviceId: 'laptop-1' });
    expect(bumpVersion(legacy, 'laptop-1')).toEqual({ 'laptop-1': 5 });
    expect(bumpVersion(legacy, 'laptop-2')).toEqual({ 'laptop-1': 4, 'laptop-2': 1 });
    expect(bumpVersion(freshSheet({ versions: { a: 2, b: 1 } }), 'b')).toEqual({ a: 2, b: 2 });
  });

  it('merges pointwise and orders vectors by pointwise comparison', () => {
    expect(mergeVersions({ a: 2, b: 1 }, { b: 3, c: 1 })).toEqual({ a: 2, b: 3, c: 1 });
    expect(compareVectors({ a: 2, b: 1 }, { a: 2, b: 1, c: 0 })).toBe('equal');
    expect(compareVectors({ a: 2, b: 1 }, { a: 1 })).toBe('descends');
    expect(compareVectors({ a: 1 }, { a: 2, b: 1 })).toBe('ancestor');
    expect(compareVectors({ a: 2 }, { b: 1 })).toBe('concurrent');
  });

  it('keeps a "__proto__" device id as plain data', () => {
    const merged = mergeVersions(JSON.parse('{"__proto__": 2}') as Record<string, number>, {});
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
    expect(Object.keys(merged)).toEqual(['__proto__']);
  });
});

describe('compareVersions: does one copy descend from the other?', () => {
  const one = laptop('laptop-1');
  const two = laptop('laptop-2');
  const created = freshSheet();
  const scored = edit(created, one, { scores: { 'A1.1.1': 8 } });
  const onOne = edit(scored, one, { scores: { 'A1.1.1': 9 } });
  const onTwo = edit(scored, two, { overallComment: '运行良好' });

  it('finds the later edits of one sheet, on one laptop or after an exchange', () => {
    expect(compareVersions(onOne, scored)).toBe('descends');
    expect(compareVersions(scored, onOne)).toBe('ancestor');
    expect(compareVersions(onTwo, created)).toBe('descends');
    expect(compareVersions(onOne, { ...onOne })).toBe('equal');
    expect(supersedes(onOne, scored)).toBe(true);
    expect(supersedes(scored, onOne)).toBe(false);
  });

  it('calls edits made on two laptops from the same copy concurrent', () => {
    expect(compareVersions(onOne, onTwo)).toBe('concurrent');
  });

  it('calls two copies with the same counters but different content concurrent', () => {
    expect(compareVersions(onOne, { ...onOne, scores: { 'A1.1.1': 3 } })).toBe('concurrent');
  });

  it('never relates the histories of two sheets that two laptops created under different ids', () => {
    const other = edit(freshSheet({ id: 'sheet-9', deviceId: 'laptop-1' }), one, {
      scores: { 'A1.1.1': 1 },
    });
    // Both have "laptop-1: 1", but they are different edits.
    expect(compareVersions(scored, other)).toBe('concurrent');
  });

  it('lets any copy that says something supersede an untouched draft created under another id', () => {
    const untouched = freshSheet({ id: 'sheet-9', deviceId: 'laptop-2' });
    expect(compareVersions(scored, untouched)).toBe('descends');
    expect(compareVersions(untouched, freshSheet())).toBe('equal');
  });

  it('never lets a sheet recused at creation under another id be superseded silently', () => {
    const recused = freshSheet({
      id: 'sheet-9',
      recusal: { reason: '本单位', source: 'institution', at: created.updatedAt },
    });
    expect(compareVersions(onOne, recused)).toBe('concurrent');
    // Its own later copies still descend from it.
    const later = edit(recused, two, { overallComment: '' });
    expect(compareVersions(later, recused)).toBe('descends');
  });

  it('lets a sheet that absorbed another id’s history supersede that history', () => {
    const other = edit(freshSheet({ id: 'sheet-9' }), two, { scores: { 'A1.1.1': 1 } });
    const absorbing = { ...onOne, absorbedVersions: { 'sheet-9': { 'laptop-2': 1 } } };
    expect(compareVersions(absorbing, other)).toBe('descends');
    const further = edit(other, two, { scores: { 'A1.1.1': 2 } });
    expect(compareVersions(absorbing, further)).toBe('concurrent');
  });
});
