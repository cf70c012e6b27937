import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PingguDatabase } from '../../../renderer/db/database';
import {
  findScoresheet,
  getRoundOverview,
  listAssignmentsOfExpert,
  listBaseHistory,
  listBases,
  listBasesOfType,
  listRounds,
  listScoresheetsOfExpert,
  sheetState,
} from '../../../renderer/db/queries';
import {
  buildAssignment,
  buildBase,
  buildExpert,
  buildRoundRecords,
  buildScoresheet,
} from '../../helpers/builders';
import type { RoundRecords } from '../../helpers/builders';
import { openTestDatabase, putRoundRecords } from '../../helpers/db';

let db: PingguDatabase;

beforeEach(async () => {
  db = await openTestDatabase();
});

afterEach(async () => {
  await db.delete();
});

/** 2 bases × 3 experts, one expected sheet in each state plus two extra drafts. */
function roundInEveryState(): RoundRecords {
  const r = buildRoundRecords();
  const [s0, s1, s2, s3] = r.scoresheets;
  if (!s0 || !s1 || !s2 || !s3) throw new Error('builder');
  const recusedAssignment = r.assignments.find(
    (a) => a.expertId === s3.expertId && a.baseId === s3.baseId,
  );
  if (!recusedAssignment) throw new Error('builder');
  recusedAssignment.recusal = {
    reason: '本单位',
    source: 'institution',
    at: '2024-05-01T00:00:00.000Z',
  };
  return {
    ...r,
    scoresheets: [
      { ...s0, status: 'submitted' },
      { ...s1, recusal: { reason: '学生', source: 'declared', at: '2024-05-01T00:00:00.000Z' } },
      s2, // draft
      // s3's pair is recused on the assignment and has no sheet; the last 2 pairs are not started
    ],
  };
}

describe('round overview', () => {
  it('counts bases, people and sheets by state, treating a recused assignment as recused', async () => {
    const r = roundInEveryState();
    await putRoundRecords(db, r);

    const overview = await getRoundOverview(db, r.round.id);

    expect(overview).toMatchObject({
      bases: 2,
      panels: 1,
      experts: 3,
      assignments: 6,
      basesWithoutPanel: 0,
    });
    expect(overview.sheets).toEqual({ submitted: 1, draft: 1, recused: 2, notStarted: 2 });
    expect(overview.basesByType).toMatchObject({ A1: 1, B4: 1, B1: 0 });
  });

  it('a recusal on either the assignment or the sheet makes the sheet recused', () => {
    const r = buildRoundRecords();
    const [a] = r.assignments;
    const [s] = r.scoresheets;
    if (!a || !s) throw new Error('builder');
    const recusal = { reason: 'x', source: 'declared' as const, at: 't' };
    expect(sheetState(a, undefined)).toBe('notStarted');
    expect(sheetState({ ...a, recusal }, { ...s, status: 'submitted' })).toBe('recused');
    expect(sheetState(a, { ...s, recusal })).toBe('recused');
    expect(sheetState(a, { ...s, status: 'submitted' })).toBe('submitted');
  });
});

describe('lists', () => {
  it('lists bases by type order and by type, and a base across rounds by code', async () => {
    const older = buildRoundRecords({ year: 2021 });
    const newer = buildRoundRecords({ year: 2023 });
    const [oldBase] = older.bases;
    if (!oldBase) throw new Error('builder');
    const sameBase = buildBase(newer.round.id, { code: oldBase.code, type: 'A1' });
    await putRoundRecords(db, older);
    await putRoundRecords(db, { ...newer, bases: [...newer.bases, sameBase] });

    expect((await listBases(db, newer.round.id)).map((b) => b.type)).toEqual(['A1', 'A1', 'B4']);
    expect(await listBasesOfType(db, newer.round.id, 'B4')).toHaveLength(1);
    expect((await listBaseHistory(db, oldBase.code)).map((b) => b.roundId).sort()).toEqual(
      [older.round.id, newer.round.id].sort(),
    );
    expect((await listRounds(db)).map((x) => x.year)).toEqual([2023, 2021]);
  });

  it("finds an expert's assignments and sheets, and the sheet of an (expert, base) pair", async () => {
    const r = buildRoundRecords();
    const extraExpert = buildExpert(r.round.id, r.panel.id);
    const [base] = r.bases;
    if (!base) throw new Error('builder');
    await putRoundRecords(db, {
      ...r,
      experts: [...r.experts, extraExpert],
      assignments: [...r.assignments, buildAssignment(base, extraExpert)],
      scoresheets: [...r.scoresheets, buildScoresheet(base, extraExpert, { id: 'the-sheet' })],
    });

    expect(await listAssignmentsOfExpert(db, r.round.id, extraExpert.id)).toHaveLength(1);
    expect((await listScoresheetsOfExpert(db, extraExpert.id)).map((s) => s.id)).toEqual([
      'the-sheet',
    ]);
    expect((await findScoresheet(db, extraExpert.id, base.id))?.id).toBe('the-sheet');
    expect(await findScoresheet(db, extraExpert.id, 'other')).toBeUndefined();
  });
});
