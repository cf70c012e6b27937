// fast-check arbitraries that damage bundles, for the fuzz test: byte-level damage to a
// finished file, re-packing its container, and edits to the manifest or payload that are
// re-signed with the test key (so they get past the signature and reach the later checks).
import fc from 'fast-check';
import { writeZip } from '../../shared/bundle/zip';
import { outerEntries, stored } from './bundleBuilders';

export type ByteMutation =
  | { type: 'flip'; flips: Array<{ at: number; bit: number }> }
  | { type: 'truncate'; at: number }
  | { type: 'insert'; at: number; bytes: Uint8Array }
  | { type: 'overwrite'; at: number; bytes: Uint8Array }
  | { type: 'repeat'; at: number; length: number };

export const byteMutation: fc.Arbitrary<ByteMutation> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      type: fc.constant('flip' as const),
      flips: fc.array(fc.record({ at: fc.nat(), bit: fc.nat(7) }), { minLength: 1, maxLength: 8 }),
    }),
  },
  fc.record({ type: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({
    type: fc.constant('insert' as const),
    at: fc.nat(),
    bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }),
  }),
  fc.record({
    type: fc.constant('overwrite' as const),
    at: fc.nat(),
    bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }),
  }),
  fc.record({ type: fc.constant('repeat' as const), at: fc.nat(), length: fc.nat(512) }),
);

export function applyByteMutation(bytes: Uint8Array, m: ByteMutation): Uint8Array {
  const at = (n: number) => n % (bytes.length + 1);
  switch (m.type) {
    case 'flip': {
      const copy = bytes.slice();
      for (const { at: n, bit } of m.flips) {
        const i = n % copy.length;
        copy[i] = (copy[i] ?? 0) ^ (1 << bit);
      }
      return copy;
    }
    case 'truncate':
      return bytes.slice(0, at(m.at) % bytes.length);
    case 'insert':
      return new Uint8Array([...bytes.slice(0, at(m.at)), ...m.bytes, ...bytes.slice(at(m.at))]);
    case 'overwrite': {
      const copy = bytes.slice();
      copy.set(m.bytes.slice(0, copy.length - (at(m.at) % copy.length)), at(m.at) % copy.length);
      return copy;
    }
    case 'repeat': {
      const start = at(m.at);
      return new Uint8Array([
        ...bytes.slice(0, start),
        ...bytes.slice(start, start + m.length),
        ...bytes.slice(start),
      ]);
    }
  }
}

export type ContainerMutation =
  | { type: 'reorder'; keys: number[] }
  | { type: 'drop'; index: number }
  | { type: 'duplicate'; index: number }
  | { type: 'rename'; index: number; name: string }
  | { type: 'borrow'; index: number };

export const containerMutation: fc.Arbitrary<ContainerMutation> = fc.oneof(
  fc.record({
    type: fc.constant('reorder' as const),
    keys: fc.array(fc.nat(), { minLength: 3, maxLength: 3 }),
  }),
  fc.record({ type: fc.constant('drop' as const), index: fc.nat(2) }),
  fc.record({ type: fc.constant('duplicate' as const), index: fc.nat(2) }),
  fc.record({
    type: fc.constant('rename' as const),
    index: fc.nat(2),
    name: fc.constantFrom(
      'payload.zip',
      'payload.enc',
      'manifest.json',
      'signature.json',
      'x.json',
      '../manifest.json',
    ),
  }),
  fc.record({ type: fc.constant('borrow' as const), index: fc.nat(2) }),
);

/** Re-packs the container (stored, correct CRCs) after moving, dropping or swapping entries. */
export function applyContainerMutation(
  bytes: Uint8Array,
  other: Uint8Array,
  m: ContainerMutation,
): Uint8Array {
  const entries = [...outerEntries(bytes)];
  const others = [...outerEntries(other)];
  let changed: Array<[string, Uint8Array]>;
  switch (m.type) {
    case 'reorder':
      changed = entries
        .map((entry, i) => ({ entry, key: m.keys[i] ?? i }))
        .sort((a, b) => a.key - b.key)
        .map(({ entry }) => entry);
      break;
    case 'drop':
      changed = entries.filter((_, i) => i !== m.index);
      break;
    case 'duplicate':
      changed = [...entries, ...entries.filter((_, i) => i === m.index)];
      break;
    case 'rename':
      changed = entries.map(([name, data], i) => [i === m.index ? m.name : name, data]);
      break;
    case 'borrow':
      changed = entries.map((entry, i) => (i === m.index ? (others[i] ?? entry) : entry));
      break;
  }
  return writeZip(stored(changed));
}

const HUGE = ['评'.repeat(30_000), 'x'.repeat(1_000_000)];

/** A JSON value, or one a schema has to size up: huge strings, extreme numbers. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  fc.constantFrom(...HUGE),
  fc.constantFrom(-0, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 0.1, -1, 600_000, 2 ** 32),
  fc.constantFrom('', '__proto__', 'constructor', '2024-05-10T09:00:00.000Z', 'payload.enc'),
);

/** Sets (or with `undefined`, deletes) one field of an object. */
export function withField(
  object: Record<string, unknown>,
  key: string,
  value: unknown,
): Record<string, unknown> {
  const copy = { ...object };
  if (value === undefined) delete copy[key];
  else copy[key] = value;
  return copy;
}

/** Deeply nested arrays, a huge string, random JSON text or random bytes as an entry. */
export const hostileEntry: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc
    .nat({ max: 200_000 })
    .map((depth) => new TextEncoder().encode('['.repeat(depth) + ']'.repeat(depth))),
  fc.constantFrom(...HUGE).map((s) => new TextEncoder().encode(JSON.stringify(s))),
  fc.json().map((text) => new TextEncoder().encode(text)),
  fc.uint8Array({ maxLength: 256 }),
);
