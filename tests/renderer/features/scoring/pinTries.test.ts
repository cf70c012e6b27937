// Tries of an expert's PIN against a real (fake-indexeddb) database: five wrong ones are free,
// the next is paused, the pause survives a new window, and the right PIN or a reset clears it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PingguDatabase } from '../../../../renderer/db/database';
import {
  getPinFailures,
  clearWrongPins,
} from '../../../../renderer/db/repositories/expertPinRepository';
import { createPinRecord } from '../../../../renderer/features/scoring/pin';
import { tryPin } from '../../../../renderer/features/scoring/pinTries';
import type { PinTryDeps } from '../../../../renderer/features/scoring/pinTries';
import { openTestDatabase } from '../../../helpers/db';

const T0 = Date.parse('2024-05-11T08:00:00.000Z');
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

describe('trying a PIN', () => {
  it('pauses after five wrong PINs, refuses even the right one meanwhile, then clears on success', async () => {
    const record = await createPinRecord('2468', deps);
    for (let i = 1; i <= 4; i += 1) {
      expect(await tryPin('e1', '1111', record, deps)).toEqual({
        kind: 'wrong',
        count: i,
        waitSeconds: 0,
      });
    }
    expect(await tryPin('e1', '1111', record, deps)).toEqual({
      kind: 'wrong',
      count: 5,
      waitSeconds: 30,
    });
    clockMs += 10_000;
    expect(await tryPin('e1', '2468', record, deps)).toEqual({ kind: 'paused', waitSeconds: 20 });
    // Another expert on the same laptop is not affected.
    expect(await tryPin('e2', '2468', record, deps)).toEqual({ kind: 'right' });

    clockMs += 20_000;
    expect(await tryPin('e1', '2468', record, deps)).toEqual({ kind: 'right' });
    expect(await getPinFailures(db, 'e1')).toBeUndefined();
    expect(await db.settings.get('pinFailures')).toBeUndefined();
  });

  it('doubles the pause with each further failure, and keeps it in the database', async () => {
    const record = await createPinRecord('2468', deps);
    for (let i = 0; i < 5; i += 1) await tryPin('e1', '1111', record, deps);
    clockMs += 30_000;
    expect(await tryPin('e1', '1111', record, deps)).toEqual({
      kind: 'wrong',
      count: 6,
      waitSeconds: 60,
    });
    // What a new window (or a restarted app) reads.
    expect(await getPinFailures(db, 'e1')).toEqual({
      count: 6,
      lastAt: new Date(clockMs).toISOString(),
    });
    await clearWrongPins(db, 'e1'); // a reset confirmed by the chair
    expect(await tryPin('e1', '2468', record, deps)).toEqual({ kind: 'right' });
  });
});
