// Whether a failed IndexedDB write ran out of space, so the user hears "the disk is full"
// rather than "internal error". The browser's QuotaExceededError reaches us as thrown by a
// request, wrapped by Dexie in an aborted transaction's `inner`, or listed among a bulk
// operation's `failures` (Dexie's BulkError, whose message also names it).

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

const MAX_DEPTH = 3;

export function isQuotaExceededError(error: unknown, depth = 0): boolean {
  if (!isObject(error) || depth > MAX_DEPTH) return false;
  const { name, message, inner, failures } = error;
  if (name === 'QuotaExceededError') return true;
  if (typeof message === 'string' && /quota/i.test(message)) return true;
  const listed: unknown[] = Array.isArray(failures)
    ? failures
    : isObject(failures)
      ? Object.values(failures)
      : [];
  return (
    isQuotaExceededError(inner, depth + 1) ||
    listed.some((failure) => isQuotaExceededError(failure, depth + 1))
  );
}
