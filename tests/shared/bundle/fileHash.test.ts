// A bundle file's SHA-256 as the hand-over sheet prints it and a panel laptop shows it.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fileSha256, formatFileHash, isSha256Hex } from '../../../shared/bundle/fileHash';
import { utf8Encode } from '../../../shared/bundle/encoding';
import { testCrypto } from '../../helpers/importBuilders';

// SHA-256("abc"), FIPS 180-2 appendix B.1.
const ABC = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';

describe('fileSha256', () => {
  it('is the SHA-256 of the bytes in lower-case hex, as sha256sum prints it', async () => {
    expect(await fileSha256(testCrypto, utf8Encode('abc'))).toBe(ABC);
    const bytes = new Uint8Array(70_000).map((_, i) => (i * 31) % 256);
    expect(await fileSha256(testCrypto, bytes)).toBe(
      createHash('sha256').update(bytes).digest('hex'),
    );
  });

  it('differs when one byte of the file differs', async () => {
    const bytes = utf8Encode('评审包内容');
    const changed = Uint8Array.from(bytes);
    changed[0] = (changed[0] ?? 0) ^ 1;
    expect(await fileSha256(testCrypto, changed)).not.toBe(await fileSha256(testCrypto, bytes));
  });
});

describe('formatFileHash', () => {
  it('groups the first 16 hex digits by four and keeps the full value', () => {
    expect(formatFileHash(ABC)).toEqual({ short: 'ba78 16bf 8f01 cfea', full: ABC });
  });

  it('reads a value typed in upper case (or with spaces around) in lower case', () => {
    expect(formatFileHash(` ${ABC.toUpperCase()} `)).toEqual({
      short: 'ba78 16bf 8f01 cfea',
      full: ABC,
    });
  });

  it('gives nothing for a record without a hash or with something that is not a SHA-256', () => {
    expect(formatFileHash(undefined)).toBeUndefined();
    expect(formatFileHash('')).toBeUndefined();
    expect(formatFileHash(ABC.slice(0, 63))).toBeUndefined();
    expect(formatFileHash(`${ABC}0`)).toBeUndefined();
    expect(formatFileHash(`${ABC.slice(0, 63)}g`)).toBeUndefined();
    expect(formatFileHash('ABCD-EF01-2345-6789')).toBeUndefined();
  });
});

describe('isSha256Hex', () => {
  it('accepts only the stored form: 64 lower-case hex digits', () => {
    expect(isSha256Hex(ABC)).toBe(true);
    expect(isSha256Hex(ABC.toUpperCase())).toBe(false);
    expect(isSha256Hex(ABC.slice(1))).toBe(false);
    expect(isSha256Hex(42)).toBe(false);
    expect(isSha256Hex(undefined)).toBe(false);
  });
});
