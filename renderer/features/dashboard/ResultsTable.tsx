// The results of the bases in view as a table: rank, name, city, valid sheets, aggregate,
// grade, range with the disagreement flag, rank in category.
import { Space, Table, Tag, Tooltip } from 'antd';
import { WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { BaseResult } from '../../../shared/domain/results';
import { GRADE_COLORS, formatScore, useLabels } from '../../app/hooks/useLabels';

export const ResultsTable = ({
  rows,
  onSelectBase,
}: {
  rows: readonly BaseResult[];
  onSelectBase?: (baseId: string) => void;
}) => {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <Table<BaseResult>
      size="small"
      rowKey={(row) => row.base.id}
      dataSource={[...rows]}
      pagination={false}
      data-testid="results-table"
      onRow={(row) => ({ onClick: () => onSelectBase?.(row.base.id) })}
      columns={[
        {
          title: t('dashboard.rank'),
          key: 'rank',
          width: 90,
          render: (_, row) => row.rankInType ?? '—',
        },
        { title: t('secretariat.name'), key: 'name', render: (_, row) => row.base.name },
        { title: t('secretariat.city'), key: 'city', width: 80, render: (_, row) => row.base.city },
        {
          title: t('dashboard.experts'),
          key: 'n',
          width: 90,
          align: 'right',
          render: (_, row) => row.sheets,
        },
        {
          title: t('dashboard.score'),
          key: 'score',
          align: 'right',
          render: (_, row) => formatScore(row.aggregate),
        },
        {
          title: t('dashboard.grade'),
          key: 'grade',
          render: (_, row) =>
            row.grade ? (
              <Tag color={GRADE_COLORS[row.grade]}>{labels.gradeName(row.grade)}</Tag>
            ) : (
              '—'
            ),
        },
        {
          title: t('dashboard.range'),
          key: 'spread',
          align: 'right',
          render: (_, row) => (
            <Space>
              {formatScore(row.range, 1)}
              {row.isDisagreement ? (
                <Tooltip title={t('dashboard.disagreement')}>
                  <WarningOutlined
                    style={{ color: '#cf1322' }}
                    aria-label={t('dashboard.disagreement')}
                  />
                </Tooltip>
              ) : null}
            </Space>
          ),
        },
        {
          title: t('dashboard.rankInCategory'),
          key: 'rankInCategory',
          width: 110,
          render: (_, row) => row.rankInCategory ?? '—',
        },
      ]}
    />
  );
};
