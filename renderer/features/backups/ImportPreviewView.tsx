// What a bundle would do, before anything is written: the file and its SHA-256 (for a round
// bundle, to compare with the hand-over sheet), kind, round, signer and key status, counts,
// and each scoresheet's outcome.
import { Alert, Descriptions, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { KIND_LABELS } from '../../../shared/bundle/format';
import { OpenedFileHash } from '../../app/components/OpenedFileHash';
import type { FileSha256State } from '../../app/hooks/useFileSha256';
import type { ImportPreview, KeyStatus, SheetPreview } from '../../db/bundles';
import { formatTime, rosterTotals, sheetsWorthShowing } from './format';
import { WithdrawnAlert } from '../../app/components/WithdrawnAlert';
import { RoundChangesList } from '../../app/components/RoundChangesList';

const KEY_COLORS: Record<KeyStatus, string> = {
  pinned: 'green',
  newSecretariat: 'blue',
  newDevice: 'blue',
  mismatch: 'red',
  notPinned: 'default',
};

const OUTCOME_COLORS: Record<SheetPreview['outcome'], string> = {
  new: 'green',
  updated: 'blue',
  unchanged: 'default',
  conflict: 'orange',
  refused: 'red',
};

const SHOWN_SHEETS = 8;

const REFUSALS = [
  'unknownBase',
  'unknownExpert',
  'otherPanel',
  'notAssigned',
  'recusedPair',
  'idBelongsToAnotherSheet',
] as const;
type Refusal = (typeof REFUSALS)[number];
const isRefusal = (reason: string): reason is Refusal => REFUSALS.some((r) => r === reason);

export const ImportPreviewView = ({
  preview,
  fileHash,
}: {
  preview: ImportPreview;
  /** SHA-256 of the opened file's bytes, when the caller has it. */
  fileHash?: FileSha256State;
}) => {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const kind = KIND_LABELS[preview.kind];
  const sheets = sheetsWorthShowing(preview);
  const roster = preview.roster ? rosterTotals(preview.roster) : undefined;
  const records = preview.backup?.records;

  return (
    <div data-testid="import-preview">
      {preview.kind === 'backup' ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('backups.import.backupWarning')}
        />
      ) : null}
      {preview.unchanged ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('backups.import.unchanged')}
        />
      ) : null}
      {preview.roster ? (
        <WithdrawnAlert withdrawn={preview.roster.withdrawn} style={{ marginBottom: 12 }} />
      ) : null}
      {preview.roster ? (
        <RoundChangesList changes={preview.roster.changes} style={{ marginBottom: 12 }} />
      ) : null}
      <Descriptions
        column={1}
        size="small"
        bordered
        styles={{ label: { width: 120, whiteSpace: 'nowrap' } }}
      >
        <Descriptions.Item label={t('backups.import.file')}>{preview.fileName}</Descriptions.Item>
        {fileHash ? (
          <Descriptions.Item label={t('fileHash.label')}>
            <OpenedFileHash state={fileHash} isRoundBundle={preview.kind === 'round'} />
          </Descriptions.Item>
        ) : null}
        <Descriptions.Item label={t('backups.import.kind')}>
          <span data-testid="import-kind">{language === 'en' ? kind.en : kind.zh}</span>
          {preview.encrypted ? (
            <Tag style={{ marginLeft: 8 }}>{t('backups.import.encrypted')}</Tag>
          ) : null}
        </Descriptions.Item>
        {preview.roundName !== undefined || preview.roundId !== undefined ? (
          <Descriptions.Item label={t('backups.import.round')}>
            {preview.roundName ?? preview.roundId}
          </Descriptions.Item>
        ) : null}
        {preview.panelName !== undefined ? (
          <Descriptions.Item label={t('backups.import.panel')}>
            {preview.panelName}
          </Descriptions.Item>
        ) : null}
        <Descriptions.Item label={t('backups.import.createdAt')}>
          {formatTime(preview.createdAt, language)}
        </Descriptions.Item>
        <Descriptions.Item label={t('backups.import.signer')}>
          <Typography.Text code data-testid="import-fingerprint">
            {preview.key.fingerprint}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('backups.import.keyStatus')}>
          <Tag color={KEY_COLORS[preview.key.status]}>
            {t(`backups.import.keyStatuses.${preview.key.status}`)}
          </Tag>
          <Typography.Text type="secondary">{preview.key.note}</Typography.Text>
          {preview.key.pinnedFingerprint !== undefined ? (
            <div>
              {t('backups.import.pinnedFingerprint')}:{' '}
              <Typography.Text code>{preview.key.pinnedFingerprint}</Typography.Text>
            </div>
          ) : null}
        </Descriptions.Item>
        {preview.sheets ? (
          <Descriptions.Item label={t('backups.import.sheets')}>
            {t('backups.import.sheetCounts', preview.sheets.counts)}
          </Descriptions.Item>
        ) : null}
        {preview.sheets && preview.sheets.voided.sheets > 0 ? (
          <Descriptions.Item label={t('voided.sheetsLabel')}>
            <Typography.Text strong data-testid="import-voided">
              {t('voided.sheetsVoided', {
                count: preview.sheets.voided.sheets,
                reasons: preview.sheets.voided.reasons.join('；'),
              })}
            </Typography.Text>
            <div>
              <Typography.Text type="secondary">{t('voided.sheetsVoidedNote')}</Typography.Text>
            </div>
          </Descriptions.Item>
        ) : null}
        {roster ? (
          <Descriptions.Item label={t('backups.import.roster')}>
            {t('backups.import.rosterCounts', roster)}
          </Descriptions.Item>
        ) : null}
        {preview.archive ? (
          <Descriptions.Item label={t('backups.import.archive')}>
            {t(`backups.import.archiveActions.${preview.archive.action}`, {
              sheets: preview.archive.scoresheets,
            })}
          </Descriptions.Item>
        ) : null}
        {records ? (
          <Descriptions.Item label={t('backups.import.backupRecords')}>
            {t('backups.restoreRecords', {
              rounds: records.rounds ?? 0,
              sheets: records.scoresheets ?? 0,
              audit: records.auditLog ?? 0,
            })}
            {(records.registryRounds ?? 0) + (records.registryApprovals ?? 0) > 0
              ? ` ${t('backups.restoreRegistry', {
                  rounds: records.registryRounds ?? 0,
                  approvals: records.registryApprovals ?? 0,
                })}`
              : null}
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      {sheets.length > 0 ? (
        <>
          <Typography.Title level={5} style={{ marginTop: 12 }}>
            {t('backups.import.outcomes')}
          </Typography.Title>
          <Table<SheetPreview>
            size="small"
            pagination={false}
            rowKey="sheetId"
            dataSource={sheets.slice(0, SHOWN_SHEETS)}
            columns={[
              { title: t('backups.import.base'), dataIndex: 'baseName' },
              { title: t('backups.import.expert'), dataIndex: 'expertName' },
              {
                title: t('backups.import.result'),
                dataIndex: 'outcome',
                render: (outcome: SheetPreview['outcome'], row: SheetPreview) => (
                  <>
                    <Tag color={OUTCOME_COLORS[outcome]}>
                      {t(`backups.import.outcome.${outcome}`)}
                    </Tag>
                    {row.voided ? (
                      <>
                        <Tag color="default" data-testid="sheet-voided">
                          {t('voided.tag')}
                        </Tag>
                        <Typography.Text type="secondary">{row.voided.reason}</Typography.Text>
                      </>
                    ) : null}
                    {outcome === 'refused' && row.reason !== undefined && isRefusal(row.reason) ? (
                      <Typography.Text type="secondary" data-testid="sheet-refusal">
                        {t(`backups.import.refusal.${row.reason}`)}
                      </Typography.Text>
                    ) : null}
                  </>
                ),
              },
            ]}
          />
          {sheets.length > SHOWN_SHEETS ? (
            <Typography.Text type="secondary">
              {t('backups.import.moreSheets', { count: sheets.length - SHOWN_SHEETS })}
            </Typography.Text>
          ) : null}
        </>
      ) : null}
    </div>
  );
};
