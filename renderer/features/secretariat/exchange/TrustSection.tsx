// 信任的评审组密钥: the panel laptops' keys this secretariat trusts for the round (each ticked
// by a person who compared its fingerprint with the panel's signed paper summary), exported
// as a trust file for `pinggu merge --trust` and printed for the records.
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { buildTrustFile, trustFileBytes, trustFileName } from '../../../../shared/bundle/trustFile';
import type { Round } from '../../../../shared/domain/types';
import { ROUTES } from '../../../app/routes';
import { usePanels } from '../../../db/hooks';
import { useRoundPins } from '../../../db/trustHooks';
import { formatLocalTime } from '../../scoring/AuditTrail';
import { useSaveFile } from '../desktopFiles';
import { trustRows } from './trustRows';
import type { TrustRow } from './trustRows';

export const TrustSection = ({ round }: { round: Round }) => {
  const { t } = useTranslation();
  const pins = useRoundPins(round.id);
  const panels = usePanels(round.id);
  const saveFile = useSaveFile();
  const rows = pins && panels ? trustRows(pins, panels) : undefined;
  const confirmed = rows?.filter((r) => r.isConfirmed).length ?? 0;
  const unconfirmed = (rows?.length ?? 0) - confirmed;

  const exportFile = async () => {
    if (!pins || !panels) return;
    const now = new Date();
    const file = buildTrustFile({ round, panels, pins, exportedAt: now.toISOString() });
    const suggestedName = trustFileName(round, now);
    await saveFile(
      { suggestedName, kind: 'json', bytes: trustFileBytes(file) },
      {
        saved: t('trust.keys.saved', { name: suggestedName }),
        failed: (reason) => t('trust.keys.failed', { reason }),
      },
    );
  };

  return (
    <Card title={t('trust.keys.title')} data-testid="trust-section">
      <Typography.Paragraph type="secondary">{t('trust.keys.intro')}</Typography.Paragraph>
      <Table<TrustRow>
        size="small"
        rowKey="id"
        pagination={false}
        loading={rows === undefined}
        dataSource={rows ?? []}
        locale={{ emptyText: t('trust.keys.empty') }}
        columns={[
          { title: t('trust.keys.panel'), dataIndex: 'panelName' },
          { title: t('trust.keys.device'), dataIndex: 'deviceId' },
          {
            title: t('trust.keys.fingerprint'),
            render: (_, row) => (
              <Typography.Text code data-testid="trust-fingerprint">
                {row.fingerprint}
              </Typography.Text>
            ),
          },
          {
            title: t('trust.keys.pinnedAt'),
            render: (_, row) => formatLocalTime(row.pinnedAt),
          },
          { title: t('trust.keys.pinnedBy'), render: (_, row) => row.pinnedBy ?? '—' },
          {
            title: t('trust.keys.state'),
            render: (_, row) => (
              <Tag color={row.isConfirmed ? 'green' : 'orange'}>
                {row.isConfirmed ? t('trust.keys.confirmed') : t('trust.keys.unconfirmed')}
              </Tag>
            ),
          },
        ]}
      />
      {unconfirmed > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          title={t('trust.keys.unconfirmedNote', { count: unconfirmed })}
        />
      ) : null}
      <Space style={{ marginTop: 12 }} wrap>
        <Button
          icon={<DownloadOutlined />}
          disabled={confirmed === 0}
          onClick={() => void exportFile()}
          data-testid="trust-export"
        >
          {t('trust.keys.export')}
        </Button>
        <Link to={ROUTES.secretariatPrintTrust} data-testid="trust-print-link">
          <PrinterOutlined /> {t('trust.keys.print')}
        </Link>
        {rows !== undefined && confirmed === 0 ? (
          <Typography.Text type="secondary">{t('trust.keys.nothing')}</Typography.Text>
        ) : null}
      </Space>
    </Card>
  );
};
