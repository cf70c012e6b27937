import { describe, expect, it } from 'vitest';
import {
  checkPinReset,
  isPinResetRefusal,
  namesMatch,
  pinResetConfirmers,
  pinResetNote,
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

const request = (overrides: Partial<PinResetRequest> = {}): PinResetRequest => ({
  expertId: member.id,
  confirmerId: chair.id,
  proof: { method: 'name', typedName: '李建国' },
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
    confirmerPinHash: undefined,
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
  it("accepts the chair's name typed with spaces and records who, how and why", () => {
    const result = check({ proof: { method: 'name', typedName: ' 李 建国　' } });
    expect(result).toEqual({
      ok: true,
      expert: member,
      confirmer: chair,
      note: '组长李建国确认重置王芳的 PIN（组长输入姓名确认）；重置原因：忘记 PIN',
    });
  });

  it("requires the chair's PIN when the chair set one, and refuses a wrong one", () => {
    expect(check({}, { confirmerPinHash: 'aa11' })).toEqual({ ok: false, refusal: 'pinRequired' });
    expect(
      check({ proof: { method: 'pin', pinHash: 'aa12' } }, { confirmerPinHash: 'aa11' }),
    ).toEqual({ ok: false, refusal: 'wrongPin' });
    const result = check(
      { proof: { method: 'pin', pinHash: 'aa11' } },
      { confirmerPinHash: 'aa11' },
    );
    expect(result.ok && result.note).toBe(
      '组长李建国确认重置王芳的 PIN（组长 PIN 验证）；重置原因：忘记 PIN',
    );
  });

  it('refuses a wrong name, an empty reason, and a PIN when the chair has none', () => {
    expect(check({ proof: { method: 'name', typedName: '王芳' } })).toEqual({
      ok: false,
      refusal: 'wrongName',
    });
    expect(check({ proof: { method: 'name', typedName: '  ' } })).toEqual({
      ok: false,
      refusal: 'wrongName',
    });
    expect(check({ reason: ' \n ' })).toEqual({ ok: false, refusal: 'noReason' });
    expect(check({ proof: { method: 'pin', pinHash: 'aa11' } })).toEqual({
      ok: false,
      refusal: 'nameRequired',
    });
  });

  it('lets neither an expert of another panel nor the chair confirm the chair’s own reset', () => {
    expect(
      check({ confirmerId: stranger.id, proof: { method: 'name', typedName: '孙丽' } }),
    ).toEqual({ ok: false, refusal: 'notAllowed' });
    expect(check({ expertId: chair.id, confirmerId: chair.id })).toEqual({
      ok: false,
      refusal: 'notAllowed',
    });
    const byMember = check({
      expertId: chair.id,
      confirmerId: other.id,
      proof: { method: 'name', typedName: '赵强' },
    });
    expect(byMember.ok && byMember.note).toBe(
      '本组专家赵强确认重置组长李建国的 PIN（专家输入姓名确认）；重置原因：忘记 PIN',
    );
  });

  it('refuses an unknown expert and an expert without a PIN', () => {
    expect(check({}, { expert: undefined })).toEqual({ ok: false, refusal: 'expertNotFound' });
    expect(check({}, { targetHasPin: false })).toEqual({ ok: false, refusal: 'noPin' });
  });
});

describe('pin reset helpers', () => {
  it('compare names ignoring half- and full-width spaces, never matching an empty name', () => {
    expect(namesMatch('李 建国', '李建国')).toBe(true);
    expect(namesMatch('　', '')).toBe(false);
  });

  it('write the note of a PIN confirmation by a member', () => {
    expect(
      pinResetNote({
        expertName: '李建国',
        confirmerName: '王芳',
        confirmerIsChair: false,
        method: 'pin',
        reason: ' 忘了 ',
      }),
    ).toBe('本组专家王芳确认重置组长李建国的 PIN（专家 PIN 验证）；重置原因：忘了');
  });

  it('recognise refusal codes only', () => {
    expect(isPinResetRefusal('wrongPin')).toBe(true);
    expect(isPinResetRefusal('somethingElse')).toBe(false);
    expect(isPinResetRefusal(undefined)).toBe(false);
  });
});
