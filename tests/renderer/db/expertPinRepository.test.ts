import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PingguDatabase } from '../../../renderer/db/database';
import {
  getExpertPins,
  parseExpertPins,
  putExpertPin,
} from '../../../renderer/db/repositories/expertPinRepository';
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
