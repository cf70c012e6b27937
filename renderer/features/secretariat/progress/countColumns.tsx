// The two progress columns of the 进度 tables (per expert and per base): done of expected,
// and a bar that turns green once nothing is outstanding.
import { Progress } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { StateCounts } from '../../../../shared/secretariat/completeness';

export function useCountColumns<T extends { counts: StateCounts }>(
  barWidth: number,
): ColumnsType<T> {
  const { t } = useTranslation();
  return [
    {
      title: t('results.progress.done'),
      key: 'done',
      align: 'right',
      render: (_, row) => `${row.counts.done} / ${row.counts.expected}`,
    },
    {
      title: t('results.progress.progress'),
      key: 'percent',
      width: barWidth,
      render: (_, row) => (
        <Progress
          percent={row.counts.percent}
          size="small"
          status={row.counts.outstanding === 0 ? 'success' : 'normal'}
        />
      ),
    },
  ];
}
