import { describe, expect, it } from 'vitest';
import {
  buildPanelMatrix,
  expertsWithNothingHere,
} from '../../../../renderer/features/scoring/panelMatrix';
import { buildRoundRecords, buildScoresheet } from '../../../helpers/builders';

describe("the chair's panel matrix", () => {
  it('puts the chair first and gives every expected sheet its state and total', () => {
    const r = buildRoundRecords();
    const [e1, e2, e3] = r.experts;
    const [a1, b4] = r.bases;
    if (!e1 || !e2 || !e3 || !a1 || !b4) throw new Error('round not built');
    const panel = { ...r.panel, chairExpertId: e2.id };
    const sheets = [
      buildScoresheet(a1, e1, { status: 'submitted', scores: { 'A1.1.1': 9 } }),
      buildScoresheet(a1, e2, { scores: { 'A1.1.1': 5 } }),
      buildScoresheet(b4, e3, {
        recusal: { reason: '师生关系', source: 'declared', at: '2024-05-10T09:00:00.000Z' },
      }),
    ];
    const matrix = buildPanelMatrix({
      panel,
      experts: r.experts,
      bases: r.bases,
      assignments: r.assignments,
      sheets,
      templateById: new Map(r.templates.map((t) => [t.id, t])),
    });

    expect(matrix.experts.map((e) => e.id)).toEqual([e2.id, e1.id, e3.id]);
    expect(matrix.rows.map((row) => row.base.id)).toEqual([a1.id, b4.id]);
    expect(matrix.rows[0]?.cells[e1.id]).toEqual({
      state: 'submitted',
      total: 9,
      recusalReason: undefined,
    });
    expect(matrix.rows[0]?.cells[e2.id]).toMatchObject({ state: 'draft', total: 5 });
    expect(matrix.rows[1]?.cells[e3.id]).toEqual({
      state: 'recused',
      total: null,
      recusalReason: '师生关系',
    });
    expect(matrix.total).toEqual({
      expected: 6,
      missing: 4,
      notStarted: 3,
      draft: 1,
      submitted: 1,
      recused: 1,
    });
    expect(matrix.byExpert[e3.id]).toMatchObject({ expected: 2, missing: 1, recused: 1 });
  });

  it('leaves out experts and assignments of other panels', () => {
    const r = buildRoundRecords();
    const stranger = { ...r.experts[0], id: 'stranger', panelId: 'other-panel' };
    const matrix = buildPanelMatrix({
      panel: r.panel,
      experts: [
        ...r.experts,
        {
          ...stranger,
          name: '外组专家',
          roundId: r.round.id,
          institution: '',
          title: '',
          field: '',
        },
      ],
      bases: r.bases,
      assignments: r.assignments,
      sheets: [],
      templateById: new Map(),
    });
    expect(matrix.experts.map((e) => e.id)).not.toContain('stranger');
    expect(matrix.total.expected).toBe(r.assignments.length);
  });
});

describe('experts with nothing on this laptop', () => {
  it('names the experts none of whose sheets exists here, and no one who started one', () => {
    const r = buildRoundRecords();
    const [e1, e2, e3] = r.experts;
    const [a1, b4] = r.bases;
    if (!e1 || !e2 || !e3 || !a1 || !b4) throw new Error('round not built');
    const matrixWith = (sheets: ReturnType<typeof buildScoresheet>[]) =>
      buildPanelMatrix({
        panel: r.panel,
        experts: r.experts,
        bases: r.bases,
        assignments: r.assignments,
        sheets,
        templateById: new Map(r.templates.map((t) => [t.id, t])),
      });
    const ids = (sheets: ReturnType<typeof buildScoresheet>[]) =>
      expertsWithNothingHere(matrixWith(sheets)).map((e) => e.id);

    expect(ids([])).toEqual([e1.id, e2.id, e3.id]);
    // A draft, a submitted sheet or a recusal is something here.
    expect(
      ids([
        buildScoresheet(a1, e1, { scores: { 'A1.1.1': 5 } }),
        buildScoresheet(b4, e3, {
          recusal: { reason: '师生关系', source: 'declared', at: '2024-05-10T09:00:00.000Z' },
        }),
      ]),
    ).toEqual([e2.id]);
    // An expert without any assignment is not waited for.
    const idle = buildPanelMatrix({
      panel: r.panel,
      experts: r.experts,
      bases: r.bases,
      assignments: r.assignments.filter((a) => a.expertId !== e2.id),
      sheets: [],
      templateById: new Map(r.templates.map((t) => [t.id, t])),
    });
    expect(expertsWithNothingHere(idle).map((e) => e.id)).toEqual([e1.id, e3.id]);
  });
});
