// The base view: per base, how many of its expected sheets are in, and each expert's state.
import { Empty, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { isOutstanding } from '../../../../shared/secretariat/completeness';
import type { BaseProgress, PanelProgress } from '../../../../shared/secretariat/completeness';
import { useLabels } from '../../../app/hooks/useLabels';
import { useCountColumns } from './countColumns';
import { StateTag } from './StateTag';

export const BaseProgressTable = ({
  panels,
  onlyOutstanding,
  expertName,
}: {
  panels: readonly PanelProgress[];
  onlyOutstanding: boolean;
  expertName: (id: string) => string;
}) => {
  const { t } = useTranslation();
  const labels = useLabels();
  const countColumns = useCountColumns<BaseProgress>(140);
  const panelName = new Map(panels.map((p) => [p.panel.id, p.panel.name]));
  const rows = panels
    .flatMap((p) => p.bases)
    .filter((row) => !onlyOutstanding || row.counts.outstanding > 0);
  if (rows.length === 0) {
    return <Empty description={t('results.progress.nothingOutstanding')} />;
  }
  return (
    <Table<BaseProgress>
      size="small"
      data-testid="progress-base-table"
      rowKey={(row) => `${row.panelId}:${row.base.id}`}
      dataSource={rows}
      pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
      columns={[
        { title: t('results.progress.base'), key: 'name', render: (_, row) => row.base.name },
        {
          title: t('results.progress.type'),
          key: 'type',
          render: (_, row) => labels.typeName(row.base.type),
        },
        {
          title: t('results.progress.panel'),
          key: 'panel',
          render: (_, row) => panelName.get(row.panelId) ?? '',
        },
        ...countColumns,
        {
          title: t('results.progress.experts'),
          key: 'experts',
          render: (_, row) => (
            <Space size={4} wrap>
              {row.sheets
                .filter((s) => !onlyOutstanding || isOutstanding(s.state))
                .map((s) => (
                  <span key={s.assignmentId}>
                    {expertName(s.expertId)}{' '}
                    <StateTag
                      state={s.state}
                      {...(s.waiverReason ? { suffix: s.waiverReason } : {})}
                    />
                  </span>
                ))}
            </Space>
          ),
        },
      ]}
    />
  );
};
