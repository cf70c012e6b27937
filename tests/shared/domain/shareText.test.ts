import { describe, expect, it } from 'vitest';
import { percentText, shareAgainstLimit } from '../../../shared/domain/shareText';

describe('a share shown against its limit', () => {
  it('is percent to one decimal, a whole percent without ".0", as on the results tab', () => {
    expect(percentText(0.099)).toBe('9.9');
    expect(percentText(0.1)).toBe('10');
    expect(percentText(2 / 13)).toBe('15.4'); // 15.38…%
    expect(percentText(0.19)).toBe('19');
    expect(percentText(0)).toBe('0');
  });

  it('never rounds 9.9% up to the 10% floor it is below', () => {
    expect(shareAgainstLimit(0.099, 0.1)).toEqual({ share: '9.9', limit: '10' });
    expect(shareAgainstLimit(3 / 20, 0.15)).toEqual({ share: '15', limit: '15' });
  });

  it('shows more decimals only where one would make an unequal share read as its limit', () => {
    // 25 of 251 are 9.960…%: "10" against "10" would be the same slip, so "9.96".
    expect(shareAgainstLimit(25 / 251, 0.1)).toEqual({ share: '9.96', limit: '10' });
    // 100 of 664 are 15.060…%, one decimal reads "15.1" against "15": enough.
    expect(shareAgainstLimit(100 / 664, 0.15)).toEqual({ share: '15.1', limit: '15' });
    // 1504 of 10000 are 15.04% against a 15% ceiling.
    expect(shareAgainstLimit(0.1504, 0.15)).toEqual({ share: '15.04', limit: '15' });
    expect(shareAgainstLimit(1 / 3, 0.15)).toEqual({ share: '33.3', limit: '15' });
  });
});
