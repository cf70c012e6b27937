// Generated rounds for the benchmarks: n key laboratories (A1) of one round, each scored by
// five of seven experts, totals drawn from a seeded generator (same n, same data). Kept out
// of shared/demo: it exists only to load the charts, not to look like a real round.
import { createRound } from '../../shared/domain/round';
import { CITIES } from '../../shared/domain/taxonomy';
import { builtinTemplateForType } from '../../shared/domain/templates';
import type { Base, Round, Scoresheet } from '../../shared/domain/types';

export type SyntheticRound = { round: Round; bases: Base[]; scoresheets: Scoresheet[] };

/** mulberry32: a tiny seeded generator, good enough to spread scores. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const AT = '2024-05-10T09:00:00.000Z';

export function syntheticRound(n: number, seed = 1000): SyntheticRound {
  const random = createRandom(seed + n);
  const round = createRound(
    { name: `基准测试轮次（${n} 个基地）`, year: 2024, evaluationType: 'periodic' },
    { now: () => AT, newId: () => 'bench-round' },
  );
  const template = builtinTemplateForType('A1');
  const secondaries = template.primaries.flatMap((primary) => primary.children);
  const bases: Base[] = [];
  const scoresheets: Scoresheet[] = [];
  for (let i = 1; i <= n; i += 1) {
    const code = `BENCH-A1-${String(i).padStart(4, '0')}`;
    const base: Base = {
      id: `bench-base-${i}`,
      roundId: round.id,
      code,
      name: `辽宁省基准测试第${String(i).padStart(4, '0')}号重点实验室`,
      type: 'A1',
      hostInstitution: '基准测试大学',
      city: CITIES[i % CITIES.length] ?? '沈阳',
      director: '测试',
      yearEstablished: 2010,
      field: '材料',
      panelId: 'bench-panel',
    };
    bases.push(base);
    const quality = 0.45 + random() * 0.5;
    for (let k = 0; k < 5; k += 1) {
      const expertId = `bench-expert-${((i + k) % 7) + 1}`;
      const scores: Record<string, number> = {};
      for (const secondary of secondaries) {
        const share = Math.min(1, Math.max(0, quality + (random() - 0.5) * 0.2));
        scores[secondary.id] = Math.round(share * secondary.maxPoints * 2) / 2;
      }
      scoresheets.push({
        id: `bench-sheet-${i}-${k}`,
        roundId: round.id,
        baseId: base.id,
        expertId,
        templateId: template.id,
        templateVersion: template.version,
        scores,
        comments: {},
        overallComment: '',
        status: 'submitted',
        submittedAt: AT,
        revision: 1,
        hlc: `${AT}-0000-bench`,
        deviceId: 'bench',
        updatedAt: AT,
      });
    }
  }
  return { round, bases, scoresheets };
}
