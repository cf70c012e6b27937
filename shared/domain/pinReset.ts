// Resetting an expert's forgotten PIN on a shared panel laptop: who may confirm it, whether a
// request is confirmed, and the audit note that records it (stored data, so in Chinese).
// The panel chair confirms for the panel's experts, as for a reopen (退回修改), always with
// the chair's PIN: a chair without a PIN on this laptop sets one in the same step (typed
// twice), and that PIN confirms. Wrong PINs count with the confirmer's other wrong PINs
// (pinAttempts.ts), so a guessed confirmation is paused like a guessed unlock.
// The chair cannot vouch for themselves, so the chair's own PIN needs another expert of the
// same panel, confirmed the same way (that expert's PIN, set now if they have none).
// Without a chair (or, for the chair, without another member) nobody on the laptop may reset.
import { afterWrongPin, pinWaitMs } from './pinAttempts';
import type { PinFailures } from './pinAttempts';
import type { Expert, Panel } from './types';

export type PinResetConfirmers =
  | { kind: 'chair'; chair: Expert }
  | { kind: 'panelMember'; members: Expert[] }
  | { kind: 'unavailable'; reason: 'noChair' | 'noOtherMember' };

export type PinResetProof =
  /** SHA-256 of the confirmer's typed PIN with the salt of their stored PIN record. */
  | { method: 'pin'; pinHash: string }
  /** The confirmer has no PIN here and sets one now: its salt and hash (hex), as stored. */
  | { method: 'newPin'; salt: string; pinHash: string };

/** How a confirmer proved who they are; both are a PIN of theirs, one set just now. */
export type PinProofMethod = PinResetProof['method'];

export type PinResetRequest = {
  expertId: string;
  confirmerId: string;
  proof: PinResetProof;
  reason: string;
};

export const PIN_RESET_REFUSALS = [
  'expertNotFound',
  'noPin',
  'noReason',
  'noChair',
  'noOtherMember',
  'notAllowed',
  'pinRequired',
  'pinNotSet',
  'badNewPin',
  'wrongPin',
  'wrongPinPaused',
  'paused',
] as const;

export type PinResetRefusal = (typeof PIN_RESET_REFUSALS)[number];

export const isPinResetRefusal = (value: unknown): value is PinResetRefusal =>
  PIN_RESET_REFUSALS.some((refusal) => refusal === value);

/**
 * Chinese messages of the refusals; the repository returns these with the refusal code,
 * `{{count}}` (wrong PINs in a row) and `{{seconds}}` (the wait) filled in.
 */
export const PIN_RESET_REFUSAL_TEXT: Record<PinResetRefusal, string> = {
  expertNotFound: '找不到该专家。',
  noPin: '该专家在本机没有设置 PIN（可能已在另一个窗口重置），无需重置。',
  noReason: '请填写重置原因。',
  noChair: '本组未指定组长，无法在本机重置 PIN；请联系秘书处。',
  noOtherMember: '本组没有其他专家可以确认，无法在本机重置组长的 PIN；请联系秘书处。',
  notAllowed: '只有本组组长（重置组长本人的 PIN 时为本组其他专家）可以确认重置。',
  pinRequired: '确认人已在本机设置 PIN（可能刚在另一个窗口设置），请输入其 PIN。',
  pinNotSet: '确认人尚未在本机设置 PIN，请先为其设置 PIN。',
  badNewPin: '确认人的新 PIN 无效，未重置。',
  wrongPin: '确认人的 PIN 不正确，未重置。',
  wrongPinPaused: '确认人的 PIN 不正确，未重置；已连续输错 {{count}} 次，请 {{seconds}} 秒后再试。',
  paused: '确认人的 PIN 输错次数过多，请 {{seconds}} 秒后再试。',
};

/** The counts a refusal message names (0 where it names none). */
export type PinRefusalValues = { count: number; seconds: number };

/** A refusal's Chinese message with its count and wait filled in. */
export function pinResetRefusalText(refusal: PinResetRefusal, values: PinRefusalValues): string {
  return PIN_RESET_REFUSAL_TEXT[refusal]
    .replace('{{count}}', String(values.count))
    .replace('{{seconds}}', String(values.seconds));
}

/** Who may confirm resetting `expert`'s PIN; `experts` are the round's experts. */
export function pinResetConfirmers(
  expert: Expert,
  panel: Panel | undefined,
  experts: readonly Expert[],
): PinResetConfirmers {
  const sameRoundPanel = (e: Expert) =>
    e.roundId === expert.roundId && e.panelId === expert.panelId;
  const chairId = panel?.id === expert.panelId ? panel.chairExpertId : undefined;
  if (chairId !== undefined && chairId === expert.id) {
    const members = experts.filter((e) => sameRoundPanel(e) && e.id !== expert.id);
    return members.length > 0
      ? { kind: 'panelMember', members }
      : { kind: 'unavailable', reason: 'noOtherMember' };
  }
  const chair = experts.find((e) => e.id === chairId && sameRoundPanel(e));
  return chair ? { kind: 'chair', chair } : { kind: 'unavailable', reason: 'noChair' };
}

/** How a confirmation is written in an audit note, e.g. "组长 PIN 验证". */
export function proofText(role: '组长' | '专家', method: PinProofMethod): string {
  return method === 'pin' ? `${role} PIN 验证` : `${role}设置 PIN 并验证`;
}

/** The audit note of a reset: who confirmed, how, and why. */
export function pinResetNote(input: {
  expertName: string;
  confirmerName: string;
  confirmerIsChair: boolean;
  method: PinProofMethod;
  reason: string;
}): string {
  const role = input.confirmerIsChair ? '组长' : '本组专家';
  const how = proofText(input.confirmerIsChair ? '组长' : '专家', input.method);
  const whose = input.confirmerIsChair ? input.expertName : `组长${input.expertName}`;
  return `${role}${input.confirmerName}确认重置${whose}的 PIN（${how}）；重置原因：${input.reason.trim()}`;
}

export type PinResetCheck =
  | {
      ok: true;
      expert: Expert;
      confirmer: Expert;
      note: string;
      /** The confirmer's new PIN (salt and hash) to store, when they set one now. */
      newPin: { salt: string; hash: string } | null;
    }
  | {
      ok: false;
      refusal: PinResetRefusal;
      values: PinRefusalValues;
      /** After a wrong PIN: the confirmer's wrong-PIN record to store. */
      failures?: PinFailures;
    };

// Hex digests of equal length, compared without an early exit.
const sameHash = (a: string, b: string): boolean => {
  let difference = a.length ^ b.length;
  for (let i = 0; i < a.length; i += 1) difference |= a.charCodeAt(i) ^ (b.charCodeAt(i) || 0);
  return difference === 0;
};

const SHA256_HEX = /^[0-9a-f]{64}$/;
const SALT_HEX = /^(?:[0-9a-f]{2})+$/;
const NO_VALUES: PinRefusalValues = { count: 0, seconds: 0 };
type PinResetRefused = Extract<PinResetCheck, { ok: false }>;
const refuse = (refusal: PinResetRefusal, values = NO_VALUES): PinResetRefused => ({
  ok: false,
  refusal,
  values,
});
const seconds = (ms: number) => Math.ceil(ms / 1000);

/**
 * Decides a reset request against the stored records. `targetHasPin`: the expert has a PIN
 * on this laptop; `confirmerPinHash`: the stored hash of the confirmer's PIN, if they set one;
 * `confirmerFailures`: the confirmer's wrong PINs in a row; `now`: ISO time of the request.
 */
export function checkPinReset(input: {
  request: PinResetRequest;
  expert: Expert | undefined;
  panel: Panel | undefined;
  experts: readonly Expert[];
  targetHasPin: boolean;
  confirmerPinHash: string | undefined;
  confirmerFailures: PinFailures | undefined;
  now: string;
}): PinResetCheck {
  const { request, expert } = input;
  if (!expert) return refuse('expertNotFound');
  if (!input.targetHasPin) return refuse('noPin');
  const allowed = pinResetConfirmers(expert, input.panel, input.experts);
  if (allowed.kind === 'unavailable') return refuse(allowed.reason);
  const candidates = allowed.kind === 'chair' ? [allowed.chair] : allowed.members;
  const confirmer = candidates.find((e) => e.id === request.confirmerId);
  if (!confirmer) return refuse('notAllowed');
  if (request.reason.trim() === '') return refuse('noReason');
  const { proof } = request;
  let newPin: { salt: string; hash: string } | null = null;
  if (input.confirmerPinHash !== undefined) {
    if (proof.method !== 'pin') return refuse('pinRequired');
    const failures = input.confirmerFailures;
    const nowMs = Date.parse(input.now);
    const wait = pinWaitMs(failures, nowMs);
    if (wait > 0) return refuse('paused', { count: failures?.count ?? 0, seconds: seconds(wait) });
    if (!sameHash(proof.pinHash, input.confirmerPinHash)) {
      const next = afterWrongPin(failures, input.now);
      const pause = seconds(pinWaitMs(next, nowMs));
      const values = { count: next.count, seconds: pause };
      return { ...refuse(pause > 0 ? 'wrongPinPaused' : 'wrongPin', values), failures: next };
    }
  } else {
    if (proof.method !== 'newPin') return refuse('pinNotSet');
    if (!SALT_HEX.test(proof.salt) || !SHA256_HEX.test(proof.pinHash)) return refuse('badNewPin');
    newPin = { salt: proof.salt, hash: proof.pinHash };
  }
  const note = pinResetNote({
    expertName: expert.name,
    confirmerName: confirmer.name,
    confirmerIsChair: allowed.kind === 'chair',
    method: proof.method,
    reason: request.reason,
  });
  return { ok: true, expert, confirmer, note, newPin };
}
