// 作废记录: the sheets voided by changes after issue (轮次变更), each with its base, expert,
// state and total, and the change that voided it (kind, reason, who, when). They are kept and
// shown here, and counted in no statistic. Nothing is shown while the round has none.
import { Card, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Round } from '../../../../shared/domain/types';
import type { VoidedSheetRow } from '../../../../shared/report/voidedSheets';
import { useVoidedSheetRows } from '../../../db/roundChangeHooks';
import { formatLocalTime } from '../../scoring/AuditTrail';

const pointsText = (total: number | null): string =>
  total === null ? '—' : Number.isInteger(total) ? String(total) : total.toFixed(1);

// A variable (and one real attribute) so the data-* attributes pass onRow's type.
const rowProps = (row: VoidedSheetRow) => {
  const props = {
    className: 'voided-sheet-row',
    'data-testid': 'voided-sheet-row',
    'data-base-id': row.baseId,
    'data-change-id': row.changeId,
  };
  return props;
};

export const VoidedSheetsCard = ({ round }: { round: Round }) => {
  const { t } = useTranslation();
  const rows = useVoidedSheetRows(round.id);
  if (!rows || rows.length === 0) return null;
  const columns: TableColumnsType<VoidedSheetRow> = [
    {
      key: 'base',
      title: t('changes.voided.columns.base'),
      render: (_, row) => (
        <>
          <Typography.Text>{row.baseName}</Typography.Text>
          {row.baseCode ? (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {row.baseCode}
            </Typography.Text>
          ) : null}
        </>
      ),
    },
    { key: 'expert', title: t('changes.voided.columns.expert'), dataIndex: 'expertName' },
    {
      key: 'panel',
      title: t('changes.voided.columns.panel'),
      render: (_, row) => row.panelName ?? '—',
    },
    {
      key: 'state',
      title: t('changes.voided.columns.state'),
      render: (_, row) => t(`changes.voided.states.${row.state}`),
    },
    {
      key: 'total',
      title: t('changes.voided.columns.total'),
      align: 'right',
      render: (_, row) => <span data-testid="voided-sheet-total">{pointsText(row.total)}</span>,
    },
    {
      key: 'kind',
      title: t('changes.voided.columns.kind'),
      render: (_, row) => t(`changes.kinds.${row.kind}`),
    },
    { key: 'reason', title: t('changes.voided.columns.reason'), dataIndex: 'reason' },
    { key: 'actor', title: t('changes.voided.columns.actor'), dataIndex: 'actor' },
    {
      key: 'at',
      title: t('changes.voided.columns.at'),
      render: (_, row) => formatLocalTime(row.at),
    },
  ];
  return (
    <Card
      size="small"
      title={t('changes.voided.title')}
      extra={
        <Typography.Text type="secondary">
          {t('changes.voided.count', { count: rows.length })}
        </Typography.Text>
      }
      data-testid="voided-sheets"
      data-count={rows.length}
    >
      <Typography.Paragraph type="secondary">{t('changes.voided.intro')}</Typography.Paragraph>
      <Table<VoidedSheetRow>
        size="small"
        rowKey="sheetId"
        columns={columns}
        dataSource={rows}
        pagination={rows.length > 20 ? { pageSize: 20 } : false}
        onRow={rowProps}
      />
    </Card>
  );
};
