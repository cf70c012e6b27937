import { describe, expect, it } from 'vitest';
import {
  matchesChairName,
  reopenNote,
} from '../../../../renderer/features/scoring/chairConfirmation';

describe("the chair's confirmation of a reopen", () => {
  it('accepts the chair’s name typed with or without spaces', () => {
    expect(matchesChairName('李 建国', '李建国')).toBe(true);
    expect(matchesChairName('　李建国 ', '李建国')).toBe(true);
    expect(matchesChairName('王建国', '李建国')).toBe(false);
    expect(matchesChairName('  ', '')).toBe(false);
  });

  it('records who confirmed, how, and why in the audit note', () => {
    expect(reopenNote('李建国', 'pin', ' 打印后发现第3项录入有误 ')).toBe(
      '组长李建国确认退回（组长 PIN 验证）；退回原因：打印后发现第3项录入有误',
    );
    expect(reopenNote('李建国', 'name', '修改评语')).toContain('组长输入姓名确认');
  });
});
