import { describe, expect, it } from 'vitest';
import { DEFAULT_GRADE_BANDS } from '../../../shared/domain/grading';
import {
  dispositionTarget,
  formatPercent,
  formatPoints,
  formatReportDate,
  formatReportTime,
  gradeBandsLabel,
  quotaRulesLabel,
  ruleLabel,
} from '../../../shared/report/labels';
import { buildBase } from '../../helpers/builders';

describe('report labels', () => {
  it('shows times in 北京时间 unless another offset is given', () => {
    expect(formatReportTime('2024-06-01T08:05:00.000Z')).toBe('2024-06-01 16:05');
    expect(formatReportTime('2024-06-01T20:00:00.000Z')).toBe('2024-06-02 04:00');
    expect(formatReportTime('2024-06-01T08:05:00.000Z', 0)).toBe('2024-06-01 08:05');
    expect(formatReportDate('2024-06-01T20:00:00.000Z')).toBe('2024-06-02');
    expect(formatReportTime('not a time')).toBe('not a time');
  });

  it('describes the round rule, grade bands and quotas in Chinese', () => {
    expect(ruleLabel({ method: 'trimmedMean', trimCount: 1, trimMinSheets: 5 })).toBe(
      '去掉最高分和最低分各 1 个（有效评分表不少于 5 份时），否则算术平均',
    );
    expect(ruleLabel({ method: 'median', trimCount: 1, trimMinSheets: 5 })).toBe('中位数');
    expect(gradeBandsLabel([...DEFAULT_GRADE_BANDS].reverse())).toBe(
      '优秀 ≥ 90；良好 ≥ 80；合格 ≥ 60；不合格 < 60',
    );
    expect(quotaRulesLabel({ excellentMaxShare: 0.15, rectifyOrFailMinShare: 0.1 })).toBe(
      '优秀不超过 15%；限期整改与不合格不少于 10%',
    );
    expect(quotaRulesLabel({ excellentMaxShare: null, rectifyOrFailMinShare: null })).toBe(
      '不设配额',
    );
  });

  it('formats points with 2 decimals and shares as percentages', () => {
    expect(formatPoints(89.995)).toBe('90.00');
    expect(formatPoints(null)).toBe('—');
    expect(formatPercent(0.19)).toBe('19.0%');
    expect(formatPercent(0.15, 0)).toBe('15%');
  });

  it('names a disposition’s target type or base', () => {
    const target = buildBase('r', { code: 'LN-B4-009', name: '辽宁省轴承技术创新中心' });
    const bases = new Map([[target.id, target]]);
    expect(dispositionTarget({ code: 'include', targetType: 'B4' }, bases)).toBe(
      'B4 省专业技术创新中心',
    );
    expect(dispositionTarget({ code: 'merge', targetBaseId: target.id }, bases)).toBe(
      '辽宁省轴承技术创新中心（LN-B4-009）',
    );
    expect(dispositionTarget({ code: 'merge', targetBaseId: 'gone' }, bases)).toBe('gone');
    expect(dispositionTarget({ code: 'revoke' }, bases)).toBeNull();
  });
});
