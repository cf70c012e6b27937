import { describe, expect, it } from 'vitest';
import {
  createPinRecord,
  hashPin,
  isValidPin,
  verifyPin,
} from '../../../../renderer/features/scoring/pin';

const deps = { crypto: globalThis.crypto, now: () => '2024-05-10T09:00:00.000Z' };

describe('expert PINs', () => {
  it('accept 4 to 6 digits only', () => {
    expect(['1234', '12345', '123456'].every(isValidPin)).toBe(true);
    expect(['123', '1234567', '12a4', ' 1234', ''].some(isValidPin)).toBe(false);
  });

  it('are stored as a salted SHA-256 hash, never as the PIN', async () => {
    const record = await createPinRecord('2468', deps);
    expect(record.kind).toBe('pin');
    if (record.kind !== 'pin') return;
    expect(record.salt).toMatch(/^[0-9a-f]{32}$/);
    expect(record.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(record)).not.toContain('2468');
    expect(await hashPin('2468', record.salt, globalThis.crypto)).toBe(record.hash);
  });

  it('get a different hash for the same PIN of two experts (per-expert salt)', async () => {
    const [a, b] = await Promise.all([
      createPinRecord('2468', deps),
      createPinRecord('2468', deps),
    ]);
    expect(a.kind === 'pin' && b.kind === 'pin' && a.hash !== b.hash).toBe(true);
  });

  it('verify the right PIN and refuse a wrong one or a declined record', async () => {
    const record = await createPinRecord('135790', deps);
    expect(await verifyPin('135790', record, globalThis.crypto)).toBe(true);
    expect(await verifyPin('135791', record, globalThis.crypto)).toBe(false);
    expect(await verifyPin('1357', { kind: 'declined', at: '' }, globalThis.crypto)).toBe(false);
    expect(await verifyPin('1357', undefined, globalThis.crypto)).toBe(false);
  });

  it('cannot be created from something that is not a PIN', async () => {
    await expect(createPinRecord('12', deps)).rejects.toThrow();
  });
});
