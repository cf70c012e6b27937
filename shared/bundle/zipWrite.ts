// Writes a zip in the bundle profile (zipLayout.ts): entries in the order given, stored or
// deflated at a fixed level, fixed times and attributes, no extra fields or comments, no
// ZIP64. The output depends only on the entries, so the same payload gives the same bytes.
// Names are written as given (tests use this to build hostile files); createBundle only
// ever passes names from format.ts.
import { deflateSync } from 'fflate';
import { crc32 } from './crc32';
import { concatBytes, utf8Encode } from './encoding';
import type { BundleLimits } from './format';
import {
  CENTRAL_HEADER_BYTES,
  CENTRAL_SIGNATURE,
  DEFLATE_LEVEL,
  DOS_DATE,
  DOS_TIME,
  END_RECORD_BYTES,
  END_SIGNATURE,
  LOCAL_HEADER_BYTES,
  LOCAL_SIGNATURE,
  METHOD_DEFLATE,
  METHOD_STORED,
  put16,
  put32,
  ZIP_FLAGS,
  ZIP_VERSION,
} from './zipLayout';

export type ZipEntryInput = {
  readonly name: string;
  readonly data: Uint8Array;
  /** Deflate the data (default) or store it as is. */
  readonly compress?: boolean;
};

type Written = {
  name: Uint8Array;
  method: number;
  crc: number;
  size: number;
  stored: Uint8Array;
  offset: number;
};

const MAX_ZIP32 = 0xfffffffe;

export type ZipWriteOptions = {
  /**
   * An entry that would deflate beyond what a reader with these limits accepts (zip.ts
   * refuses implausible ratios as zip bombs) is stored instead.
   */
  readonly ratioLimits?: Pick<BundleLimits, 'maxCompressionRatio' | 'ratioGraceBytes'>;
};

export function writeZip(
  entries: readonly ZipEntryInput[],
  options: ZipWriteOptions = {},
): Uint8Array {
  if (entries.length >= 0xffff) throw new RangeError('too many zip entries (no ZIP64)');
  const parts: Uint8Array[] = [];
  const written: Written[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = utf8Encode(entry.name);
    const deflated =
      entry.compress === false ? undefined : deflateSync(entry.data, { level: DEFLATE_LEVEL });
    const compress = deflated !== undefined && isPlausible(entry.data, deflated, options);
    const stored = compress ? deflated : entry.data;
    if (entry.data.length > MAX_ZIP32 || stored.length > MAX_ZIP32 || offset > MAX_ZIP32) {
      throw new RangeError('zip entry too large for the bundle profile (no ZIP64)');
    }
    const item: Written = {
      name,
      method: compress ? METHOD_DEFLATE : METHOD_STORED,
      crc: crc32(entry.data),
      size: entry.data.length,
      stored,
      offset,
    };
    const header = localHeader(item);
    parts.push(header, name, stored);
    written.push(item);
    offset += header.length + name.length + stored.length;
  }
  const centralStart = offset;
  for (const item of written) {
    const header = centralHeader(item);
    parts.push(header, item.name);
    offset += header.length + item.name.length;
  }
  parts.push(endRecord(written.length, offset - centralStart, centralStart));
  return concatBytes(parts);
}

function isPlausible(data: Uint8Array, deflated: Uint8Array, options: ZipWriteOptions): boolean {
  const limits = options.ratioLimits;
  if (limits === undefined || data.length <= limits.ratioGraceBytes) return true;
  return data.length <= deflated.length * limits.maxCompressionRatio;
}

function localHeader(item: Written): Uint8Array {
  const h = new Uint8Array(LOCAL_HEADER_BYTES);
  put32(h, 0, LOCAL_SIGNATURE);
  put16(h, 4, ZIP_VERSION);
  put16(h, 6, ZIP_FLAGS);
  put16(h, 8, item.method);
  put16(h, 10, DOS_TIME);
  put16(h, 12, DOS_DATE);
  put32(h, 14, item.crc);
  put32(h, 18, item.stored.length);
  put32(h, 22, item.size);
  put16(h, 26, item.name.length);
  put16(h, 28, 0); // extra field length
  return h;
}

function centralHeader(item: Written): Uint8Array {
  const h = new Uint8Array(CENTRAL_HEADER_BYTES);
  put32(h, 0, CENTRAL_SIGNATURE);
  put16(h, 4, ZIP_VERSION); // made by: version 2.0, host MS-DOS
  put16(h, 6, ZIP_VERSION);
  put16(h, 8, ZIP_FLAGS);
  put16(h, 10, item.method);
  put16(h, 12, DOS_TIME);
  put16(h, 14, DOS_DATE);
  put32(h, 16, item.crc);
  put32(h, 20, item.stored.length);
  put32(h, 24, item.size);
  put16(h, 28, item.name.length);
  // 30 extra length, 32 comment length, 34 disk, 36 internal, 38 external attributes: all 0
  put32(h, 42, item.offset);
  return h;
}

function endRecord(count: number, centralSize: number, centralStart: number): Uint8Array {
  const h = new Uint8Array(END_RECORD_BYTES);
  put32(h, 0, END_SIGNATURE);
  // 4 this disk, 6 disk with the central directory: 0
  put16(h, 8, count);
  put16(h, 10, count);
  put32(h, 12, centralSize);
  put32(h, 16, centralStart);
  // 20 comment length: 0
  return h;
}
