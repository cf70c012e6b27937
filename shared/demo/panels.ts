// Panels by region, 5–7 experts each, and the assignment of every base to all experts of
// its panel. A few experts work at a host of their own panel, which makes those
// assignments 回避 automatically (an expert never scores their own institution's base).
// A caller may ask for another number of panels (the secretariat CLI's `demo --panels`):
// the bases, in regional order, are then cut into that many groups of near-equal size.
import type { Assignment, Base, Expert, Panel } from '../domain/types';
import { DOMAIN_LABELS, domainOfLabel } from './fields';
import { HOSTS, OUTSIDE_INSTITUTIONS, TITLE_BY_KIND } from './institutions';
import type { Domain, ExpertInstitution } from './institutions';
import { distinctNames, institutionRecusalReason } from './names';
import { compareText } from './random';
import type { Rng } from './random';

type PanelPlan = { name: string; accepts: (base: Base) => boolean };

// First match wins: 沈阳 is split by category, the rest by region.
const PANEL_PLANS: readonly PanelPlan[] = [
  {
    name: '沈阳一组',
    accepts: (b) => b.city === '沈阳' && ['A1', 'B5', 'C1', 'C2'].includes(b.type),
  },
  {
    name: '沈阳二组',
    accepts: (b) => ['沈阳', '沈抚新区', '铁岭', '抚顺', '本溪'].includes(b.city),
  },
  { name: '大连组', accepts: (b) => ['大连', '丹东'].includes(b.city) },
  { name: '辽西辽南组', accepts: () => true },
];

/** Bases in regional order (panel plan, then city, then code), cut into `count` groups. */
function evenPlans(bases: readonly Base[], count: number): PanelPlan[] {
  if (!Number.isInteger(count) || count < 1 || count > bases.length) {
    throw new RangeError(`cannot form ${count} panels from ${bases.length} bases`);
  }
  const region = (b: Base): number => PANEL_PLANS.findIndex((p) => p.accepts(b));
  const ordered = [...bases].sort(
    (a, b) => region(a) - region(b) || compareText(a.city, b.city) || compareText(a.code, b.code),
  );
  const groupOf = new Map(
    ordered.map((b, i) => [b.id, Math.floor((i * count) / ordered.length)] as const),
  );
  return Array.from({ length: count }, (_, k) => ({
    name: `第${k + 1}组`,
    accepts: (b: Base) => groupOf.get(b.id) === k,
  }));
}

export type PanelSetup = {
  panels: Panel[];
  experts: Expert[];
  /** Bases with panelId set, in the input order. */
  bases: Base[];
  assignments: Assignment[];
};

function domainCounts(bases: readonly Base[]): Map<Domain, number> {
  const counts = new Map<Domain, number>();
  for (const b of bases) {
    const d = domainOfLabel(b.field);
    if (d) counts.set(d, (counts.get(d) ?? 0) + 1);
  }
  return counts;
}

function relevance(inst: ExpertInstitution, counts: Map<Domain, number>): number {
  return 1 + inst.domains.reduce((sum, d) => sum + (counts.get(d) ?? 0), 0);
}

/** Institutions for one panel's experts: outsiders and non-hosts first, 1–2 locals last. */
function panelInstitutions(rng: Rng, bases: readonly Base[], size: number): ExpertInstitution[] {
  const hostCounts = new Map<string, number>();
  for (const b of bases)
    hostCounts.set(b.hostInstitution, (hostCounts.get(b.hostInstitution) ?? 0) + 1);
  const counts = domainCounts(bases);
  const chosen: ExpertInstitution[] = [];
  const free = [...OUTSIDE_INSTITUTIONS, ...HOSTS.filter((h) => !hostCounts.has(h.name))];
  const take = (pool: readonly ExpertInstitution[]): boolean => {
    const open = pool.filter((i) => !chosen.some((c) => c.name === i.name));
    if (open.length === 0) return false;
    chosen.push(rng.weighted(open, (i) => relevance(i, counts)));
    return true;
  };

  if (bases.some((b) => b.type === 'B5')) take(free.filter((i) => i.kind === 'hospital'));
  const locals = HOSTS.filter((h) => {
    const n = hostCounts.get(h.name) ?? 0;
    return n >= 1 && n <= 3 && h.kind !== 'hospital';
  });
  const localCount = Math.min(rng.int(1, 2), locals.length);
  const outsiders = free.filter((i) => i.kind !== 'hospital');
  while (chosen.length < size - localCount && take(outsiders));
  while (chosen.length < size && (take(locals) || take(outsiders)));
  return chosen;
}

function bestDomain(inst: ExpertInstitution, counts: Map<Domain, number>): Domain | undefined {
  return [...inst.domains].sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0))[0];
}

/**
 * `panelCount`: omitted (or 4), the regional panels; otherwise that many groups cut from
 * the bases in regional order. A regional panel left without bases (a small subset of the
 * registry) is not formed, and the panels are numbered without gaps.
 */
export function formPanels(
  rng: Rng,
  bases: readonly Base[],
  prefix: string,
  recusalAt: string,
  panelCount?: number,
): PanelSetup {
  const allPlans =
    panelCount === undefined || panelCount === PANEL_PLANS.length
      ? PANEL_PLANS
      : evenPlans(bases, panelCount);
  // First matching plan wins; plans no base falls into are left out.
  const planOf = (b: Base): PanelPlan | undefined => allPlans.find((p) => p.accepts(b));
  const used = new Set(bases.map(planOf));
  const plans = allPlans.filter((plan) => used.has(plan));
  const panelIndexOf = (b: Base): number => {
    const plan = planOf(b);
    return plan === undefined ? -1 : plans.indexOf(plan);
  };
  const takenNames = new Set<string>();
  const panels: Panel[] = [];
  const experts: Expert[] = [];
  const assignments: Assignment[] = [];

  plans.forEach((plan, p) => {
    const panelId = `${prefix}-panel-${p + 1}`;
    const members = bases.filter((b) => panelIndexOf(b) === p);
    const counts = domainCounts(members);
    const institutions = panelInstitutions(rng, members, rng.int(5, 7));
    const names = distinctNames(rng, institutions.length, takenNames);
    const panelExperts = institutions.map((inst, k): Expert => {
      const domain = bestDomain(inst, counts);
      return {
        id: `${prefix}-expert-${p + 1}-${k + 1}`,
        roundId: prefix,
        panelId,
        name: names[k] ?? '',
        institution: inst.name,
        title: rng.pick(TITLE_BY_KIND[inst.kind]),
        field: domain ? DOMAIN_LABELS[domain] : '综合',
      };
    });
    const chair = panelExperts[0];
    panels.push({
      id: panelId,
      roundId: prefix,
      name: plan.name,
      ...(chair ? { chairExpertId: chair.id } : {}),
    });
    experts.push(...panelExperts);
    panelExperts.forEach((expert, k) => {
      for (const base of members) {
        const isOwn = expert.institution === base.hostInstitution;
        assignments.push({
          id: `${prefix}-asg-${p + 1}-${k + 1}-${base.code}`,
          roundId: prefix,
          panelId,
          expertId: expert.id,
          baseId: base.id,
          ...(isOwn
            ? {
                recusal: {
                  reason: institutionRecusalReason(expert.institution),
                  source: 'institution' as const,
                  at: recusalAt,
                },
              }
            : {}),
        });
      }
    });
  });

  const withPanels = bases.map((b) => ({
    ...b,
    panelId: `${prefix}-panel-${panelIndexOf(b) + 1}`,
  }));
  return { panels, experts, bases: withPanels, assignments };
}
