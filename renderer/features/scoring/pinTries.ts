// One try of an expert's PIN on this laptop, paused after too many wrong ones
// (shared/domain/pinAttempts.ts): the count is stored, the right PIN clears it.
import { pinWaitMs } from '../../../shared/domain/pinAttempts';
import type { PingguDatabase } from '../../db/database';
import {
  clearWrongPins,
  getPinFailures,
  recordWrongPin,
} from '../../db/repositories/expertPinRepository';
import type { ExpertPinRecord } from '../../db/repositories/expertPinRepository';
import type { PinCrypto } from './pin';
import { verifyPin } from './pin';

export type PinTry =
  | { kind: 'right' }
  /** Wrong; `waitSeconds` > 0 when this failure starts a pause. */
  | { kind: 'wrong'; count: number; waitSeconds: number }
  /** Not checked: a pause from earlier failures is still running. */
  | { kind: 'paused'; waitSeconds: number };

export type PinTryDeps = { db: PingguDatabase; crypto: PinCrypto; now: () => string };

export async function tryPin(
  expertId: string,
  pin: string,
  record: ExpertPinRecord | undefined,
  deps: PinTryDeps,
): Promise<PinTry> {
  const { db, crypto, now } = deps;
  const seconds = (ms: number) => Math.ceil(ms / 1000);
  const wait = pinWaitMs(await getPinFailures(db, expertId), Date.parse(now()));
  if (wait > 0) return { kind: 'paused', waitSeconds: seconds(wait) };
  if (await verifyPin(pin, record, crypto)) {
    await clearWrongPins(db, expertId);
    return { kind: 'right' };
  }
  const at = now();
  const failures = await recordWrongPin(db, expertId, at);
  return {
    kind: 'wrong',
    count: failures.count,
    waitSeconds: seconds(pinWaitMs(failures, Date.parse(at))),
  };
}
