// The panel chair's confirmation of a reopen (退回修改), always by the chair's PIN. A typed PIN
// is tried like an expert's unlock (pinTries.ts): the same stored wrong-PIN count, keyed by
// the chair's expert id, so wrong PINs here, in a PIN reset and at the chair's own unlock
// pause together, across windows. Where the chair has no PIN on this laptop, the chair sets
// one now (typed twice, the rules of an expert's PIN), and setting it confirms. Typing the
// chair's name confirms nothing. The audit note records who confirmed and how.
import { proofText } from '../../../shared/domain/pinReset';
import type { PinProofMethod } from '../../../shared/domain/pinReset';
import { getExpertPins, setFirstPin } from '../../db/repositories/expertPinRepository';
import { createPinRecord, isValidPin } from './pin';
import { tryPin } from './pinTries';
import type { PinTryDeps } from './pinTries';

export type ConfirmMethod = PinProofMethod;

/** What was typed: the chair's PIN, or (the chair has none here) a new PIN twice. */
export type ChairPinEntry =
  { kind: 'pin'; pin: string } | { kind: 'newPin'; pin: string; again: string };

export type NewPinProblem = 'invalid' | 'mismatch';

/** Why a new PIN typed twice cannot be set (4–6 digits, the same both times); null if it can. */
export function newPinProblem(pin: string, again: string): NewPinProblem | null {
  if (!isValidPin(pin)) return 'invalid';
  return pin === again ? null : 'mismatch';
}

export type ChairConfirmation =
  | { kind: 'confirmed'; method: ConfirmMethod }
  /** Not 4–6 digits (not counted as a wrong PIN), or the new PIN typed twice differs. */
  | { kind: NewPinProblem }
  /** Wrong; `waitSeconds` > 0 when this failure starts a pause. */
  | { kind: 'wrong'; count: number; waitSeconds: number }
  /** Not checked: a pause from earlier wrong PINs of the chair is still running. */
  | { kind: 'paused'; waitSeconds: number }
  /** The chair's PIN was set or reset in another window meanwhile; nothing was checked. */
  | { kind: 'changed' };

/** Checks (or, for a chair without a PIN here, sets) the chair's PIN; see the file's top. */
export async function confirmByChairPin(
  chairId: string,
  entry: ChairPinEntry,
  deps: PinTryDeps,
): Promise<ChairConfirmation> {
  const record = (await getExpertPins(deps.db))[chairId];
  const hasPin = record?.kind === 'pin';
  if (entry.kind === 'pin') {
    if (!hasPin) return { kind: 'changed' };
    if (!isValidPin(entry.pin)) return { kind: 'invalid' };
    const tried = await tryPin(chairId, entry.pin, record, deps);
    return tried.kind === 'right' ? { kind: 'confirmed', method: 'pin' } : tried;
  }
  if (hasPin) return { kind: 'changed' };
  const problem = newPinProblem(entry.pin, entry.again);
  if (problem !== null) return { kind: problem };
  const created = await createPinRecord(entry.pin, { crypto: deps.crypto, now: deps.now });
  const stored = await setFirstPin(deps.db, chairId, created);
  return stored.ok ? { kind: 'confirmed', method: 'newPin' } : { kind: 'changed' };
}

/** The audit note of a reopen; stored data, so always in Chinese. */
export function reopenNote(chairName: string, method: ConfirmMethod, reason: string): string {
  return `组长${chairName}确认退回（${proofText('组长', method)}）；退回原因：${reason.trim()}`;
}
