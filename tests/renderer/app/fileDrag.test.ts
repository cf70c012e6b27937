import { describe, expect, it } from 'vitest';
import { carriesFiles } from '../../../renderer/app/fileDrag';

describe('carriesFiles', () => {
  it('is true for a drag from the file manager', () => {
    expect(carriesFiles({ types: ['Files'] })).toBe(true);
    expect(carriesFiles({ types: ['text/uri-list', 'Files'] })).toBe(true);
  });

  it('is false for text or a link dragged inside the page, and for no transfer', () => {
    expect(carriesFiles({ types: ['text/plain'] })).toBe(false);
    expect(carriesFiles({ types: ['text/uri-list', 'text/html'] })).toBe(false);
    expect(carriesFiles({ types: [] })).toBe(false);
    expect(carriesFiles(null)).toBe(false);
    expect(carriesFiles(undefined)).toBe(false);
  });

  it('reads a DOMStringList-like list, not only arrays', () => {
    const list = { length: 2, 0: 'text/plain', 1: 'Files' };
    expect(carriesFiles({ types: list })).toBe(true);
  });
});
