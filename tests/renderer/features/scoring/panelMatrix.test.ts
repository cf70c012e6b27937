import { describe, expect, it } from 'vitest';
import {
  buildPanelMatrix,
  expertsWithNothingHere,
} from '../../../../renderer/features/scoring/panelMatrix';
import { buildRoundRecords, buildScoresheet } from '../../../helpers/builders';
import { buildChange } from '../../../helpers/voidedBuilders';

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
      voided: 0,
    });
    expect(matrix.byExpert[e3.id]).toMatchObject({ expected: 2, missing: 1, recused: 1 });
  });

  it('shows a voided sheet with its reason and counts it in no expected or missing figure', () => {
    const r = buildRoundRecords();
    const [e1, e2, e3] = r.experts;
    const [a1, b4] = r.bases;
    if (!e1 || !e2 || !e3 || !a1 || !b4) throw new Error('round not built');
    // e3 was replaced: a re-issued bundle took both of e3's assignments away; e3's started
    // sheet for a1 stays, voided by the change.
    const assignments = r.assignments.filter((a) => a.expertId !== e3.id);
    const sheets = [
      buildScoresheet(a1, e1, { status: 'submitted', scores: { 'A1.1.1': 9 } }),
      buildScoresheet(a1, e3, { status: 'submitted', scores: { 'A1.1.1': 4 } }),
    ];
    const [voidedSheet] = sheets.slice(1);
    if (!voidedSheet) throw new Error('no sheet');
    const change = buildChange(r.round.id, {
      kind: 'replaceExpert',
      reason: '专家因病无法继续评审',
      expertId: e3.id,
      voids: [
        { expertId: e3.id, baseId: a1.id },
        { expertId: e3.id, baseId: b4.id },
      ],
    });
    const matrix = buildPanelMatrix({
      panel: r.panel,
      experts: r.experts,
      bases: r.bases,
      assignments,
      sheets,
      templateById: new Map(r.templates.map((t) => [t.id, t])),
      voided: new Map([[voidedSheet.id, change]]),
    });
    expect(matrix.rows[0]?.cells[e3.id]).toEqual({
      state: 'submitted',
      total: null,
      recusalReason: undefined,
      voided: { id: change.id, kind: 'replaceExpert', reason: '专家因病无法继续评审' },
    });
    // e3 has no cell for b4: neither assigned nor a sheet.
    expect(matrix.rows[1]?.cells[e3.id]).toBeUndefined();
    // 4 assignments are left (e1, e2 × a1, b4); one of them is submitted.
    expect(matrix.total).toEqual({
      expected: 4,
      missing: 3,
      notStarted: 3,
      draft: 0,
      submitted: 1,
      recused: 0,
      voided: 1,
    });
    expect(matrix.byExpert[e3.id]).toEqual({
      expected: 0,
      missing: 0,
      notStarted: 0,
      draft: 0,
      submitted: 0,
      recused: 0,
      voided: 1,
    });
    expect(expertsWithNothingHere(matrix).map((e) => e.id)).toEqual([e2.id]);
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
