// Why a write to IndexedDB failed, in the two cases the expert can act on differently:
// the disk (or the browser's quota) is full, or something else went wrong.
export type WriteFailure = { reason: 'quota' | 'other'; detail: string };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

function isQuotaError(error: unknown, depth = 0): boolean {
  if (!isObject(error) || depth > 3) return false;
  const { name, message, inner } = error;
  if (name === 'QuotaExceededError') return true;
  if (typeof message === 'string' && /quota/i.test(message)) return true;
  // Dexie wraps the DOMException of an aborted transaction in `inner`.
  return isQuotaError(inner, depth + 1);
}

export function classifyWriteError(error: unknown): WriteFailure {
  const detail =
    isObject(error) && typeof error.message === 'string' && error.message !== ''
      ? error.message
      : String(error);
  return { reason: isQuotaError(error) ? 'quota' : 'other', detail };
}
