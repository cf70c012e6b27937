// Builds one demo round from a list of bases: the round (built-in templates), bases,
// panels, experts, assignments with automatic and declared recusals, and scoresheets in
// every state. All ids and timestamps derive from the seed and the year.
import { createRound } from '../domain/round';
import { BASE_TYPES } from '../domain/taxonomy';
import { builtinTemplateForType } from '../domain/templates';
import type {
  Assignment,
  Base,
  EvaluationType,
  Expert,
  FinalDecision,
  IndicatorTemplate,
  Panel,
  Round,
  RoundStatus,
  Scoresheet,
} from '../domain/types';
import { DECLARED_RECUSAL_REASONS } from './names';
import { formPanels } from './panels';
import { compareText, createRng } from './random';
import type { Rng } from './random';
import type { RegistryBase } from './roster';
import { buildSheet } from './scoring';
import type { BaseLatent, SheetPlan } from './scoring';

export type DemoRound = {
  round: Round;
  templates: IndicatorTemplate[];
  bases: Base[];
  panels: Panel[];
  experts: Expert[];
  assignments: Assignment[];
  scoresheets: Scoresheet[];
  /** Final decisions; only closed (history) rounds have them. */
  decisions: FinalDecision[];
};

export type RoundBaseSpec = {
  entry: RegistryBase;
  /** The name the base had in this round (legacy names before 2019's integration). */
  name: string;
  latent: BaseLatent;
  /** Extra disagreement between experts on this base (points of sd). */
  spread?: number;
};

export type RoundSpec = {
  seed: number;
  year: number;
  /**
   * Tells apart two rounds of the same year (the current demo round and a closed one): ids
   * become `demo-<seed>-<key>-…` and draws come from a stream of their own. Default: the
   * year, as every round before this option had.
   */
  key?: string;
  name: string;
  evaluationType: EvaluationType;
  status: RoundStatus;
  bases: readonly RoundBaseSpec[];
  /** 'inProgress' stops mid-way through the site visits: drafts and unstarted sheets remain. */
  progress: 'complete' | 'inProgress';
  declaredRecusals: number;
  /** Regroup the bases into this many panels (default: the 4 regional panels). */
  panelCount?: number;
};

/** Beijing local time (UTC+8) as an ISO instant; Date is used only as a calendar here. */
export function beijingTime(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute = 0,
): string {
  return new Date(Date.UTC(year, month - 1, day, hour - 8, minute)).toISOString();
}

export function addMinutes(iso: string, minutes: number): string {
  return new Date(Date.parse(iso) + minutes * 60_000).toISOString();
}

// Bases per panel left in progress / not yet visited when an in-progress round stops.
const IN_PROGRESS = [0, 3, 4, 4];
const NOT_VISITED = [0, 0, 5, 8];
const VISITS_PER_DAY = 6;

type Phase = 'done' | 'inProgress' | 'notVisited';

function leniencies(rng: Rng, experts: readonly Expert[]): Map<string, number> {
  const map = new Map(experts.map((e) => [e.id, rng.normal(0, 2.5)]));
  // One markedly lenient and one strict scorer, for the leniency chart.
  const lenient = experts.find((e) => e.id.endsWith('-expert-1-2'));
  const strict = experts.find((e) => e.id.endsWith('-expert-3-3'));
  if (lenient) map.set(lenient.id, 8);
  if (strict) map.set(strict.id, -5);
  return map;
}

export function generateRound(spec: RoundSpec): DemoRound {
  const key = spec.key ?? String(spec.year);
  const rng = createRng(spec.seed, `round-${key}`);
  const prefix = `demo-${spec.seed}-${key}`;
  const createdAt = beijingTime(spec.year, 3, 2, 9, 30);
  const round: Round = {
    ...createRound(
      { name: spec.name, year: spec.year, evaluationType: spec.evaluationType, isDemo: true },
      { now: () => createdAt, newId: () => prefix },
    ),
    status: spec.status,
  };
  const templates = BASE_TYPES.map((t) => builtinTemplateForType(t.code));
  const latentByBase = new Map<string, RoundBaseSpec>();
  const rawBases = spec.bases.map((s): Base => {
    const e = s.entry;
    const id = `${prefix}-base-${e.code}`;
    latentByBase.set(id, s);
    return {
      id,
      roundId: prefix,
      code: e.code,
      name: s.name,
      type: e.type,
      ...(e.legacyType ? { legacyType: e.legacyType } : {}),
      hostInstitution: e.host,
      city: e.city,
      director: e.director,
      yearEstablished: e.yearEstablished,
      field: e.field,
    };
  });
  const setup = formPanels(
    rng,
    rawBases,
    prefix,
    beijingTime(spec.year, 4, 20, 10),
    spec.panelCount,
  );
  const { experts } = setup;
  const lenient = leniencies(rng, experts);
  const expertById = new Map(experts.map((e) => [e.id, e]));
  const baseById = new Map(setup.bases.map((b) => [b.id, b]));

  // Visit order and phase of each base within its panel.
  const phaseOf = new Map<string, { phase: Phase; visitAt: string; eveningAt: string }>();
  setup.panels.forEach((panel, p) => {
    const members = setup.bases
      .filter((b) => b.panelId === panel.id)
      // Code-point order, not localeCompare: ICU collation differs between Node and
      // Chromium builds, and the demo must be identical wherever it is generated.
      .sort((a, b) => compareText(a.city, b.city) || compareText(a.code, b.code));
    const notVisited = spec.progress === 'inProgress' ? (NOT_VISITED[p] ?? 0) : 0;
    const inProgress = spec.progress === 'inProgress' ? (IN_PROGRESS[p] ?? 0) : 0;
    const done = Math.max(0, members.length - notVisited - inProgress);
    members.forEach((b, i) => {
      const day = 12 + Math.floor(i / VISITS_PER_DAY);
      const slot = i % VISITS_PER_DAY;
      phaseOf.set(b.id, {
        phase: i < done ? 'done' : i < done + inProgress ? 'inProgress' : 'notVisited',
        visitAt: beijingTime(spec.year, 5, day + p, 8 + slot, 30),
        eveningAt: beijingTime(spec.year, 5, day + p, 18, 0),
      });
    });
  });

  const declarable = setup.assignments.filter(
    (a) => !a.recusal && phaseOf.get(a.baseId)?.phase === 'done',
  );
  const declared = new Map(
    rng
      .shuffle(declarable)
      .slice(0, spec.declaredRecusals)
      .map((a, i) => [a.id, DECLARED_RECUSAL_REASONS[i % DECLARED_RECUSAL_REASONS.length] ?? '']),
  );

  const scoresheets: Scoresheet[] = [];
  let forcedDraft = false;
  for (const assignment of setup.assignments) {
    const base = baseById.get(assignment.baseId);
    const expert = expertById.get(assignment.expertId);
    const latent = latentByBase.get(assignment.baseId);
    const timing = phaseOf.get(assignment.baseId);
    if (!base || !expert || !latent || !timing || assignment.recusal) continue;
    const template = templates.find((t) => t.baseType === base.type);
    if (!template) continue;

    const minute = Number(expert.id.slice(expert.id.lastIndexOf('-') + 1)) * 7;
    const workedAt = addMinutes(timing.visitAt, 40 + minute);
    let plan: SheetPlan | undefined;
    const reason = declared.get(assignment.id);
    if (reason !== undefined)
      plan = { kind: 'declaredRecusal', at: timing.visitAt, recusalReason: reason };
    else if (timing.phase === 'done') plan = { kind: 'submitted', at: timing.eveningAt };
    else if (timing.phase === 'inProgress') {
      const draw = rng.next();
      const secondaries = template.primaries.reduce((n, pr) => n + pr.children.length, 0);
      const draft: SheetPlan = {
        kind: 'draft',
        at: workedAt,
        scoredCount: rng.int(1, secondaries - 1),
      };
      if (!forcedDraft || (draw >= 0.4 && draw < 0.8)) plan = draft;
      else if (draw < 0.4) plan = { kind: 'submitted', at: timing.eveningAt };
      forcedDraft = true;
    }
    if (!plan) continue;
    scoresheets.push(
      buildSheet(
        rng,
        {
          id: `${prefix}-sheet-${assignment.id.slice(`${prefix}-asg-`.length)}`,
          assignment,
          base,
          expert,
          template,
          latent: latent.latent,
          leniency: lenient.get(expert.id) ?? 0,
          spread: latent.spread ?? 0,
        },
        plan,
      ),
    );
  }

  return {
    round,
    templates,
    bases: setup.bases,
    panels: setup.panels,
    experts,
    assignments: setup.assignments,
    scoresheets,
    decisions: [],
  };
}
