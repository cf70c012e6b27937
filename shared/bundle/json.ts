// Parsing JSON from a bundle. JSON.parse makes an own property for a "__proto__" key, which
// zod's records then drop without a word (and plain-object code may treat as a prototype).
// A bundle never needs such keys, so any object key named __proto__, constructor or
// prototype, anywhere, is refused with the path to it.
import { utf8Decode } from './encoding';

export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
]);

export type JsonPath = ReadonlyArray<string | number>;

export type JsonParseResult =
  | { ok: true; value: unknown }
  | { ok: false; reason: 'syntax'; message: string }
  | { ok: false; reason: 'forbiddenKey'; key: string; path: JsonPath; value: unknown };

export function parseJsonBytes(bytes: Uint8Array): JsonParseResult {
  let value: unknown;
  try {
    value = JSON.parse(utf8Decode(bytes));
  } catch (error) {
    return { ok: false, reason: 'syntax', message: error instanceof Error ? error.message : '' };
  }
  const forbidden = findForbiddenKey(value);
  return forbidden
    ? { ok: false, reason: 'forbiddenKey', ...forbidden, value }
    : { ok: true, value };
}

// Parent links instead of path arrays: the path is only built for the one key reported.
type Pending = { value: object; key: string | number; parent: Pending | undefined };

function pathOf(node: Pending | undefined, last: string): JsonPath {
  const path: Array<string | number> = [last];
  for (let at = node; at?.parent !== undefined; at = at.parent) path.unshift(at.key);
  return path;
}

/** The first forbidden key in a parsed JSON value (iteratively: depth is attacker-chosen). */
export function findForbiddenKey(root: unknown): { key: string; path: JsonPath } | undefined {
  if (typeof root !== 'object' || root === null) return undefined;
  const stack: Pending[] = [{ value: root, key: '', parent: undefined }];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    const { value } = node;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i -= 1) {
        const item: unknown = value[i];
        if (typeof item === 'object' && item !== null) {
          stack.push({ value: item, key: i, parent: node });
        }
      }
      continue;
    }
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) return { key, path: pathOf(node, key) };
      const child: unknown = Reflect.get(value, key);
      if (typeof child === 'object' && child !== null) {
        stack.push({ value: child, key, parent: node });
      }
    }
  }
  return undefined;
}
