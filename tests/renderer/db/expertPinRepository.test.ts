import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PingguDatabase } from '../../../renderer/db/database';
import {
  getExpertPins,
  getPinFailures,
  parseExpertPins,
  putExpertPin,
  recordWrongPin,
  resetExpertPin,
} from '../../../renderer/db/repositories/expertPinRepository';
import type { ExpertPinRecord } from '../../../renderer/db/repositories/expertPinRepository';
import { createPinRecord, hashPin } from '../../../renderer/features/scoring/pin';
import type { PinResetRequest } from '../../../shared/domain/pinReset';
import {
  buildExpert,
  buildPanel,
  buildRound,
  buildScoresheet,
  buildBase,
  testClock,
} from '../../helpers/builders';
import { openTestDatabase } from '../../helpers/db';

let db: PingguDatabase;

beforeEach(async () => {
  db = await openTestDatabase();
});

afterEach(async () => {
  await db.delete();
});

const pin = { kind: 'pin' as const, salt: 'ab12', hash: 'cd34', setAt: '2024-05-10T09:00:00.000Z' };

describe('expert PIN records', () => {
  it('are kept per expert, one change not touching the others', async () => {
    await putExpertPin(db, 'expert-1', pin);
    await putExpertPin(db, 'expert-2', { kind: 'declined', at: '2024-05-10T09:00:00.000Z' });
    await putExpertPin(db, 'expert-1', null);
    expect(await getExpertPins(db)).toEqual({
      'expert-2': { kind: 'declined', at: '2024-05-10T09:00:00.000Z' },
    });
  });

  it('are stored as one text setting, so a backup carries a scalar value', async () => {
    await putExpertPin(db, 'expert-1', pin);
    const record = await db.settings.get('expertPins');
    expect(typeof record?.value).toBe('string');
  });

  it('ignore malformed stored data instead of trusting it', () => {
    expect(parseExpertPins('not json')).toEqual({});
    expect(parseExpertPins('[1,2]')).toEqual({});
    expect(
      parseExpertPins(
        JSON.stringify({ a: pin, b: { kind: 'pin', salt: 'zz', hash: '00', setAt: '' }, c: 5 }),
      ),
    ).toEqual({ a: pin });
    expect(parseExpertPins(undefined)).toEqual({});
  });
});

describe('resetting a forgotten PIN', () => {
  const round = buildRound();
  const panel = buildPanel(round.id, { chairExpertId: 'pin-chair' });
  const chair = buildExpert(round.id, panel.id, { id: 'pin-chair', name: '李建国' });
  const member = buildExpert(round.id, panel.id, { id: 'pin-member', name: '王芳' });
  const other = buildExpert(round.id, panel.id, { id: 'pin-other', name: '赵强' });
  const base = buildBase(round.id, { panelId: panel.id });
  const sheet = buildScoresheet(base, member);
  const crypto = globalThis.crypto;
  const deps = { crypto, now: () => '2024-05-10T08:00:00.000Z' };
  let memberPin: ExpertPinRecord;

  beforeEach(async () => {
    await db.transaction('rw', db.tables, async () => {
      await db.rounds.add(round);
      await db.panels.add(panel);
      await db.experts.bulkAdd([chair, member, other]);
      await db.bases.add(base);
      await db.scoresheets.add(sheet);
    });
    memberPin = await createPinRecord('1357', deps);
    await putExpertPin(db, member.id, memberPin);
  });

  const byName = (overrides: Partial<PinResetRequest> = {}): PinResetRequest => ({
    expertId: member.id,
    confirmerId: chair.id,
    proof: { method: 'name', typedName: '李建国' },
    reason: '忘记 PIN',
    ...overrides,
  });
  const snapshot = async () => ({
    pins: await getExpertPins(db),
    audit: await db.auditLog.toArray(),
    sheets: await db.scoresheets.toArray(),
  });

  it("removes the expert's PIN and writes the audit entry, leaving the sheets as they were", async () => {
    const sheetsBefore = await db.scoresheets.toArray();
    // The expert had been locked out by wrong tries; another expert had one wrong try.
    for (let i = 0; i < 6; i += 1) await recordWrongPin(db, member.id, '2024-05-10T08:00:00.000Z');
    await recordWrongPin(db, other.id, '2024-05-10T08:00:00.000Z');
    const result = await resetExpertPin(db, byName(), testClock());
    expect(result).toEqual({ ok: true, value: { expertId: member.id, confirmedBy: '李建国' } });
    expect(await getExpertPins(db)).toEqual({});
    expect(await getPinFailures(db, member.id)).toBeUndefined();
    expect(await getPinFailures(db, other.id)).toMatchObject({ count: 1 });
    const audit = await db.auditLog.toArray();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      roundId: round.id,
      action: 'expert.pinReset',
      entityId: member.id,
      actor: '李建国',
      detail: '组长李建国确认重置王芳的 PIN（组长输入姓名确认）；重置原因：忘记 PIN',
    });
    expect(await db.scoresheets.toArray()).toEqual(sheetsBefore);
  });

  it("accepts the chair's PIN when the chair set one, and keeps other experts' records", async () => {
    const chairPin = await createPinRecord('8642', deps);
    await putExpertPin(db, chair.id, chairPin);
    if (chairPin.kind !== 'pin') throw new Error('expected a PIN record');
    const byPin = byName({
      proof: { method: 'pin', pinHash: await hashPin('8642', chairPin.salt, crypto) },
    });
    const result = await resetExpertPin(db, byPin, testClock());
    expect(result.ok).toBe(true);
    expect(await getExpertPins(db)).toEqual({ [chair.id]: chairPin });
    const [entry] = await db.auditLog.toArray();
    expect(entry?.detail).toContain('（组长 PIN 验证）');
  });

  it('changes nothing on a wrong chair PIN, a wrong name, an empty reason or a name instead of a PIN', async () => {
    const chairPin = await createPinRecord('8642', deps);
    if (chairPin.kind !== 'pin') throw new Error('expected a PIN record');
    const wrongHash = await hashPin('8643', chairPin.salt, crypto);
    await putExpertPin(db, chair.id, chairPin);
    const before = await snapshot();
    const attempts: [PinResetRequest, string][] = [
      [byName({ proof: { method: 'pin', pinHash: wrongHash } }), 'wrongPin'],
      [byName(), 'pinRequired'],
      [byName({ proof: { method: 'pin', pinHash: wrongHash }, reason: '   ' }), 'noReason'],
    ];
    for (const [request, refusal] of attempts) {
      const result = await resetExpertPin(db, request, testClock());
      expect(result.ok ? 'reset' : result.error.cause).toBe(refusal);
      expect(result.ok ? '' : result.error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    await putExpertPin(db, chair.id, null);
    const wrongName = await resetExpertPin(
      db,
      byName({ proof: { method: 'name', typedName: '王芳' } }),
      testClock(),
    );
    expect(wrongName).toMatchObject({
      ok: false,
      error: {
        code: 'editRejected',
        message: '姓名与确认人姓名不一致，未重置。',
        cause: 'wrongName',
      },
    });
    await putExpertPin(db, chair.id, chairPin);
    expect(await snapshot()).toEqual(before);
  });

  it("resets the chair's own PIN only with another member's confirmation", async () => {
    const chairPin = await createPinRecord('8642', deps);
    await putExpertPin(db, chair.id, chairPin);
    const bySelf = await resetExpertPin(
      db,
      byName({ expertId: chair.id, confirmerId: chair.id }),
      testClock(),
    );
    expect(bySelf.ok ? 'reset' : bySelf.error.cause).toBe('notAllowed');
    expect((await getExpertPins(db))[chair.id]).toEqual(chairPin);

    const byMember = await resetExpertPin(
      db,
      byName({
        expertId: chair.id,
        confirmerId: other.id,
        proof: { method: 'name', typedName: '赵 强' },
      }),
      testClock(),
    );
    expect(byMember.ok).toBe(true);
    expect((await getExpertPins(db))[chair.id]).toBeUndefined();
    expect((await getExpertPins(db))[member.id]).toEqual(memberPin);
    const [entry] = await db.auditLog.toArray();
    expect(entry).toMatchObject({ action: 'expert.pinReset', entityId: chair.id, actor: '赵强' });
    expect(entry?.detail).toBe(
      '本组专家赵强确认重置组长李建国的 PIN（专家输入姓名确认）；重置原因：忘记 PIN',
    );
  });

  it('refuses an expert without a PIN (a reset done already) and an unknown expert', async () => {
    await putExpertPin(db, member.id, { kind: 'declined', at: '2024-05-10T08:00:00.000Z' });
    const declined = await resetExpertPin(db, byName(), testClock());
    expect(declined).toMatchObject({ ok: false, error: { code: 'stale', cause: 'noPin' } });
    const unknown = await resetExpertPin(db, byName({ expertId: 'nobody' }), testClock());
    expect(unknown).toMatchObject({ ok: false, error: { code: 'notFound' } });
    expect(await db.auditLog.count()).toBe(0);
  });

  it('keeps the PIN when the audit entry cannot be written: both commit or neither', async () => {
    const refuseAudit = () => {
      throw new Error('audit log unavailable');
    };
    db.auditLog.hook('creating', refuseAudit);
    await expect(resetExpertPin(db, byName(), testClock())).rejects.toThrow(
      'audit log unavailable',
    );
    db.auditLog.hook('creating').unsubscribe(refuseAudit);
    expect(await getExpertPins(db)).toEqual({ [member.id]: memberPin });
    expect(await db.auditLog.count()).toBe(0);
  });
});
