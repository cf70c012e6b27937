// More ways to damage a bundle, for the import pipeline fuzz drill, on top of
// bundleMutations.ts: payload entries swapped in from other kinds, renamed to unsafe or
// foreign names, duplicated or dropped; `__proto__`/`constructor`/`prototype` keys written
// into the JSON text (where an object literal could never put them); entries of the wrong
// type; and zip bombs: deflate streams of zeros (16 MiB or 1 GiB when inflated, built from
// independent zlib segments so no gigabyte is ever allocated) whose headers lie about
// their size. All are payload-level: the caller re-signs the result so it gets past the
// hash and the signature.
import { constants, deflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { crc32 } from '../../shared/bundle/crc32';
import { concatBytes, utf8Encode } from '../../shared/bundle/encoding';
import { writeZip } from '../../shared/bundle/zip';
import type { ZipEntryInput } from '../../shared/bundle/zip';
import {
  CENTRAL_HEADER_BYTES,
  CENTRAL_SIGNATURE,
  DOS_DATE,
  END_RECORD_BYTES,
  END_SIGNATURE,
  LOCAL_HEADER_BYTES,
  LOCAL_SIGNATURE,
  METHOD_DEFLATE,
  METHOD_STORED,
  ZIP_VERSION,
  put16,
  put32,
} from '../../shared/bundle/zipLayout';
import { jsonBytes } from './bundleBuilders';

/** A payload as entry name → bytes, in order. */
export type RawPayload = Array<[string, Uint8Array]>;

export const UNSAFE_NAMES = [
  '../round.json',
  '../../etc/passwd',
  '/scoresheets.json',
  'C:\\audit.json',
  'a/../audit.json',
  './bases.json',
  '',
  '.',
  'bases.json ',
  'BASES.JSON',
  'round.json\u0000.txt',
  '评分.json',
] as const;

const FORBIDDEN_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

export type StructureMutation =
  | { type: 'swap'; entry: number; from: number }
  | { type: 'rename'; entry: number; name: string }
  | { type: 'duplicate'; entry: number }
  | { type: 'drop'; entry: number }
  | { type: 'forbiddenKey'; entry: number; key: string; at: 'first' | 'record' | 'nested' }
  | { type: 'wrongType'; entry: number; value: unknown }
  | { type: 'bloat'; entry: number; copies: number };

export const structureMutation: fc.Arbitrary<StructureMutation> = fc.oneof(
  fc.record({ type: fc.constant('swap' as const), entry: fc.nat(), from: fc.nat() }),
  fc.record({
    type: fc.constant('rename' as const),
    entry: fc.nat(),
    name: fc.oneof(fc.constantFrom(...UNSAFE_NAMES), fc.string({ maxLength: 20 })),
  }),
  fc.record({ type: fc.constant('duplicate' as const), entry: fc.nat() }),
  fc.record({ type: fc.constant('drop' as const), entry: fc.nat() }),
  {
    weight: 3,
    arbitrary: fc.record({
      type: fc.constant('forbiddenKey' as const),
      entry: fc.nat(),
      key: fc.constantFrom(...FORBIDDEN_KEYS),
      at: fc.constantFrom('first' as const, 'record' as const, 'nested' as const),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant('wrongType' as const),
      entry: fc.nat(),
      value: fc.oneof(
        fc.constantFrom({}, 'text', 42, null, true, [1, 2, 3], [[]], [null], [{}], ['x']),
        fc.jsonValue({ maxDepth: 2 }),
      ),
    }),
  },
  fc.record({
    type: fc.constant('bloat' as const),
    entry: fc.nat(),
    copies: fc.integer({ min: 2, max: 100 }),
  }),
);

const pick = <T>(items: readonly T[], n: number): T | undefined => items[n % items.length];

/** `"key":{"polluted":true},` written into the JSON text after the chosen opening brace. */
export function withForbiddenKey(
  bytes: Uint8Array,
  key: string,
  at: 'first' | 'record' | 'nested',
): Uint8Array {
  const text = new TextDecoder().decode(bytes);
  const anchors = { first: '{', record: '[{', nested: '":{' } as const;
  const found = text.indexOf(anchors[at]);
  const brace = found < 0 ? text.indexOf('{') : found + anchors[at].length - 1;
  const injected = `"${key}":{"polluted":true},`;
  const changed =
    brace < 0
      ? `{${injected.slice(0, -1)}}`
      : text.slice(0, brace + 1) + injected + text.slice(brace + 1);
  // An object whose only member was injected must not end in a comma.
  return new TextEncoder().encode(changed.replace(`${injected}}`, `${injected.slice(0, -1)}}`));
}

/** The payload with one structural change; `others` are payloads of other kinds. */
export function applyStructureMutation(
  payload: RawPayload,
  others: readonly RawPayload[],
  m: StructureMutation,
): RawPayload {
  const index = m.entry % payload.length;
  const target = payload[index];
  if (target === undefined) return payload;
  const replace = (entry: [string, Uint8Array]) =>
    payload.map((e, i): [string, Uint8Array] => (i === index ? entry : e));
  switch (m.type) {
    case 'swap': {
      const other = pick(others, m.from) ?? payload;
      const sameName = other.find(([name]) => name === target[0]);
      const foreign = pick(other, m.from) ?? target;
      return replace(sameName ?? foreign);
    }
    case 'rename':
      return replace([m.name, target[1]]);
    case 'duplicate':
      return [...payload, target];
    case 'drop':
      return payload.filter((_, i) => i !== index);
    case 'forbiddenKey':
      return replace([target[0], withForbiddenKey(target[1], m.key, m.at)]);
    case 'wrongType':
      return replace([target[0], jsonBytes(m.value)]);
    case 'bloat': {
      const parsed: unknown = JSON.parse(new TextDecoder().decode(target[1]));
      const list = Array.isArray(parsed) ? parsed : [parsed];
      return replace([target[0], jsonBytes(Array.from({ length: m.copies }, () => list).flat())]);
    }
  }
}

export const payloadZip = (payload: RawPayload): Uint8Array =>
  writeZip(payload.map(([name, data]): ZipEntryInput => ({ name, data })));

// ---- zip bombs ---------------------------------------------------------------------------

const MIB = 1024 * 1024;

const bombs = new Map<number, Uint8Array>();

/** Raw deflate of `mebibytes` MiB of zeros: one flushed 1 MiB segment repeated (~1 KB each). */
export function zeroBomb(mebibytes: number): Uint8Array {
  const cached = bombs.get(mebibytes);
  if (cached) return cached;
  const flush = { level: 9, finishFlush: constants.Z_FULL_FLUSH };
  const segment = new Uint8Array(deflateRawSync(new Uint8Array(MIB), flush));
  const end = new Uint8Array(deflateRawSync(new Uint8Array(0)));
  const bomb = concatBytes([...Array.from({ length: mebibytes }, () => segment), end]);
  bombs.set(mebibytes, bomb);
  return bomb;
}

export type BombMutation = {
  entry: number;
  /** What the bomb really inflates to. */
  mebibytes: 16 | 1024;
  /** What its headers say it inflates to. */
  stated: number;
  /** Further entries, each another bomb (the zip's total counts them all). */
  extra: number;
};

export const bombMutation: fc.Arbitrary<BombMutation> = fc.record({
  entry: fc.nat(),
  mebibytes: fc.constantFrom(16 as const, 1024 as const),
  stated: fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(0, 1, 2, 1000, 65_536, MIB, 2 * MIB) },
    fc.constantFrom(16 * MIB, 128 * MIB, 128 * MIB + 1, 1024 * MIB, 0xffffffff),
    fc.integer({ min: 0, max: 4 * MIB }),
  ),
  extra: fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, fc.integer({ min: 1, max: 5 })),
});

type ZipItem = { name: Uint8Array; data: Uint8Array; method: number; crc: number; size: number };

/** One zip header (local or central) in the bundle profile's fixed values. */
function header(item: ZipItem, central: boolean, offset: number): Uint8Array {
  const h = new Uint8Array(central ? CENTRAL_HEADER_BYTES : LOCAL_HEADER_BYTES);
  const at = central ? 2 : 0; // the central header has "version made by" first
  put32(h, 0, central ? CENTRAL_SIGNATURE : LOCAL_SIGNATURE);
  if (central) put16(h, 4, ZIP_VERSION);
  put16(h, at + 4, ZIP_VERSION);
  put16(h, at + 8, item.method);
  put16(h, at + 12, DOS_DATE);
  put32(h, at + 14, item.crc);
  put32(h, at + 18, item.data.length);
  put32(h, at + 22, item.size);
  put16(h, at + 26, item.name.length);
  if (central) put32(h, 42, offset);
  return h;
}

/**
 * The payload zip with entry `entry` (and `extra` more) replaced by a bomb whose local and
 * central headers state `stated` bytes (and a CRC of 0: the size check must come first).
 * Other entries are stored. Written by hand: writeZip would checksum the megabytes.
 */
export function applyBombMutation(payload: RawPayload, m: BombMutation): Uint8Array {
  const bomb = zeroBomb(m.mebibytes);
  const index = m.entry % payload.length;
  const entries: RawPayload = payload.map((e, i) => (i === index ? [e[0], bomb] : e));
  for (let i = 0; i < m.extra; i += 1) entries.push([`bomb-${i}.json`, bomb]);
  const items = entries.map(([name, data]): ZipItem =>
    data === bomb
      ? { name: utf8Encode(name), data, method: METHOD_DEFLATE, crc: 0, size: m.stated }
      : {
          name: utf8Encode(name),
          data,
          method: METHOD_STORED,
          crc: crc32(data),
          size: data.length,
        },
  );
  const parts: Uint8Array[] = [];
  const offsets: number[] = [];
  let offset = 0;
  for (const item of items) {
    offsets.push(offset);
    parts.push(header(item, false, 0), item.name, item.data);
    offset += LOCAL_HEADER_BYTES + item.name.length + item.data.length;
  }
  const centralStart = offset;
  items.forEach((item, i) => parts.push(header(item, true, offsets[i] ?? 0), item.name));
  const centralSize = items.reduce((sum, item) => sum + CENTRAL_HEADER_BYTES + item.name.length, 0);
  const end = new Uint8Array(END_RECORD_BYTES);
  put32(end, 0, END_SIGNATURE);
  put16(end, 8, items.length);
  put16(end, 10, items.length);
  put32(end, 12, centralSize);
  put32(end, 16, centralStart);
  return concatBytes([...parts, end]);
}
