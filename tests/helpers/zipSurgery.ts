// Finding and editing the headers of a finished zip, for tests that damage workbooks the
// way a bad copy or a hostile tool would: the central directory's entries with their
// offsets, and overwriting one field of an entry's central (or local) header.

export type CentralEntry = {
  name: string;
  /** Offset of the entry's central directory header. */
  central: number;
  /** Offset of its local header. */
  local: number;
};

const u16 = (b: Uint8Array, at: number): number => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, at: number): number => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;

/** The entries of a well-formed zip (one without a comment), in directory order. */
export function centralEntries(bytes: Uint8Array): CentralEntry[] {
  const end = bytes.length - 22;
  if (u32(bytes, end) !== 0x06054b50) throw new Error('no end record where expected');
  const count = u16(bytes, end + 10);
  let at = u32(bytes, end + 16);
  const entries: CentralEntry[] = [];
  for (let i = 0; i < count; i += 1) {
    const nameLength = u16(bytes, at + 28);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    entries.push({ name, central: at, local: u32(bytes, at + 42) });
    at += 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
  }
  return entries;
}

/** Central header fields by their offset within the header. */
export const CENTRAL_FIELD = {
  flags: 8,
  method: 10,
  crc: 16,
  compressedSize: 20,
  size: 24,
  localOffset: 42,
} as const;

/** Local header fields by their offset within the header. */
export const LOCAL_FIELD = { flags: 6, method: 8, crc: 14, compressedSize: 18, size: 22 } as const;

export function put16(bytes: Uint8Array, at: number, value: number): void {
  bytes[at] = value & 0xff;
  bytes[at + 1] = (value >>> 8) & 0xff;
}

export function put32(bytes: Uint8Array, at: number, value: number): void {
  put16(bytes, at, value & 0xffff);
  put16(bytes, at + 2, (value >>> 16) & 0xffff);
}

const WIDTH: Record<keyof typeof CENTRAL_FIELD, 2 | 4> = {
  flags: 2,
  method: 2,
  crc: 4,
  compressedSize: 4,
  size: 4,
  localOffset: 4,
};

/** A copy with one field of the named entry's central header replaced. */
export function withCentral(
  bytes: Uint8Array,
  name: string,
  field: keyof typeof CENTRAL_FIELD,
  value: (old: number) => number,
): Uint8Array {
  const entry = centralEntries(bytes).find((e) => e.name === name);
  if (entry === undefined) throw new Error(`no entry ${name}`);
  const copy = bytes.slice();
  const at = entry.central + CENTRAL_FIELD[field];
  if (WIDTH[field] === 2) put16(copy, at, value(u16(copy, at)));
  else put32(copy, at, value(u32(copy, at)) >>> 0);
  return copy;
}
