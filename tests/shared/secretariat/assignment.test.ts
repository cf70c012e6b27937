import { describe, expect, it } from 'vitest';
import { assignBasesToPanels, assignExpertsToBases } from '../../../shared/secretariat/assignment';
import type { ExpertAssignment, PanelPlacement } from '../../../shared/secretariat/assignment';
import { pairKey } from '../../../shared/secretariat/conflicts';
import { basesOf, expertsOf, panelsNamed } from '../../helpers/assignmentBuilders';

function placed(outcome: ReturnType<typeof assignBasesToPanels>): PanelPlacement {
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.value;
}

function assigned(outcome: ReturnType<typeof assignExpertsToBases>): ExpertAssignment {
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.value;
}

describe('assignBasesToPanels', () => {
  it('deals 149 bases to 5 panels as 30, 30, 30, 30, 29', () => {
    const result = placed(
      assignBasesToPanels(basesOf(149), panelsNamed('一', '二', '三', '四', '五')),
    );
    expect([...result.sizes.values()]).toEqual([30, 30, 30, 30, 29]);
    expect(result.moves).toHaveLength(149);
  });

  it('spreads each base type across the panels', () => {
    // 6 key labs, 3 clinical centers, 3 platforms over 3 panels: 2 + 1 + 1 each.
    const types = ['A1', 'A1', 'B5', 'A1', 'A1', 'C2', 'A1', 'B5', 'C2', 'A1', 'B5', 'C2'] as const;
    const bases = basesOf(12, types);
    const result = placed(assignBasesToPanels(bases, panelsNamed('一', '二', '三')));
    for (const panelId of ['p1', 'p2', 'p3']) {
      const mine = bases.filter((b) => result.panelOf.get(b.id) === panelId).map((b) => b.type);
      expect(mine.sort()).toEqual(['A1', 'A1', 'B5', 'C2']);
    }
  });

  it('keeps manual placements when asked, and fills the other panels first', () => {
    const bases = basesOf(6).map((b, i) => (i < 3 ? { ...b, panelId: 'p1' } : b));
    const result = placed(
      assignBasesToPanels(bases, panelsNamed('一', '二'), { keepExisting: true }),
    );
    expect(bases.slice(0, 3).map((b) => result.panelOf.get(b.id))).toEqual(['p1', 'p1', 'p1']);
    expect(bases.slice(3).map((b) => result.panelOf.get(b.id))).toEqual(['p2', 'p2', 'p2']);
    expect(result.moves.map((m) => m.baseId)).toEqual(['b04', 'b05', 'b06']);
  });

  it('re-deals manual placements when not asked to keep them, but never a locked base', () => {
    const bases = basesOf(4).map((b) => ({ ...b, panelId: 'p1' }));
    const result = placed(
      assignBasesToPanels(bases, panelsNamed('一', '二'), { lockedBaseIds: new Set(['b04']) }),
    );
    expect(result.panelOf.get('b04')).toBe('p1');
    expect([...result.sizes.values()]).toEqual([2, 2]);
    expect(result.heldBaseIds).toEqual(new Set(['b04']));
  });

  it('places a base whose panel no longer exists', () => {
    const bases = basesOf(1).map((b) => ({ ...b, panelId: 'deleted' }));
    const result = placed(assignBasesToPanels(bases, panelsNamed('一'), { keepExisting: true }));
    expect(result.moves).toEqual([{ baseId: 'b01', from: 'deleted', to: 'p1' }]);
  });

  it('prefers, among equally full panels, the one with fewer conflicted experts', () => {
    const result = placed(
      assignBasesToPanels(basesOf(1), panelsNamed('一', '二'), {
        conflictCounts: new Map([['b01', new Map([['p1', 2]])]]),
      }),
    );
    expect(result.panelOf.get('b01')).toBe('p2');
  });

  it('refuses, in Chinese, to place bases when there is no panel', () => {
    const outcome = assignBasesToPanels(basesOf(2), []);
    expect(outcome).toEqual({ ok: false, message: '还没有专家组，无法分配基地：请先建立专家组。' });
    expect(assignBasesToPanels([], []).ok).toBe(true);
  });
});

describe('assignExpertsToBases', () => {
  const bases = basesOf(4);
  const experts = expertsOf('p1', 3);

  it('gives every base all experts of the panel by default', () => {
    const result = assigned(assignExpertsToBases(bases, experts));
    expect(result.pairs).toHaveLength(12);
    expect([...result.load.values()]).toEqual([4, 4, 4]);
    expect(result.short).toEqual([]);
  });

  it('balances the load when each base gets fewer experts than the panel has', () => {
    const result = assigned(assignExpertsToBases(bases, experts, { expertsPerBase: 2 }));
    expect(result.pairs).toHaveLength(8);
    const loads = [...result.load.values()];
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    for (const base of bases) {
      expect(result.pairs.filter((p) => p.baseId === base.id)).toHaveLength(2);
    }
  });

  it('never assigns a conflicted expert, records the pair as recused and reports the short base', () => {
    const isConflicted = (expertId: string, baseId: string) =>
      baseId === 'b01' && expertId !== 'p1-e3';
    const result = assigned(
      assignExpertsToBases(bases, experts, { expertsPerBase: 2, isConflicted }),
    );
    expect(result.pairs.filter((p) => p.baseId === 'b01')).toEqual([
      { expertId: 'p1-e3', baseId: 'b01' },
    ]);
    expect(result.recused).toEqual([
      { expertId: 'p1-e1', baseId: 'b01' },
      { expertId: 'p1-e2', baseId: 'b01' },
    ]);
    expect(result.short).toEqual([{ baseId: 'b01', required: 2, assigned: 1, eligible: 1 }]);
  });

  it('with the default, a base is short only when no expert of the panel may score it', () => {
    const result = assigned(
      assignExpertsToBases(bases, experts, { isConflicted: (_, baseId) => baseId === 'b02' }),
    );
    expect(result.short).toEqual([{ baseId: 'b02', required: 1, assigned: 0, eligible: 0 }]);
  });

  it('keeps locked pairs (sheets started) and balances the rest around them', () => {
    const locked = new Set([pairKey('p1-e1', 'b01'), pairKey('p1-e1', 'b02')]);
    const result = assigned(
      assignExpertsToBases(bases, experts, { expertsPerBase: 1, lockedPairs: locked }),
    );
    expect(result.pairs).toEqual([
      { expertId: 'p1-e1', baseId: 'b01' },
      { expertId: 'p1-e1', baseId: 'b02' },
      { expertId: 'p1-e2', baseId: 'b03' },
      { expertId: 'p1-e3', baseId: 'b04' },
    ]);
  });

  it('prefers the experts a base had before among equally loaded ones', () => {
    const previous = new Set([pairKey('p1-e3', 'b01')]);
    const result = assigned(
      assignExpertsToBases(bases.slice(0, 1), experts, {
        expertsPerBase: 1,
        previousPairs: previous,
      }),
    );
    expect(result.pairs).toEqual([{ expertId: 'p1-e3', baseId: 'b01' }]);
  });

  it('refuses a number of experts per base that is not a positive whole number', () => {
    for (const n of [0, -1, 1.5, Number.NaN]) {
      expect(assignExpertsToBases(bases, experts, { expertsPerBase: n })).toEqual({
        ok: false,
        message: '每个基地的评审专家数须为不小于 1 的整数。',
      });
    }
  });
});
