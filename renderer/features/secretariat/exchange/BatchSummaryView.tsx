// What a batch import did: totals over the batch, then one row per file with its outcome,
// its scoresheet counts or the reason it failed or was skipped.
import { Alert, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BatchFileResult, BatchSummary } from '../../../db/bundles';
import { importErrorText } from '../../backups/format';

const OUTCOME_COLORS: Record<BatchFileResult['outcome'], string> = {
  imported: 'green',
  failed: 'red',
  skipped: 'default',
};

export const BatchSummaryView = ({ summary }: { summary: BatchSummary }) => {
  const { t, i18n } = useTranslation();
  const detail = (file: BatchFileResult): string => {
    if (file.error) return importErrorText(file.error, i18n.language);
    if (file.summary) return t('exchange.import.counts', file.summary.counts);
    if (file.skipped === 'duplicate') {
      return t('exchange.import.skipped.duplicate', { n: (file.duplicateOf ?? 0) + 1 });
    }
    if (file.skipped === 'keyUnconfirmed') return t('trust.batch.skippedKeyUnconfirmed');
    return file.skipped ? t(`exchange.import.skipped.${file.skipped}`) : '';
  };
  return (
    <div data-testid="batch-summary">
      <Alert
        type={summary.failed > 0 ? 'warning' : 'success'}
        showIcon
        title={t('exchange.import.summaryTitle')}
        description={
          <>
            <div data-testid="batch-summary-totals">
              {t('exchange.import.summaryTotals', {
                files: summary.files.length,
                imported: summary.imported,
                changed: summary.changed,
                failed: summary.failed,
                skipped: summary.skipped,
              })}
            </div>
            <div data-testid="batch-summary-counts">
              {t('exchange.import.summaryCounts', summary.totals)}
            </div>
          </>
        }
      />
      <Table<BatchFileResult>
        size="small"
        style={{ marginTop: 12 }}
        rowKey="index"
        pagination={false}
        dataSource={summary.files}
        columns={[
          {
            title: t('exchange.import.columns.index'),
            width: 56,
            render: (_, file) => file.index + 1,
          },
          { title: t('exchange.import.columns.file'), dataIndex: 'fileName' },
          {
            title: t('exchange.import.columns.panel'),
            render: (_, file) => file.panelName ?? '—',
          },
          {
            title: t('exchange.import.columns.status'),
            render: (_, file) => (
              <Tag
                color={OUTCOME_COLORS[file.outcome]}
                data-testid="batch-summary-outcome"
                data-outcome={file.outcome}
              >
                {t(`exchange.import.outcome.${file.outcome}`)}
              </Tag>
            ),
          },
          {
            title: t('exchange.import.columns.counts'),
            render: (_, file) => (
              <Typography.Text type={file.outcome === 'failed' ? 'danger' : undefined}>
                {detail(file)}
              </Typography.Text>
            ),
          },
        ]}
      />
    </div>
  );
};
