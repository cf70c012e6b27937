// The per-year, per-type table of 有进有出: one row per type with anything to count, then the
// year's 合计 (when all types are shown). Each row is data-testid="flows-row-<year>-<type>"
// and each number cell "flows-<year>-<type>-<key>", so a test reads exactly one count.
import { Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../../app/hooks/useLabels';
import { rowTestProps } from '../registryLabels';
import { COUNT_KEYS } from './flowsView';
import type { CountsTableRow } from './flowsView';

export const FlowCountsTable = ({
  rows,
  isPrint = false,
}: {
  rows: readonly CountsTableRow[];
  isPrint?: boolean;
}) => {
  const { t } = useTranslation();
  const labels = useLabels();
  const columns: TableColumnsType<CountsTableRow> = [
    { title: t('registry.flows.year'), dataIndex: 'year', width: 70 },
    {
      title: t('registry.flows.typeColumn'),
      dataIndex: 'type',
      render: (_: unknown, row) =>
        row.type === 'total' ? (
          <strong>{t('registry.flows.total')}</strong>
        ) : (
          `${row.type} ${labels.typeName(row.type)}`
        ),
    },
    ...COUNT_KEYS.map((key) => ({
      title: t(`registry.flows.${key}`),
      dataIndex: key,
      align: 'right' as const,
      width: 90,
      render: (value: number, row: CountsTableRow) => (
        <span data-testid={`flows-${row.year}-${row.type}-${key}`}>
          {row.type === 'total' ? <strong>{value}</strong> : value}
        </span>
      ),
    })),
  ];
  return (
    <Table<CountsTableRow>
      size="small"
      rowKey="key"
      columns={columns}
      dataSource={[...rows]}
      pagination={false}
      onRow={(row) => rowTestProps(`flows-row-${row.year}-${row.type}`)}
      scroll={isPrint ? undefined : { y: 520 }}
      data-testid="flows-table"
    />
  );
};
