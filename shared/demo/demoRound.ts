// The built-in demo: a deterministic current round (mid-way through scoring) and, for
// the history charts, two earlier closed rounds sharing base codes. Same seed, same
// output, byte for byte: no Math.random, no clock; ids and times derive from the seed.
import { generateRound } from './generator';
import type { DemoRound } from './generator';
import { generateHistoryRounds } from './history';
import { createRng } from './random';
import { generateRegistry } from './roster';
import type { RegistryBase } from './roster';

export type { DemoRound } from './generator';

export type DemoDataset = {
  /** The round the demo opens on: 2023, site visits under way. */
  current: DemoRound;
  /** Earlier closed rounds (2019 integration, 2021 periodic), oldest first. */
  history: DemoRound[];
};

export type DemoOptions = {
  seed?: number;
  /** Include the 2019 and 2021 rounds (default true). */
  withHistory?: boolean;
  /**
   * The current round with only this many bases (1 to the registry's size), picked at even
   * steps through the registry (ordered by type and code) so types and cities stay mixed.
   * Default: all. History rounds are not affected.
   */
  baseCount?: number;
  /** The current round's bases regrouped into this many panels (default: 4 regional panels). */
  panelCount?: number;
};

export const DEFAULT_DEMO_SEED = 20230915;
export const DEMO_YEAR = 2023;

/** `count` items at even steps through `items` (all of them when count is omitted). */
export function pickEvenly<T>(items: readonly T[], count?: number): T[] {
  if (count === undefined) return [...items];
  if (!Number.isInteger(count) || count < 1 || count > items.length) {
    throw new RangeError(`cannot pick ${count} of ${items.length} items`);
  }
  return Array.from(
    { length: count },
    (_, i) => items[Math.floor((i * items.length) / count)],
  ).filter((item): item is T => item !== undefined);
}

function currentRound(
  seed: number,
  registry: readonly RegistryBase[],
  options: Pick<DemoOptions, 'baseCount' | 'panelCount'>,
): DemoRound {
  // One engineering technology center the experts disagree about widely (chosen from the
  // whole registry, so a subset keeps the same draws and disputed base when it includes it).
  const rng = createRng(seed, 'current-spread');
  const disputed = rng.pick(registry.filter((b) => b.legacyType === 'engineeringTechnologyCenter'));
  const bases = pickEvenly(registry, options.baseCount);
  return generateRound({
    seed,
    year: DEMO_YEAR,
    name: `${DEMO_YEAR}年度省级科技创新基地定期评估（演示）`,
    evaluationType: 'periodic',
    status: 'issued',
    bases: bases.map((b) => ({
      entry: b,
      name: b.name,
      latent: { quality: b.quality, profile: b.profile },
      ...(b.code === disputed.code ? { spread: 9 } : {}),
    })),
    progress: 'inProgress',
    declaredRecusals: 3,
    ...(options.panelCount === undefined ? {} : { panelCount: options.panelCount }),
  });
}

export function generateDemoDataset(options: DemoOptions = {}): DemoDataset {
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const registry = generateRegistry(createRng(seed, 'registry'));
  return {
    current: currentRound(seed, registry, options),
    history: options.withHistory === false ? [] : generateHistoryRounds(seed, registry),
  };
}

/** The current demo round alone. */
export function generateDemoRound(options: Omit<DemoOptions, 'withHistory'> = {}): DemoRound {
  return generateDemoDataset({ ...options, withHistory: false }).current;
}
