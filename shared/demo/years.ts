// Closed demo years for the department's registry (基地库): consecutive rounds of the demo
// registry, each closed (closure version 1) with a final decision for every base, recorded on
// its basis under the round's own rule. `pinggu demo --years N` signs each as a result bundle.
//
// The story, year by year (DEMO_YEARS_FROM on):
// - year 1, an integration round (优化整合评估) of the whole registry under the legacy names,
//   plus the weak bases that do not survive it: every legacy base is included (纳入) into its
//   new type from 60 points; a retired engineering lab merges (合并) into a base of its type
//   (of its host when there is one); the other retired bases are revoked (撤销); the bases
//   under 60, and at least the weakest surviving base, are told to rectify (限期整改);
// - every later year, a periodic round (定期评估) of every base still in the list (neither
//   revoked nor merged) under its current type and name: a base under rectification is
//   evaluated again and, from 60 points, kept (保留并调整方向), or included (纳入) when it is
//   a legacy base that was never included; under 60 it is revoked. The others go by the
//   periodic rule (纳入 from 65, 保留并调整方向 from 60, else 限期整改), and the weakest of
//   them is told to rectify whatever its score (末位整改), so year 3 re-evaluates a base of
//   the new series that year 2 told to rectify, and the registry ends with a base under
//   rectification;
// - year 2 converts (转) one specialized technology innovation center (B4) into an industrial
//   generic-technology innovation center (B3), which year 3 evaluates as B3.
// Same seed, same rounds, byte for byte: no clock and no Math.random.
import { computeRoundResults } from '../domain/results';
import { decisionBases } from '../secretariat/closing';
import type { Base, BaseTypeCode, DispositionDecision, Round } from '../domain/types';
import { TYPE_SUFFIX } from './fields';
import { beijingTime, generateRound } from './generator';
import type { DemoRound, RoundBaseSpec } from './generator';
import { integrationDecision, periodicDecision, withDecisions } from './history';
import { clamp, compareText, createRng } from './random';
import { generateRegistry, generateRetiredBases } from './roster';
import type { RegistryBase } from './roster';

export const DEMO_YEARS_FROM = 2023;
export const MAX_DEMO_YEARS = 10;

/** Who closes the demo years' rounds. */
export const DEMO_CLOSED_BY = '秘书处 王芳';

/** The type a year-2 conversion (转) moves a specialized innovation center to. */
const CONVERT_FROM: BaseTypeCode = 'B4';
const CONVERT_TO: BaseTypeCode = 'B3';

/** A base's standing between the demo years, as the years' own decisions leave it. */
type Standing = {
  entry: RegistryBase;
  type: BaseTypeCode;
  /** Still under its legacy type: not included (纳入) into the new series yet. */
  legacy: boolean;
  name: string;
  quality: number;
  status: 'active' | 'rectifying' | 'out';
};

/** The round id of a closed demo year: apart from the current demo round of the same year. */
export const demoYearKey = (year: number): string => `closed-${String(year)}`;

/** When a demo year's round was closed (Beijing, 20 July, 17:00). */
export const demoYearClosedAt = (year: number): string => beijingTime(year, 7, 20, 17);

/** The closed rounds of `count` consecutive demo years, oldest first. */
export function generateDemoYears(seed: number, count: number): DemoRound[] {
  if (!Number.isInteger(count) || count < 1 || count > MAX_DEMO_YEARS) {
    throw new RangeError(`demo years must be 1 to ${String(MAX_DEMO_YEARS)}, got ${String(count)}`);
  }
  const registry = generateRegistry(createRng(seed, 'registry'));
  const retired = generateRetiredBases(createRng(seed, 'history-retired'), registry);
  const drift = createRng(seed, 'years-quality');
  const standings = new Map<string, Standing>(
    [...registry, ...retired].map((entry) => [
      entry.code,
      {
        entry,
        type: entry.type,
        legacy: entry.legacyType !== undefined,
        name: entry.name,
        quality: clamp(entry.quality - drift.normal(1, 2.5), 40, 96),
        status: 'active',
      },
    ]),
  );
  const retiredCodes = new Set(retired.map((b) => b.code));
  const rounds: DemoRound[] = [];
  for (let index = 0; index < count; index += 1) {
    const year = DEMO_YEARS_FROM + index;
    const round =
      index === 0
        ? integrationYear(seed, year, [...standings.values()], retiredCodes)
        : periodicYear(seed, year, [...standings.values()], { convert: index === 1 });
    rounds.push(round);
    advance(standings, round, drift);
  }
  return rounds;
}

/** A base as a round lists it: under its legacy type and name until it is included. */
const specOf = (s: Standing): RoundBaseSpec => {
  const { legacyType: _legacy, ...rest } = s.entry;
  return {
    entry: s.legacy ? s.entry : { ...rest, type: s.type },
    name: s.legacy ? s.entry.legacyName : s.name,
    latent: { quality: s.quality, profile: s.entry.profile },
  };
};

function integrationYear(
  seed: number,
  year: number,
  standings: readonly Standing[],
  retired: ReadonlySet<string>,
): DemoRound {
  const raw = generateRound({
    seed,
    year,
    key: demoYearKey(year),
    name: `${String(year)}年度省级科技创新基地优化整合评估（演示）`,
    evaluationType: 'integration',
    status: 'closed',
    bases: standings.map(specOf),
    progress: 'complete',
    declaredRecusals: 2,
  });
  const rule = integrationDecision(raw, retired);
  const scores = aggregatesOf(raw);
  const survivors = raw.bases.filter((b) => !retired.has(b.code));
  const weakest = lowest(survivors, scores);
  // A retired base with no sibling of its type and host merges into the first of its type.
  const mergeTarget = (base: Base): Base | undefined =>
    raw.bases.find(
      (b) =>
        !retired.has(b.code) && b.type === base.type && b.hostInstitution === base.hostInstitution,
    ) ?? survivors.find((b) => b.type === base.type);
  const merger = raw.bases.find(
    (b) => retired.has(b.code) && b.legacyType === 'engineeringLaboratory',
  );
  return closed(
    withDecisions(raw, (base, score): DispositionDecision => {
      if (base.id === merger?.id) {
        const target = mergeTarget(base);
        if (target) {
          return {
            disposition: { code: 'merge', targetBaseId: target.id },
            reason: `与${target.name}研究方向重复，予以合并。`,
          };
        }
      }
      if (base.id === weakest?.id && score >= 60) {
        return {
          disposition: { code: 'rectify' },
          reason: '整合评估中综合排名末位，限期一年整改。',
        };
      }
      return rule(base, score);
    }),
  );
}

function periodicYear(
  seed: number,
  year: number,
  standings: readonly Standing[],
  options: { convert: boolean },
): DemoRound {
  const inList = standings.filter((s) => s.status !== 'out');
  const reviewed = new Set(
    inList.filter((s) => s.status === 'rectifying').map((s) => s.entry.code),
  );
  const raw = generateRound({
    seed,
    year,
    key: demoYearKey(year),
    name: `${String(year)}年度省级科技创新基地定期评估（演示）`,
    evaluationType: 'periodic',
    status: 'closed',
    bases: inList.map(specOf),
    progress: 'complete',
    declaredRecusals: 1,
  });
  const scores = aggregatesOf(raw);
  const candidates = raw.bases.filter((b) => b.type === CONVERT_FROM && !reviewed.has(b.code));
  const converted = options.convert
    ? createRng(seed, `years-convert-${String(year)}`).pick(candidates)
    : undefined;
  const fresh = raw.bases.filter((b) => !reviewed.has(b.code) && b.id !== converted?.id);
  const weakest = lowest(fresh, scores);
  return closed(
    withDecisions(raw, (base, score): DispositionDecision => {
      if (reviewed.has(base.code)) {
        if (score < 60) {
          return { disposition: { code: 'revoke' }, reason: '限期整改后复评仍不合格，予以撤销。' };
        }
        return base.legacyType === undefined
          ? { disposition: { code: 'keepAdjust' }, reason: '限期整改后复评合格，保留并调整方向。' }
          : {
              disposition: { code: 'include', targetType: base.type },
              reason: '限期整改后复评合格，纳入新序列。',
            };
      }
      if (base.id === converted?.id) {
        return {
          disposition: { code: 'convert', targetType: CONVERT_TO },
          reason: '研究方向已转向行业共性关键技术，转为省产业共性技术创新中心。',
        };
      }
      if (base.id === weakest?.id && score >= 60) {
        return {
          disposition: { code: 'rectify' },
          reason: '定期评估中综合排名末位，限期一年整改。',
        };
      }
      return periodicDecision(base, score);
    }),
  );
}

/** Each base's aggregate under the round's own rule, by base id (bases without one left out). */
function aggregatesOf(round: DemoRound): Map<string, number> {
  const results = computeRoundResults(round.round, round.bases, round.scoresheets);
  return new Map(
    results.flatMap((r) => (r.aggregate === null ? [] : [[r.base.id, r.aggregate] as const])),
  );
}

/** The base with the lowest aggregate (then the first code), if any has one. */
function lowest(bases: readonly Base[], scores: ReadonlyMap<string, number>): Base | undefined {
  return [...bases]
    .filter((b) => scores.has(b.id))
    .sort(
      (a, b) => (scores.get(a.id) ?? 0) - (scores.get(b.id) ?? 0) || compareText(a.code, b.code),
    )[0];
}

/** Status closed, closure version 1, and each decision's basis recorded at the closing. */
function closed(round: DemoRound): DemoRound {
  const closedAt = demoYearClosedAt(round.round.year);
  const closedRound: Round = {
    ...round.round,
    status: 'closed',
    closure: { version: 1, closedAt, closedBy: DEMO_CLOSED_BY },
  };
  const decisions = decisionBases(closedRound, { ...round, changes: [] }, closedAt);
  return { ...round, round: closedRound, decisions };
}

/** The standings after a year's decisions; every base in the list drifts a little. */
function advance(
  standings: Map<string, Standing>,
  round: DemoRound,
  drift: ReturnType<typeof createRng>,
): void {
  const baseById = new Map(round.bases.map((b) => [b.id, b]));
  for (const decision of round.decisions) {
    const base = baseById.get(decision.baseId);
    const standing = base === undefined ? undefined : standings.get(base.code);
    if (standing === undefined) continue;
    const { disposition } = decision;
    switch (disposition.code) {
      case 'revoke':
      case 'merge':
        standing.status = 'out';
        break;
      case 'rectify':
        standing.status = 'rectifying';
        // A base told to rectify does: it is evaluated again next year, and passes.
        standing.quality = Math.max(standing.quality, 74);
        break;
      case 'include':
      case 'convert':
        standing.name = renamed(standing, disposition.targetType);
        standing.type = disposition.targetType;
        standing.legacy = false;
        standing.status = 'active';
        break;
      case 'keepAdjust':
        standing.status = 'active';
        break;
    }
  }
  for (const standing of [...standings.values()].sort((a, b) =>
    compareText(a.entry.code, b.entry.code),
  )) {
    if (standing.status !== 'out') {
      standing.quality = clamp(standing.quality + drift.normal(0.3, 2), 40, 96);
    }
  }
}

/** The base's name under its new type: the type's suffix replaces the old one. */
function renamed(standing: Standing, type: BaseTypeCode): string {
  const from = TYPE_SUFFIX[standing.type];
  const to = TYPE_SUFFIX[type];
  if (type === standing.type || from === undefined || to === undefined) return standing.name;
  return standing.name.endsWith(from)
    ? `${standing.name.slice(0, -from.length)}${to}`
    : standing.name;
}
