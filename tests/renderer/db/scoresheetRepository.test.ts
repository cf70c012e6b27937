import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PingguDatabase } from '../../../renderer/db/database';
import {
  applyScoresheetEdit,
  createScoresheet,
  createScoresheetWithEdit,
  reopenScoresheet,
  recuseScoresheet,
  saveScore,
  submitScoresheet,
} from '../../../renderer/db/repositories/scoresheetRepository';
import type { EditContext } from '../../../renderer/db/repositories/scoresheetRepository';
import { setOverallComment, setRecommendation, setScore } from '../../../shared/domain/scoresheet';
import { secondaryIndicators } from '../../../shared/domain/templates';
import type { Scoresheet } from '../../../shared/domain/types';
import { buildRoundRecords, testSheetDeps } from '../../helpers/builders';
import type { RoundRecords } from '../../helpers/builders';
import { openTestDatabase, putRoundRecords } from '../../helpers/db';

let db: PingguDatabase;
let r: RoundRecords;
let sheet: Scoresheet;

beforeEach(async () => {
  db = await openTestDatabase();
  r = buildRoundRecords();
  await putRoundRecords(db, r);
  const first = r.scoresheets[0];
  if (!first) throw new Error('no sheet built');
  sheet = first;
});

afterEach(async () => {
  await db.delete();
});

const auditOf = (id: string) => db.auditLog.where('entityId').equals(id).sortBy('seq');

/** Scores every indicator of the sheet at 80% and sets a recommendation, through the repository. */
async function completeSheet(s: Scoresheet, deps = testSheetDeps()): Promise<void> {
  const template = r.templates.find((t) => t.id === s.templateId);
  if (!template) throw new Error('template missing');
  for (const indicator of secondaryIndicators(template)) {
    await saveScore(
      db,
      s.id,
      indicator.id,
      Math.round(indicator.maxPoints * 1.6) / 2,
      'expert',
      deps,
    );
  }
  await applyScoresheetEdit(
    db,
    s.id,
    (x, { stamp }) =>
      setRecommendation(
        x,
        { disposition: { code: 'include', targetType: 'A1' }, reason: '' },
        stamp,
      ),
    'expert',
    deps,
  );
}

describe('scoresheet edits', () => {
  it('saves a score and appends an audit entry naming the change', async () => {
    const result = await saveScore(db, sheet.id, 'A1.1.1', 7.5, '李明', testSheetDeps());

    expect(result.ok).toBe(true);
    const stored = await db.scoresheets.get(sheet.id);
    expect(stored?.scores['A1.1.1']).toBe(7.5);
    expect(stored?.revision).toBe(sheet.revision + 1);
    const audit = await auditOf(sheet.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'scoresheet.update',
      actor: '李明',
      roundId: r.round.id,
    });
    expect(audit[0]?.detail).toContain('A1.1.1: — → 7.5');
  });

  it('leaves the sheet and the audit log untouched when the edit is refused', async () => {
    const result = await saveScore(db, sheet.id, 'A1.1.1', 11, '李明', testSheetDeps());

    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('editRejected');
    expect(await db.scoresheets.get(sheet.id)).toEqual(sheet);
    expect(await db.auditLog.count()).toBe(0);
  });

  it('rolls back the sheet write when its audit entry cannot be written', async () => {
    const failAudit = (): void => {
      throw new Error('disk full');
    };
    db.auditLog.hook('creating', failAudit);

    await expect(saveScore(db, sheet.id, 'A1.1.1', 5, '李明', testSheetDeps())).rejects.toThrow(
      'disk full',
    );

    db.auditLog.hook('creating').unsubscribe(failAudit);
    expect(await db.scoresheets.get(sheet.id)).toEqual(sheet);
    expect(await db.auditLog.count()).toBe(0);
  });

  it('writes nothing when an edit changes nothing', async () => {
    const deps = testSheetDeps();
    await applyScoresheetEdit(
      db,
      sheet.id,
      (s, { stamp }) => setOverallComment(s, '', stamp),
      '李明',
      deps,
    );

    expect(await db.scoresheets.get(sheet.id)).toEqual(sheet);
    expect(await db.auditLog.count()).toBe(0);
  });

  it('reports a missing sheet as not found', async () => {
    const result = await saveScore(db, 'no-such-sheet', 'A1.1.1', 5, '李明', testSheetDeps());
    expect(result).toMatchObject({ ok: false, error: { code: 'notFound' } });
  });
});

describe('submitting and reopening', () => {
  it('refuses to submit an incomplete sheet and records nothing', async () => {
    const result = await submitScoresheet(db, sheet.id, '李明', testSheetDeps());

    expect(result).toMatchObject({ ok: false, error: { code: 'editRejected' } });
    expect((await db.scoresheets.get(sheet.id))?.status).toBe('draft');
    expect(await db.auditLog.count()).toBe(0);
  });

  it('locks a complete sheet on submit, and reopening with a note is audited', async () => {
    const deps = testSheetDeps();
    await completeSheet(sheet, deps);

    const submitted = await submitScoresheet(db, sheet.id, '李明', deps);
    expect(submitted.ok && submitted.value.status).toBe('submitted');
    expect((await saveScore(db, sheet.id, 'A1.1.1', 1, '李明', deps)).ok).toBe(false);

    const reopened = await reopenScoresheet(db, sheet.id, '组长王强确认', '李明', deps);
    expect(reopened.ok && reopened.value.status).toBe('draft');
    const actions = (await auditOf(sheet.id)).map((a) => a.action);
    expect(actions.slice(-2)).toEqual(['scoresheet.submit', 'scoresheet.reopen']);
    expect((await auditOf(sheet.id)).at(-1)?.detail).toContain('组长王强确认');
  });
});

describe('creating and recusing', () => {
  beforeEach(async () => {
    await db.scoresheets.clear();
  });

  it('creates a sheet on the round template for an assigned base, with an audit entry', async () => {
    const [expert] = r.experts;
    const [base] = r.bases;
    if (!expert || !base) throw new Error('builder');
    const key = { roundId: r.round.id, expertId: expert.id, baseId: base.id };

    const created = await createScoresheet(db, key, expert.name, testSheetDeps());

    expect(created.ok && created.value.templateId).toBe(r.round.templateByType[base.type]);
    const again = await createScoresheet(db, key, expert.name, testSheetDeps());
    expect(again).toMatchObject({ ok: false, error: { code: 'alreadyExists' } });
    expect(await db.scoresheets.count()).toBe(1);
    expect((await db.auditLog.toArray()).map((a) => a.action)).toEqual(['scoresheet.create']);
  });

  it('starts a sheet with its first edit in one go, and writes nothing when the edit is refused', async () => {
    const [expert] = r.experts;
    const [base] = r.bases;
    if (!expert || !base) throw new Error('builder');
    const key = { roundId: r.round.id, expertId: expert.id, baseId: base.id };
    const score =
      (value: number) =>
      (s: Scoresheet, { stamp, template }: EditContext) =>
        setScore(s, template, 'A1.1.1', value, stamp);

    const refused = await createScoresheetWithEdit(
      db,
      key,
      score(999),
      expert.name,
      testSheetDeps(),
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'editRejected' } });
    expect(await db.scoresheets.count()).toBe(0);
    expect(await db.auditLog.count()).toBe(0);

    const saved = await createScoresheetWithEdit(db, key, score(7.5), expert.name, testSheetDeps());
    expect(saved.ok && saved.value.scores).toEqual({ 'A1.1.1': 7.5 });
    expect((await db.auditLog.toArray()).map((a) => a.action)).toEqual([
      'scoresheet.create',
      'scoresheet.update',
    ]);
  });

  it('refuses a sheet for a base not assigned to the expert', async () => {
    const [expert] = r.experts;
    if (!expert) throw new Error('builder');
    const key = { roundId: r.round.id, expertId: expert.id, baseId: 'unassigned-base' };
    expect(await createScoresheet(db, key, expert.name, testSheetDeps())).toMatchObject({
      ok: false,
      error: { code: 'notFound' },
    });
    expect(await db.auditLog.count()).toBe(0);
  });

  it('recusal before starting creates a locked sheet and marks the assignment', async () => {
    const [expert] = r.experts;
    const [base] = r.bases;
    if (!expert || !base) throw new Error('builder');
    const key = { roundId: r.round.id, expertId: expert.id, baseId: base.id };

    const result = await recuseScoresheet(
      db,
      key,
      '该基地负责人为本人学生',
      expert.name,
      testSheetDeps(),
    );

    expect(result.ok && result.value.recusal?.source).toBe('declared');
    const assignment = await db.assignments
      .where('[roundId+expertId]')
      .equals([r.round.id, expert.id])
      .filter((a) => a.baseId === base.id)
      .first();
    expect(assignment?.recusal?.reason).toBe('该基地负责人为本人学生');
    expect((await db.auditLog.toArray()).map((a) => a.action)).toEqual([
      'scoresheet.create',
      'scoresheet.recuse',
    ]);
    const sheetId = result.ok ? result.value.id : '';
    expect((await saveScore(db, sheetId, 'A1.1.1', 5, expert.name, testSheetDeps())).ok).toBe(
      false,
    );
  });

  it('a refused recusal (no reason) leaves no sheet, assignment change or audit entry', async () => {
    const [expert] = r.experts;
    const [base] = r.bases;
    if (!expert || !base) throw new Error('builder');
    const key = { roundId: r.round.id, expertId: expert.id, baseId: base.id };

    const result = await recuseScoresheet(db, key, '  ', expert.name, testSheetDeps());

    expect(result).toMatchObject({ ok: false, error: { code: 'editRejected' } });
    expect(await db.scoresheets.count()).toBe(0);
    expect((await db.assignments.toArray()).some((a) => a.recusal)).toBe(false);
    expect(await db.auditLog.count()).toBe(0);
  });
});
