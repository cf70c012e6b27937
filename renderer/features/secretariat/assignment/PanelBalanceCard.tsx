// Bases per panel at a glance: the range (smallest to largest panel), bases not yet in a
// panel, and per panel the number of bases, experts and bases of each type.
import { Card, Space, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { BASE_TYPE_CODES } from '../../../../shared/domain/taxonomy';
import { panelBalance } from '../../../../shared/secretariat/assignmentMatrix';
import type { PanelBalanceRow } from '../../../../shared/secretariat/assignmentMatrix';
import type { AssignmentData } from './useAssignmentData';

export const PanelBalanceCard = ({ data }: { data: AssignmentData }) => {
  const { t } = useTranslation();
  const { bases, panels, experts } = data.records;
  const balance = useMemo(() => panelBalance(bases, panels, experts), [bases, panels, experts]);
  return (
    <Card
      size="small"
      title={
        <Space>
          {t('assignment.balance.title')}
          <Typography.Text
            type="secondary"
            data-testid="panel-balance"
            data-min={balance.minBases}
            data-max={balance.maxBases}
          >
            {t('assignment.balance.range', { min: balance.minBases, max: balance.maxBases })}
          </Typography.Text>
          {balance.unplaced > 0 ? (
            <Tag color="orange" data-testid="unplaced-count">
              {t('assignment.balance.unplaced', { count: balance.unplaced })}
            </Tag>
          ) : null}
        </Space>
      }
    >
      <Table<PanelBalanceRow>
        size="small"
        rowKey={(row) => row.panel.id}
        dataSource={balance.rows}
        pagination={balance.rows.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
        data-testid="panel-balance-table"
        columns={[
          { title: t('assignment.balance.panel'), key: 'name', render: (_, row) => row.panel.name },
          {
            title: t('assignment.balance.bases'),
            dataIndex: 'bases',
            align: 'right',
            render: (n: number) => <span data-testid="panel-size">{n}</span>,
          },
          { title: t('assignment.balance.experts'), dataIndex: 'experts', align: 'right' },
          {
            title: t('assignment.balance.byType'),
            key: 'types',
            render: (_, row) =>
              BASE_TYPE_CODES.filter((code) => row.byType[code] > 0).map((code) => (
                <Tag key={code}>{`${code} ${row.byType[code]}`}</Tag>
              )),
          },
        ]}
      />
    </Card>
  );
};
