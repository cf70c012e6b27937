import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, CanonicalJsonError } from '../../../shared/bundle/canonicalJson';

describe('canonical JSON', () => {
  it('sorts keys at every level and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: null, y: true }], c: '评估' } })).toBe(
      '{"a":{"c":"评估","d":[3,{"y":true,"z":null}]},"b":1}',
    );
  });

  it('leaves out members whose value is undefined and writes -0 as 0', () => {
    expect(canonicalJson({ a: undefined, b: -0 })).toBe('{"b":0}');
  });

  it('gives the same text whatever the key order', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 300 },
    );
  });

  it('orders keys by UTF-16 code units and writes an own __proto__ key as data', () => {
    const parsed: unknown = JSON.parse('{"\uff01":1,"\ud83d\ude00":2,"__proto__":{"x":1},"Z":3}');
    // U+1F600 is written as the surrogates D83D DE00, which sort before U+FF01.
    expect(canonicalJson(parsed)).toBe('{"Z":3,"__proto__":{"x":1},"\ud83d\ude00":2,"\uff01":1}');
  });

  it('writes what a plain reference writer (entries, sort, join) writes', () => {
    const reference = (value: unknown): string => {
      if (Array.isArray(value)) return `[${value.map(reference).join(',')}]`;
      if (value !== null && typeof value === 'object') {
        const entries = Object.entries(value)
          .filter(([, v]) => v !== undefined)
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${reference(v)}`).join(',')}}`;
      }
      return JSON.stringify(value);
    };
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(canonicalJson(value)).toBe(reference(value));
      }),
      { numRuns: 500 },
    );
  });

  it.each([
    ['NaN', NaN],
    ['Infinity', Infinity],
    ['undefined in an array', [undefined]],
    ['a Date', new Date(0)],
    ['a bigint', 1n],
    ['a function', () => 1],
  ])('refuses %s', (_label, value) => {
    expect(() => canonicalJson(value)).toThrow(CanonicalJsonError);
  });

  it('refuses values nested deeper than any bundle needs', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100; i += 1) deep = [deep];
    expect(() => canonicalJson(deep)).toThrow(CanonicalJsonError);
  });
});
