import { describe, expect, it } from 'vitest';
import {
  buildWorkRows,
  filterWorkRows,
  typesOf,
  workProgress,
} from '../../../../renderer/features/scoring/workRows';
import { builtinTemplateForType } from '../../../../shared/domain/templates';
import type { Scoresheet } from '../../../../shared/domain/types';
import { buildRoundRecords, buildScoresheet } from '../../../helpers/builders';
import { buildChange } from '../../../helpers/voidedBuilders';

function scenario() {
  const r = buildRoundRecords();
  const [expert, other] = r.experts;
  const [a1, b4] = r.bases;
  if (!expert || !other || !a1 || !b4) throw new Error('round not built');
  const templateById = new Map(r.templates.map((t) => [t.id, t]));
  return { r, expert, other, a1, b4, templateById };
}

describe("an expert's work list", () => {
  it('lists only the bases assigned to the expert, with state and total', () => {
    const { r, expert, other, a1, b4, templateById } = scenario();
    const sheets: Scoresheet[] = [
      buildScoresheet(a1, expert, { scores: { 'A1.1.1': 8, 'A1.1.2': 12.5 } }),
      buildScoresheet(b4, other, { status: 'submitted', scores: { 'B4.1.1': 5 } }),
    ];
    const rows = buildWorkRows({
      expertId: expert.id,
      bases: r.bases,
      assignments: r.assignments,
      sheets,
      templateById,
    });
    expect(rows.map((row) => [row.base.id, row.state, row.total])).toEqual([
      [a1.id, 'draft', 20.5],
      [b4.id, 'notStarted', null],
    ]);
  });

  it('shows a recusal from the assignment or the sheet, without a total', () => {
    const { r, expert, a1, b4, templateById } = scenario();
    const assignments = r.assignments.map((a) =>
      a.expertId === expert.id && a.baseId === b4.id
        ? {
            ...a,
            recusal: {
              reason: '本单位基地',
              source: 'institution' as const,
              at: '2024-05-10T09:00:00.000Z',
            },
          }
        : a,
    );
    const sheets = [
      buildScoresheet(a1, expert, {
        scores: {},
        recusal: { reason: '曾兼职', source: 'declared', at: '2024-05-10T09:00:00.000Z' },
      }),
    ];
    const rows = buildWorkRows({
      expertId: expert.id,
      bases: r.bases,
      assignments,
      sheets,
      templateById,
    });
    expect(rows.map((row) => [row.state, row.total, row.recusal?.reason])).toEqual([
      ['recused', null, '曾兼职'],
      ['recused', null, '本单位基地'],
    ]);
  });

  it('filters by state and type and counts progress', () => {
    const { r, expert, a1, templateById } = scenario();
    const sheets = [buildScoresheet(a1, expert, { status: 'submitted', scores: {} })];
    const rows = buildWorkRows({
      expertId: expert.id,
      bases: r.bases,
      assignments: r.assignments,
      sheets,
      templateById,
    });
    expect(filterWorkRows(rows, { state: 'submitted', type: 'all' })).toHaveLength(1);
    expect(filterWorkRows(rows, { state: 'all', type: 'B4' }).map((row) => row.base.type)).toEqual([
      'B4',
    ]);
    expect(filterWorkRows(rows, { state: 'submitted', type: 'B4' })).toEqual([]);
    expect(workProgress(rows)).toEqual({
      assigned: 2,
      submitted: 1,
      notStarted: 1,
      draft: 0,
      recused: 0,
      voided: 0,
    });
    expect(typesOf(rows)).toEqual(['A1', 'B4']);
  });

  it('lists a voided sheet whose assignment was withdrawn, without a total, counted apart', () => {
    const { r, expert, a1, b4, templateById } = scenario();
    // The expert's a1 assignment is gone (base moved to another panel); the sheet stays.
    const assignments = r.assignments.filter(
      (a) => !(a.expertId === expert.id && a.baseId === a1.id),
    );
    const sheet = buildScoresheet(a1, expert, { status: 'submitted', scores: { 'A1.1.1': 8 } });
    const change = buildChange(r.round.id, {
      kind: 'moveBase',
      reason: '基地调整至大连组评审',
      baseId: a1.id,
      voids: [{ expertId: expert.id, baseId: a1.id }],
    });
    const rows = buildWorkRows({
      expertId: expert.id,
      bases: r.bases,
      assignments,
      sheets: [sheet],
      templateById,
      voided: new Map([[sheet.id, change]]),
    });
    expect(rows.map((row) => [row.base.id, row.state, row.total, row.voided?.reason])).toEqual([
      [a1.id, 'submitted', null, '基地调整至大连组评审'],
      [b4.id, 'notStarted', null, undefined],
    ]);
    expect(rows[0]?.assignment).toBeUndefined();
    expect(filterWorkRows(rows, { state: 'submitted', type: 'all' })).toEqual([]);
    expect(
      filterWorkRows(rows, { state: 'voided', type: 'all' }).map((row) => row.base.id),
    ).toEqual([a1.id]);
    expect(workProgress(rows)).toEqual({
      assigned: 1,
      submitted: 0,
      notStarted: 1,
      draft: 0,
      recused: 0,
      voided: 1,
    });
  });

  it('leaves out a sheet of a withdrawn assignment that no change voids', () => {
    const { r, expert, a1, templateById } = scenario();
    const assignments = r.assignments.filter(
      (a) => !(a.expertId === expert.id && a.baseId === a1.id),
    );
    const rows = buildWorkRows({
      expertId: expert.id,
      bases: r.bases,
      assignments,
      sheets: [buildScoresheet(a1, expert, { scores: { 'A1.1.1': 8 } })],
      templateById,
      voided: new Map(),
    });
    expect(rows.map((row) => row.base.type)).toEqual(['B4']);
  });

  it('sums the scores of a sheet whose template is not stored', () => {
    const { r, expert, a1 } = scenario();
    const sheets = [buildScoresheet(a1, expert, { scores: { x: 3, y: 4.5 } })];
    const rows = buildWorkRows({
      expertId: expert.id,
      bases: r.bases,
      assignments: r.assignments,
      sheets,
      templateById: new Map([['other', builtinTemplateForType('C1')]]),
    });
    expect(rows[0]?.total).toBe(7.5);
  });
});
