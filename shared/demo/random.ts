// A small seeded PRNG (mulberry32) and the draws the demo generator needs. Same seed,
// same sequence, on every platform: the demo data must be byte-identical per seed.

export type Rng = {
  /** Uniform in [0, 1). */
  next: () => number;
  /** Integer in [min, max] inclusive. */
  int: (min: number, max: number) => number;
  chance: (p: number) => boolean;
  /**
   * Approximately normal: the sum of 12 uniforms minus 6 (Irwin–Hall). Plain arithmetic,
   * unlike Box–Muller's log/cos, so results cannot differ between JavaScript engines.
   */
  normal: (mean: number, sd: number) => number;
  pick: <T>(items: readonly T[]) => T;
  weighted: <T>(items: readonly T[], weightOf: (item: T) => number) => T;
  shuffle: <T>(items: readonly T[]) => T[];
};

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An independent stream for one purpose, so adding draws in one place does not shift another. */
export function createRng(seed: number, stream: string): Rng {
  let h = seed >>> 0;
  for (const ch of stream) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  const next = mulberry32(h);

  const pickAt = <T>(items: readonly T[], index: number): T => {
    const item = items[index];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  };

  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    normal: (mean, sd) => {
      let sum = 0;
      for (let i = 0; i < 12; i += 1) sum += next();
      return mean + sd * (sum - 6);
    },
    pick: (items) => pickAt(items, Math.floor(next() * items.length)),
    weighted: (items, weightOf) => {
      const total = items.reduce((sum, item) => sum + Math.max(0, weightOf(item)), 0);
      let r = next() * total;
      for (const item of items) {
        r -= Math.max(0, weightOf(item));
        if (r < 0) return item;
      }
      return pickAt(items, items.length - 1);
    },
    shuffle: (items) => {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i -= 1) {
        const j = Math.floor(next() * (i + 1));
        const [a, b] = [copy[i], copy[j]];
        if (a !== undefined && b !== undefined) [copy[i], copy[j]] = [b, a];
      }
      return copy;
    },
  };
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** Rounds to the nearest half point. */
export function snapToHalf(value: number): number {
  return Math.round(value * 2) / 2;
}

/**
 * Code-point order, identical in every JavaScript engine. Never localeCompare here: ICU
 * collation (and the default locale) differ between Node and Chromium builds.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
