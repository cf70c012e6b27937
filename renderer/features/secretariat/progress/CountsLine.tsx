// A progress bar with the counts behind it: done of expected, and each state (缺评 only when
// some sheet was waived).
import { Progress, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StateCounts } from '../../../../shared/secretariat/completeness';

export const CountsLine = ({
  counts,
  compact = false,
}: {
  counts: StateCounts;
  compact?: boolean;
}) => {
  const { t } = useTranslation();
  const status = counts.outstanding === 0 ? 'success' : 'active';
  return (
    <Space orientation="vertical" size={0} style={{ width: '100%' }}>
      <Progress
        percent={counts.percent}
        status={status}
        size={compact ? 'small' : 'default'}
        aria-label={t('results.progress.percentLabel', { percent: counts.percent })}
      />
      <Typography.Text type="secondary" data-testid="progress-counts">
        {t('results.progress.summary', counts)}
        {counts.waived > 0 ? t('results.progress.summaryWaived', counts) : null}
      </Typography.Text>
    </Space>
  );
};
