import { describe, expect, it } from 'vitest';
import { createRng, mulberry32, snapToHalf } from '../../../shared/demo/random';

describe('seeded random numbers', () => {
  it('repeats the same sequence for the same seed and stream', () => {
    const a = createRng(42, 'x');
    const b = createRng(42, 'x');
    const draws = () => [a.next(), a.int(1, 6), a.normal(0, 1)];
    expect([b.next(), b.int(1, 6), b.normal(0, 1)]).toEqual(draws());
  });

  it('gives independent streams for different purposes', () => {
    expect(createRng(42, 'registry').next()).not.toBe(createRng(42, 'scores').next());
  });

  it('stays in [0, 1) and its integers stay within bounds', () => {
    const next = mulberry32(1);
    const rng = createRng(1, 'bounds');
    for (let i = 0; i < 1000; i += 1) {
      const x = next();
      expect(x >= 0 && x < 1).toBe(true);
      const n = rng.int(5, 7);
      expect(n >= 5 && n <= 7).toBe(true);
    }
  });

  it('snaps to half points', () => {
    expect([0.2, 0.3, 7.74, 7.76].map(snapToHalf)).toEqual([0, 0.5, 7.5, 8]);
  });
});
