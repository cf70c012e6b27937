import { describe, expect, it } from 'vitest';
import { assignmentMatrix, panelBalance } from '../../../shared/secretariat/assignmentMatrix';
import { findConflictsOfInterest } from '../../../shared/secretariat/conflicts';
import { buildAssignment, buildScoresheet, TEST_TIME } from '../../helpers/builders';
import { basesOf, expertsOf, panelsNamed } from '../../helpers/assignmentBuilders';

const bases = basesOf(3, ['A1', 'B4', 'A1']).map((b, i) => ({
  ...b,
  panelId: 'p1',
  hostInstitution: i === 0 ? '东北大学' : '沈阳工业大学',
}));
const experts = expertsOf('p1', 3).map((e, i) => (i === 0 ? { ...e, institution: '东北大学' } : e));
const [b1, b2, b3] = bases;
const [e1, e2, e3] = experts;
if (!b1 || !b2 || !b3 || !e1 || !e2 || !e3) throw new Error('builders');

describe('assignmentMatrix', () => {
  const at = TEST_TIME;
  const assignments = [
    buildAssignment(b1, e1, { recusal: { reason: '本单位', source: 'institution', at } }),
    buildAssignment(b1, e2),
    buildAssignment(b2, e1),
    buildAssignment(b2, e2),
    buildAssignment(b2, e3, { recusal: { reason: '亲属任职', source: 'declared', at } }),
    buildAssignment(b3, e3, { recusal: { reason: '旧单位', source: 'institution', at } }),
  ];
  const conflicts = findConflictsOfInterest(bases, experts, [
    { expertId: e3.id, baseId: b2.id, reason: '亲属任职' },
  ]);
  const matrix = assignmentMatrix({ panelId: 'p1', bases, experts, assignments, conflicts });

  it('marks each cell assigned, conflict (with kind and reason), recused or empty', () => {
    const states = matrix.rows.map((r) => r.cells.map((c) => c.state));
    expect(states).toEqual([
      ['conflict', 'assigned', 'none'],
      ['assigned', 'assigned', 'none'],
      ['none', 'conflict', 'recused'],
    ]);
    expect(matrix.rows[0]?.cells[0]).toMatchObject({
      conflictKinds: ['institution'],
      reason: '专家所在单位（东北大学）为该基地依托单位',
    });
    expect(matrix.rows[2]?.cells[1]).toMatchObject({
      conflictKinds: ['declared'],
      reason: '亲属任职',
    });
    expect(matrix.rows[2]?.cells[2]).toMatchObject({ reason: '旧单位', conflictKinds: [] });
  });

  it('counts each expert’s load and each base’s coverage against what it needs', () => {
    expect(matrix.rows.map((r) => r.load)).toEqual([1, 2, 0]);
    expect(matrix.bases.map((c) => [c.assigned, c.recused, c.required, c.isShort])).toEqual([
      [1, 1, 2, true], // two experts free of conflict, one assigned
      [2, 1, 2, false],
      [0, 1, 3, true],
    ]);
    expect(matrix.totals).toMatchObject({
      assigned: 3,
      conflicts: 2,
      violations: 0,
      recused: 1,
      shortBases: 2,
      minLoad: 0,
      maxLoad: 2,
    });
  });

  it('flags a conflicted expert assigned without a recusal as a violation', () => {
    const broken = assignmentMatrix({
      panelId: 'p1',
      bases: [b1],
      experts: [e1],
      assignments: [buildAssignment(b1, e1)],
      conflicts,
    });
    expect(broken.rows[0]?.cells[0]?.state).toBe('violation');
    expect(broken.totals.violations).toBe(1);
  });
});

describe('assignmentMatrix with recusals declared on sheets', () => {
  it('reads an expert’s own 回避 on the sheet as recused, not as a violation', () => {
    const recusal = { reason: '曾指导该实验室主任', source: 'declared' as const, at: TEST_TIME };
    const declared = findConflictsOfInterest(
      [b2],
      [e2],
      [{ expertId: e2.id, baseId: b2.id, ...recusal }],
    );
    const input = {
      panelId: 'p1',
      bases: [b2, b3],
      experts: [e2],
      assignments: [buildAssignment(b2, e2), buildAssignment(b3, e2)],
      conflicts: declared,
    };
    const withSheets = assignmentMatrix({
      ...input,
      scoresheets: [
        buildScoresheet(b2, e2, { recusal }),
        buildScoresheet(b3, e2, { recusal: { ...recusal, reason: '另一原因' } }),
      ],
    });
    expect(withSheets.rows[0]?.cells.map((c) => c.state)).toEqual(['conflict', 'recused']);
    expect(withSheets.rows[0]?.load).toBe(0);
    expect(assignmentMatrix(input).rows[0]?.cells.map((c) => c.state)).toEqual([
      'violation',
      'assigned',
    ]);
  });
});

describe('panelBalance', () => {
  it('counts bases by type and experts per panel, and bases in no panel', () => {
    const panels = panelsNamed('一', '二');
    const loose = basesOf(1).map((b) => ({ ...b, id: 'loose', panelId: 'gone' }));
    const balance = panelBalance([...bases, ...loose], panels, experts);
    expect(
      balance.rows.map((r) => [r.panel.id, r.bases, r.experts, r.byType.A1, r.byType.B4]),
    ).toEqual([
      ['p1', 3, 3, 2, 1],
      ['p2', 0, 0, 0, 0],
    ]);
    expect(balance).toMatchObject({ unplaced: 1, minBases: 0, maxBases: 3 });
  });
});
