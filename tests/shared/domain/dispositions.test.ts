import { describe, expect, it } from 'vitest';
import {
  DISPOSITIONS,
  dispositionByCode,
  isDispositionCode,
  validateDispositionDecision,
} from '../../../shared/domain/taxonomy';
import type { Disposition, DispositionDecision } from '../../../shared/domain/types';

const decide = (disposition: Disposition, reason = ''): DispositionDecision => ({
  disposition,
  reason,
});
const codes = (decision: DispositionDecision, context = {}): string[] =>
  validateDispositionDecision(decision, context).map((p) => p.code);

describe('DISPOSITIONS', () => {
  it('has the six dispositions with their Chinese names, targets and reason rules', () => {
    expect(DISPOSITIONS.map((d) => [d.code, d.nameZh, d.target, d.requiresReason])).toEqual([
      ['include', '纳入', 'type', false],
      ['keepAdjust', '保留并调整方向', 'none', false],
      ['rectify', '限期整改', 'none', true],
      ['merge', '合并', 'base', true],
      ['convert', '转', 'type', true],
      ['revoke', '撤销', 'none', true],
    ]);
    expect(dispositionByCode('revoke')?.nameEn).toBe('Revoke');
    expect(isDispositionCode('merge')).toBe(true);
    expect(isDispositionCode('delete')).toBe(false);
  });
});

describe('validateDispositionDecision', () => {
  it('accepts 纳入 with a target type and no reason', () => {
    expect(codes(decide({ code: 'include', targetType: 'B4' }))).toEqual([]);
  });

  it('accepts 保留并调整方向 without a reason', () => {
    expect(codes(decide({ code: 'keepAdjust' }))).toEqual([]);
  });

  it('requires a non-blank reason for 限期整改, 合并, 转 and 撤销', () => {
    expect(codes(decide({ code: 'rectify' }, '  '))).toEqual(['reasonRequired']);
    expect(codes(decide({ code: 'revoke' }))).toEqual(['reasonRequired']);
    expect(codes(decide({ code: 'merge', targetBaseId: 'base-2' }))).toEqual(['reasonRequired']);
    expect(codes(decide({ code: 'convert', targetType: 'B1' }, '\u3000'))).toEqual([
      'reasonRequired',
    ]);
    const [problem] = validateDispositionDecision(decide({ code: 'revoke' }));
    expect(problem?.message).toBe('“撤销”须填写理由');
  });

  it('accepts a 撤销 with a reason', () => {
    expect(codes(decide({ code: 'revoke' }, '长期无重大成果，老化僵化'))).toEqual([]);
  });

  it('refuses a 合并 without a target, into itself, or into a base not in the round', () => {
    const context = { selfBaseId: 'base-1', existingBaseIds: new Set(['base-1', 'base-2']) };
    expect(codes(decide({ code: 'merge', targetBaseId: ' ' }, '并入'), context)).toEqual([
      'mergeTargetMissing',
    ]);
    expect(codes(decide({ code: 'merge', targetBaseId: 'base-1' }, '并入'), context)).toEqual([
      'mergeTargetSelf',
    ]);
    expect(codes(decide({ code: 'merge', targetBaseId: 'base-9' }, '并入'), context)).toEqual([
      'mergeTargetUnknown',
    ]);
    expect(codes(decide({ code: 'merge', targetBaseId: 'base-2' }, '并入'), context)).toEqual([]);
  });

  it('accepts any non-blank merge target when the round’s bases are not given', () => {
    expect(codes(decide({ code: 'merge', targetBaseId: 'base-9' }, '并入'))).toEqual([]);
  });

  it('refuses 转 to the type the base already has', () => {
    const problems = validateDispositionDecision(
      decide({ code: 'convert', targetType: 'B4' }, '方向调整'),
      {
        baseType: 'B4',
      },
    );
    expect(problems.map((p) => p.code)).toEqual(['convertToSameType']);
    expect(problems[0]?.message).toContain('省专业技术创新中心');
    expect(
      codes(decide({ code: 'convert', targetType: 'B1' }, '方向调整'), { baseType: 'B4' }),
    ).toEqual([]);
  });

  it('reports every problem of an imported decision at once, including a bad target type', () => {
    const garbage = {
      disposition: { code: 'convert', targetType: 'Z9' },
      reason: '',
    } as unknown as DispositionDecision;
    expect(codes(garbage)).toEqual(['targetTypeMissing', 'reasonRequired']);
  });

  it('refuses an unknown disposition code', () => {
    const garbage = {
      disposition: { code: 'promote' },
      reason: 'x',
    } as unknown as DispositionDecision;
    expect(codes(garbage)).toEqual(['unknownDisposition']);
  });
});
