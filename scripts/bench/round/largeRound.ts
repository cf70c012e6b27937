// A large round for the benchmarks, generated from a seed: `panels` panels of 10 bases and
// 7 experts each (1,000 bases and 7,000 scoresheets at 100 panels), every base scored by
// all 7 experts of its panel with 20 secondary indicators (140,000 scores at 100 panels),
// per-primary comments, an overall comment and a recommendation, as submitted sheets look
// when a panel sends them back. The built-in templates have 7–10 secondary indicators;
// the round uses finer copies (5 primaries × 4 secondaries) so that the data is as large
// as a real round scored on a detailed system. Same seed and size, same records.
import { createRng } from '../../../shared/demo/random';
import type { Rng } from '../../../shared/demo/random';
import { overallComment, personName, primaryComment } from '../../../shared/demo/names';
import { recommendationFor } from '../../../shared/demo/scoring';
import { formatHlc } from '../../../shared/domain/hlc';
import { createRound } from '../../../shared/domain/round';
import { BASE_TYPES, CITIES } from '../../../shared/domain/taxonomy';
import { builtinTemplateForType, validateTemplate } from '../../../shared/domain/templates';
import type {
  Assignment,
  Base,
  BaseTypeCode,
  Expert,
  IndicatorTemplate,
  Panel,
  Round,
  Scoresheet,
} from '../../../shared/domain/types';

export const BASES_PER_PANEL = 10;
export const EXPERTS_PER_PANEL = 7;

const PRIMARY_NAMES = ['研究水平与贡献', '队伍建设', '人才培养', '开放交流', '运行管理'];
const SECONDARIES_PER_PRIMARY = 4;
const SECONDARY_POINTS = 5;
const TYPES: readonly BaseTypeCode[] = BASE_TYPES.map((t) => t.code);

export type LargeRound = {
  round: Round;
  templates: IndicatorTemplate[];
  bases: Base[];
  panels: Panel[];
  experts: Expert[];
  assignments: Assignment[];
  scoresheets: Scoresheet[];
};

/** A published-looking template of 20 secondary indicators (5 points each) for a type. */
export function benchTemplate(type: BaseTypeCode): IndicatorTemplate {
  const builtin = builtinTemplateForType(type);
  const id = `bench-${type}`;
  const template: IndicatorTemplate = {
    id,
    version: 1,
    baseType: type,
    name: `${builtin.name}（细化）`,
    source: 'draft',
    note: '基准测试：在内置指标体系基础上细化的二级指标',
    primaries: PRIMARY_NAMES.map((name, p) => ({
      id: `${id}.${p + 1}`,
      name,
      maxPoints: SECONDARIES_PER_PRIMARY * SECONDARY_POINTS,
      children: Array.from({ length: SECONDARIES_PER_PRIMARY }, (_, s) => ({
        id: `${id}.${p + 1}.${s + 1}`,
        name: `${name}指标${s + 1}`,
        maxPoints: SECONDARY_POINTS,
      })),
    })),
    derivedFrom: builtin.id,
  };
  const problems = validateTemplate(template);
  if (problems.length > 0) throw new Error(`bench template ${id}: ${problems[0]?.message ?? ''}`);
  return template;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

const AT = '2024-05-10T01:00:00.000Z';
const atMinute = (minutes: number): string =>
  new Date(Date.parse(AT) + minutes * 60_000).toISOString();

function sheetFor(
  rng: Rng,
  context: { base: Base; expert: Expert; template: IndicatorTemplate; quality: number },
  at: string,
): Scoresheet {
  const { base, expert, template } = context;
  const deviceId = `${expert.id}-laptop`;
  const scores: Record<string, number> = {};
  const comments: Record<string, string> = {};
  const lean = rng.normal(0, 4);
  let total = 0;
  for (const primary of template.primaries) {
    let got = 0;
    for (const child of primary.children) {
      const fraction = Math.min(
        1,
        Math.max(0.15, (context.quality + lean + rng.normal(0, 6)) / 100),
      );
      const score = Math.round(fraction * child.maxPoints * 2) / 2;
      scores[child.id] = score;
      got += score;
    }
    total += got;
    comments[primary.id] = primaryComment(rng, primary.name, got / primary.maxPoints);
  }
  const revision = Object.keys(scores).length + Object.keys(comments).length + 3;
  return {
    id: `sheet-${expert.id.slice('expert-'.length)}-${base.code}`,
    roundId: base.roundId,
    baseId: base.id,
    expertId: expert.id,
    templateId: template.id,
    templateVersion: template.version,
    scores,
    comments,
    overallComment: overallComment(rng, total / 100),
    recommendation: recommendationFor(rng, base, total),
    status: 'submitted',
    submittedAt: at,
    revision,
    hlc: formatHlc({ ms: Date.parse(at), counter: 0, deviceId }),
    deviceId,
    updatedAt: at,
    versions: { [deviceId]: revision },
  };
}

/** The round with `panels` panels (1 to 999), deterministic for a seed. */
export function largeRound(panelCount: number, seed = 20240510): LargeRound {
  if (!Number.isInteger(panelCount) || panelCount < 1 || panelCount > 999) {
    throw new RangeError(`panels must be 1 to 999, not ${panelCount}`);
  }
  const rng = createRng(seed, `bench-round-${panelCount}`);
  const templates = TYPES.map(benchTemplate);
  const templateOf = new Map(templates.map((t) => [t.baseType, t]));
  const roundId = `bench-round-${panelCount}`;
  const round: Round = {
    ...createRound(
      {
        name: `基准测试轮次（${panelCount * BASES_PER_PANEL} 个基地）`,
        year: 2024,
        evaluationType: 'periodic',
        templateByType: Object.fromEntries(templates.map((t) => [t.baseType, t.id])),
      },
      { now: () => AT, newId: () => roundId },
    ),
    status: 'issued',
  };
  const panels: Panel[] = [];
  const bases: Base[] = [];
  const experts: Expert[] = [];
  const assignments: Assignment[] = [];
  const scoresheets: Scoresheet[] = [];
  const taken = new Set<string>();
  const nameOf = (): string => {
    for (;;) {
      const name = personName(rng);
      if (!taken.has(name)) {
        taken.add(name);
        return name;
      }
    }
  };
  for (let p = 1; p <= panelCount; p += 1) {
    const panelId = `panel-${pad(p, 3)}`;
    const panelExperts = Array.from({ length: EXPERTS_PER_PANEL }, (_, k): Expert => ({
      id: `expert-${pad(p, 3)}-${k + 1}`,
      roundId,
      panelId,
      name: nameOf(),
      institution: `基准测试大学第${(p * 7 + k) % 40}学院`,
      title: '教授',
      field: '综合',
    }));
    const chair = panelExperts[0];
    panels.push({
      id: panelId,
      roundId,
      name: `第${p}组`,
      ...(chair ? { chairExpertId: chair.id } : {}),
    });
    experts.push(...panelExperts);
    for (let b = 1; b <= BASES_PER_PANEL; b += 1) {
      const index = (p - 1) * BASES_PER_PANEL + b;
      const type = TYPES[index % TYPES.length] ?? 'A1';
      const code = `LN-${type}-${pad(index, 4)}`;
      const base: Base = {
        id: `base-${code}`,
        roundId,
        code,
        name: `辽宁省基准测试第${pad(index, 4)}号创新基地`,
        type,
        hostInstitution: `基准测试依托单位${index % 97}`,
        city: CITIES[index % CITIES.length] ?? '沈阳',
        director: nameOf(),
        yearEstablished: 2000 + (index % 20),
        field: '新材料',
        panelId,
      };
      bases.push(base);
      const template = templateOf.get(type);
      if (template === undefined) throw new Error(`no template for ${type}`);
      const quality = 55 + rng.next() * 40;
      panelExperts.forEach((expert, k) => {
        assignments.push({
          id: `asg-${expert.id.slice('expert-'.length)}-${code}`,
          roundId,
          panelId,
          expertId: expert.id,
          baseId: base.id,
        });
        const at = atMinute(index * 10 + k);
        scoresheets.push(sheetFor(rng, { base, expert, template, quality }, at));
      });
    }
  }
  return { round, templates, bases, panels, experts, assignments, scoresheets };
}
