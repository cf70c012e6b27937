// Reading a zip that may be hostile. The central directory is parsed here (not by fflate,
// whose unzipSync sizes its buffers from the headers) and every entry is checked before a
// byte is inflated: count, names (allow-list; no `..`, absolute paths, backslashes, drive
// letters or duplicates), zip encryption, ZIP64 and compression methods, the bundle
// profile's fixed header values, local headers against the central directory, and entries
// laid end to end with nothing between or after them. Inflating uses fflate's streaming
// Inflate with a byte counter, so an entry that inflates past its stated size, past a
// plausible compression ratio or past the limits is stopped while inflating, whatever its
// header claims. CRC-32 is checked on every entry.
import type { BundleLimits } from './format';
import { bundleError } from './errors';
import type { BundleError } from './errors';
import { crc32 } from './crc32';
import { checkDeclaredSizes, inflateCounted, ratioCap } from './zipInflate';
import type { Inflated } from './zipInflate';
import * as L from './zipLayout';

export { writeZip } from './zipWrite';
export type { ZipEntryInput, ZipWriteOptions } from './zipWrite';

export type ZipReadOptions = {
  readonly limits: BundleLimits;
  readonly allowedNames: ReadonlySet<string>;
  /**
   * 'reject' (default): a well-formed name outside allowedNames is an unknownEntry error.
   * 'list': such entries are skipped (never inflated) and their names returned, so the
   * caller can read manifest.json first and report a newer format version instead.
   */
  readonly unknownNames?: 'reject' | 'list';
  /** The outer container is stored-only; the inner payload zip is deflated. */
  readonly allowDeflate: boolean;
};

export type ZipContents = {
  /** Allowed entries in the order they appear, inflated and CRC-checked. */
  readonly entries: ReadonlyMap<string, Uint8Array>;
  readonly unknownNames: readonly string[];
};

export type ZipReadResult = { ok: true; value: ZipContents } | { ok: false; error: BundleError };

type CentralEntry = {
  name: string;
  nameBytes: Uint8Array;
  madeBy: number;
  needed: number;
  flags: number;
  method: number;
  time: number;
  date: number;
  crc: number;
  compressedSize: number;
  size: number;
  extraLength: number;
  commentLength: number;
  disk: number;
  internal: number;
  external: number;
  offset: number;
};

type Located = CentralEntry & { dataStart: number; dataEnd: number };

const fail = (error: BundleError): ZipReadResult => ({ ok: false, error });

export function readZipSafely(bytes: Uint8Array, options: ZipReadOptions): ZipReadResult {
  const { limits } = options;
  if (bytes.length === 0) return fail(bundleError('empty'));
  if (bytes.length > limits.maxFileBytes) {
    return fail(bundleError('tooLarge', { limit: limits.maxFileBytes }));
  }
  const end = findEndRecord(bytes);
  if (!end.ok) return end;
  const central = readCentralDirectory(bytes, end.value, limits);
  if (!central.ok) return central;

  const known: CentralEntry[] = [];
  const unknownNames: string[] = [];
  const seen = new Set<string>();
  for (const entry of central.value) {
    const problem = checkName(entry, seen);
    if (problem) return fail(problem);
    if (options.allowedNames.has(entry.name)) {
      const unsupported = checkMethod(entry, options);
      if (unsupported) return fail(unsupported);
      known.push(entry);
    } else if (options.unknownNames === 'list') {
      unknownNames.push(entry.name);
    } else {
      return fail(bundleError('unknownEntry', { path: entry.name }));
    }
  }

  const located: Located[] = [];
  for (const entry of known) {
    const local = locate(bytes, entry, end.value.centralStart);
    if (!local.ok) return local;
    located.push(local.value);
  }
  // With nothing skipped, the entries must tile the file up to the central directory.
  if (unknownNames.length === 0 && !isContiguous(located, end.value.centralStart)) {
    return fail(bundleError('corrupt'));
  }

  const sizes = checkDeclaredSizes(located, limits);
  if (sizes) return fail(sizes);
  const entries = new Map<string, Uint8Array>();
  let remaining = limits.maxTotalBytes;
  for (const entry of located) {
    const data = extract(bytes, entry, limits, remaining);
    if (!data.ok) return fail(data.error);
    if (crc32(data.value) !== entry.crc) return fail(bundleError('corrupt', { path: entry.name }));
    remaining -= data.value.length;
    entries.set(entry.name, data.value);
  }
  return { ok: true, value: { entries, unknownNames } };
}

// ---- structure --------------------------------------------------------------------------

type EndRecord = { count: number; centralStart: number; centralSize: number; at: number };

function findEndRecord(
  bytes: Uint8Array,
): { ok: true; value: EndRecord } | { ok: false; error: BundleError } {
  const startsLikeZip = bytes.length >= 4 && L.u32(bytes, 0) === L.LOCAL_SIGNATURE;
  const at = bytes.length - L.END_RECORD_BYTES;
  if (at < 0 || L.u32(bytes, at) !== L.END_SIGNATURE) {
    // An end record whose comment reaches the end of the file is a zip, but not one of ours.
    // Any other end-record signature further back may be the payload zip's own, in the
    // middle of a bundle that was cut short.
    const floor = Math.max(0, at - L.MAX_COMMENT_BYTES);
    for (let i = at - 1; i >= floor; i -= 1) {
      const isEnd = L.u32(bytes, i) === L.END_SIGNATURE;
      if (isEnd && i + L.END_RECORD_BYTES + L.u16(bytes, i + 20) === bytes.length) {
        return { ok: false, error: bundleError('corrupt') };
      }
    }
    return { ok: false, error: bundleError(startsLikeZip ? 'truncated' : 'notZip') };
  }
  const disk = L.u16(bytes, at + 4);
  const centralDisk = L.u16(bytes, at + 6);
  const countOnDisk = L.u16(bytes, at + 8);
  const count = L.u16(bytes, at + 10);
  const centralSize = L.u32(bytes, at + 12);
  const centralStart = L.u32(bytes, at + 16);
  if (
    count === L.ZIP64_MARKER_16 ||
    centralSize === L.ZIP64_MARKER_32 ||
    centralStart === L.ZIP64_MARKER_32 ||
    disk !== 0 ||
    centralDisk !== 0
  ) {
    return { ok: false, error: bundleError('unsupportedZip') };
  }
  if (countOnDisk !== count || L.u16(bytes, at + 20) !== 0) {
    return { ok: false, error: bundleError('corrupt') };
  }
  if (centralStart + centralSize > at) {
    return { ok: false, error: bundleError(startsLikeZip ? 'truncated' : 'notZip') };
  }
  if (centralStart + centralSize !== at) return { ok: false, error: bundleError('corrupt') };
  return { ok: true, value: { count, centralStart, centralSize, at } };
}

function readCentralDirectory(
  bytes: Uint8Array,
  end: EndRecord,
  limits: BundleLimits,
): { ok: true; value: CentralEntry[] } | { ok: false; error: BundleError } {
  if (end.count === 0) return { ok: false, error: bundleError('empty') };
  if (end.count > limits.maxEntries) {
    return { ok: false, error: bundleError('tooManyEntries', { limit: limits.maxEntries }) };
  }
  const entries: CentralEntry[] = [];
  let p = end.centralStart;
  for (let i = 0; i < end.count; i += 1) {
    if (p + L.CENTRAL_HEADER_BYTES > end.at || L.u32(bytes, p) !== L.CENTRAL_SIGNATURE) {
      return { ok: false, error: bundleError('corrupt') };
    }
    const nameLength = L.u16(bytes, p + 28);
    const extraLength = L.u16(bytes, p + 30);
    const commentLength = L.u16(bytes, p + 32);
    const next = p + L.CENTRAL_HEADER_BYTES + nameLength + extraLength + commentLength;
    if (next > end.at) return { ok: false, error: bundleError('corrupt') };
    const nameBytes = bytes.subarray(
      p + L.CENTRAL_HEADER_BYTES,
      p + L.CENTRAL_HEADER_BYTES + nameLength,
    );
    entries.push({
      name: byteString(nameBytes),
      nameBytes,
      madeBy: L.u16(bytes, p + 4),
      needed: L.u16(bytes, p + 6),
      flags: L.u16(bytes, p + 8),
      method: L.u16(bytes, p + 10),
      time: L.u16(bytes, p + 12),
      date: L.u16(bytes, p + 14),
      crc: L.u32(bytes, p + 16),
      compressedSize: L.u32(bytes, p + 20),
      size: L.u32(bytes, p + 24),
      extraLength,
      commentLength,
      disk: L.u16(bytes, p + 34),
      internal: L.u16(bytes, p + 36),
      external: L.u32(bytes, p + 38),
      offset: L.u32(bytes, p + 42),
    });
    p = next;
  }
  return p === end.at ? { ok: true, value: entries } : { ok: false, error: bundleError('corrupt') };
}

/** Each byte as one character: names are checked as ASCII, never decoded as UTF-8. */
function byteString(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += String.fromCharCode(byte);
  return out;
}

/** Printable ASCII, relative, forward slashes, no empty, `.` or `..` segments, no `:`. */
export function isSafeEntryName(name: string): boolean {
  if (name.length === 0 || name.length > 255 || !/^[\x21-\x7e]+$/.test(name)) return false;
  if (name.includes('\\') || name.includes(':') || name.startsWith('/')) return false;
  return name.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}

function checkName(entry: CentralEntry, seen: Set<string>): BundleError | undefined {
  if (!isSafeEntryName(entry.name)) return bundleError('badEntryName', { path: entry.name });
  if (seen.has(entry.name)) return bundleError('duplicateEntry', { path: entry.name });
  seen.add(entry.name);
  return undefined;
}

function checkMethod(entry: CentralEntry, options: ZipReadOptions): BundleError | undefined {
  if (
    (entry.flags & (L.FLAG_ENCRYPTED | L.FLAG_STRONG_ENCRYPTION)) !== 0 ||
    entry.compressedSize === L.ZIP64_MARKER_32 ||
    entry.size === L.ZIP64_MARKER_32 ||
    entry.offset === L.ZIP64_MARKER_32 ||
    !(
      entry.method === L.METHOD_STORED ||
      (entry.method === L.METHOD_DEFLATE && options.allowDeflate)
    )
  ) {
    return bundleError('unsupportedZip', { path: entry.name });
  }
  return undefined;
}

const hasProfileValues = (e: CentralEntry): boolean =>
  e.madeBy === L.ZIP_VERSION &&
  e.needed === L.ZIP_VERSION &&
  e.flags === L.ZIP_FLAGS &&
  e.time === L.DOS_TIME &&
  e.date === L.DOS_DATE &&
  e.extraLength === 0 &&
  e.commentLength === 0 &&
  e.disk === 0 &&
  e.internal === 0 &&
  e.external === 0;

/** Checks the local header against the central one and finds the entry's data. */
function locate(
  bytes: Uint8Array,
  e: CentralEntry,
  centralStart: number,
): { ok: true; value: Located } | { ok: false; error: BundleError } {
  const corrupt = { ok: false, error: bundleError('corrupt', { path: e.name }) } as const;
  if (!hasProfileValues(e)) return corrupt;
  const p = e.offset;
  if (p + L.LOCAL_HEADER_BYTES > centralStart || L.u32(bytes, p) !== L.LOCAL_SIGNATURE)
    return corrupt;
  const nameLength = L.u16(bytes, p + 26);
  const dataStart = p + L.LOCAL_HEADER_BYTES + nameLength;
  const dataEnd = dataStart + e.compressedSize;
  if (dataEnd > centralStart) return corrupt;
  const sameName =
    nameLength === e.nameBytes.length &&
    e.nameBytes.every((b, i) => bytes[p + L.LOCAL_HEADER_BYTES + i] === b);
  const matches =
    L.u16(bytes, p + 4) === e.needed &&
    L.u16(bytes, p + 6) === e.flags &&
    L.u16(bytes, p + 8) === e.method &&
    L.u16(bytes, p + 10) === e.time &&
    L.u16(bytes, p + 12) === e.date &&
    L.u32(bytes, p + 14) === e.crc &&
    L.u32(bytes, p + 18) === e.compressedSize &&
    L.u32(bytes, p + 22) === e.size &&
    L.u16(bytes, p + 28) === 0;
  return sameName && matches ? { ok: true, value: { ...e, dataStart, dataEnd } } : corrupt;
}

function isContiguous(entries: readonly Located[], centralStart: number): boolean {
  let expected = 0;
  for (const e of entries) {
    if (e.offset !== expected) return false;
    expected = e.dataEnd;
  }
  return expected === centralStart;
}

function extract(bytes: Uint8Array, e: Located, limits: BundleLimits, remaining: number): Inflated {
  const stored = bytes.subarray(e.dataStart, e.dataEnd);
  if (e.method === L.METHOD_STORED) return { ok: true, value: stored };
  // Never more than the header states, the ratio allows, or the zip's total has left.
  const cap = Math.min(e.size, limits.maxEntryBytes, ratioCap(stored.length, limits), remaining);
  return inflateCounted(stored, cap, e.size, e.name);
}
