import { describe, expect, it } from 'vitest';
import { crc32 } from '../../../shared/bundle/crc32';

const ascii = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('crc32', () => {
  it('gives the standard check value of CRC-32/ISO-HDLC for "123456789"', () => {
    expect(crc32(ascii('123456789'))).toBe(0xcbf43926);
  });

  it('gives 0 for no bytes, and known values for one byte', () => {
    expect(crc32(new Uint8Array(0))).toBe(0);
    // CRC-32 of the single byte 0x00 and of "a".
    expect(crc32(new Uint8Array([0]))).toBe(0xd202ef8d);
    expect(crc32(ascii('a'))).toBe(0xe8b7be43);
  });

  it('continues a running CRC, so bytes may come in pieces', () => {
    expect(crc32(ascii('6789'), crc32(ascii('12345')))).toBe(0xcbf43926);
  });
});
