// The preview of a batch, one row per file: its panel, the signer's fingerprint and how it
// stands against the pinned keys (and whether its key, if new or changed, was ticked in
// BatchKeyChecks), the scoresheet counts the import expects, its state (with the reason when
// refused) and whether to import it. A row opens to the full preview.
import { Checkbox, Space, Table, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { BatchItem, BatchItemStatus, KeyStatus, VoidedSheets } from '../../../db/bundles';
import { importErrorText } from '../../backups/format';
import { ImportPreviewView } from '../../backups/ImportPreviewView';
import { WorkbookPreviewView } from '../../workbook/WorkbookPreviewView';

const STATUS_COLORS: Record<BatchItemStatus, string> = {
  ready: 'blue',
  unchanged: 'default',
  keyMismatch: 'red',
  locked: 'gold',
  duplicate: 'default',
  failed: 'red',
};

const KEY_COLORS: Record<KeyStatus, string> = {
  pinned: 'green',
  newSecretariat: 'blue',
  newDevice: 'blue',
  mismatch: 'red',
  notPinned: 'default',
};

/** "作废：N 张（原因…）" under a file's counts, when it brings sheets of voided assignments. */
const VoidedCount = ({ voided }: { voided: VoidedSheets | undefined }) => {
  const { t } = useTranslation();
  if (voided === undefined || voided.sheets === 0) return null;
  return (
    <div style={{ fontSize: 12 }} data-testid="batch-file-voided">
      {t('voided.sheetsVoided', { count: voided.sheets, reasons: voided.reasons.join('；') })}
    </div>
  );
};

// Data rows only: the table also renders an expanded row and an empty placeholder as rows.
const FileRow = (props: HTMLAttributes<HTMLTableRowElement>) => {
  const isFile = props.className?.split(' ').includes('ant-table-row') === true;
  return <tr {...props} {...(isFile ? { 'data-testid': 'batch-file-row' } : {})} />;
};

export const BatchPreviewTable = ({
  items,
  accepted,
  confirmedFiles,
  onAccept,
}: {
  items: readonly BatchItem[];
  accepted: ReadonlySet<number>;
  /** Files whose new or changed signing key a person ticked (BatchKeyChecks). */
  confirmedFiles: ReadonlySet<number>;
  onAccept: (index: number, isAccepted: boolean) => void;
}) => {
  const { t, i18n } = useTranslation();
  const canImport = (item: BatchItem): boolean =>
    item.status === 'ready' ||
    item.status === 'unchanged' ||
    (item.status === 'keyMismatch' && confirmedFiles.has(item.index));
  const needsCheck = (item: BatchItem): boolean =>
    item.prepared?.preview.blocking !== undefined && item.status !== 'duplicate';

  return (
    <Table<BatchItem>
      size="small"
      rowKey="index"
      pagination={false}
      dataSource={[...items]}
      components={{ body: { row: FileRow } }}
      expandable={{
        rowExpandable: (item) => item.prepared !== undefined || item.workbook !== undefined,
        expandedRowRender: (item) =>
          item.workbook ? (
            <WorkbookPreviewView preview={item.workbook.preview} />
          ) : item.prepared ? (
            <ImportPreviewView
              preview={item.prepared.preview}
              fileHash={{ status: 'done', sha256: item.sha256 }}
            />
          ) : null,
      }}
      columns={[
        {
          title: t('exchange.import.columns.index'),
          width: 56,
          render: (_, item) => item.index + 1,
        },
        {
          title: t('exchange.import.columns.file'),
          render: (_, item) => <span data-testid="batch-file-name">{item.file.name}</span>,
        },
        {
          title: t('exchange.import.columns.panel'),
          render: (_, item) => item.panelName ?? '—',
        },
        {
          title: t('exchange.import.columns.signer'),
          render: (_, item) =>
            item.workbook ? (
              <Tag data-testid="batch-workbook">
                {t('workbook.import.signer', { expert: item.workbook.preview.expertName })}
              </Tag>
            ) : item.fingerprint === undefined ? (
              '—'
            ) : (
              <Space orientation="vertical" size={0}>
                <Typography.Text code>{item.fingerprint}</Typography.Text>
                {item.keyStatus ? (
                  <Tag color={KEY_COLORS[item.keyStatus]} data-testid="batch-key-status">
                    {t(`backups.import.keyStatuses.${item.keyStatus}`)}
                  </Tag>
                ) : null}
              </Space>
            ),
        },
        {
          title: t('exchange.import.columns.counts'),
          render: (_, item) =>
            item.counts ? (
              <>
                <span data-testid="batch-file-counts" style={{ fontSize: 12 }}>
                  {t('exchange.import.counts', item.counts)}
                </span>
                <VoidedCount voided={item.prepared?.preview.sheets?.voided} />
              </>
            ) : (
              '—'
            ),
        },
        {
          title: t('exchange.import.columns.status'),
          render: (_, item) => (
            <Space orientation="vertical" size={0}>
              <Tag
                color={STATUS_COLORS[item.status]}
                data-testid="batch-file-status"
                data-status={item.status}
              >
                {t(`exchange.import.status.${item.status}`)}
              </Tag>
              {item.error ? (
                <Typography.Text type="danger" style={{ fontSize: 12 }}>
                  {importErrorText(item.error, i18n.language)}
                </Typography.Text>
              ) : null}
              {item.duplicateOf !== undefined ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('exchange.import.duplicateOf', { n: item.duplicateOf + 1 })}
                </Typography.Text>
              ) : null}
              {item.status === 'keyMismatch' && item.prepared?.preview.blocking ? (
                <Typography.Text type="danger" style={{ fontSize: 12 }}>
                  {importErrorText(item.prepared.preview.blocking, i18n.language)}
                </Typography.Text>
              ) : null}
              {needsCheck(item) ? (
                <Tag
                  color={confirmedFiles.has(item.index) ? 'green' : 'orange'}
                  data-testid="batch-key-check"
                  data-confirmed={confirmedFiles.has(item.index) ? 'yes' : 'no'}
                >
                  {confirmedFiles.has(item.index)
                    ? t('trust.batch.rowConfirmed')
                    : t('trust.batch.rowPending')}
                </Tag>
              ) : null}
            </Space>
          ),
        },
        {
          title: t('exchange.import.columns.include'),
          width: 64,
          render: (_, item) => (
            <Checkbox
              checked={accepted.has(item.index)}
              disabled={!canImport(item)}
              onChange={(e) => onAccept(item.index, e.target.checked)}
              data-testid={`batch-include-${item.index + 1}`}
            />
          ),
        },
      ]}
    />
  );
};
