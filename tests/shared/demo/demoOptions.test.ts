import { describe, expect, it } from 'vitest';
import { generateDemoRound, pickEvenly } from '../../../shared/demo/demoRound';

const full = generateDemoRound({ seed: 7 });

describe('demo options for smaller or regrouped rounds', () => {
  it('leaves the default demo unchanged when asked for the 4 regional panels', () => {
    expect(generateDemoRound({ seed: 7, panelCount: 4 })).toEqual(full);
  });

  it('picks baseCount bases at even steps through the registry, deterministically', () => {
    const small = generateDemoRound({ seed: 7, baseCount: 30 });
    expect(small.bases).toHaveLength(30);
    expect(generateDemoRound({ seed: 7, baseCount: 30 })).toEqual(small);
    const fullCodes = new Set(full.bases.map((b) => b.code));
    expect(small.bases.every((b) => fullCodes.has(b.code))).toBe(true);
    expect(new Set(small.bases.map((b) => b.type)).size).toBeGreaterThanOrEqual(6);
    const assigned = new Set(small.assignments.map((a) => a.baseId));
    expect(small.bases.every((b) => assigned.has(b.id))).toBe(true);
  });

  it('regroups the bases into panelCount panels of near-equal size, each with its experts', () => {
    for (const panelCount of [1, 2, 3, 7]) {
      const round = generateDemoRound({ seed: 7, baseCount: 40, panelCount });
      expect(round.panels).toHaveLength(panelCount);
      const sizes = round.panels.map((p) => round.bases.filter((b) => b.panelId === p.id).length);
      expect(sizes.reduce((a, b) => a + b, 0)).toBe(40);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      for (const panel of round.panels) {
        const experts = round.experts.filter((e) => e.panelId === panel.id);
        expect(experts.length).toBeGreaterThanOrEqual(5);
        expect(experts.length).toBeLessThanOrEqual(7);
      }
      expect(
        round.assignments.every(
          (a) => round.bases.find((b) => b.id === a.baseId)?.panelId === a.panelId,
        ),
      ).toBe(true);
    }
  });

  it('forms no empty regional panel when a few bases leave a region without any', () => {
    const tiny = generateDemoRound({ seed: 7, baseCount: 2 });
    expect(tiny.panels.length).toBeLessThanOrEqual(2);
    expect(tiny.panels.map((p) => p.id)).toEqual(
      tiny.panels.map((_, i) => `${tiny.round.id}-panel-${i + 1}`),
    );
    for (const panel of tiny.panels)
      expect(tiny.bases.some((b) => b.panelId === panel.id)).toBe(true);
  });

  it('refuses impossible counts', () => {
    expect(() => generateDemoRound({ seed: 7, baseCount: 0 })).toThrow(RangeError);
    expect(() => generateDemoRound({ seed: 7, baseCount: full.bases.length + 1 })).toThrow(
      RangeError,
    );
    expect(() => generateDemoRound({ seed: 7, baseCount: 3, panelCount: 5 })).toThrow(RangeError);
    expect(pickEvenly(['a', 'b', 'c', 'd'], 2)).toEqual(['a', 'c']);
  });
});
