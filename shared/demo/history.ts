// Two earlier demo rounds for the history charts: the 2019 integration round (legacy names,
// weak bases revoked or merged, a few told to rectify) and a 2021 periodic round of key
// labs, engineering research centers and clinical centers. They share base codes with the
// current round, and bases told to rectify in 2019 improve afterwards (有进有出).
import { trimmedMean } from '../domain/statistics';
import { sheetTotal } from '../domain/scoresheetTotals';
import type { Base, DispositionDecision, FinalDecision, Scoresheet } from '../domain/types';
import { beijingTime, generateRound } from './generator';
import type { DemoRound, RoundBaseSpec } from './generator';
import { createRng } from './random';
import { clamp } from './random';
import { generateRetiredBases } from './roster';
import type { RegistryBase } from './roster';

type Trajectory = { q2019: number; q2021: number };

function trajectories(seed: number, registry: readonly RegistryBase[]): Map<string, Trajectory> {
  const rng = createRng(seed, 'history-quality');
  const candidates = registry.filter((b) => ['A1', 'B1', 'B4'].includes(b.type) && b.quality >= 72);
  const improvers = new Set(
    rng
      .shuffle(candidates)
      .slice(0, 5)
      .map((b) => b.code),
  );
  const map = new Map<string, Trajectory>();
  for (const b of registry) {
    if (improvers.has(b.code)) {
      map.set(b.code, { q2019: rng.int(50, 55), q2021: b.quality - rng.int(5, 9) });
    } else {
      const q2021 = clamp(b.quality - rng.normal(1.5, 3), 45, 96);
      map.set(b.code, { q2019: clamp(q2021 - rng.normal(1.5, 3), 58, 96), q2021 });
    }
  }
  return map;
}

/** A base's aggregate as the round's default rule would give it (trimmed mean from 5 sheets). */
function aggregateOf(round: DemoRound, base: Base): number | null {
  const totals = round.scoresheets
    .filter((s: Scoresheet) => s.baseId === base.id && s.status === 'submitted' && !s.recusal)
    .map((s) => {
      const template = round.templates.find((t) => t.id === s.templateId);
      return template ? sheetTotal(s, template) : 0;
    });
  return trimmedMean(totals, { trimCount: 1, trimMinSheets: 5 });
}

/** The round with a final decision for every base that has an aggregate (decided 15 July). */
export function withDecisions(
  round: DemoRound,
  decide: (base: Base, score: number) => DispositionDecision,
): DemoRound {
  const decidedAt = beijingTime(round.round.year, 7, 15, 10);
  const decisions = round.bases.flatMap((base): FinalDecision[] => {
    const score = aggregateOf(round, base);
    if (score === null) return [];
    return [
      {
        id: `${base.id}-decision`,
        roundId: round.round.id,
        baseId: base.id,
        decidedAt,
        decidedBy: '秘书处',
        ...decide(base, score),
      },
    ];
  });
  return { ...round, decisions };
}

/**
 * 2019's rule: a retired engineering lab merges into a base of its type and host, another
 * retired base is revoked, the rest is included (纳入) from 60 points, else told to rectify.
 */
export function integrationDecision(round: DemoRound, retired: ReadonlySet<string>) {
  return (base: Base, score: number): DispositionDecision => {
    if (retired.has(base.code)) {
      const target = round.bases.find(
        (b) =>
          b.type === base.type &&
          b.hostInstitution === base.hostInstitution &&
          !retired.has(b.code),
      );
      if (base.legacyType === 'engineeringLaboratory' && target) {
        return {
          disposition: { code: 'merge', targetBaseId: target.id },
          reason: `与同一依托单位的${target.name}方向重复，予以合并。`,
        };
      }
      return {
        disposition: { code: 'revoke' },
        reason: '长期无重大成果，运行老化僵化，予以撤销。',
      };
    }
    if (score >= 60) return { disposition: { code: 'include', targetType: base.type }, reason: '' };
    return { disposition: { code: 'rectify' }, reason: '整合评估得分低于60分，限期一年整改。' };
  };
}

/** A periodic round's rule: 纳入 from 65 points, 保留并调整方向 from 60, else 限期整改. */
export function periodicDecision(base: Base, score: number): DispositionDecision {
  if (score >= 65) return { disposition: { code: 'include', targetType: base.type }, reason: '' };
  if (score >= 60)
    return { disposition: { code: 'keepAdjust' }, reason: '建议结合产业需求重新凝练研究方向。' };
  return { disposition: { code: 'rectify' }, reason: '定期评估得分低于60分，限期整改。' };
}

export function generateHistoryRounds(
  seed: number,
  registry: readonly RegistryBase[],
): DemoRound[] {
  const paths = trajectories(seed, registry);
  const retired = generateRetiredBases(createRng(seed, 'history-retired'), registry);
  const retiredCodes = new Set(retired.map((b) => b.code));
  const spec = (b: RegistryBase, name: string, quality: number): RoundBaseSpec => ({
    entry: b,
    name,
    latent: { quality, profile: b.profile },
  });

  const bases2019 = [...registry.filter((b) => b.type !== 'B2'), ...retired].map((b) =>
    spec(b, b.legacyName, paths.get(b.code)?.q2019 ?? b.quality),
  );
  const raw2019 = generateRound({
    seed,
    year: 2019,
    name: '2019年度省级科技创新基地优化整合评估（演示）',
    evaluationType: 'integration',
    status: 'closed',
    bases: bases2019,
    progress: 'complete',
    declaredRecusals: 2,
  });
  const round2019 = withDecisions(raw2019, integrationDecision(raw2019, retiredCodes));

  const bases2021 = registry
    .filter((b) => ['A1', 'B1', 'B5'].includes(b.type))
    .map((b) => spec(b, b.name, paths.get(b.code)?.q2021 ?? b.quality));
  const round2021 = withDecisions(
    generateRound({
      seed,
      year: 2021,
      name: '2021年度省重点实验室、工程研究中心和临床医学研究中心定期评估（演示）',
      evaluationType: 'periodic',
      status: 'closed',
      bases: bases2021,
      progress: 'complete',
      declaredRecusals: 1,
    }),
    periodicDecision,
  );
  return [round2019, round2021];
}
