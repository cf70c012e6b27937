// The quota sentences of the chair's dashboard and the results tab, filled in as the screens
// fill them (shareAgainstLimit), read a share below its floor as below it: "9.9%", not "10%".
import { describe, expect, it } from 'vitest';
import { en } from '../../../renderer/app/i18n/en';
import { zhCN } from '../../../renderer/app/i18n/zh-CN';
import { shareAgainstLimit } from '../../../shared/domain/shareText';

const fill = (text: string, values: Record<string, string | number>): string =>
  text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ''));

// 9 of 91 bases of a type are 限期整改 or 不合格: 9.89…%, against a floor of 10%.
const values = { type: 'A1', count: 9, total: 91, ...shareAgainstLimit(9 / 91, 0.1) };

describe('quota sentences', () => {
  it('on the dashboard say 9.9% below the 10% floor, in Chinese and English', () => {
    expect(fill(zhCN.dashboard.ranking.quotaWarning.rectifyOrFailUnderFloor, values)).toBe(
      'A1：限期整改与不合格共 9 个，占 9.9%，低于下限 10%（配额只作提示，不自动改变等级）',
    );
    expect(fill(en.dashboard.ranking.quotaWarning.rectifyOrFailUnderFloor, values)).toContain(
      '(9.9%), below the 10% floor',
    );
  });

  it('on the results tab say the same', () => {
    expect(fill(zhCN.results.table.quota.rectifyOrFailUnderFloor, values)).toBe(
      'A1：整改与不合格 9 / 91（9.9%），低于 10% 的下限',
    );
  });
});
