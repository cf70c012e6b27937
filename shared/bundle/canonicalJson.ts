// Canonical JSON: the one byte string a value serialises to, so a signature over a manifest
// can be checked against the bytes in the file and re-created from the parsed object.
//
// Rules: object keys sorted by UTF-16 code units (JavaScript's default sort), no whitespace,
// strings and numbers exactly as JSON.stringify writes them (so -0 is written 0), object
// members whose value is undefined are left out (as JSON.stringify does). Anything JSON
// cannot carry (NaN, Infinity, undefined in an array, functions, bigint, symbols, class
// instances other than plain objects and arrays) throws: writers call this on their own
// data, where such a value is a bug.

const MAX_DEPTH = 64;

export class CanonicalJsonError extends Error {
  override readonly name = 'CanonicalJsonError';
}

export function canonicalJson(value: unknown): string {
  return write(value, 0);
}

function write(value: unknown, depth: number): string {
  if (depth > MAX_DEPTH) throw new CanonicalJsonError('value nested too deeply');
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalJsonError(`not a finite number: ${value}`);
      return JSON.stringify(value);
    case 'object':
      return Array.isArray(value) ? writeArray(value, depth) : writeObject(value, depth);
    default:
      throw new CanonicalJsonError(`cannot write a ${typeof value} as JSON`);
  }
}

function writeArray(items: readonly unknown[], depth: number): string {
  const parts = items.map((item) => {
    if (item === undefined) throw new CanonicalJsonError('undefined in an array');
    return write(item, depth + 1);
  });
  return `[${parts.join(',')}]`;
}

function writeObject(object: object, depth: number): string {
  const prototype: unknown = Object.getPrototypeOf(object);
  if (prototype !== Object.prototype && prototype !== null) {
    throw new CanonicalJsonError('only plain objects can be written');
  }
  const entries = Object.entries(object)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const parts = entries.map(([key, v]) => `${JSON.stringify(key)}:${write(v, depth + 1)}`);
  return `{${parts.join(',')}}`;
}
