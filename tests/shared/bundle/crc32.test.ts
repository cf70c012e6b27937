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

  it('gives the published check values of longer inputs', () => {
    // The classic pangram's CRC-32, as zlib, PNG and zip tools report it.
    expect(crc32(ascii('The quick brown fox jumps over the lazy dog'))).toBe(0x414fa339);
    // 32 zero bytes (the CRC-32/ISO-HDLC "zeros" vector); not 0: the register starts inverted.
    expect(crc32(new Uint8Array(32))).toBe(0x190a55ad);
    // Every byte value once, 0x00…0xFF, and three Chinese characters in UTF-8 (9 bytes);
    // both written down from Python's zlib.crc32, an implementation of its own.
    expect(crc32(Uint8Array.from({ length: 256 }, (_, i) => i))).toBe(0x29058c73);
    expect(crc32(ascii('评估通'))).toBe(0xa029f7b9);
  });

  it('continues a running CRC, so bytes may come in pieces', () => {
    expect(crc32(ascii('6789'), crc32(ascii('12345')))).toBe(0xcbf43926);
  });
});
