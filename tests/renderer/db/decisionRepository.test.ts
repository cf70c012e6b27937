import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PingguDatabase } from '../../../renderer/db/database';
import { recordDecision } from '../../../renderer/db/repositories/decisionRepository';
import { buildRoundRecords, testDeps } from '../../helpers/builders';
import type { RoundRecords } from '../../helpers/builders';
import { openTestDatabase, putRoundRecords } from '../../helpers/db';

let db: PingguDatabase;
let r: RoundRecords;

beforeEach(async () => {
  db = await openTestDatabase();
  r = buildRoundRecords();
  await putRoundRecords(db, r);
});

afterEach(async () => {
  await db.delete();
});

const baseAt = (i: number) => {
  const base = r.bases[i];
  if (!base) throw new Error('builder');
  return base;
};

describe('final decisions', () => {
  it('records a decision with an audit entry', async () => {
    const base = baseAt(0);
    const result = await recordDecision(
      db,
      {
        roundId: r.round.id,
        baseId: base.id,
        decision: { disposition: { code: 'revoke' }, reason: '长期无重大成果' },
      },
      '秘书处',
      testDeps(),
    );

    expect(result.ok && result.value).toMatchObject({
      baseId: base.id,
      decidedBy: '秘书处',
      reason: '长期无重大成果',
    });
    expect(await db.auditLog.toArray()).toMatchObject([
      { action: 'decision.record', entityId: base.id, detail: 'revoke: 长期无重大成果' },
    ]);
  });

  it('keeps one decision per base: recording again replaces it, and the audit keeps both', async () => {
    const base = baseAt(0);
    const input = (reason: string) => ({
      roundId: r.round.id,
      baseId: base.id,
      decision: { disposition: { code: 'rectify' as const }, reason },
    });
    await recordDecision(db, input('第一次'), '秘书处', testDeps());
    await recordDecision(db, input('第二次'), '秘书处', testDeps());

    expect((await db.decisions.toArray()).map((d) => d.reason)).toEqual(['第二次']);
    expect(await db.auditLog.count()).toBe(2);
  });

  it('accepts a merge into another base of the round and refuses one into an unknown base', async () => {
    const [a, b] = [baseAt(0), baseAt(1)];
    const merge = (targetBaseId: string) => ({
      roundId: r.round.id,
      baseId: a.id,
      decision: { disposition: { code: 'merge' as const, targetBaseId }, reason: '方向重复' },
    });

    expect((await recordDecision(db, merge(b.id), '秘书处', testDeps())).ok).toBe(true);
    const refused = await recordDecision(db, merge('elsewhere'), '秘书处', testDeps());
    expect(refused).toMatchObject({ ok: false, error: { code: 'editRejected' } });
    expect(await db.auditLog.count()).toBe(1);
  });

  it('refuses a revoke without a reason, writing nothing', async () => {
    const result = await recordDecision(
      db,
      {
        roundId: r.round.id,
        baseId: baseAt(0).id,
        decision: { disposition: { code: 'revoke' }, reason: '' },
      },
      '秘书处',
      testDeps(),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'editRejected' } });
    expect(await db.decisions.count()).toBe(0);
    expect(await db.auditLog.count()).toBe(0);
  });
});
