import { describe, expect, it } from 'vitest';
import { generateDemoDataset } from '../../../shared/demo/demoRound';
import { validateDispositionDecision } from '../../../shared/domain/dispositions';

const { current, history } = generateDemoDataset();

describe('demo history rounds', () => {
  it('adds a 2019 integration round and a 2021 periodic round, both closed and earlier', () => {
    expect(history.map((r) => [r.round.year, r.round.evaluationType, r.round.status])).toEqual([
      [2019, 'integration', 'closed'],
      [2021, 'periodic', 'closed'],
    ]);
    for (const r of [current, ...history]) expect(r.round.isDemo).toBe(true);
  });

  it('shares base codes with the current round for a subset, so history charts can link them', () => {
    const currentCodes = new Set(current.bases.map((b) => b.code));
    for (const r of history) {
      const shared = r.bases.filter((b) => currentCodes.has(b.code));
      expect(shared.length).toBeGreaterThan(r.bases.length / 2);
      expect(shared.length).toBeLessThan(current.bases.length);
    }
  });

  it('uses legacy names in 2019, and retires some bases there (撤销 or 合并)', () => {
    const [r2019] = history;
    if (!r2019) throw new Error('no 2019 round');
    expect(r2019.bases.some((b) => b.name.endsWith('工程技术研究中心'))).toBe(true);
    const currentCodes = new Set(current.bases.map((b) => b.code));
    const retired = r2019.bases.filter((b) => !currentCodes.has(b.code));
    expect(retired.length).toBeGreaterThan(0);
    for (const b of retired) {
      const d = r2019.decisions.find((x) => x.baseId === b.id);
      expect(['revoke', 'merge']).toContain(d?.disposition.code);
    }
  });

  it('decides every scored base of a history round with a valid decision', () => {
    for (const r of history) {
      const ids = new Set(r.bases.map((b) => b.id));
      expect(r.decisions).toHaveLength(r.bases.length);
      for (const d of r.decisions) {
        const base = r.bases.find((b) => b.id === d.baseId);
        expect(
          validateDispositionDecision(d, {
            existingBaseIds: ids,
            selfBaseId: d.baseId,
            baseType: base?.type,
          }),
        ).toEqual([]);
      }
    }
  });

  it('completes every expected sheet in closed rounds', () => {
    for (const r of history) {
      const withSheet = new Set(r.scoresheets.map((s) => `${s.expertId}|${s.baseId}`));
      const open = r.assignments.filter(
        (a) => !a.recusal && !withSheet.has(`${a.expertId}|${a.baseId}`),
      );
      expect(open).toEqual([]);
      expect(r.scoresheets.every((s) => s.status === 'submitted' || s.recusal)).toBe(true);
    }
  });

  it('keeps every id unique across all demo rounds', () => {
    const ids = [current, ...history].flatMap((r) => [
      r.round.id,
      ...r.bases.map((b) => b.id),
      ...r.panels.map((p) => p.id),
      ...r.experts.map((e) => e.id),
      ...r.assignments.map((a) => a.id),
      ...r.scoresheets.map((s) => s.id),
      ...r.decisions.map((d) => d.id),
    ]);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
