// Kendall's W per panel as a small table: panel, W, the experts × bases block it was computed
// on, and a plain-words reading, or 无法计算 with the reason. Rows come from the pure selector
// panelConcordance (shared/charts/panelConcordance.ts). Shown on the chair's spread tab and
// the secretariat's results tab.
import { Card, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { panelConcordance } from '../../../shared/charts/panelConcordance';
import type {
  ConcordanceReading,
  PanelConcordanceInput,
  PanelConcordanceRow,
} from '../../../shared/charts/panelConcordance';

const READING_COLORS: Record<ConcordanceReading, string> = {
  good: 'green',
  fair: 'gold',
  poor: 'red',
};

export const PanelConcordanceTable = ({ panels, bases, scoresheets }: PanelConcordanceInput) => {
  const { t, i18n } = useTranslation();
  const rows = useMemo(
    () => panelConcordance({ panels, bases, scoresheets }),
    [panels, bases, scoresheets],
  );
  return (
    <Card size="small" title={t('concordance.title')} data-testid="concordance-table">
      <Table<PanelConcordanceRow>
        size="small"
        rowKey="panelId"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: t('concordance.panel'), dataIndex: 'panelName' },
          {
            title: t('concordance.w'),
            align: 'right',
            render: (_, row) =>
              row.w === null ? (
                <Typography.Text type="secondary" data-testid="concordance-w">
                  {t('concordance.notComputable')}
                </Typography.Text>
              ) : (
                <span data-testid="concordance-w" data-w={row.w}>
                  {row.w.toFixed(3)}
                </span>
              ),
          },
          {
            title: t('concordance.block'),
            render: (_, row) =>
              row.gap === 'noRatings' ? (
                '—'
              ) : (
                <>
                  <span data-testid="concordance-block">
                    {t('concordance.blockSize', { experts: row.experts, bases: row.bases })}
                  </span>
                  {row.droppedExperts > 0 || row.droppedBases > 0 ? (
                    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                      {t('concordance.dropped', {
                        what: [
                          row.droppedExperts > 0
                            ? t('concordance.droppedExperts', { count: row.droppedExperts })
                            : '',
                          row.droppedBases > 0
                            ? t('concordance.droppedBases', { count: row.droppedBases })
                            : '',
                        ]
                          .filter((part) => part !== '')
                          .join(i18n.language === 'en' ? ', ' : '、'),
                      })}
                    </Typography.Text>
                  ) : null}
                </>
              ),
          },
          {
            title: t('concordance.reading'),
            render: (_, row) =>
              row.reading !== null ? (
                <Tag color={READING_COLORS[row.reading]} data-testid="concordance-reading">
                  {t(`concordance.readings.${row.reading}`)}
                </Tag>
              ) : (
                <Typography.Text type="secondary" data-testid="concordance-reading">
                  {row.gap === null ? null : t(`concordance.gaps.${row.gap}`)}
                </Typography.Text>
              ),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {t('concordance.note')}
      </Typography.Paragraph>
    </Card>
  );
};
