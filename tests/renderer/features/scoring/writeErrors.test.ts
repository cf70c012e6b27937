import { describe, expect, it } from 'vitest';
import { classifyWriteError } from '../../../../renderer/features/scoring/writeErrors';

describe('write failures', () => {
  it('recognise a full disk, also when Dexie wraps it', () => {
    expect(classifyWriteError(new DOMException('full', 'QuotaExceededError')).reason).toBe('quota');
    const wrapped = {
      name: 'AbortError',
      message: 'Transaction aborted',
      inner: { name: 'QuotaExceededError' },
    };
    expect(classifyWriteError(wrapped).reason).toBe('quota');
  });

  it('keep the message of any other failure for the expert', () => {
    expect(classifyWriteError(new Error('Database closed'))).toEqual({
      reason: 'other',
      detail: 'Database closed',
    });
    expect(classifyWriteError('boom')).toEqual({ reason: 'other', detail: 'boom' });
  });
});
