import { describe, expect, it } from 'vitest';
import { buildReportModel, conflictResolvers } from '../../../shared/report/model';
import { buildReportFixture } from '../../helpers/reportBuilders';

describe('report model', () => {
  const { input, bases } = buildReportFixture();
  const model = buildReportModel(input);
  const row = (id: string) => {
    const found = model.rows.find((r) => r.base.id === id);
    if (!found) throw new Error(`no row for ${id}`);
    return found;
  };

  it('orders bases by type, then rank in type with unscored bases last', () => {
    expect(model.rows.map((r) => r.base.code)).toEqual([
      'LN-A1-001',
      'LN-A1-002',
      'LN-A1-003',
      'LN-B4-001',
    ]);
  });

  it('aggregates under the round’s rule: trimmed from 5 valid sheets, the mean below', () => {
    const x = row(bases.x.id);
    expect(x).toMatchObject({
      sheets: 5,
      aggregate: 90,
      method: 'trimmedMean',
      grade: 'excellent',
    });
    expect(x.byMethod.mean.value).toBe(87);
    expect(x.byMethod.median.value).toBe(90);
    expect(x).toMatchObject({ min: 70, max: 95, range: 25, isDisagreement: true });
    expect(x.sd).toBeCloseTo(Math.sqrt(97), 10);
    // The draft and the recused sheet of Y count for nothing.
    expect(row(bases.y.id)).toMatchObject({
      sheets: 3,
      aggregate: 82,
      method: 'mean',
      grade: 'good',
    });
    expect(row(bases.z.id)).toMatchObject({
      sheets: 0,
      aggregate: null,
      grade: null,
      rankInType: null,
    });
    expect(row(bases.w.id)).toMatchObject({
      aggregate: 55,
      grade: 'fail',
      rankInType: 1,
      typeCount: 1,
    });
    expect([row(bases.x.id).rankInType, row(bases.y.id).rankInType]).toEqual([1, 2]);
  });

  it('counts bases, sheets by state, conflicts and decisions', () => {
    expect(model.counts).toEqual({
      bases: 4,
      scoredBases: 3,
      unscoredBases: 1,
      decidedBases: 2,
      undecidedBases: 2,
      panels: 2,
      experts: 7,
      expectedSheets: 14,
      sheetStates: { submitted: 10, draft: 1, recused: 1, notStarted: 2 },
      scoresheets: 12,
      validSheets: 10,
      conflicts: 2,
      openConflicts: 1,
      decisions: 2,
    });
  });

  it('summarises each type with its grade distribution and quota warnings over scored bases', () => {
    const [a1, b4] = model.types;
    expect(model.types).toHaveLength(2);
    expect(a1).toMatchObject({
      type: 'A1',
      bases: 3,
      scored: 2,
      unscored: 1,
      grades: { excellent: 1, good: 1, pass: 0, fail: 0 },
      decided: 1,
      undecided: 2,
      quotaNotes: [
        '优秀 1/2（50%），超过 15% 的上限',
        '限期整改与不合格 0/2（0%），低于 10% 的下限',
      ],
    });
    expect(b4).toMatchObject({
      type: 'B4',
      grades: { excellent: 0, good: 0, pass: 0, fail: 1 },
      quotaNotes: [],
    });
    expect(b4?.quota?.rectifyOrFailShare).toBe(1);
  });

  it('lists open conflicts first, with both totals and who settled the resolved one', () => {
    expect(model.conflicts.map((c) => c.id)).toEqual(['conflict-open', 'conflict-resolved']);
    const [open, resolved] = model.conflicts;
    expect(open).toMatchObject({
      isOpen: true,
      local: { total: 50, status: 'submitted' },
      incoming: { total: 52, deviceId: 'laptop-3' },
      resolution: null,
      resolvedBy: null,
      currentTotal: null,
    });
    expect(resolved).toMatchObject({
      isOpen: false,
      expertName: '赵一',
      local: { total: 93, deviceId: 'laptop-1' },
      incoming: { total: 95 },
      resolution: 'incoming',
      resolvedAt: '2024-05-21T03:30:00.000Z',
      resolvedBy: '王秘书',
      currentTotal: 95,
    });
  });

  it('lists decisions in result order', () => {
    expect(model.decisions.map((d) => d.row?.base.code)).toEqual(['LN-A1-001', 'LN-B4-001']);
  });

  it('finds who resolved a conflict only in resolution audit entries', () => {
    const at = '2024-05-21T03:30:00.000Z';
    const resolvers = conflictResolvers([
      {
        at,
        roundId: 'r',
        action: 'scoresheet.resolveConflict',
        entityId: 's',
        actor: '甲',
        detail: '录入商定的分数（冲突记录 c-1）',
      },
      {
        at,
        roundId: 'r',
        action: 'scoresheet.update',
        entityId: 's',
        actor: '乙',
        detail: '（冲突记录 c-2）',
      },
      { at, roundId: 'r', action: 'scoresheet.resolveConflict', entityId: 's', actor: '丙' },
    ]);
    expect([...resolvers]).toEqual([['c-1', { actor: '甲', at }]]);
  });
});
