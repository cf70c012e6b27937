// The 后补助 table on screen: code, name, type, grade, decision, support, grade amount and the
// amount, with the total under it. Rows are data-testid="funding-row-<code>", amounts
// "funding-amount-<code>", the total "funding-total".
import { Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FundingRow, FundingTable } from '../../../../shared/registry/types';
import { rowTestProps, useRegistryLabels } from '../registryLabels';

const KIND_COLORS: Readonly<Record<FundingRow['kind'], string>> = {
  subsidy: 'blue',
  stable: 'green',
  none: 'default',
};

export const formatWan = (value: number): string =>
  Number.isInteger(value) ? String(value) : value.toFixed(2);

export const FundingTableView = ({ table }: { table: FundingTable }) => {
  const { t } = useTranslation();
  const labels = useRegistryLabels();
  const columns: TableColumnsType<FundingRow> = [
    { title: t('registry.funding.code'), dataIndex: 'code', width: 130 },
    { title: t('registry.funding.name'), dataIndex: 'name' },
    {
      title: t('registry.funding.typeColumn'),
      dataIndex: 'type',
      width: 220,
      render: (_: unknown, row) => `${row.type} ${labels.typeName(row.type)}`,
    },
    {
      title: t('registry.funding.grade'),
      dataIndex: 'grade',
      width: 90,
      render: (_: unknown, row) => labels.gradeName(row.grade),
    },
    {
      title: t('registry.funding.decision'),
      dataIndex: 'disposition',
      width: 140,
      render: (_: unknown, row) =>
        row.disposition === undefined ? '' : labels.dispositionName(row.disposition),
    },
    {
      title: t('registry.funding.kind'),
      dataIndex: 'kind',
      width: 110,
      render: (_: unknown, row) => (
        <Tag color={KIND_COLORS[row.kind]}>{t(`registry.funding.kinds.${row.kind}`)}</Tag>
      ),
    },
    {
      title: t('registry.funding.baseAmount'),
      dataIndex: 'baseAmount',
      align: 'right',
      width: 130,
      render: (_: unknown, row) => (row.kind === 'subsidy' ? formatWan(row.baseAmount) : ''),
    },
    {
      title: t('registry.funding.amount'),
      dataIndex: 'amount',
      align: 'right',
      width: 140,
      render: (_: unknown, row) => (
        <span data-testid={`funding-amount-${row.code}`}>{formatWan(row.amount)}</span>
      ),
    },
  ];
  return (
    <Table<FundingRow>
      size="small"
      rowKey="code"
      columns={columns}
      dataSource={table.rows}
      pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
      onRow={(row) => rowTestProps(`funding-row-${row.code}`)}
      data-testid="funding-table"
      summary={() => (
        <Table.Summary fixed>
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={7}>
              <Typography.Text strong>{t('registry.funding.total')}</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={7} align="right">
              <Typography.Text strong data-testid="funding-total">
                {formatWan(table.total)}
              </Typography.Text>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        </Table.Summary>
      )}
    />
  );
};
