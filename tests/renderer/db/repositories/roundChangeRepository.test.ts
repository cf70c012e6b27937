import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PingguDatabase } from '../../../../renderer/db/database';
import { applyAutoAssignment } from '../../../../renderer/db/repositories/assignmentRepository';
import {
  recordRoundChange,
  undoRoundChange,
} from '../../../../renderer/db/repositories/roundChangeRepository';
import { TABLE_NAMES } from '../../../../renderer/db/schema';
import type { Round } from '../../../../shared/domain/types';
import type { RoundChangeInput } from '../../../../shared/secretariat/roundChangePlans';
import { openTestDatabase, putIssuedRound } from '../../../helpers/db';
import {
  ACTOR,
  changeDeps,
  issuedRound,
  ROUND_ID,
  submittedSheet,
} from '../../../helpers/roundChangeBuilders';

let db: PingguDatabase;
let deps: ReturnType<typeof changeDeps>;

async function seed(round: Partial<Round> = {}): Promise<void> {
  const records = issuedRound();
  records.scoresheets.push(submittedSheet(records, 'p1-e2', 'b01'));
  await putIssuedRound(db, records, round);
}

/** Every table's records, for "nothing changed" checks. */
async function digest(): Promise<string> {
  const tables = await Promise.all(TABLE_NAMES.map((name) => db.table(name).toArray()));
  return JSON.stringify(tables);
}

const replace: RoundChangeInput = {
  kind: 'replaceExpert',
  expertId: 'p1-e2',
  replacementExpertId: 'p1-e3',
  reason: '刘教授因病不能到场',
};

const record = (change: RoundChangeInput, actor = ACTOR) =>
  recordRoundChange(db, { roundId: ROUND_ID, change }, actor, deps);

beforeEach(async () => {
  db = await openTestDatabase();
  deps = changeDeps();
});

afterEach(async () => {
  await db.delete();
});

describe('recording a change after issue', () => {
  it('moves the assignments, stores the change and its audit entry, and keeps every sheet', async () => {
    await seed();
    const result = await record(replace);
    expect(result).toMatchObject({
      ok: true,
      value: { sheets: 1, panelsToReissue: ['p1'], change: { kind: 'replaceExpert' } },
    });
    const assigned = await db.assignments.where('expertId').equals('p1-e3').toArray();
    expect(assigned.map((a) => a.baseId).sort()).toEqual(['b01', 'b02', 'b03']);
    expect(await db.assignments.where('expertId').equals('p1-e2').count()).toBe(0);
    expect(await db.scoresheets.get('s-p1-e2-b01')).toBeDefined();
    expect(await db.experts.get('p1-e2')).toBeDefined();
    const [change] = await db.roundChanges.toArray();
    expect(change).toMatchObject({ reason: '刘教授因病不能到场', actor: ACTOR });
    expect(await db.auditLog.toArray()).toMatchObject([
      {
        action: 'change.record',
        entityId: change?.id,
        actor: ACTOR,
        detail:
          '替换专家：专家p1-2由专家p1-3接替，作废 1 张评分表。原因：刘教授因病不能到场（变更 c-1）',
      },
    ]);
  });

  it('withdraws a base: out of its panel, its assignments gone, the base kept', async () => {
    await seed();
    const result = await record({
      kind: 'withdrawBase',
      baseId: 'b01',
      reason: '依托单位申请退出',
    });
    expect(result).toMatchObject({ ok: true, value: { sheets: 1, panelsToReissue: ['p1'] } });
    const base = await db.bases.get('b01');
    expect(base?.name).toBe('基地1');
    expect(base?.panelId).toBeUndefined();
    expect(await db.assignments.where('baseId').equals('b01').count()).toBe(0);
  });

  it('keeps a withdrawn base and a replaced expert out of a later automatic assignment', async () => {
    await seed();
    await record({ kind: 'withdrawBase', baseId: 'b01', reason: '依托单位申请退出' });
    await record(replace);
    const auto = await applyAutoAssignment(
      db,
      { roundId: ROUND_ID, options: { keepExisting: false } },
      ACTOR,
      deps,
    );
    expect(auto.ok).toBe(true);
    expect((await db.bases.get('b01'))?.panelId).toBeUndefined();
    expect(await db.assignments.where('baseId').equals('b01').count()).toBe(0);
    expect(await db.assignments.where('expertId').equals('p1-e2').count()).toBe(0);
    expect(await db.assignments.where('expertId').equals('p1-e3').count()).toBeGreaterThan(0);
  });

  it('moves a base whose scoring began to another panel; both panels need a new bundle', async () => {
    await seed();
    const result = await record({ kind: 'moveBase', baseId: 'b01', panelId: 'p2', reason: '对口' });
    expect(result).toMatchObject({ ok: true, value: { sheets: 1, panelsToReissue: ['p1', 'p2'] } });
    expect((await db.bases.get('b01'))?.panelId).toBe('p2');
  });
});

describe('bad input changes nothing', () => {
  it.each<[string, Partial<Round>, RoundChangeInput, string, string]>([
    ['no reason', {}, { ...replace, reason: '  ' }, 'editRejected', '请填写变更原因。'],
    [
      'the chair',
      {},
      { ...replace, expertId: 'p1-e1' },
      'editRejected',
      '专家p1-1是“沈阳组”的组长：请先在“专家组与专家”中更换组长，再替换该专家。',
    ],
    ['a closed round', { status: 'closed' }, replace, 'locked', '本轮评估已结束，不能再变更。'],
    [
      'an archived round',
      {
        archive: {
          importedAt: '2024-07-01T00:00:00.000Z',
          fingerprint: 'ABCD-EF01-2345-6789',
          fileName: 'x.pgb',
          bundleCreatedAt: '2024-07-01T00:00:00.000Z',
        },
      },
      replace,
      'archived',
      '这是从结果包导入的归档轮次，只能查看，不能修改。',
    ],
  ])('%s', async (_, round, change, code, message) => {
    await seed(round);
    const before = await digest();
    expect(await record(change)).toEqual({ ok: false, error: { code, message } });
    expect(await digest()).toBe(before);
  });

  it('a change without the person making it', async () => {
    await seed();
    const before = await digest();
    expect(await record(replace, '')).toEqual({
      ok: false,
      error: { code: 'editRejected', message: '请填写经办人。' },
    });
    expect(await digest()).toBe(before);
  });

  it('an undo without a reason, and an undo of a change others depend on', async () => {
    await seed();
    const first = await record(replace);
    if (!first.ok) throw new Error(first.error.message);
    await record({ ...replace, expertId: 'p1-e3', replacementExpertId: 'p1-e2', reason: '康复' });
    const before = await digest();
    const undo = (reason: string) =>
      undoRoundChange(
        db,
        { roundId: ROUND_ID, changeId: first.value.change.id, reason },
        ACTOR,
        changeDeps('u'),
      );
    expect(await undo('')).toEqual({
      ok: false,
      error: { code: 'editRejected', message: '请填写变更原因。' },
    });
    expect(await undo('弄错了')).toEqual({
      ok: false,
      error: {
        code: 'editRejected',
        message: '这项变更之后，相关的分配又有调整，不能撤销：请先撤销之后的变更。',
      },
    });
    expect(await digest()).toBe(before);
  });
});

describe('undoing a change', () => {
  it('puts the assignments back, marks the change undone and audits it with the reason', async () => {
    await seed();
    const assignmentsBefore = await db.assignments.orderBy('id').toArray();
    const recorded = await record(replace);
    if (!recorded.ok) throw new Error(recorded.error.message);
    const result = await undoRoundChange(
      db,
      { roundId: ROUND_ID, changeId: recorded.value.change.id, reason: '刘教授到场了' },
      ACTOR,
      changeDeps('u'),
    );
    expect(result).toMatchObject({ ok: true, value: { sheets: 1, panelsToReissue: ['p1'] } });
    expect(await db.assignments.orderBy('id').toArray()).toEqual(assignmentsBefore);
    const stored = await db.roundChanges.get(recorded.value.change.id);
    expect(stored?.undone).toMatchObject({ actor: ACTOR, reason: '刘教授到场了' });
    const audit = await db.auditLog.toArray();
    expect(audit.map((e) => e.action)).toEqual(['change.record', 'change.undo']);
    expect(audit[1]?.detail).toBe(
      '撤销替换专家：专家p1-2由专家p1-3接替，1 张评分表恢复计入。撤销原因：刘教授到场了（变更 c-1）',
    );
  });
});
