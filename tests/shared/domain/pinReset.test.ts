import { describe, expect, it } from 'vitest';
import {
  checkPinReset,
  isPinResetRefusal,
  pinResetConfirmers,
  pinResetNote,
  pinResetRefusalText,
} from '../../../shared/domain/pinReset';
import type { PinResetRequest } from '../../../shared/domain/pinReset';
import type { Expert, Panel } from '../../../shared/domain/types';
import { buildExpert, buildPanel } from '../../helpers/builders';

const ROUND = 'round-pin';
const panelId = 'panel-pin';
const chair = buildExpert(ROUND, panelId, { id: 'chair', name: '李建国' });
const member = buildExpert(ROUND, panelId, { id: 'member', name: '王芳' });
const other = buildExpert(ROUND, panelId, { id: 'other', name: '赵强' });
const stranger = buildExpert(ROUND, 'panel-else', { id: 'stranger', name: '孙丽' });
const experts: Expert[] = [chair, member, other, stranger];
const panel: Panel = buildPanel(ROUND, { id: panelId, chairExpertId: chair.id });

// Hex digests as the dialog sends them (64 hex digits for SHA-256).
const CHAIR_HASH = 'a1'.repeat(32);
const OTHER_HASH = 'b2'.repeat(32);
const NOW = '2024-05-10T08:00:00.000Z';

const request = (overrides: Partial<PinResetRequest> = {}): PinResetRequest => ({
  expertId: member.id,
  confirmerId: chair.id,
  proof: { method: 'pin', pinHash: CHAIR_HASH },
  reason: '忘记 PIN',
  ...overrides,
});

const check = (
  overrides: Partial<PinResetRequest> = {},
  more: Partial<Parameters<typeof checkPinReset>[0]> = {},
) =>
  checkPinReset({
    request: request(overrides),
    expert: experts.find((e) => e.id === (overrides.expertId ?? member.id)),
    panel,
    experts,
    targetHasPin: true,
    confirmerPinHash: CHAIR_HASH,
    confirmerFailures: undefined,
    now: NOW,
    ...more,
  });

describe('who may confirm a forgotten PIN reset', () => {
  it("is the panel's chair for an ordinary member", () => {
    expect(pinResetConfirmers(member, panel, experts)).toEqual({ kind: 'chair', chair });
  });

  it("is any other expert of the chair's own panel for the chair, never the chair", () => {
    expect(pinResetConfirmers(chair, panel, experts)).toEqual({
      kind: 'panelMember',
      members: [member, other],
    });
  });

  it('is nobody when the panel has no chair, or the chair has nobody else on the panel', () => {
    const noChair = buildPanel(ROUND, { id: panelId });
    expect(pinResetConfirmers(member, noChair, experts)).toEqual({
      kind: 'unavailable',
      reason: 'noChair',
    });
    expect(pinResetConfirmers(chair, panel, [chair, stranger])).toEqual({
      kind: 'unavailable',
      reason: 'noOtherMember',
    });
  });
});

describe('checking a reset request', () => {
  it("accepts the chair's PIN and records who, how and why", () => {
    expect(check()).toEqual({
      ok: true,
      expert: member,
      confirmer: chair,
      note: '组长李建国确认重置王芳的 PIN（组长 PIN 验证）；重置原因：忘记 PIN',
      newPin: null,
    });
  });

  it('counts a wrong chair PIN, and from the fifth in a row pauses 30 s', () => {
    const wrong = { proof: { method: 'pin' as const, pinHash: OTHER_HASH } };
    expect(check(wrong)).toEqual({
      ok: false,
      refusal: 'wrongPin',
      values: { count: 1, seconds: 0 },
      failures: { count: 1, lastAt: NOW },
    });
    const fifth = check(wrong, { confirmerFailures: { count: 4, lastAt: NOW } });
    expect(fifth).toEqual({
      ok: false,
      refusal: 'wrongPinPaused',
      values: { count: 5, seconds: 30 },
      failures: { count: 5, lastAt: NOW },
    });
  });

  it('checks no PIN, not even the right one, while a pause runs, and lets it through after', () => {
    // Five wrong at 08:00:00 pause until 08:00:30; at 08:00:10, 20 s remain.
    const failures = { count: 5, lastAt: NOW };
    expect(check({}, { confirmerFailures: failures, now: '2024-05-10T08:00:10.000Z' })).toEqual({
      ok: false,
      refusal: 'paused',
      values: { count: 5, seconds: 20 },
    });
    const after = check({}, { confirmerFailures: failures, now: '2024-05-10T08:00:30.000Z' });
    expect(after.ok).toBe(true);
  });

  it('lets a confirmer without a PIN set one now, and refuses an old PIN or a malformed one', () => {
    const salt = '0f'.repeat(16);
    const set = check(
      { proof: { method: 'newPin', salt, pinHash: OTHER_HASH } },
      { confirmerPinHash: undefined },
    );
    expect(set).toEqual({
      ok: true,
      expert: member,
      confirmer: chair,
      note: '组长李建国确认重置王芳的 PIN（组长设置 PIN 并验证）；重置原因：忘记 PIN',
      newPin: { salt, hash: OTHER_HASH },
    });
    expect(check({}, { confirmerPinHash: undefined })).toMatchObject({ refusal: 'pinNotSet' });
    expect(
      check(
        { proof: { method: 'newPin', salt: 'xyz', pinHash: OTHER_HASH } },
        { confirmerPinHash: undefined },
      ),
    ).toMatchObject({ refusal: 'badNewPin' });
    expect(
      check({ proof: { method: 'newPin', salt, pinHash: 'ab' } }, { confirmerPinHash: undefined }),
    ).toMatchObject({ refusal: 'badNewPin' });
  });

  it('refuses setting a new PIN for a confirmer who has one, and an empty reason', () => {
    expect(check({ proof: { method: 'newPin', salt: '0f0f', pinHash: OTHER_HASH } })).toMatchObject(
      { ok: false, refusal: 'pinRequired' },
    );
    expect(check({ reason: ' \n ' })).toMatchObject({ ok: false, refusal: 'noReason' });
  });

  it('lets neither an expert of another panel nor the chair confirm the chair’s own reset', () => {
    expect(check({ confirmerId: stranger.id })).toMatchObject({ refusal: 'notAllowed' });
    expect(check({ expertId: chair.id, confirmerId: chair.id })).toMatchObject({
      ok: false,
      refusal: 'notAllowed',
    });
    const byMember = check({ expertId: chair.id, confirmerId: other.id });
    expect(byMember.ok && byMember.note).toBe(
      '本组专家赵强确认重置组长李建国的 PIN（专家 PIN 验证）；重置原因：忘记 PIN',
    );
  });

  it('refuses an unknown expert and an expert without a PIN', () => {
    expect(check({}, { expert: undefined })).toMatchObject({ refusal: 'expertNotFound' });
    expect(check({}, { targetHasPin: false })).toMatchObject({ refusal: 'noPin' });
  });
});

describe('pin reset helpers', () => {
  it('write the note of a member who set a PIN to confirm', () => {
    expect(
      pinResetNote({
        expertName: '李建国',
        confirmerName: '王芳',
        confirmerIsChair: false,
        method: 'newPin',
        reason: ' 忘了 ',
      }),
    ).toBe('本组专家王芳确认重置组长李建国的 PIN（专家设置 PIN 并验证）；重置原因：忘了');
  });

  it('fill the count and the wait into a refusal', () => {
    expect(pinResetRefusalText('wrongPinPaused', { count: 6, seconds: 60 })).toBe(
      '确认人的 PIN 不正确，未重置；已连续输错 6 次，请 60 秒后再试。',
    );
    expect(pinResetRefusalText('paused', { count: 5, seconds: 12 })).toBe(
      '确认人的 PIN 输错次数过多，请 12 秒后再试。',
    );
  });

  it('recognise refusal codes only, the name confirmation being gone', () => {
    expect(isPinResetRefusal('wrongPin')).toBe(true);
    expect(isPinResetRefusal('paused')).toBe(true);
    expect(isPinResetRefusal('wrongName')).toBe(false);
    expect(isPinResetRefusal(undefined)).toBe(false);
  });
});
