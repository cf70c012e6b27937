// A lenient zip reader for .xlsx packages. Bundles have their own strict reader
// (shared/bundle/zip.ts) that refuses anything outside the bundle profile; workbooks come
// from Excel, WPS, LibreOffice and scripts, with data descriptors, extra fields and
// comments, so this one accepts those. It still never trusts a size: entries are inflated
// on demand in slices, as the bundle reader does (shared/bundle/zipInflate.ts), with
// every byte produced counted against one budget for the whole file and an optional cap
// for the part, so a zip bomb stops at the budget whatever its headers say. Every entry
// read must match its CRC-32 (shared/bundle/crc32.ts). A stated size that is over the
// budget is refused before inflating; one that is merely wrong is tolerated when the
// CRC-32 matches, as spreadsheet programs tolerate it.
import { Inflate, inflateSync } from 'fflate';
import { crc32 } from '../bundle/crc32';
import type { WorkMeter } from './workMeter';

const LOCAL_SIGNATURE = 0x04034b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const END_SIGNATURE = 0x06054b50;
const END_RECORD_BYTES = 22;
const MAX_COMMENT_BYTES = 0xffff;
const METHOD_STORED = 0;
const METHOD_DEFLATE = 8;
const FLAG_ENCRYPTED = 0x0001;
const MAX_ENTRIES = 10_000;
const ZIP64_MARKER = 0xffffffff;
// Deflate expands at most 1032:1. Each slice of input is sized so that it cannot inflate
// past the room left under the cap (and at least 2 KiB, as in the bundle reader, so a bomb
// overshoots by at most ~2 MiB); far from the cap slices are larger, which inflates
// ordinary parts several times faster than small fixed slices would.
const MAX_DEFLATE_RATIO = 1032;
const MIN_SLICE = 2 * 1024;
const MAX_SLICE = 1024 * 1024;
const sliceFor = (room: number): number =>
  Math.min(MAX_SLICE, Math.max(MIN_SLICE, Math.floor(room / MAX_DEFLATE_RATIO)));

export type ZipProblem =
  | 'notZip'
  | 'corrupt'
  | 'encrypted'
  | 'unsupported'
  | 'tooLarge'
  /** The part is over the cap its reader gave (the whole-file budget may not be). */
  | 'partTooLarge';

export class ZipFailure extends Error {
  constructor(
    readonly problem: ZipProblem,
    /** The entry concerned, when there is one (a CRC or size that does not match). */
    readonly part?: string,
  ) {
    super(part === undefined ? problem : `${problem}: ${part}`);
  }
}

type Entry = {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
};

const u16 = (b: Uint8Array, at: number): number => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, at: number): number =>
  ((b[at] ?? 0) | ((b[at + 1] ?? 0) << 8) | ((b[at + 2] ?? 0) << 16)) +
  (b[at + 3] ?? 0) * 0x1000000;

/** The entries of a zip; `read` inflates one, counting against the shared budget. */
export class ZipEntries {
  private readonly entries = new Map<string, Entry>();
  private remaining: number;

  constructor(
    private readonly bytes: Uint8Array,
    inflateBudget: number,
    private readonly meter?: WorkMeter,
  ) {
    this.remaining = inflateBudget;
    const end = findEndRecord(bytes);
    const count = u16(bytes, end + 10);
    const centralStart = u32(bytes, end + 16);
    if (count > MAX_ENTRIES) throw new ZipFailure('tooLarge');
    if (centralStart === ZIP64_MARKER || count === 0xffff) throw new ZipFailure('unsupported');
    let at = centralStart;
    for (let i = 0; i < count; i += 1) {
      if (at + 46 > bytes.length || u32(bytes, at) !== CENTRAL_SIGNATURE) {
        throw new ZipFailure('corrupt');
      }
      const nameLength = u16(bytes, at + 28);
      const extraLength = u16(bytes, at + 30);
      const commentLength = u16(bytes, at + 32);
      if (at + 46 + nameLength > bytes.length) throw new ZipFailure('corrupt');
      const name = latin1Text(bytes.subarray(at + 46, at + 46 + nameLength));
      const entry: Entry = {
        name,
        flags: u16(bytes, at + 8),
        method: u16(bytes, at + 10),
        crc: u32(bytes, at + 16),
        compressedSize: u32(bytes, at + 20),
        size: u32(bytes, at + 24),
        localOffset: u32(bytes, at + 42),
      };
      // Names are compared without a leading slash and case-insensitively, as Excel does.
      const key = name.replace(/^\/+/u, '').toLowerCase();
      if (!this.entries.has(key)) this.entries.set(key, entry);
      at += 46 + nameLength + extraLength + commentLength;
    }
  }

  has(name: string): boolean {
    return this.entries.has(name.toLowerCase());
  }

  /**
   * The inflated entry, undefined when absent. Over `maxBytes` is 'partTooLarge', over what
   * the whole file's budget has left 'tooLarge'; a wrong CRC-32 or a damaged deflate
   * stream is 'corrupt'.
   */
  read(name: string, maxBytes = Number.POSITIVE_INFINITY): Uint8Array | undefined {
    const entry = this.entries.get(name.toLowerCase());
    if (entry === undefined) return undefined;
    if ((entry.flags & FLAG_ENCRYPTED) !== 0) throw new ZipFailure('encrypted');
    if (entry.compressedSize === ZIP64_MARKER || entry.size === ZIP64_MARKER) {
      throw new ZipFailure('unsupported');
    }
    const local = entry.localOffset;
    if (local + 30 > this.bytes.length || u32(this.bytes, local) !== LOCAL_SIGNATURE) {
      throw new ZipFailure('corrupt');
    }
    const dataStart = local + 30 + u16(this.bytes, local + 26) + u16(this.bytes, local + 28);
    const dataEnd = dataStart + entry.compressedSize;
    if (dataEnd > this.bytes.length) throw new ZipFailure('corrupt');
    if (entry.method !== METHOD_STORED && entry.method !== METHOD_DEFLATE) {
      throw new ZipFailure('unsupported');
    }
    // Stated sizes are checked first (a cheap refusal), but never trusted: see inflate.
    if (entry.size > maxBytes) throw new ZipFailure('partTooLarge', entry.name);
    if (entry.size > this.remaining) throw new ZipFailure('tooLarge');
    const data = this.bytes.subarray(dataStart, dataEnd);
    const content =
      entry.method === METHOD_STORED
        ? this.stored(entry, data, maxBytes)
        : this.inflate(entry, data, maxBytes);
    if (crc32(content) !== entry.crc) throw new ZipFailure('corrupt', entry.name);
    return content;
  }

  private spend(count: number): void {
    if (this.meter !== undefined) this.meter.inflatedBytes += count;
    this.remaining -= count;
  }

  private stored(entry: Entry, data: Uint8Array, maxBytes: number): Uint8Array {
    if (data.length > maxBytes) throw new ZipFailure('partTooLarge', entry.name);
    this.spend(data.length);
    if (this.remaining < 0) throw new ZipFailure('tooLarge');
    return data;
  }

  private inflateWhole(entry: Entry, data: Uint8Array): Uint8Array {
    // Into a buffer of the stated size (plausible for this much input), one byte more to see
    // an overflow; a size stated too small is inflated again with a growing buffer.
    const room = Math.min(entry.size, data.length * MAX_DEFLATE_RATIO) + 1;
    let out: Uint8Array | undefined;
    try {
      out = inflateSync(data, { out: new Uint8Array(room) });
    } catch {
      out = undefined;
    }
    if (out === undefined || out.length === room) {
      try {
        out = inflateSync(data);
      } catch {
        throw new ZipFailure('corrupt', entry.name);
      }
    }
    this.spend(out.length);
    return out;
  }

  private inflate(entry: Entry, data: Uint8Array, maxBytes: number): Uint8Array {
    const partIsTighter = maxBytes < this.remaining;
    const cap = Math.min(maxBytes, this.remaining);
    // An entry too small to reach the cap even at deflate's largest ratio is inflated whole.
    if (data.length <= Math.floor(cap / MAX_DEFLATE_RATIO)) return this.inflateWhole(entry, data);
    const chunks: Uint8Array[] = [];
    let produced = 0;
    let finished = false;
    const inflater = new Inflate((chunk, final) => {
      produced += chunk.length;
      if (produced > cap) throw new OverCap();
      chunks.push(chunk);
      if (final) finished = true;
    });
    try {
      for (let at = 0; at < data.length;) {
        const until = Math.min(at + sliceFor(cap - produced), data.length);
        inflater.push(data.subarray(at, until), until === data.length);
        at = until;
      }
      if (data.length === 0) inflater.push(new Uint8Array(0), true);
    } catch (error) {
      this.spend(produced);
      if (!(error instanceof OverCap)) throw new ZipFailure('corrupt', entry.name);
      throw partIsTighter ? new ZipFailure('partTooLarge', entry.name) : new ZipFailure('tooLarge');
    }
    this.spend(produced);
    if (!finished) throw new ZipFailure('corrupt', entry.name);
    const out = new Uint8Array(produced);
    let offset = 0;
    for (const chunk of chunks) {
      out.set(chunk, offset);
      offset += chunk.length;
    }
    return out;
  }
}

class OverCap extends Error {}

/** Offset of the end-of-central-directory record (which may be followed by a comment). */
function findEndRecord(bytes: Uint8Array): number {
  const last = bytes.length - END_RECORD_BYTES;
  const floor = Math.max(0, last - MAX_COMMENT_BYTES);
  for (let at = last; at >= floor; at -= 1) {
    if (u32(bytes, at) === END_SIGNATURE) return at;
  }
  const startsLikeZip = bytes.length >= 4 && u32(bytes, 0) === LOCAL_SIGNATURE;
  throw new ZipFailure(startsLikeZip ? 'corrupt' : 'notZip');
}

/** Entry names in an .xlsx are ASCII; other bytes are kept one per character (and never match). */
function latin1Text(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += String.fromCharCode(byte);
  return out;
}
