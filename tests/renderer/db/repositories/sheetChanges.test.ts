import { describe, expect, it } from 'vitest';
import { describeSheetChange } from '../../../../renderer/db/repositories/sheetChanges';
import { buildBase, buildExpert, buildScoresheet } from '../../../helpers/builders';

const base = buildBase('round-x');
const before = buildScoresheet(base, buildExpert('round-x', 'panel-x'), {
  scores: { 'A1.1.1': 7.5 },
  revision: 3,
});

describe('describeSheetChange', () => {
  it('names every changed score with its old and new value, and the new revision', () => {
    const after = { ...before, scores: { 'A1.1.1': 9, 'A1.1.2': 10 }, revision: 4 };
    expect(describeSheetChange(before, after)).toBe('A1.1.1: 7.5 → 9；A1.1.2: — → 10；修订 4');
  });

  it('writes the disposition and the status in Chinese, as a clerk reads the audit log', () => {
    const after = {
      ...before,
      status: 'submitted' as const,
      recommendation: { disposition: { code: 'rectify' as const }, reason: '成果不足' },
      revision: 4,
    };
    expect(describeSheetChange(before, after)).toBe(
      '处理建议: 限期整改；状态: 草稿 → 已提交；修订 4',
    );
  });
});
