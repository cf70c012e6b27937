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
};

export const DEFAULT_DEMO_SEED = 20230915;
export const DEMO_YEAR = 2023;

function currentRound(seed: number, registry: readonly RegistryBase[]): DemoRound {
  // One engineering technology center the experts disagree about widely.
  const rng = createRng(seed, 'current-spread');
  const disputed = rng.pick(registry.filter((b) => b.legacyType === 'engineeringTechnologyCenter'));
  return generateRound({
    seed,
    year: DEMO_YEAR,
    name: `${DEMO_YEAR}年度省级科技创新基地定期评估（演示）`,
    evaluationType: 'periodic',
    status: 'issued',
    bases: registry.map((b) => ({
      entry: b,
      name: b.name,
      latent: { quality: b.quality, profile: b.profile },
      ...(b.code === disputed.code ? { spread: 9 } : {}),
    })),
    progress: 'inProgress',
    declaredRecusals: 3,
  });
}

export function generateDemoDataset(options: DemoOptions = {}): DemoDataset {
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const registry = generateRegistry(createRng(seed, 'registry'));
  return {
    current: currentRound(seed, registry),
    history: options.withHistory === false ? [] : generateHistoryRounds(seed, registry),
  };
}

/** The current demo round alone. */
export function generateDemoRound(options: Omit<DemoOptions, 'withHistory'> = {}): DemoRound {
  return generateDemoDataset({ ...options, withHistory: false }).current;
}
