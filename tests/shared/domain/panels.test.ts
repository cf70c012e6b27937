import { describe, expect, it } from 'vitest';
import {
  normalisePhone,
  panelsLockedReason,
  tidyExpertFields,
  validateExpertFields,
  validatePanelName,
} from '../../../shared/domain/panels';

const expert = { name: '李明', institution: '大连理工大学', title: '教授', field: '材料' };

describe('an expert’s details', () => {
  it('accepts a name and an institution, with or without a phone', () => {
    expect(validateExpertFields(expert)).toEqual([]);
    expect(validateExpertFields({ ...expert, phone: '139 1234 5678' })).toEqual([]);
    expect(validateExpertFields({ ...expert, title: '', field: '' })).toEqual([]);
  });

  it('requires name and institution', () => {
    expect(validateExpertFields({ ...expert, name: ' ', institution: '' })).toEqual([
      { field: 'name', message: '专家姓名不能为空' },
      { field: 'institution', message: '工作单位不能为空' },
    ]);
  });

  it('refuses a phone with letters or the wrong number of digits', () => {
    for (const phone of ['1391234567a', '12345', '1234567890123456', '电话']) {
      expect(validateExpertFields({ ...expert, phone }).map((p) => p.field)).toEqual(['phone']);
    }
    expect(validateExpertFields({ ...expert, phone: 'abc' })[0]?.message).toBe(
      '联系电话「abc」应为 7–15 位数字（可含空格、“-”和括号）',
    );
  });

  it('stores phones as digits: separators dropped, a leading + kept', () => {
    expect(normalisePhone('024-2389 1234')).toBe('02423891234');
    expect(normalisePhone('(0411) 8470-8000')).toBe('041184708000');
    expect(normalisePhone('+86 139 1234 5678')).toBe('+8613912345678');
    expect(normalisePhone('  ')).toBeUndefined();
    expect(normalisePhone('139-1234-567x')).toBeNull();
  });

  it('trims every field and leaves a blank phone out', () => {
    expect(tidyExpertFields({ ...expert, name: ' 李明 ', phone: ' ' })).toEqual(expert);
    expect(tidyExpertFields({ ...expert, phone: '139 1234 5678' }).phone).toBe('13912345678');
  });
});

describe('a panel name', () => {
  it('is required, short and unique in the round (spaces ignored)', () => {
    const others = [{ name: '沈阳一组' }];
    expect(validatePanelName('大连组', others)).toEqual([]);
    expect(validatePanelName('  ', others)).toEqual(['评审组名称不能为空']);
    expect(validatePanelName('沈阳 一组', others)).toEqual(['已有名为“沈阳 一组”的评审组']);
    expect(validatePanelName('组'.repeat(41), others)).toEqual(['评审组名称不能超过 40 个字']);
  });
});

describe('when panel changes need care', () => {
  it('locks panels of an archived or closed round', () => {
    expect(panelsLockedReason({ status: 'setup' })).toBeUndefined();
    expect(panelsLockedReason({ status: 'issued' })).toBeUndefined();
    expect(panelsLockedReason({ status: 'closed' })).toContain('已结束');
    const archive = { importedAt: '', fingerprint: '', fileName: '', bundleCreatedAt: '' };
    expect(panelsLockedReason({ status: 'closed', archive })).toContain('归档轮次');
  });
});
