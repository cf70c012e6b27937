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

  // Known answers, written out by hand from the module's rules (keys sorted by UTF-16 code
  // units, no whitespace, strings and numbers as ECMAScript's JSON.stringify writes them,
  // which is also what RFC 8785 prescribes for both), never produced by the code under test.
  describe('known answers', () => {
    it('writes Chinese and other non-ASCII text as it is, not as \\u escapes', () => {
      expect(canonicalJson({ 名称: '辽宁省重点实验室', a: '中文', é: 'ü€😀' })).toBe(
        '{"a":"中文","é":"ü€😀","名称":"辽宁省重点实验室"}',
      );
    });

    it('escapes quotes, backslashes and control characters the JSON way', () => {
      expect(canonicalJson({ s: 'a"b\\c' })).toBe(String.raw`{"s":"a\"b\\c"}`);
      expect(canonicalJson(['line1\nline2', 'tab\there', 'cr\rlf'])).toBe(
        String.raw`["line1\nline2","tab\there","cr\rlf"]`,
      );
      expect(canonicalJson('\b\f')).toBe(String.raw`"\b\f"`);
      // Other control characters as \u00XX with lower-case hex; DEL and "/" are not escaped.
      expect(canonicalJson('\u0001\u001f\u007f/')).toBe('"\\u0001\\u001f\u007f/"');
      // U+2028 stays as it is; a lone surrogate is escaped (well-formed JSON.stringify).
      expect(canonicalJson('\u2028\ud800')).toBe('"\u2028\\ud800"');
      expect(canonicalJson({ 'key "quoted"\n': 1 })).toBe(String.raw`{"key \"quoted\"\n":1}`);
    });

    it('orders keys by code units, not by number or locale', () => {
      const value = { b: 1, a: 2, B: 3, '10': 4, '9': 5, '': 6, é: 7, z: 8, aa: 9 };
      expect(canonicalJson(value)).toBe('{"":6,"10":4,"9":5,"B":3,"a":2,"aa":9,"b":1,"z":8,"é":7}');
    });

    it('keeps array order, nests arrays and sorts the objects inside them', () => {
      expect(canonicalJson([3, 1, 2])).toBe('[3,1,2]');
      expect(canonicalJson([[], [[]], [1, [2, [3]]], {}])).toBe('[[],[[]],[1,[2,[3]]],{}]');
      expect(canonicalJson({ list: [{ y: [true, false], x: null }, []] })).toBe(
        '{"list":[{"x":null,"y":[true,false]},[]]}',
      );
    });

    it.each([
      [-0, '0'],
      [0, '0'],
      [1, '1'],
      [-1.5, '-1.5'],
      [0.1, '0.1'],
      [0.1 + 0.2, '0.30000000000000004'],
      [1e21, '1e+21'],
      [1e20, '100000000000000000000'],
      [123456789012345680000, '123456789012345680000'],
      [0.000001, '0.000001'],
      [1e-7, '1e-7'],
      [2 ** 53, '9007199254740992'],
      [5e-324, '5e-324'],
      [Number.MAX_VALUE, '1.7976931348623157e+308'],
    ])('writes the number %s as %s', (value, text) => {
      expect(canonicalJson(value)).toBe(text);
      expect(canonicalJson({ n: value })).toBe(`{"n":${text}}`);
    });

    it('writes a manifest-like document as one exact line', () => {
      const manifest = {
        version: 1,
        kind: 'scores',
        round: { name: '2023年度评估', year: 2023 },
        counts: { sheets: 2, bases: 1 },
        note: '第一行\n第二行 "引号"',
        weights: [0.5, 1e-7, -0],
        skipped: undefined,
      };
      expect(canonicalJson(manifest)).toBe(
        String.raw`{"counts":{"bases":1,"sheets":2},"kind":"scores","note":"第一行\n第二行 \"引号\"","round":{"name":"2023年度评估","year":2023},"version":1,"weights":[0.5,1e-7,0]}`,
      );
    });
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
