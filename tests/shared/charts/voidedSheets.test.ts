// The chair's dashboard lists the sheets voided by changes after issue (作废), each with its
// change, narrowed by the same filters as the charts. Expectations worked out by hand.
import { describe, expect, it } from 'vitest';
import { voidedInView } from '../../../shared/charts/voidedSheets';
import type { DashboardFilters } from '../../../shared/charts/filters';
import type { VoidedSheet } from '../../../shared/domain/roundChanges';
import type { RoundChange } from '../../../shared/domain/types';
import {
  buildBase,
  buildExpert,
  buildPanel,
  buildRound,
  buildScoresheet,
} from '../../helpers/builders';

// 沈阳组 (p1): 李明, 王芳; 大连组 (p2): 周涛.
// Bases: 甲 A1 沈阳 in p1; 乙 B4 大连 in p1; 丙 A1 大连, moved from p2 to p1; 丁 A1 鞍山,
// withdrawn (in no panel).
// Voided: 王芳 × 甲 and 王芳 × 乙 (王芳 replaced), 周涛 × 丙 (丙 moved), 李明 × 丁 (丁 withdrawn).
function fixture() {
  const round = buildRound();
  const p1 = buildPanel(round.id, { name: '沈阳组' });
  const p2 = buildPanel(round.id, { name: '大连组' });
  const li = buildExpert(round.id, p1.id, { name: '李明' });
  const wang = buildExpert(round.id, p1.id, { name: '王芳' });
  const zhou = buildExpert(round.id, p2.id, { name: '周涛' });
  const jia = buildBase(round.id, { code: 'LN-A1-001', name: '甲实验室', panelId: p1.id });
  const yi = buildBase(round.id, {
    code: 'LN-B4-001',
    name: '乙工程技术研究中心',
    type: 'B4',
    city: '大连',
    panelId: p1.id,
  });
  const bing = buildBase(round.id, {
    code: 'LN-A1-002',
    name: '丙实验室',
    city: '大连',
    panelId: p1.id,
  });
  const ding = buildBase(round.id, { code: 'LN-A1-003', name: '丁实验室', city: '鞍山' });
  const change = (id: string, kind: RoundChange['kind'], reason: string): RoundChange => ({
    id,
    roundId: round.id,
    kind,
    at: '2024-06-01T02:00:00.000Z',
    actor: '秘书处 王芳',
    reason,
    voids: [],
  });
  const replaced = change('c-replace', 'replaceExpert', '王芳教授因病住院');
  const moved = change('c-move', 'moveBase', '研究方向与沈阳组更对口');
  const withdrawn = change('c-withdraw', 'withdrawBase', '依托单位申请退出');
  const sheet = (base: typeof jia, expert: typeof li) =>
    buildScoresheet(base, expert, { id: `s-${expert.name}-${base.name}`, status: 'submitted' });
  const voided: VoidedSheet[] = [
    { sheet: sheet(jia, wang), change: replaced },
    { sheet: sheet(yi, wang), change: replaced },
    { sheet: sheet(bing, zhou), change: moved },
    { sheet: sheet(ding, li), change: withdrawn },
  ];
  const lookups = {
    bases: [jia, yi, bing, ding],
    experts: [li, wang, zhou],
    panels: [p1, p2],
    templates: [],
  };
  return { round, p1, p2, voided, lookups };
}

const pairs = (rows: readonly { baseName: string; expertName: string }[]) =>
  rows.map((r) => `${r.expertName}×${r.baseName}`);

describe('voided sheets on the dashboard', () => {
  it('lists every voided sheet with its change when nothing is filtered, by base code', () => {
    const { voided, lookups } = fixture();
    const view = voidedInView(voided, lookups, {});
    expect(view.total).toBe(4);
    // Base codes LN-A1-001 甲, LN-A1-002 丙, LN-A1-003 丁, LN-B4-001 乙.
    expect(pairs(view.rows)).toEqual([
      '王芳×甲实验室',
      '周涛×丙实验室',
      '李明×丁实验室',
      '王芳×乙工程技术研究中心',
    ]);
    expect(view.rows[0]).toMatchObject({
      baseCode: 'LN-A1-001',
      panelName: '沈阳组',
      kind: 'replaceExpert',
      reason: '王芳教授因病住院',
      actor: '秘书处 王芳',
      at: '2024-06-01T02:00:00.000Z',
    });
    expect(view.rows[2]).toMatchObject({ kind: 'withdrawBase', reason: '依托单位申请退出' });
  });

  it('narrows by category, type and city as the charts do, keeping the total', () => {
    const { voided, lookups } = fixture();
    const shown = (filters: DashboardFilters) => pairs(voidedInView(voided, lookups, filters).rows);
    // A1: 甲, 丙 and the withdrawn 丁; B4: 乙 only.
    expect(shown({ type: 'A1' })).toEqual(['王芳×甲实验室', '周涛×丙实验室', '李明×丁实验室']);
    expect(shown({ category: 'B' })).toEqual(['王芳×乙工程技术研究中心']);
    expect(shown({ city: '大连' })).toEqual(['周涛×丙实验室', '王芳×乙工程技术研究中心']);
    expect(shown({ type: 'A1', city: '鞍山' })).toEqual(['李明×丁实验室']);
    expect(shown({ type: 'C1' })).toEqual([]);
    expect(voidedInView(voided, lookups, { type: 'C1' }).total).toBe(4);
  });

  it("narrows by panel: the scoring expert's panel or the base's panel now", () => {
    const { voided, lookups, p1, p2 } = fixture();
    const shown = (filters: DashboardFilters) => pairs(voidedInView(voided, lookups, filters).rows);
    // 大连组: only 周涛's sheet of 丙, which moved from it to 沈阳组.
    expect(shown({ panelId: p2.id })).toEqual(['周涛×丙实验室']);
    // 沈阳组: 甲 and 乙 (its bases, its expert), 丙 (its base now), 丁 (its expert 李明).
    expect(shown({ panelId: p1.id })).toHaveLength(4);
    expect(shown({ panelId: p2.id, type: 'B4' })).toEqual([]);
  });

  it('shows nothing of another round, and a sheet of an unknown base only unfiltered', () => {
    const { voided, lookups, round } = fixture();
    expect(voidedInView(voided, lookups, { roundId: round.id }).rows).toHaveLength(4);
    expect(voidedInView(voided, lookups, { roundId: 'another-round' }).rows).toEqual([]);
    const unknownBase = { ...lookups, bases: lookups.bases.slice(0, 3) };
    const all = voidedInView(voided, unknownBase, {}).rows;
    expect(all.map((r) => r.baseName)).toContain(voided[3]?.sheet.baseId);
    expect(pairs(voidedInView(voided, unknownBase, { type: 'A1' }).rows)).toEqual([
      '王芳×甲实验室',
      '周涛×丙实验室',
    ]);
  });

  it('is empty for a round without voided sheets', () => {
    const { lookups } = fixture();
    expect(voidedInView([], lookups, {})).toEqual({ rows: [], total: 0 });
  });
});
