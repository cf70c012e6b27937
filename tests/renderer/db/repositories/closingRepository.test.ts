// Closing a round at the secretariat: a waiver (缺评) needs a reason and an owed sheet; closing
// is refused with every blocker and writes nothing; once nothing blocks it, the round is
// frozen with version 1 and each decision's basis; the final files' hashes are recorded;
// reopening needs a reason, and the next closing is version 2.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseDigest } from '../../../../renderer/db/bundles/digest';
import {
  closeRound,
  isCloseRefusal,
  recordClosingFiles,
  reopenRound,
  waiveMissingSheet,
} from '../../../../renderer/db/repositories/closingRepository';
import { recordDecision } from '../../../../renderer/db/repositories/decisionRepository';
import { testDeps } from '../../../helpers/builders';
import {
  clearBlockers as settleAll,
  closingFixture,
  fullMarks,
} from '../../../helpers/closingBuilders';
import type { ClosingFixture } from '../../../helpers/closingBuilders';

const ACTOR = '秘书处 王芳';
const SHA_A = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
const SHA_B = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

let f: ClosingFixture;
beforeEach(async () => {
  f = await closingFixture(false);
});
afterEach(async () => {
  await f.db.delete();
});

const auditOf = async (action: string) =>
  (await f.db.auditLog.toArray()).filter((e) => e.action === action);

const clearBlockers = () => settleAll(f);

describe('waiving a missing sheet (缺评)', () => {
  it('records the waiver with its reason and a change.record audit entry', async () => {
    const result = await waiveMissingSheet(
      f.db,
      { roundId: f.round.id, ...f.missing, reason: ' 专家因病缺席 ' },
      ACTOR,
      testDeps('waiver'),
    );
    expect(result).toMatchObject({
      ok: true,
      value: {
        kind: 'waiveMissing',
        ...f.missing,
        reason: '专家因病缺席',
        actor: ACTOR,
        voids: [],
      },
    });
    expect(await f.db.roundChanges.count()).toBe(1);
    const [entry] = await auditOf('change.record');
    expect(entry?.detail).toContain('缺评');
    expect(entry?.detail).toContain('专家因病缺席');
  });

  it('refuses without a reason, or for a submitted sheet, and changes nothing', async () => {
    const before = await databaseDigest(f.db);
    const noReason = await waiveMissingSheet(
      f.db,
      { roundId: f.round.id, ...f.missing, reason: '  ' },
      ACTOR,
      testDeps(),
    );
    expect(noReason).toMatchObject({ ok: false, error: { message: '请填写缺评的原因。' } });
    const submitted = await waiveMissingSheet(
      f.db,
      {
        roundId: f.round.id,
        expertId: f.submitted.expertId,
        baseId: f.submitted.baseId,
        reason: '专家因病缺席',
      },
      ACTOR,
      testDeps(),
    );
    expect(submitted.ok).toBe(false);
    expect(await databaseDigest(f.db)).toBe(before);
  });
});

describe('closing the round (结束评估)', () => {
  it('is refused with every blocker as the cause, and nothing changes', async () => {
    const before = await databaseDigest(f.db);
    const result = await closeRound(f.db, f.round.id, ACTOR, testDeps());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    // The open conflict, b2 without a decision, four drafts and one sheet never started.
    expect(result.error.message).toBe(
      '还不能结束评估：1 项评分冲突未处理，1 个基地尚无最终决定，5 份应交评分表未提交（可登记缺评）。',
    );
    const cause = result.error.cause;
    expect(isCloseRefusal(cause) ? cause.blockers.map((b) => b.kind) : cause).toEqual([
      'openConflict',
      'undecidedBase',
      'missingSheet',
      'missingSheet',
      'missingSheet',
      'missingSheet',
      'missingSheet',
    ]);
    expect(await databaseDigest(f.db)).toBe(before);
  });

  it('freezes the round as version 1 and records each decision’s basis', async () => {
    await clearBlockers();
    const result = await closeRound(f.db, f.round.id, ` ${ACTOR} `, testDeps());
    expect(result).toMatchObject({
      ok: true,
      value: { status: 'closed', closure: { version: 1, closedBy: ACTOR } },
    });
    const stored = await f.db.rounds.get(f.round.id);
    expect(stored?.closure).toEqual({
      version: 1,
      closedAt: stored?.closure?.closedAt,
      closedBy: ACTOR,
    });
    const [b1, b2] = f.bases;
    const total = Object.values(fullMarks('A1')).reduce((a, b) => a + b, 0);
    // b1: one valid sheet at full marks, too few to trim; b2: nothing submitted.
    expect(
      (
        await f.db.decisions
          .where('baseId')
          .equals(b1?.id ?? '')
          .first()
      )?.basis,
    ).toEqual({
      aggregate: total,
      method: 'mean',
      grade: 'excellent',
      sheets: 1,
      recordedAt: stored?.closure?.closedAt,
    });
    expect(
      (
        await f.db.decisions
          .where('baseId')
          .equals(b2?.id ?? '')
          .first()
      )?.basis,
    ).toMatchObject({ aggregate: null, grade: null, sheets: 0 });
    const [entry] = await auditOf('round.close');
    expect(entry).toMatchObject({ actor: ACTOR, entityId: f.round.id });
    expect(entry?.detail).toContain('第 1 版');
  });

  it('records the final files’ SHA-256, refusing anything that is not one', async () => {
    await clearBlockers();
    expect((await closeRound(f.db, f.round.id, ACTOR, testDeps())).ok).toBe(true);
    const before = await databaseDigest(f.db);
    const bad = await recordClosingFiles(
      f.db,
      f.round.id,
      { reportSha256: 'ABC' },
      ACTOR,
      testDeps(),
    );
    expect(bad.ok).toBe(false);
    expect(await databaseDigest(f.db)).toBe(before);
    const files = { reportSha256: SHA_A, resultSha256: SHA_B };
    const recorded = await recordClosingFiles(f.db, f.round.id, files, ACTOR, testDeps());
    expect(recorded).toMatchObject({ ok: true, value: { closure: { version: 1, ...files } } });
  });
});

describe('reopening (重新开启) and closing again', () => {
  it('needs a reason, keeps the version, and the next closing writes version 2', async () => {
    await clearBlockers();
    expect((await closeRound(f.db, f.round.id, ACTOR, testDeps())).ok).toBe(true);
    const files = { reportSha256: SHA_A, resultSha256: SHA_B };
    expect((await recordClosingFiles(f.db, f.round.id, files, ACTOR, testDeps())).ok).toBe(true);

    const before = await databaseDigest(f.db);
    const noReason = await reopenRound(f.db, f.round.id, ACTOR, ' ', testDeps());
    expect(noReason).toMatchObject({ ok: false, error: { message: '请填写重新开启的原因。' } });
    expect(await databaseDigest(f.db)).toBe(before);

    const reason = '决定理由有笔误，需更正';
    const reopened = await reopenRound(f.db, f.round.id, '处长 李华', reason, testDeps());
    expect(reopened).toMatchObject({
      ok: true,
      value: {
        status: 'issued',
        closure: { version: 1, ...files, reopenedBy: '处长 李华', reopenReason: reason },
      },
    });
    const [entry] = await auditOf('round.reopen');
    expect(entry?.detail).toContain(reason);

    const [b1] = f.bases;
    const decision = { disposition: { code: 'keepAdjust' as const }, reason: '更正后的理由' };
    const changed = await recordDecision(
      f.db,
      { roundId: f.round.id, baseId: b1?.id ?? '', decision },
      ACTOR,
      testDeps(),
    );
    expect(changed.ok).toBe(true);

    const again = await closeRound(f.db, f.round.id, ACTOR, testDeps());
    expect(again.ok && again.value.closure).toEqual({
      version: 2,
      closedAt: again.ok ? again.value.closure?.closedAt : undefined,
      closedBy: ACTOR,
    });
    expect(await auditOf('round.close')).toHaveLength(2);
  });
});
