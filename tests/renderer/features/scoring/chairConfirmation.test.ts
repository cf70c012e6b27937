// The chair's confirmation of a reopen against a real (fake-indexeddb) database: only the
// chair's PIN confirms, wrong ones pause like an expert's (counted with the chair's wrong
// PINs anywhere on this laptop), and a chair without a PIN sets one, which confirms.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PingguDatabase } from '../../../../renderer/db/database';
import {
  getExpertPins,
  getPinFailures,
  putExpertPin,
  recordWrongPin,
} from '../../../../renderer/db/repositories/expertPinRepository';
import {
  confirmByChairPin,
  newPinProblem,
  reopenNote,
} from '../../../../renderer/features/scoring/chairConfirmation';
import { createPinRecord, verifyPin } from '../../../../renderer/features/scoring/pin';
import type { PinTryDeps } from '../../../../renderer/features/scoring/pinTries';
import { openTestDatabase } from '../../../helpers/db';

const T0 = Date.parse('2024-05-11T08:00:00.000Z');
const CHAIR = 'chair-1';
let db: PingguDatabase;
let clockMs: number;
let deps: PinTryDeps;

beforeEach(async () => {
  db = await openTestDatabase();
  clockMs = T0;
  deps = { db, crypto: globalThis.crypto, now: () => new Date(clockMs).toISOString() };
});

afterEach(async () => {
  await db.delete();
});

describe("the chair's PIN confirming a reopen", () => {
  beforeEach(async () => {
    await putExpertPin(db, CHAIR, await createPinRecord('1357', deps));
  });

  it('confirms with the right PIN only, and a PIN that is not 4–6 digits is not counted', async () => {
    expect(await confirmByChairPin(CHAIR, { kind: 'pin', pin: '1357' }, deps)).toEqual({
      kind: 'confirmed',
      method: 'pin',
    });
    expect(await confirmByChairPin(CHAIR, { kind: 'pin', pin: '李建国' }, deps)).toEqual({
      kind: 'invalid',
    });
    expect(await getPinFailures(db, CHAIR)).toBeUndefined();
    expect(await confirmByChairPin(CHAIR, { kind: 'pin', pin: '1358' }, deps)).toEqual({
      kind: 'wrong',
      count: 1,
      waitSeconds: 0,
    });
  });

  it('pauses after five wrong PINs, refusing even the right one, and the pause is stored', async () => {
    for (let i = 1; i <= 4; i += 1) {
      expect(await confirmByChairPin(CHAIR, { kind: 'pin', pin: '0000' }, deps)).toEqual({
        kind: 'wrong',
        count: i,
        waitSeconds: 0,
      });
    }
    expect(await confirmByChairPin(CHAIR, { kind: 'pin', pin: '0000' }, deps)).toEqual({
      kind: 'wrong',
      count: 5,
      waitSeconds: 30,
    });
    clockMs += 5_000;
    expect(await confirmByChairPin(CHAIR, { kind: 'pin', pin: '1357' }, deps)).toEqual({
      kind: 'paused',
      waitSeconds: 25,
    });
    // A new window: the same database opened again still pauses the chair.
    db.close();
    await db.open();
    expect(await confirmByChairPin(CHAIR, { kind: 'pin', pin: '1357' }, deps)).toEqual({
      kind: 'paused',
      waitSeconds: 25,
    });
    clockMs += 25_000;
    expect(await confirmByChairPin(CHAIR, { kind: 'pin', pin: '1357' }, deps)).toEqual({
      kind: 'confirmed',
      method: 'pin',
    });
    expect(await getPinFailures(db, CHAIR)).toBeUndefined();
  });

  it("counts with the chair's wrong PINs elsewhere (a PIN reset, the chair's unlock)", async () => {
    for (let i = 0; i < 4; i += 1) await recordWrongPin(db, CHAIR, deps.now());
    expect(await confirmByChairPin(CHAIR, { kind: 'pin', pin: '0000' }, deps)).toEqual({
      kind: 'wrong',
      count: 5,
      waitSeconds: 30,
    });
    // Another expert's count is their own.
    expect(await getPinFailures(db, 'someone-else')).toBeUndefined();
  });

  it('refuses to set a new PIN over the one the chair has', async () => {
    const before = await getExpertPins(db);
    const entry = { kind: 'newPin', pin: '2468', again: '2468' } as const;
    expect(await confirmByChairPin(CHAIR, entry, deps)).toEqual({ kind: 'changed' });
    expect(await getExpertPins(db)).toEqual(before);
  });
});

describe('a chair without a PIN on this laptop', () => {
  it('sets one (typed twice) and so confirms; that PIN then confirms the next time', async () => {
    const entry = { kind: 'newPin', pin: '2468', again: '2468' } as const;
    expect(await confirmByChairPin(CHAIR, entry, deps)).toEqual({
      kind: 'confirmed',
      method: 'newPin',
    });
    const record = (await getExpertPins(db))[CHAIR];
    expect(await verifyPin('2468', record, globalThis.crypto)).toBe(true);
    expect(await confirmByChairPin(CHAIR, { kind: 'pin', pin: '2468' }, deps)).toEqual({
      kind: 'confirmed',
      method: 'pin',
    });
  });

  it('replaces a declined PIN the same way', async () => {
    await putExpertPin(db, CHAIR, { kind: 'declined', at: '2024-05-11T07:00:00.000Z' });
    const entry = { kind: 'newPin', pin: '135790', again: '135790' } as const;
    expect(await confirmByChairPin(CHAIR, entry, deps)).toEqual({
      kind: 'confirmed',
      method: 'newPin',
    });
    expect((await getExpertPins(db))[CHAIR]?.kind).toBe('pin');
  });

  it('changes nothing for two different PINs, a PIN of the wrong length, or an old PIN typed', async () => {
    const tries = [
      [{ kind: 'newPin', pin: '2468', again: '2469' }, 'mismatch'],
      [{ kind: 'newPin', pin: '246', again: '246' }, 'invalid'],
      [{ kind: 'newPin', pin: '1234567', again: '1234567' }, 'invalid'],
      [{ kind: 'pin', pin: '2468' }, 'changed'],
    ] as const;
    for (const [entry, kind] of tries) {
      expect(await confirmByChairPin(CHAIR, entry, deps)).toEqual({ kind });
    }
    expect(await getExpertPins(db)).toEqual({});
    expect(await getPinFailures(db, CHAIR)).toBeUndefined();
  });
});

describe('confirmation helpers', () => {
  it('check a new PIN typed twice', () => {
    expect(newPinProblem('2468', '2468')).toBeNull();
    expect(newPinProblem('2468', '8642')).toBe('mismatch');
    expect(newPinProblem('24a8', '24a8')).toBe('invalid');
    expect(newPinProblem('', '')).toBe('invalid');
  });

  it('record who confirmed, how, and why in the audit note', () => {
    expect(reopenNote('李建国', 'pin', ' 打印后发现第3项录入有误 ')).toBe(
      '组长李建国确认退回（组长 PIN 验证）；退回原因：打印后发现第3项录入有误',
    );
    expect(reopenNote('李建国', 'newPin', '修改评语')).toBe(
      '组长李建国确认退回（组长设置 PIN 并验证）；退回原因：修改评语',
    );
  });
});
