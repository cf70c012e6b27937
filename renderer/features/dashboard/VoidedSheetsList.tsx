// 作废评分表 on the chair's dashboard and its print view: the sheets voided by changes after
// issue (轮次变更), which no chart counts, each with its base, expert, the change and its
// reason, and when. Narrowed by the dashboard's filters (shared/charts/voidedSheets.ts);
// shown only while the round has a voided sheet.
import { Card, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DashboardVoided } from '../../../shared/charts/voidedSheets';
import type { VoidedSheetRow } from '../../../shared/report/voidedSheets';
import { formatLocalTime } from '../scoring/AuditTrail';

// A variable (and one real attribute) so the data-* attributes pass onRow's type.
const rowProps = (row: VoidedSheetRow) => {
  const props = {
    className: 'dashboard-voided-row',
    'data-testid': 'dashboard-voided-row',
    'data-base-id': row.baseId,
    'data-change-id': row.changeId,
  };
  return props;
};

export const VoidedSheetsList = ({
  voided,
  isPrint = false,
}: {
  voided: DashboardVoided;
  isPrint?: boolean;
}) => {
  const { t } = useTranslation();
  const { rows, total } = voided;
  if (total === 0) return null;
  const hidden = total - rows.length;
  return (
    <Card
      size="small"
      title={t('dashboard.voided.title')}
      extra={
        <Typography.Text type="secondary">
          {t('dashboard.voided.count', { count: rows.length })}
        </Typography.Text>
      }
      style={{ marginTop: 16 }}
      data-testid="dashboard-voided"
      data-count={rows.length}
      data-total={total}
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('dashboard.voided.intro')}
      </Typography.Paragraph>
      {rows.length === 0 ? (
        <Typography.Text type="secondary">
          {t('dashboard.voided.noneInView', { total })}
        </Typography.Text>
      ) : (
        <Table<VoidedSheetRow>
          size="small"
          rowKey="sheetId"
          dataSource={rows}
          pagination={!isPrint && rows.length > 10 ? { pageSize: 10 } : false}
          onRow={rowProps}
          columns={[
            {
              key: 'base',
              title: t('dashboard.voided.base'),
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
            { key: 'expert', title: t('dashboard.voided.expert'), dataIndex: 'expertName' },
            {
              key: 'kind',
              title: t('dashboard.voided.kind'),
              render: (_, row) => <Tag>{t(`changes.kinds.${row.kind}`)}</Tag>,
            },
            { key: 'reason', title: t('dashboard.voided.reason'), dataIndex: 'reason' },
            {
              key: 'at',
              title: t('dashboard.voided.at'),
              render: (_, row) => formatLocalTime(row.at),
            },
          ]}
        />
      )}
      {rows.length > 0 && hidden > 0 ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('dashboard.voided.hidden', { count: hidden })}
        </Typography.Paragraph>
      ) : null}
    </Card>
  );
};
