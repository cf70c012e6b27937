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

// Built by appending to one string rather than mapping, filtering, sorting entries and joining
// arrays of parts: the merge keys every sheet version by its canonical JSON, and the
// intermediate arrays were most of what an import allocated.
function writeArray(items: readonly unknown[], depth: number): string {
  let out = '[';
  for (let i = 0; i < items.length; i += 1) {
    const item = items[i];
    if (item === undefined) throw new CanonicalJsonError('undefined in an array');
    if (i > 0) out += ',';
    out += write(item, depth + 1);
  }
  return `${out}]`;
}

function writeObject(object: object, depth: number): string {
  const prototype: unknown = Object.getPrototypeOf(object);
  if (prototype !== Object.prototype && prototype !== null) {
    throw new CanonicalJsonError('only plain objects can be written');
  }
  // Array.prototype.sort with no comparator orders strings by UTF-16 code units.
  const keys = Object.keys(object).sort();
  let out = '{';
  let first = true;
  for (const key of keys) {
    const value: unknown = Reflect.get(object, key);
    if (value === undefined) continue;
    if (!first) out += ',';
    first = false;
    out += `${JSON.stringify(key)}:${write(value, depth + 1)}`;
  }
  return `${out}}`;
}
