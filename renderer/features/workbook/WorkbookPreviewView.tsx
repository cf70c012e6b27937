// The preview of an Excel scoresheet workbook before it is imported (secretariat batch import
// and the chair's laptop alike): whose workbook, from which export and file, and per base the
// sheet as the expert left it (submitted, a draft with the scores still missing, recused)
// next to what the import would do with it.
import { Descriptions, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WorkbookBasePreview, WorkbookPreview } from '../../db/bundles';
import { FileHashText } from '../../app/components/FileHashText';
import { formatTime } from '../backups/format';

const STATE_COLORS: Record<WorkbookBasePreview['state'], string> = {
  submitted: 'green',
  draft: 'gold',
  recused: 'default',
};

const OUTCOME_COLORS: Record<WorkbookBasePreview['outcome'], string> = {
  new: 'green',
  updated: 'blue',
  unchanged: 'default',
  conflict: 'orange',
  refused: 'red',
};

const REFUSALS = [
  'unknownBase',
  'unknownExpert',
  'otherPanel',
  'notAssigned',
  'recusedPair',
  'idBelongsToAnotherSheet',
] as const;
type Refusal = (typeof REFUSALS)[number];
const isRefusal = (reason: string | undefined): reason is Refusal =>
  REFUSALS.some((r) => r === reason);

export const WorkbookPreviewView = ({ preview }: { preview: WorkbookPreview }) => {
  const { t, i18n } = useTranslation();
  return (
    <div data-testid="workbook-preview">
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('workbook.preview.expert')}>
          <span data-testid="workbook-preview-expert">
            {preview.expertName}（{preview.panelName}）
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('workbook.preview.exportedAt')}>
          {formatTime(preview.exportedAt, i18n.language)}
        </Descriptions.Item>
        <Descriptions.Item label={t('workbook.preview.file')}>
          <FileHashText sha256={preview.sha256} testId="workbook-preview-sha256" />
        </Descriptions.Item>
        <Descriptions.Item label={t('workbook.preview.device')}>
          <Typography.Text code>{preview.deviceId}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('workbook.preview.counts')}>
          <span data-testid="workbook-preview-counts">
            {t('backups.import.sheetCounts', preview.sheets.counts)}
          </span>
        </Descriptions.Item>
      </Descriptions>
      <Table<WorkbookBasePreview>
        size="small"
        style={{ marginTop: 12 }}
        pagination={false}
        rowKey="baseId"
        dataSource={preview.bases}
        columns={[
          { title: t('workbook.preview.sheet'), dataIndex: 'sheetName', width: 120 },
          { title: t('workbook.preview.base'), dataIndex: 'baseName' },
          {
            title: t('workbook.preview.state'),
            render: (_, row) => (
              <span data-testid="workbook-base-state" data-state={row.state}>
                <Tag color={STATE_COLORS[row.state]}>
                  {t(`workbook.preview.states.${row.state}`)}
                </Tag>
                {row.state === 'draft' && row.missingCount > 0 ? (
                  <Typography.Text type="secondary">
                    {t('workbook.preview.missing', { count: row.missingCount })}
                  </Typography.Text>
                ) : null}
                {row.notes.length > 0 ? (
                  <div style={{ fontSize: 12 }}>
                    <Typography.Text type="secondary">{row.notes.join('；')}</Typography.Text>
                  </div>
                ) : null}
              </span>
            ),
          },
          {
            title: t('workbook.preview.outcome'),
            render: (_, row) => (
              <>
                <Tag color={OUTCOME_COLORS[row.outcome]} data-testid="workbook-base-outcome">
                  {t(`backups.import.outcome.${row.outcome}`)}
                </Tag>
                {row.voided ? <Tag>{t('voided.tag')}</Tag> : null}
                {row.outcome === 'refused' && isRefusal(row.reason) ? (
                  <Typography.Text type="secondary">
                    {t(`backups.import.refusal.${row.reason}`)}
                  </Typography.Text>
                ) : null}
              </>
            ),
          },
        ]}
      />
    </div>
  );
};
