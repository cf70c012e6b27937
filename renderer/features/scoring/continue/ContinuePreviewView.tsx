// What 在本机继续 would do, before anything is written: the file (kind, device, signing
// fingerprint, time), the round and panel, and each sheet that continues here with its
// expert, base, state and last edit, or why it is not taken.
import { Descriptions, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ContinuePreview } from '../../../db/bundles/continueHere';
import type { ContinueOutcome, ContinueRow } from '../../../db/bundles/continuePlan';
import { formatLocalTime } from '../AuditTrail';

const OUTCOME_COLORS: Record<ContinueOutcome, string> = {
  continue: 'green',
  replaceOlder: 'blue',
  alreadyHere: 'default',
  newerHere: 'default',
  refused: 'red',
};

const ADMISSION_REFUSALS = [
  'unknownBase',
  'unknownExpert',
  'otherPanel',
  'notAssigned',
  'recusedPair',
  'idBelongsToAnotherSheet',
] as const;
type AdmissionRefusal = (typeof ADMISSION_REFUSALS)[number];
const isAdmissionRefusal = (reason: string): reason is AdmissionRefusal =>
  ADMISSION_REFUSALS.some((r) => r === reason);

export const ContinuePreviewView = ({ preview }: { preview: ContinuePreview }) => {
  const { t } = useTranslation();
  const { source } = preview;
  const refusalText = (row: ContinueRow): string => {
    if (row.refusal === 'concurrentHere') return t('continue.concurrentHere');
    if (row.refusal !== undefined && isAdmissionRefusal(row.refusal)) {
      return t(`backups.import.refusal.${row.refusal}`);
    }
    return t('continue.otherRefusal');
  };
  return (
    <div data-testid="continue-preview">
      <Typography.Paragraph type="secondary">{t('continue.intro')}</Typography.Paragraph>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('continue.source')}>
          {`${t(`continue.kinds.${source.kind}`)} · ${source.fileName}`}
        </Descriptions.Item>
        <Descriptions.Item label={t('continue.device')}>{source.deviceId}</Descriptions.Item>
        <Descriptions.Item label={t('continue.fingerprint')}>
          <Typography.Text code data-testid="continue-fingerprint">
            {source.fingerprint}
          </Typography.Text>
          <br />
          <Typography.Text type="secondary">{preview.key.note}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('continue.createdAt')}>
          {formatLocalTime(source.createdAt)}
        </Descriptions.Item>
        <Descriptions.Item label={t('continue.round')}>{preview.roundName}</Descriptions.Item>
        <Descriptions.Item label={t('continue.panels')}>
          {preview.panels.map((p) => p.name).join('、')}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph strong style={{ margin: '12px 0 8px' }} data-testid="continue-counts">
        {t('continue.summary', preview.counts)}
      </Typography.Paragraph>
      <Table<ContinueRow>
        size="small"
        rowKey={(row) => row.sheetId}
        dataSource={preview.rows}
        pagination={preview.rows.length > 10 ? { pageSize: 10, size: 'small' } : false}
        data-testid="continue-rows"
        columns={[
          { title: t('continue.columns.expert'), dataIndex: 'expertName', width: 96 },
          { title: t('continue.columns.base'), dataIndex: 'baseName' },
          {
            title: t('continue.columns.state'),
            width: 84,
            render: (_, row) => t(`continue.states.${row.state}`),
          },
          {
            title: t('continue.columns.lastEdit'),
            render: (_, row) => (
              <Typography.Text style={{ fontSize: 12 }}>
                {t('continue.lastEdit', {
                  time: formatLocalTime(row.updatedAt),
                  revision: row.revision,
                  device: row.lastDeviceId,
                })}
              </Typography.Text>
            ),
          },
          {
            title: t('continue.columns.outcome'),
            render: (_, row) => (
              <span data-testid="continue-outcome" data-outcome={row.outcome}>
                <Tag color={OUTCOME_COLORS[row.outcome]}>
                  {t(`continue.outcomes.${row.outcome}`)}
                </Tag>
                {row.voided ? (
                  <Tag data-testid="continue-voided">
                    {t('continue.voided', { reason: row.voided.reason })}
                  </Tag>
                ) : null}
                {row.outcome === 'refused' ? (
                  <Typography.Text type="danger" style={{ fontSize: 12 }}>
                    {refusalText(row)}
                  </Typography.Text>
                ) : null}
              </span>
            ),
          },
        ]}
      />
    </div>
  );
};
