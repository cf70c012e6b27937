import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DEMO_SEED,
  generateDemoDataset,
  generateDemoRound,
} from '../../../shared/demo/demoRound';
import type { DemoRound } from '../../../shared/demo/demoRound';
import { completeness, checkScoreValue, sheetTotal } from '../../../shared/domain/scoresheet';
import { CITIES, LEGACY_TYPES } from '../../../shared/domain/taxonomy';
import { secondaryIndicators } from '../../../shared/domain/templates';
import type { BaseTypeCode } from '../../../shared/domain/types';

const demo = generateDemoRound();
const ALL_TYPES: BaseTypeCode[] = ['A1', 'B1', 'B2', 'B3', 'B4', 'B5', 'C1', 'C2', 'C3'];

const countBy = <T>(items: readonly T[], key: (item: T) => string): Map<string, number> => {
  const map = new Map<string, number>();
  for (const item of items) map.set(key(item), (map.get(key(item)) ?? 0) + 1);
  return map;
};

function templateOf(r: DemoRound, templateId: string) {
  const t = r.templates.find((x) => x.id === templateId);
  if (!t) throw new Error(`template ${templateId} missing from the demo`);
  return t;
}

describe('demo generator determinism', () => {
  it('gives byte-identical output for the same seed', () => {
    expect(JSON.stringify(generateDemoDataset({ seed: 7 }))).toBe(
      JSON.stringify(generateDemoDataset({ seed: 7 })),
    );
    expect(generateDemoRound()).toEqual(demo);
  });

  it('gives different data for a different seed, and the same current round with or without history', () => {
    expect(generateDemoRound({ seed: DEFAULT_DEMO_SEED + 1 }).bases).not.toEqual(demo.bases);
    expect(generateDemoDataset().current).toEqual(demo);
  });
});

describe('demo roster', () => {
  it('has about 120 bases over all 9 types, weighted towards A1, B1 and B4', () => {
    expect(demo.bases.length).toBeGreaterThanOrEqual(110);
    expect(demo.bases.length).toBeLessThanOrEqual(130);
    const byType = countBy(demo.bases, (b) => b.type);
    expect([...byType.keys()].sort()).toEqual(ALL_TYPES);
    for (const few of ['B2', 'B3', 'C1', 'C2', 'C3']) {
      for (const many of ['A1', 'B1', 'B4'])
        expect(byType.get(few) ?? 0).toBeLessThan(byType.get(many) ?? 0);
    }
  });

  it('covers all 14 cities and 沈抚新区, with 沈阳 and 大连 holding most bases', () => {
    const byCity = countBy(demo.bases, (b) => b.city);
    expect([...byCity.keys()].sort()).toEqual([...CITIES].sort());
    const dominant = (byCity.get('沈阳') ?? 0) + (byCity.get('大连') ?? 0);
    expect(dominant / demo.bases.length).toBeGreaterThan(0.55);
  });

  it('names, codes and ids are unique and names follow the type', () => {
    for (const key of ['id', 'code', 'name'] as const) {
      expect(new Set(demo.bases.map((b) => b[key])).size).toBe(demo.bases.length);
    }
    const suffix: Partial<Record<BaseTypeCode, string>> = {
      A1: '重点实验室',
      B1: '工程研究中心',
      B2: '产业技术创新研究院',
      B3: '产业共性技术创新中心',
      B4: '专业技术创新中心',
      B5: '临床医学研究中心',
    };
    for (const b of demo.bases) {
      const s = suffix[b.type];
      if (s) expect(b.name, b.code).toMatch(new RegExp(`^辽宁省.+${s}$`));
    }
  });

  it('gives plausible hosts, directors, years and legacy types consistent with the new type', () => {
    for (const b of demo.bases) {
      expect(b.yearEstablished).toBeGreaterThanOrEqual(2005);
      expect(b.yearEstablished).toBeLessThanOrEqual(2018);
      expect(b.director).toMatch(/^[\u4e00-\u9fff]{2,3}$/);
      if (b.type === 'B5') expect(b.hostInstitution).toMatch(/医院$/);
      if (b.type === 'B3') expect(b.hostInstitution).toMatch(/(集团|公司)/);
      if (b.type === 'B2') expect(b.legacyType).toBeUndefined();
      else {
        const legacy = LEGACY_TYPES.find((t) => t.code === b.legacyType);
        expect(legacy?.destination.candidateTypes, b.code).toContain(b.type);
      }
    }
  });
});

describe('demo panels and assignments', () => {
  it('has 4 panels of 5–7 experts, each with a chair from the panel', () => {
    expect(demo.panels).toHaveLength(4);
    for (const p of demo.panels) {
      const members = demo.experts.filter((e) => e.panelId === p.id);
      expect(members.length).toBeGreaterThanOrEqual(5);
      expect(members.length).toBeLessThanOrEqual(7);
      expect(members.map((e) => e.id)).toContain(p.chairExpertId);
      for (const e of members)
        expect(['教授', '研究员', '主任医师', '正高级工程师', '教授级高级工程师']).toContain(
          e.title,
        );
    }
  });

  it('assigns every base to one panel and to every expert of that panel', () => {
    const pairs = new Set(demo.assignments.map((a) => `${a.expertId}|${a.baseId}`));
    expect(pairs.size).toBe(demo.assignments.length);
    for (const b of demo.bases) {
      expect(demo.panels.map((p) => p.id)).toContain(b.panelId);
      const panelExperts = demo.experts.filter((e) => e.panelId === b.panelId);
      const assigned = demo.assignments.filter((a) => a.baseId === b.id);
      expect(assigned.map((a) => a.expertId).sort()).toEqual(panelExperts.map((e) => e.id).sort());
    }
  });

  it("recuses experts from their own institution's bases, and has a few declared recusals with reasons", () => {
    const experts = new Map(demo.experts.map((e) => [e.id, e]));
    const bases = new Map(demo.bases.map((b) => [b.id, b]));
    const institutional = demo.assignments.filter((a) => a.recusal?.source === 'institution');
    expect(institutional.length).toBeGreaterThan(0);
    for (const a of demo.assignments) {
      const own = experts.get(a.expertId)?.institution === bases.get(a.baseId)?.hostInstitution;
      expect(a.recusal?.source === 'institution', a.id).toBe(own);
    }
    const declared = demo.scoresheets.filter((s) => s.recusal?.source === 'declared');
    expect(declared.length).toBeGreaterThanOrEqual(2);
    expect(declared.length).toBeLessThanOrEqual(3);
    for (const s of declared) {
      expect(s.recusal?.reason).not.toBe('');
      expect(s.scores).toEqual({});
    }
  });

  it('never has an expert score a base hosted by their own institution', () => {
    const experts = new Map(demo.experts.map((e) => [e.id, e]));
    const bases = new Map(demo.bases.map((b) => [b.id, b]));
    const recusedPairs = new Set(
      demo.assignments.filter((a) => a.recusal).map((a) => `${a.expertId}|${a.baseId}`),
    );
    for (const s of demo.scoresheets) {
      expect(experts.get(s.expertId)?.institution).not.toBe(bases.get(s.baseId)?.hostInstitution);
      expect(recusedPairs.has(`${s.expertId}|${s.baseId}`)).toBe(false);
    }
  });
});

describe('demo scoresheets', () => {
  it('uses the template the round names for each base type, with every score in range on 0.5 steps', () => {
    const bases = new Map(demo.bases.map((b) => [b.id, b]));
    for (const s of demo.scoresheets) {
      const base = bases.get(s.baseId);
      expect(base, s.id).toBeDefined();
      if (!base) continue;
      expect(s.templateId).toBe(demo.round.templateByType[base.type]);
      const template = templateOf(demo, s.templateId);
      expect(s.templateVersion).toBe(template.version);
      const maxById = new Map(secondaryIndicators(template).map((i) => [i.id, i.maxPoints]));
      for (const [id, value] of Object.entries(s.scores)) {
        const max = maxById.get(id);
        expect(max, `${s.id} ${id}`).toBeDefined();
        expect(checkScoreValue(value, max ?? 0)).toEqual({ ok: true });
      }
    }
  });

  it('has sheets in every state: submitted, partial drafts, recused and not started', () => {
    const submitted = demo.scoresheets.filter((s) => s.status === 'submitted' && !s.recusal);
    const drafts = demo.scoresheets.filter((s) => s.status === 'draft' && !s.recusal);
    const withSheet = new Set(demo.scoresheets.map((s) => `${s.expertId}|${s.baseId}`));
    const notStarted = demo.assignments.filter(
      (a) => !a.recusal && !withSheet.has(`${a.expertId}|${a.baseId}`),
    );
    expect(submitted.length).toBeGreaterThan(demo.assignments.length / 2);
    expect(drafts.length).toBeGreaterThan(0);
    expect(notStarted.length).toBeGreaterThan(0);
    for (const d of drafts) {
      const n = Object.keys(d.scores).length;
      expect(n).toBeGreaterThan(0);
      expect(n).toBeLessThan(secondaryIndicators(templateOf(demo, d.templateId)).length);
    }
  });

  it('submits only complete sheets whose recommendation fits the total', () => {
    const bases = new Map(demo.bases.map((b) => [b.id, b]));
    const submitted = demo.scoresheets.filter((s) => s.status === 'submitted');
    for (const s of submitted) {
      const template = templateOf(demo, s.templateId);
      expect(
        completeness(s, template, { existingBaseIds: new Set(bases.keys()) }).isComplete,
        s.id,
      ).toBe(true);
      const total = sheetTotal(s, template);
      const code = s.recommendation?.disposition.code;
      if (total >= 75)
        expect(s.recommendation?.disposition).toEqual({
          code: 'include',
          targetType: bases.get(s.baseId)?.type,
        });
      else if (total < 52) expect(code).toBe('revoke');
      if (code === 'rectify' || code === 'revoke') expect(s.recommendation?.reason).not.toBe('');
    }
    const codes = new Set(submitted.map((s) => s.recommendation?.disposition.code));
    expect(codes.has('include')).toBe(true);
    expect(codes.has('rectify')).toBe(true);
  });

  it('shows a spread of totals between bases and between experts', () => {
    const totals = demo.scoresheets
      .filter((s) => s.status === 'submitted')
      .map((s) => sheetTotal(s, templateOf(demo, s.templateId)));
    expect(Math.min(...totals)).toBeLessThan(65);
    expect(Math.max(...totals)).toBeGreaterThan(90);
  });
});
