// The one zip profile bundles use, shared by the writer and the strict reader: fixed header
// values (so every byte of a bundle is either checked against a constant, covered by a
// CRC, a SHA-256 or the signature), record sizes, and little-endian helpers.

export const LOCAL_SIGNATURE = 0x04034b50;
export const CENTRAL_SIGNATURE = 0x02014b50;
export const END_SIGNATURE = 0x06054b50;

export const LOCAL_HEADER_BYTES = 30;
export const CENTRAL_HEADER_BYTES = 46;
export const END_RECORD_BYTES = 22;
/** The end record may be followed by a comment of up to this many bytes (never in bundles). */
export const MAX_COMMENT_BYTES = 0xffff;

export const METHOD_STORED = 0;
export const METHOD_DEFLATE = 8;

/** "2.0" (deflate) as version needed and, with host 0 (MS-DOS), as version made by. */
export const ZIP_VERSION = 20;
/** No flags: no zip encryption, no data descriptor, ASCII names. */
export const ZIP_FLAGS = 0;
/** 1980-01-01 00:00:00, the earliest DOS date: bundles carry no file times. */
export const DOS_TIME = 0;
export const DOS_DATE = (0 << 9) | (1 << 5) | 1;

export const FLAG_ENCRYPTED = 0x0001;
export const FLAG_STRONG_ENCRYPTION = 0x0040;
export const ZIP64_MARKER_16 = 0xffff;
export const ZIP64_MARKER_32 = 0xffffffff;

export const DEFLATE_LEVEL = 6;

export const u16 = (bytes: Uint8Array, at: number): number =>
  (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);

export const u32 = (bytes: Uint8Array, at: number): number =>
  (u16(bytes, at) | (u16(bytes, at + 2) << 16)) >>> 0;

export function put16(bytes: Uint8Array, at: number, value: number): void {
  bytes[at] = value & 0xff;
  bytes[at + 1] = (value >>> 8) & 0xff;
}

export function put32(bytes: Uint8Array, at: number, value: number): void {
  put16(bytes, at, value & 0xffff);
  put16(bytes, at + 2, (value >>> 16) & 0xffff);
}
