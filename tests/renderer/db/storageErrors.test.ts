import { describe, expect, it } from 'vitest';
import { isQuotaExceededError } from '../../../renderer/db/storageErrors';

const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('a full disk behind a failed write', () => {
  it('is recognised as thrown, wrapped by an aborted transaction, or listed by a bulk write', () => {
    expect(isQuotaExceededError(quota)).toBe(true);
    expect(isQuotaExceededError({ name: 'AbortError', inner: quota })).toBe(true);
    expect(isQuotaExceededError({ name: 'BulkError', failures: [new Error('x'), quota] })).toBe(
      true,
    );
    expect(
      isQuotaExceededError({ name: 'BulkError', failuresByPos: {}, failures: { 3: quota } }),
    ).toBe(true);
    expect(isQuotaExceededError(new Error('Storage quota exceeded'))).toBe(true);
  });

  it('is not confused with other failures', () => {
    expect(isQuotaExceededError(new Error('Database closed'))).toBe(false);
    expect(isQuotaExceededError({ name: 'AbortError', inner: { name: 'ConstraintError' } })).toBe(
      false,
    );
    expect(isQuotaExceededError('QuotaExceededError')).toBe(false);
    expect(isQuotaExceededError(null)).toBe(false);
    // An error that wraps itself ends the search instead of the stack.
    const cyclic: Record<string, unknown> = { name: 'AbortError' };
    cyclic.inner = cyclic;
    expect(isQuotaExceededError(cyclic)).toBe(false);
  });
});
