import { describe, expect, it } from 'vitest';
import {
  chooseDisposition,
  decisionFromDraft,
  draftFromDecision,
  draftProblems,
  EMPTY_DRAFT,
  isReasonRequired,
} from '../../../../renderer/features/scoring/recommendation';

const context = {
  baseType: 'B4' as const,
  selfBaseId: 'base-1',
  existingBaseIds: new Set(['base-1', 'base-2']),
};

describe('choosing a recommendation', () => {
  it('proposes the base’s own type for 纳入, which makes it complete at once', () => {
    const draft = chooseDisposition(EMPTY_DRAFT, 'include', 'B4');
    expect(decisionFromDraft(draft)).toEqual({
      kind: 'complete',
      decision: { disposition: { code: 'include', targetType: 'B4' }, reason: '' },
    });
  });

  it('holds 转 and 合并 back until their target is chosen', () => {
    const convert = chooseDisposition(EMPTY_DRAFT, 'convert', 'B4');
    expect(decisionFromDraft(convert)).toEqual({ kind: 'incomplete', missing: 'targetType' });
    const merge = chooseDisposition(EMPTY_DRAFT, 'merge', 'B4');
    expect(decisionFromDraft(merge)).toEqual({ kind: 'incomplete', missing: 'targetBase' });
    expect(decisionFromDraft({ ...merge, targetBaseId: 'base-2' })).toMatchObject({
      kind: 'complete',
      decision: { disposition: { code: 'merge', targetBaseId: 'base-2' } },
    });
  });

  it('keeps the reason typed so far when the disposition changes, and drops a target that no longer fits', () => {
    const draft = { ...chooseDisposition(EMPTY_DRAFT, 'include', 'B4'), reason: '成果突出' };
    const revoked = chooseDisposition(draft, 'revoke', 'B4');
    expect(revoked).toEqual({
      code: 'revoke',
      targetType: null,
      targetBaseId: null,
      reason: '成果突出',
    });
  });

  it('round-trips a stored decision', () => {
    const decision = {
      disposition: { code: 'convert' as const, targetType: 'B1' as const },
      reason: '方向调整',
    };
    expect(decisionFromDraft(draftFromDecision(decision))).toEqual({ kind: 'complete', decision });
    expect(draftFromDecision(undefined)).toEqual(EMPTY_DRAFT);
  });

  it('requires a reason for everything but 纳入 and 保留并调整方向', () => {
    expect(isReasonRequired('include')).toBe(false);
    expect(isReasonRequired('keepAdjust')).toBe(false);
    for (const code of ['rectify', 'merge', 'convert', 'revoke'] as const) {
      expect(isReasonRequired(code)).toBe(true);
    }
    expect(isReasonRequired(null)).toBe(false);
  });
});

describe('problems shown next to the recommendation', () => {
  it('names the missing reason, a missing target and a 转 to the same type', () => {
    const rectify = chooseDisposition(EMPTY_DRAFT, 'rectify', 'B4');
    expect(draftProblems(rectify, context).map((p) => p.code)).toEqual(['reasonRequired']);
    expect(draftProblems(chooseDisposition(EMPTY_DRAFT, 'merge', 'B4'), context)[0]?.code).toBe(
      'mergeTargetMissing',
    );
    const sameType = {
      ...chooseDisposition(EMPTY_DRAFT, 'convert', 'B4'),
      targetType: 'B4' as const,
      reason: 'x',
    };
    expect(draftProblems(sameType, context).map((p) => p.code)).toEqual(['convertToSameType']);
  });

  it('has nothing to say about an empty or a finished recommendation', () => {
    expect(draftProblems(EMPTY_DRAFT, context)).toEqual([]);
    expect(draftProblems(chooseDisposition(EMPTY_DRAFT, 'include', 'B4'), context)).toEqual([]);
  });
});
