// Resetting an expert's forgotten PIN on a shared panel laptop: who may confirm it, whether a
// request is confirmed, and the audit note that records it (stored data, so in Chinese).
// The panel chair confirms for the panel's experts, as for a reopen (退回修改): with the
// chair's PIN when the chair set one on this laptop, otherwise by typing the chair's name.
// The chair cannot vouch for themselves, so the chair's own PIN needs another expert of the
// same panel, confirmed the same way (that expert's PIN if they set one, else their name).
// Without a chair (or, for the chair, without another member) nobody on the laptop may reset.
import type { Expert, Panel } from './types';

export type PinResetConfirmers =
  | { kind: 'chair'; chair: Expert }
  | { kind: 'panelMember'; members: Expert[] }
  | { kind: 'unavailable'; reason: 'noChair' | 'noOtherMember' };

export type PinResetProof =
  /** SHA-256 of the confirmer's typed PIN with the salt of their stored PIN record. */
  { method: 'pin'; pinHash: string } | { method: 'name'; typedName: string };

export type PinResetRequest = {
  expertId: string;
  confirmerId: string;
  proof: PinResetProof;
  reason: string;
};

export type PinResetRefusal =
  | 'expertNotFound'
  | 'noPin'
  | 'noReason'
  | 'noChair'
  | 'noOtherMember'
  | 'notAllowed'
  | 'pinRequired'
  | 'nameRequired'
  | 'wrongPin'
  | 'wrongName';

export const PIN_RESET_REFUSALS = [
  'expertNotFound',
  'noPin',
  'noReason',
  'noChair',
  'noOtherMember',
  'notAllowed',
  'pinRequired',
  'nameRequired',
  'wrongPin',
  'wrongName',
] as const satisfies readonly PinResetRefusal[];

export const isPinResetRefusal = (value: unknown): value is PinResetRefusal =>
  PIN_RESET_REFUSALS.some((refusal) => refusal === value);

/** Chinese messages of the refusals; the repository returns these with the refusal code. */
export const PIN_RESET_REFUSAL_TEXT: Record<PinResetRefusal, string> = {
  expertNotFound: '找不到该专家。',
  noPin: '该专家在本机没有设置 PIN（可能已在另一个窗口重置），无需重置。',
  noReason: '请填写重置原因。',
  noChair: '本组未指定组长，无法在本机重置 PIN；请联系秘书处。',
  noOtherMember: '本组没有其他专家可以确认，无法在本机重置组长的 PIN；请联系秘书处。',
  notAllowed: '只有本组组长（重置组长本人的 PIN 时为本组其他专家）可以确认重置。',
  pinRequired: '确认人已在本机设置 PIN，请输入其 PIN。',
  nameRequired: '确认人未在本机设置 PIN，请输入其姓名。',
  wrongPin: '确认人的 PIN 不正确，未重置。',
  wrongName: '姓名与确认人姓名不一致，未重置。',
};

/** Names compare without any whitespace (half- or full-width), as people type them. */
export function namesMatch(typed: string, name: string): boolean {
  const strip = (text: string) => text.replace(/[\s\u3000]+/g, '');
  return strip(typed) !== '' && strip(typed) === strip(name);
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

/** The audit note of a reset: who confirmed, how, and why. */
export function pinResetNote(input: {
  expertName: string;
  confirmerName: string;
  confirmerIsChair: boolean;
  method: PinResetProof['method'];
  reason: string;
}): string {
  const role = input.confirmerIsChair ? '组长' : '本组专家';
  const how = `${input.confirmerIsChair ? '组长' : '专家'}${
    input.method === 'pin' ? ' PIN 验证' : '输入姓名确认'
  }`;
  const whose = input.confirmerIsChair ? input.expertName : `组长${input.expertName}`;
  return `${role}${input.confirmerName}确认重置${whose}的 PIN（${how}）；重置原因：${input.reason.trim()}`;
}

export type PinResetCheck =
  | { ok: true; expert: Expert; confirmer: Expert; note: string }
  | { ok: false; refusal: PinResetRefusal };

// Hex digests of equal length, compared without an early exit.
const sameHash = (a: string, b: string): boolean => {
  let difference = a.length ^ b.length;
  for (let i = 0; i < a.length; i += 1) difference |= a.charCodeAt(i) ^ (b.charCodeAt(i) || 0);
  return difference === 0;
};

/**
 * Decides a reset request against the stored records. `targetHasPin`: the expert has a PIN
 * on this laptop; `confirmerPinHash`: the stored hash of the confirmer's PIN, if they set one.
 */
export function checkPinReset(input: {
  request: PinResetRequest;
  expert: Expert | undefined;
  panel: Panel | undefined;
  experts: readonly Expert[];
  targetHasPin: boolean;
  confirmerPinHash: string | undefined;
}): PinResetCheck {
  const { request, expert } = input;
  if (!expert) return { ok: false, refusal: 'expertNotFound' };
  if (!input.targetHasPin) return { ok: false, refusal: 'noPin' };
  const allowed = pinResetConfirmers(expert, input.panel, input.experts);
  if (allowed.kind === 'unavailable') return { ok: false, refusal: allowed.reason };
  const candidates = allowed.kind === 'chair' ? [allowed.chair] : allowed.members;
  const confirmer = candidates.find((e) => e.id === request.confirmerId);
  if (!confirmer) return { ok: false, refusal: 'notAllowed' };
  if (request.reason.trim() === '') return { ok: false, refusal: 'noReason' };
  const { proof } = request;
  if (input.confirmerPinHash !== undefined) {
    if (proof.method !== 'pin') return { ok: false, refusal: 'pinRequired' };
    if (!sameHash(proof.pinHash, input.confirmerPinHash)) return { ok: false, refusal: 'wrongPin' };
  } else {
    if (proof.method !== 'name') return { ok: false, refusal: 'nameRequired' };
    if (!namesMatch(proof.typedName, confirmer.name)) return { ok: false, refusal: 'wrongName' };
  }
  const note = pinResetNote({
    expertName: expert.name,
    confirmerName: confirmer.name,
    confirmerIsChair: allowed.kind === 'chair',
    method: proof.method,
    reason: request.reason,
  });
  return { ok: true, expert, confirmer, note };
}
