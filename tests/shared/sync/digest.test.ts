import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { digestOf, fnv1a64, setDigest, syncStateDigest } from '../../../shared/sync/digest';
import type { ConflictRecord } from '../../../shared/domain/types';
import { freshSheet } from '../../helpers/syncBuilders';

/** Reference FNV-1a 64 with BigInt over the UTF-8 bytes. */
function reference(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, '0');
}

describe('fnv1a64', () => {
  it('matches the published FNV-1a 64 test vectors', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64('foobar')).toBe('85944171f73967e8');
  });

  it('hashes the UTF-8 bytes of any text, Chinese and astral characters included', () => {
    expect(fnv1a64('评估通 😀')).toBe(reference('评估通 😀'));
    expect(fnv1a64('\ud800x')).toBe(reference('\ud800x'));
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => fnv1a64(text) === reference(text)),
    );
  });
});

describe('digests of records', () => {
  it('does not depend on the order of object keys', () => {
    expect(digestOf({ a: 1, b: { c: [1, 2], d: '评' } })).toBe(
      digestOf({ b: { d: '评', c: [1, 2] }, a: 1 }),
    );
    expect(digestOf({ a: 1 })).not.toBe(digestOf({ a: 2 }));
  });

  it('treats a set of records as a set: order and repeats do not matter', () => {
    const a = { id: 'a' };
    const b = { id: 'b' };
    expect(setDigest([a, b])).toBe(setDigest([b, a, b]));
    expect(setDigest([a])).not.toBe(setDigest([a, b]));
  });

  it('leaves a conflict record’s provenance out of the merge state', () => {
    const record: ConflictRecord = {
      id: 'c-1',
      roundId: 'round-1',
      scoresheetId: 'sheet-1',
      local: freshSheet(),
      incoming: freshSheet({ overallComment: 'x' }),
      detectedAt: '2024-05-11T09:00:00.000Z',
      sourceImportId: 'import-1',
    };
    const later = { ...record, detectedAt: '2024-05-12T09:00:00.000Z', sourceImportId: 'import-2' };
    expect(syncStateDigest([], [record])).toBe(syncStateDigest([], [later]));
    expect(syncStateDigest([], [record])).not.toBe(
      syncStateDigest([], [{ ...record, resolvedAt: later.detectedAt, resolution: 'local' }]),
    );
  });
});
