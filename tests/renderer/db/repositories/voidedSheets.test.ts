// The scoresheet repository and voided sheets (作废): a sheet whose pair a standing round
// change voids refuses every edit with one sentence and writes nothing, a voided pair or a
// withdrawn base takes no new sheet, and an undone change frees the sheet again.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PingguDatabase } from '../../../../renderer/db/database';
import { dataDigest } from '../../../../renderer/db/bundles/digest';
import {
  createScoresheet,
  createScoresheetWithEdit,
  recuseScoresheet,
  reopenScoresheet,
  saveScore,
  submitScoresheet,
} from '../../../../renderer/db/repositories/scoresheetRepository';
import type { EditContext } from '../../../../renderer/db/repositories/scoresheetRepository';
import { setScore } from '../../../../shared/domain/scoresheet';
import type { Scoresheet } from '../../../../shared/domain/types';
import { buildRoundRecords, testSheetDeps } from '../../../helpers/builders';
import type { RoundRecords } from '../../../helpers/builders';
import { openTestDatabase, putRoundRecords } from '../../../helpers/db';
import { buildChange } from '../../../helpers/voidedBuilders';

let db: PingguDatabase;
let r: RoundRecords;
let sheet: Scoresheet;

beforeEach(async () => {
  db = await openTestDatabase();
  r = buildRoundRecords({ status: 'issued' });
  const [first] = r.scoresheets;
  if (!first) throw new Error('builder');
  sheet = { ...first, status: 'submitted', submittedAt: '2024-05-10T10:00:00.000Z' };
  // One submitted sheet; its assignment was taken away by the change below.
  await putRoundRecords(db, {
    ...r,
    scoresheets: [sheet],
    assignments: r.assignments.filter(
      (a) => !(a.expertId === sheet.expertId && a.baseId === sheet.baseId),
    ),
  });
  await db.roundChanges.put(
    buildChange(r.round.id, {
      id: 'change-move',
      kind: 'moveBase',
      reason: '基地调整至大连组评审',
      baseId: sheet.baseId,
      voids: [{ expertId: sheet.expertId, baseId: sheet.baseId }],
    }),
  );
});

afterEach(() => db.delete());

const SENTENCE =
  '此评分表已作废（调整专家组：基地调整至大连组评审），评分保留可查看，但不能修改、提交或撤回。';

describe('a voided scoresheet in the repository', () => {
  it('refuses a score, a submit, a reopen and a recusal with one sentence, writing nothing', async () => {
    const deps = testSheetDeps();
    const before = await dataDigest(db);
    const audit = await db.auditLog.count();
    const key = { roundId: r.round.id, expertId: sheet.expertId, baseId: sheet.baseId };
    const results = [
      await saveScore(db, sheet.id, 'A1.1.1', 5, '专家', deps),
      await submitScoresheet(db, sheet.id, '专家', deps),
      await reopenScoresheet(db, sheet.id, '组长确认', '专家', deps),
      await recuseScoresheet(db, key, '曾在该单位兼职', '专家', deps),
    ];
    for (const result of results) {
      expect(result).toEqual({ ok: false, error: { code: 'locked', message: SENTENCE } });
    }
    expect(await dataDigest(db)).toBe(before);
    expect(await db.auditLog.count()).toBe(audit);
    expect(await db.scoresheets.get(sheet.id)).toEqual(sheet);
  });

  it('starts no sheet for a pair a declared conflict voids, nor for a withdrawn base', async () => {
    const deps = testSheetDeps();
    const [, other] = r.experts;
    const [a1, b4] = r.bases;
    if (!other || !a1 || !b4) throw new Error('builder');
    // A conflict declared after issue: the assignment is recused, the pair voided.
    const recusal = {
      reason: '曾在依托单位兼职',
      source: 'declared' as const,
      at: '2024-05-13T02:00:00.000Z',
    };
    const conflicted = r.assignments.find((a) => a.expertId === other.id && a.baseId === a1.id);
    if (!conflicted) throw new Error('builder');
    await db.assignments.put({ ...conflicted, recusal });
    await db.roundChanges.bulkPut([
      buildChange(r.round.id, {
        id: 'change-conflict',
        kind: 'declareConflict',
        reason: '曾在依托单位兼职',
        expertId: other.id,
        baseId: a1.id,
        voids: [{ expertId: other.id, baseId: a1.id }],
      }),
      buildChange(r.round.id, {
        id: 'change-withdraw',
        kind: 'withdrawBase',
        reason: '依托单位申请退出',
        baseId: b4.id,
        at: '2024-05-14T02:00:00.000Z',
      }),
    ]);
    const before = await dataDigest(db);
    const started = await createScoresheet(
      db,
      { roundId: r.round.id, expertId: other.id, baseId: a1.id },
      '专家',
      deps,
    );
    expect(started).toEqual({
      ok: false,
      error: {
        code: 'locked',
        message: '该评审任务已作废（声明回避：曾在依托单位兼职），不能再开始评分。',
      },
    });
    // B4 is withdrawn, though its assignment to this expert is still stored here.
    const edit = (s: Scoresheet, { template, stamp }: EditContext) =>
      setScore(s, template, 'B4.1.1', 3, stamp);
    const withdrawn = await createScoresheetWithEdit(
      db,
      { roundId: r.round.id, expertId: other.id, baseId: b4.id },
      edit,
      '专家',
      deps,
    );
    expect(withdrawn).toEqual({
      ok: false,
      error: {
        code: 'locked',
        message: '该评审任务已作废（撤出基地：依托单位申请退出），不能再开始评分。',
      },
    });
    expect(await dataDigest(db)).toBe(before);
  });

  it('takes edits again once the change is undone', async () => {
    const change = await db.roundChanges.get('change-move');
    if (!change) throw new Error('no change');
    const undone = { at: '2024-05-14T01:00:00.000Z', actor: '秘书处 王芳', reason: '误操作' };
    await db.roundChanges.put({ ...change, undone });
    const reopened = await reopenScoresheet(db, sheet.id, '组长确认', '专家', testSheetDeps());
    expect(reopened.ok && reopened.value.status).toBe('draft');
  });
});
