import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64, toHex } from '../../../shared/bundle/encoding';

describe('byte encodings', () => {
  it('writes base64 and hex exactly as Node does', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
        expect(toHex(bytes)).toBe(Buffer.from(bytes).toString('hex'));
        expect(fromBase64(toBase64(bytes))).toEqual(bytes);
      }),
    );
  });

  it.each(['AQ', 'AR==', 'AQ=', '====', 'A===', 'AQ==\n', 'A Q=', 'AQ-_'])(
    'refuses the non-canonical base64 %j',
    (text) => {
      expect(fromBase64(text)).toBeUndefined();
    },
  );
});
