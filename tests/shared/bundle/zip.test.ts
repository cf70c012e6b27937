import { deflateSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../shared/bundle/format';
import type { BundleLimits } from '../../../shared/bundle/format';
import { isSafeEntryName, readZipSafely, writeZip } from '../../../shared/bundle/zip';
import type { ZipEntryInput, ZipReadOptions } from '../../../shared/bundle/zip';
import { u16, u32, put32 } from '../../../shared/bundle/zipLayout';

const MIB = 1024 * 1024;
const text = (value: string) => new TextEncoder().encode(value);

const read = (bytes: Uint8Array, options: Partial<ZipReadOptions> = {}) =>
  readZipSafely(bytes, {
    limits: LIMITS,
    allowedNames: new Set(['a.json', 'b.json', 'c.json']),
    allowDeflate: true,
    ...options,
  });

const codeOf = (bytes: Uint8Array, options: Partial<ZipReadOptions> = {}) => {
  const result = read(bytes, options);
  return result.ok ? 'ok' : result.error.code;
};

/** Offsets of the (single) entry's local and central headers in a writeZip output. */
function headerOffsets(zip: Uint8Array): { local: number; central: number } {
  const end = zip.length - 22;
  return { local: 0, central: u32(zip, end + 16) };
}

/** States a different uncompressed size in both headers, as a zip bomb would. */
function claimSize(zip: Uint8Array, size: number): Uint8Array {
  const copy = zip.slice();
  const { local, central } = headerOffsets(copy);
  put32(copy, local + 22, size);
  put32(copy, central + 24, size);
  return copy;
}

describe('writeZip', () => {
  const entries: ZipEntryInput[] = [
    { name: 'a.json', data: text('{"评估":"通"}') },
    { name: 'b.json', data: new Uint8Array(1000).fill(7), compress: false },
  ];

  it('writes the same bytes for the same entries, with no file times', () => {
    const zip = writeZip(entries);
    expect(writeZip(entries)).toEqual(zip);
    expect(u16(zip, 10)).toBe(0); // time 00:00:00
    expect(u16(zip, 12)).toBe(0x21); // date 1980-01-01
  });

  it('round-trips through readZipSafely in order', () => {
    const result = read(writeZip(entries));
    if (!result.ok) throw new Error(result.error.messageEn);
    expect([...result.value.entries.keys()]).toEqual(['a.json', 'b.json']);
    expect(new TextDecoder().decode(result.value.entries.get('a.json'))).toBe('{"评估":"通"}');
    expect(result.value.entries.get('b.json')).toEqual(entries[1]?.data);
  });

  it('stores an entry too repetitive to deflate within the ratio a reader accepts', () => {
    const zeros = new Uint8Array(8 * MIB);
    expect(codeOf(writeZip([{ name: 'a.json', data: zeros }]))).toBe('zipBomb');
    const result = read(writeZip([{ name: 'a.json', data: zeros }], { ratioLimits: LIMITS }));
    if (!result.ok) throw new Error(result.error.messageEn);
    const data = result.value.entries.get('a.json') ?? new Uint8Array();
    expect(data.length).toBe(zeros.length);
    expect(data.every((b) => b === 0)).toBe(true);
  });
});

describe('readZipSafely refuses hostile zips', () => {
  it('refuses a zip bomb whose header understates the inflated size, while inflating', () => {
    const bomb = writeZip([{ name: 'a.json', data: new Uint8Array(16 * MIB) }]);
    const lying = claimSize(bomb, 100);
    const result = read(lying);
    expect(result.ok || result.error).toMatchObject({
      code: 'zipBomb',
      detail: { path: 'a.json' },
    });
  });

  it('counts inflated bytes against the entry limit, not the header', () => {
    const limits: BundleLimits = { ...LIMITS, maxEntryBytes: MIB, maxCompressionRatio: 1e9 };
    const data = new Uint8Array(2 * MIB).map((_, i) => i % 251);
    const lying = claimSize(writeZip([{ name: 'a.json', data }]), MIB);
    expect(codeOf(lying, { limits })).toBe('zipBomb');
  });

  it('refuses an entry whose stated size is over the limit without inflating it', () => {
    const limits: BundleLimits = { ...LIMITS, maxEntryBytes: 1000 };
    expect(codeOf(writeZip([{ name: 'a.json', data: new Uint8Array(2000) }]), { limits })).toBe(
      'tooLarge',
    );
  });

  it('refuses entries that together inflate past the total limit', () => {
    const limits: BundleLimits = { ...LIMITS, maxTotalBytes: 3000 };
    const zip = writeZip(
      ['a.json', 'b.json'].map((name) => ({ name, data: new Uint8Array(2000) })),
    );
    expect(codeOf(zip, { limits })).toBe('tooLarge');
  });

  it('refuses an implausible compression ratio', () => {
    const zeros = writeZip([{ name: 'a.json', data: new Uint8Array(8 * MIB) }]);
    expect(codeOf(zeros)).toBe('zipBomb');
  });

  it('refuses a deflate stream that does not match the stated size', () => {
    const zip = writeZip([{ name: 'a.json', data: text('x'.repeat(5000)) }]);
    expect(codeOf(claimSize(zip, 6000))).toBe('corrupt');
    // Longer than stated, even by one byte: past the stated size is a bomb, whatever the ratio.
    expect(codeOf(claimSize(zip, 4999))).toBe('zipBomb');
    expect(codeOf(claimSize(zip, 4000))).toBe('zipBomb');
  });

  it('refuses a wrong CRC', () => {
    const zip = writeZip([{ name: 'a.json', data: text('hello'), compress: false }]);
    const dataAt = 30 + 'a.json'.length;
    zip[dataAt] = 'j'.charCodeAt(0);
    expect(codeOf(zip)).toBe('corrupt');
  });

  it('refuses zip encryption and unknown compression methods', () => {
    const zip = writeZip([{ name: 'a.json', data: text('x') }]);
    const { local, central } = headerOffsets(zip);
    const encrypted = zip.slice();
    encrypted[local + 6] = 1;
    encrypted[central + 8] = 1;
    expect(codeOf(encrypted)).toBe('unsupportedZip');
    const bzip2 = zip.slice();
    bzip2[local + 8] = 12;
    bzip2[central + 10] = 12;
    expect(codeOf(bzip2)).toBe('unsupportedZip');
  });

  it('refuses deflate where only stored entries are allowed', () => {
    expect(codeOf(writeZip([{ name: 'a.json', data: text('x') }]), { allowDeflate: false })).toBe(
      'unsupportedZip',
    );
  });

  it('refuses names outside the allow-list, or lists them when asked', () => {
    const zip = writeZip([
      { name: 'a.json', data: text('1') },
      { name: 'z.bin', data: text('2') },
    ]);
    expect(codeOf(zip)).toBe('unknownEntry');
    const listed = read(zip, { unknownNames: 'list' });
    expect(listed.ok && listed.value.unknownNames).toEqual(['z.bin']);
    expect(listed.ok && [...listed.value.entries.keys()]).toEqual(['a.json']);
  });

  it('refuses duplicate names', () => {
    const zip = writeZip(['a.json', 'a.json'].map((name) => ({ name, data: text('1') })));
    expect(codeOf(zip)).toBe('duplicateEntry');
  });

  it('refuses bytes after the end of the zip', () => {
    const zip = writeZip([{ name: 'a.json', data: text('1') }]);
    const padded = new Uint8Array([...zip, 0, 0, 0]);
    expect(codeOf(padded)).toBe('truncated');
  });

  it('refuses a zip written by another program (not the bundle profile)', () => {
    expect(codeOf(zipSync({ 'a.json': text('{}') }))).toBe('corrupt');
  });

  it('refuses a gap between entries', () => {
    const a = writeZip([{ name: 'a.json', data: text('1'), compress: false }]);
    const central = u32(a, a.length - 22 + 16);
    // Move the central directory one byte later, leaving an unaccounted byte before it.
    const shifted = new Uint8Array([...a.slice(0, central), 0, ...a.slice(central)]);
    put32(shifted, shifted.length - 22 + 16, central + 1);
    put32(shifted, central + 1 + 42, 0);
    expect(codeOf(shifted)).toBe('corrupt');
  });

  it('refuses a raw deflate stream posing as a zip', () => {
    expect(codeOf(deflateSync(text('PK')))).toBe('notZip');
  });
});

describe('isSafeEntryName', () => {
  it.each(['manifest.json', 'payload.zip', 'a/b.json'])('accepts %s', (name) => {
    expect(isSafeEntryName(name)).toBe(true);
  });

  it.each([
    '',
    '../x',
    'a/../../x',
    '/abs',
    'a\\b',
    'C:x',
    'a//b',
    'dir/',
    './x',
    'a b',
    'é.json',
    'x'.repeat(256),
  ])('refuses %j', (name) => {
    expect(isSafeEntryName(name)).toBe(false);
  });
});
