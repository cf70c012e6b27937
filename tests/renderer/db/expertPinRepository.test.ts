import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PingguDatabase } from '../../../renderer/db/database';
import {
  getExpertPins,
  getPinFailures,
  parseExpertPins,
  putExpertPin,
  recordWrongPin,
  resetExpertPin,
  setFirstPin,
} from '../../../renderer/db/repositories/expertPinRepository';
import { createPinRecord, hashPin } from '../../../renderer/features/scoring/pin';
import type { PinResetRequest } from '../../../shared/domain/pinReset';
import {
  buildExpert,
  buildPanel,
  buildRound,
  buildScoresheet,
  buildBase,
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
  const T0 = Date.parse('2024-05-10T08:00:00.000Z');
  let clockMs = T0;
  // A clock the test moves by hand (a pause runs on real time).
  const clock = { now: () => new Date(clockMs).toISOString() };
  const deps = { crypto, now: clock.now };
  let memberPin: Awaited<ReturnType<typeof createPinRecord>>;
  let chairPin: Awaited<ReturnType<typeof createPinRecord>>;

  beforeEach(async () => {
    clockMs = T0;
    await db.transaction('rw', db.tables, async () => {
      await db.rounds.add(round);
      await db.panels.add(panel);
      await db.experts.bulkAdd([chair, member, other]);
      await db.bases.add(base);
      await db.scoresheets.add(sheet);
    });
    memberPin = await createPinRecord('1357', deps);
    chairPin = await createPinRecord('8642', deps);
    await putExpertPin(db, member.id, memberPin);
    await putExpertPin(db, chair.id, chairPin);
  });

  const byChairPin = async (
    pinText: string,
    overrides: Partial<PinResetRequest> = {},
  ): Promise<PinResetRequest> => ({
    expertId: member.id,
    confirmerId: chair.id,
    proof: { method: 'pin', pinHash: await hashPin(pinText, chairPin.salt, crypto) },
    reason: '忘记 PIN',
    ...overrides,
  });
  const snapshot = async () => ({
    pins: await getExpertPins(db),
    audit: await db.auditLog.toArray(),
    sheets: await db.scoresheets.toArray(),
  });
  const causeOf = (result: Awaited<ReturnType<typeof resetExpertPin>>) =>
    result.ok ? 'reset' : result.error.cause;

  it("removes the expert's PIN with the chair's PIN and writes the audit entry, leaving the sheets", async () => {
    const sheetsBefore = await db.scoresheets.toArray();
    // The expert had been locked out by wrong tries; another expert had one wrong try.
    for (let i = 0; i < 6; i += 1) await recordWrongPin(db, member.id, '2024-05-10T08:00:00.000Z');
    await recordWrongPin(db, other.id, '2024-05-10T08:00:00.000Z');
    const result = await resetExpertPin(db, await byChairPin('8642'), clock);
    expect(result).toEqual({ ok: true, value: { expertId: member.id, confirmedBy: '李建国' } });
    expect(await getExpertPins(db)).toEqual({ [chair.id]: chairPin });
    expect(await getPinFailures(db, member.id)).toBeUndefined();
    expect(await getPinFailures(db, other.id)).toMatchObject({ count: 1 });
    const audit = await db.auditLog.toArray();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      roundId: round.id,
      action: 'expert.pinReset',
      entityId: member.id,
      actor: '李建国',
      detail: '组长李建国确认重置王芳的 PIN（组长 PIN 验证）；重置原因：忘记 PIN',
    });
    expect(await db.scoresheets.toArray()).toEqual(sheetsBefore);
  });

  it('changes nothing but the wrong-PIN count on a wrong chair PIN, an empty reason or a new PIN for a chair who has one', async () => {
    const before = await snapshot();
    const wrong = await resetExpertPin(db, await byChairPin('8643'), clock);
    expect(wrong).toMatchObject({
      ok: false,
      error: {
        code: 'editRejected',
        message: '确认人的 PIN 不正确，未重置。',
        cause: { refusal: 'wrongPin', count: 1, seconds: 0 },
      },
    });
    const noReason = await resetExpertPin(db, await byChairPin('8642', { reason: '  ' }), clock);
    expect(causeOf(noReason)).toMatchObject({ refusal: 'noReason' });
    const newPin = await createPinRecord('1111', deps);
    const overwrite = await resetExpertPin(
      db,
      await byChairPin('8642', {
        proof: { method: 'newPin', salt: newPin.salt, pinHash: newPin.hash },
      }),
      clock,
    );
    expect(causeOf(overwrite)).toMatchObject({ refusal: 'pinRequired' });
    expect(await snapshot()).toEqual(before);
    expect(await getPinFailures(db, chair.id)).toEqual({
      count: 1,
      lastAt: '2024-05-10T08:00:00.000Z',
    });
  });

  it('pauses the chair after five wrong PINs in a row, even for the right one, until the pause ends', async () => {
    for (let i = 1; i <= 4; i += 1) {
      const result = await resetExpertPin(db, await byChairPin('0000'), clock);
      expect(causeOf(result)).toEqual({ refusal: 'wrongPin', count: i, seconds: 0 });
    }
    const fifth = await resetExpertPin(db, await byChairPin('0000'), clock);
    expect(fifth).toMatchObject({
      ok: false,
      error: {
        message: '确认人的 PIN 不正确，未重置；已连续输错 5 次，请 30 秒后再试。',
        cause: { refusal: 'wrongPinPaused', count: 5, seconds: 30 },
      },
    });
    clockMs += 10_000;
    const paused = await resetExpertPin(db, await byChairPin('8642'), clock);
    expect(paused).toMatchObject({
      ok: false,
      error: {
        message: '确认人的 PIN 输错次数过多，请 20 秒后再试。',
        cause: { refusal: 'paused', count: 5, seconds: 20 },
      },
    });
    expect((await getExpertPins(db))[member.id]).toEqual(memberPin);
    // The count is stored: another connection (a new window) sees the same pause.
    db.close();
    await db.open();
    expect(await getPinFailures(db, chair.id)).toEqual({
      count: 5,
      lastAt: '2024-05-10T08:00:00.000Z',
    });
    clockMs += 20_000;
    const done = await resetExpertPin(db, await byChairPin('8642'), clock);
    expect(done.ok).toBe(true);
    expect(await getPinFailures(db, chair.id)).toBeUndefined();
  });

  it("counts wrong chair PINs together with the chair's wrong unlocks", async () => {
    // Four wrong unlocks of the chair's own scoring, then one wrong PIN in the reset dialog.
    for (let i = 0; i < 4; i += 1) await recordWrongPin(db, chair.id, clock.now());
    const fifth = await resetExpertPin(db, await byChairPin('0000'), clock);
    expect(causeOf(fifth)).toEqual({ refusal: 'wrongPinPaused', count: 5, seconds: 30 });
  });

  it('lets a chair without a PIN set one while confirming, which then guards the chair too', async () => {
    await putExpertPin(db, chair.id, { kind: 'declined', at: '2024-05-10T07:00:00.000Z' });
    const asIfPin = await resetExpertPin(db, await byChairPin('8642'), clock);
    expect(causeOf(asIfPin)).toMatchObject({ refusal: 'pinNotSet' });
    const created = await createPinRecord('2580', deps);
    const result = await resetExpertPin(
      db,
      {
        expertId: member.id,
        confirmerId: chair.id,
        proof: { method: 'newPin', salt: created.salt, pinHash: created.hash },
        reason: '忘记 PIN',
      },
      clock,
    );
    expect(result.ok).toBe(true);
    expect(await getExpertPins(db)).toEqual({
      [chair.id]: { ...created, setAt: '2024-05-10T08:00:00.000Z' },
    });
    const [entry] = await db.auditLog.toArray();
    expect(entry?.detail).toBe(
      '组长李建国确认重置王芳的 PIN（组长设置 PIN 并验证）；重置原因：忘记 PIN',
    );
  });

  it("resets the chair's own PIN only with another member's PIN, set now if they have none", async () => {
    const bySelf = await resetExpertPin(
      db,
      await byChairPin('8642', { expertId: chair.id, confirmerId: chair.id }),
      clock,
    );
    expect(causeOf(bySelf)).toMatchObject({ refusal: 'notAllowed' });
    expect((await getExpertPins(db))[chair.id]).toEqual(chairPin);

    const otherPin = await createPinRecord('4321', deps);
    const byMember = await resetExpertPin(
      db,
      {
        expertId: chair.id,
        confirmerId: other.id,
        proof: { method: 'newPin', salt: otherPin.salt, pinHash: otherPin.hash },
        reason: '忘记 PIN',
      },
      clock,
    );
    expect(byMember.ok).toBe(true);
    const pins = await getExpertPins(db);
    expect(pins[chair.id]).toBeUndefined();
    expect(pins[member.id]).toEqual(memberPin);
    expect(pins[other.id]).toMatchObject({ kind: 'pin', hash: otherPin.hash });
    const [entry] = await db.auditLog.toArray();
    expect(entry).toMatchObject({ action: 'expert.pinReset', entityId: chair.id, actor: '赵强' });
    expect(entry?.detail).toBe(
      '本组专家赵强确认重置组长李建国的 PIN（专家设置 PIN 并验证）；重置原因：忘记 PIN',
    );
  });

  it('refuses an expert without a PIN (a reset done already) and an unknown expert', async () => {
    await putExpertPin(db, member.id, { kind: 'declined', at: '2024-05-10T08:00:00.000Z' });
    const declined = await resetExpertPin(db, await byChairPin('8642'), clock);
    expect(declined).toMatchObject({
      ok: false,
      error: { code: 'stale', cause: { refusal: 'noPin' } },
    });
    const unknown = await resetExpertPin(
      db,
      await byChairPin('8642', { expertId: 'nobody' }),
      clock,
    );
    expect(unknown).toMatchObject({ ok: false, error: { code: 'notFound' } });
    expect(await db.auditLog.count()).toBe(0);
  });

  it('keeps the PIN when the audit entry cannot be written: both commit or neither', async () => {
    const refuseAudit = () => {
      throw new Error('audit log unavailable');
    };
    db.auditLog.hook('creating', refuseAudit);
    await expect(resetExpertPin(db, await byChairPin('8642'), clock)).rejects.toThrow(
      'audit log unavailable',
    );
    db.auditLog.hook('creating').unsubscribe(refuseAudit);
    expect(await getExpertPins(db)).toEqual({ [member.id]: memberPin, [chair.id]: chairPin });
    expect(await db.auditLog.count()).toBe(0);
  });
});

describe('setting a first PIN while confirming', () => {
  it('stores the PIN of an expert who has none or declined one, and refuses over an existing PIN', async () => {
    const deps = { crypto: globalThis.crypto, now: () => '2024-05-10T09:00:00.000Z' };
    const first = await createPinRecord('2468', deps);
    await putExpertPin(db, 'expert-1', { kind: 'declined', at: '2024-05-10T08:00:00.000Z' });
    expect(await setFirstPin(db, 'expert-1', first)).toEqual({ ok: true, value: undefined });
    expect(await setFirstPin(db, 'expert-2', first)).toEqual({ ok: true, value: undefined });
    const second = await createPinRecord('1357', deps);
    const refused = await setFirstPin(db, 'expert-1', second);
    expect(refused).toMatchObject({ ok: false, error: { code: 'stale' } });
    expect(await getExpertPins(db)).toEqual({ 'expert-1': first, 'expert-2': first });
  });
});
