// Why a write to IndexedDB failed, in the two cases the expert can act on differently:
// the disk (or the browser's quota) is full, or something else went wrong.
import { isQuotaExceededError } from '../../db/storageErrors';

export type WriteFailure = { reason: 'quota' | 'other'; detail: string };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

export function classifyWriteError(error: unknown): WriteFailure {
  const detail =
    isObject(error) && typeof error.message === 'string' && error.message !== ''
      ? error.message
      : String(error);
  return { reason: isQuotaExceededError(error) ? 'quota' : 'other', detail };
}
