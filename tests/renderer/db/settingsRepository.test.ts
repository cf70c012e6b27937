import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PingguDatabase } from '../../../renderer/db/database';
import {
  clearSetting,
  getOrCreateDeviceId,
  getSetting,
  setSetting,
} from '../../../renderer/db/repositories/settingsRepository';
import { openTestDatabase } from '../../helpers/db';

let db: PingguDatabase;

beforeEach(async () => {
  db = await openTestDatabase();
});

afterEach(async () => {
  await db.delete();
});

describe('settings', () => {
  it('creates the device id once and returns the same id afterwards', async () => {
    let calls = 0;
    const newId = () => `device-${++calls}`;

    const ids = await Promise.all([getOrCreateDeviceId(db, newId), getOrCreateDeviceId(db, newId)]);
    const later = await getOrCreateDeviceId(db, newId);

    expect(ids).toEqual(['device-1', 'device-1']);
    expect(later).toBe('device-1');
    expect(calls).toBe(1);
  });

  it('stores, reads and clears typed settings', async () => {
    expect(await getSetting(db, 'language')).toBeUndefined();
    await setSetting(db, 'language', 'en');
    expect(await getSetting(db, 'language')).toBe('en');
    await clearSetting(db, 'language');
    expect(await getSetting(db, 'language')).toBeUndefined();
  });
});
