// One card per panel: its progress, and its experts with what each still owes (expand a row
// for every expected sheet of that expert). Five cards a page (pagedCards.tsx says why).
import { Card, Empty, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isOutstanding } from '../../../../shared/secretariat/completeness';
import type { ExpertProgress, PanelProgress } from '../../../../shared/secretariat/completeness';
import { useCountColumns } from './countColumns';
import { CountsLine } from './CountsLine';
import { useAfterFirstPaint } from '../../../app/hooks/useAfterFirstPaint';
import { usePagedCards } from '../pagedCards';
import { StateTag } from './StateTag';

const ExpertSheets = ({
  row,
  baseName,
  onlyOutstanding,
}: {
  row: ExpertProgress;
  baseName: (id: string) => string;
  onlyOutstanding: boolean;
}) => {
  const { t } = useTranslation();
  const sheets = onlyOutstanding ? row.sheets.filter((s) => isOutstanding(s.state)) : row.sheets;
  if (sheets.length === 0)
    return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  return (
    <Space wrap data-testid="expert-sheets">
      {sheets.map((sheet) => (
        <span key={sheet.assignmentId}>
          {baseName(sheet.baseId)}{' '}
          <StateTag
            state={sheet.state}
            {...(sheet.state === 'draft' && sheet.scoredCount > 0
              ? { suffix: t('results.progress.scored', { count: sheet.scoredCount }) }
              : sheet.recusalReason
                ? { suffix: sheet.recusalReason }
                : sheet.waiverReason
                  ? { suffix: sheet.waiverReason }
                  : {})}
          />
        </span>
      ))}
    </Space>
  );
};

export const PanelCards = ({
  panels,
  onlyOutstanding,
  baseName,
}: {
  panels: readonly PanelProgress[];
  onlyOutstanding: boolean;
  baseName: (id: string) => string;
}) => {
  const { t } = useTranslation();
  const countColumns = useCountColumns<ExpertProgress>(160);
  const listed = onlyOutstanding ? panels.filter((p) => p.counts.outstanding > 0) : panels;
  const { shown, pager } = usePagedCards(listed, 'progress-panel-pages');
  // The first card at once, the page's other cards (each a table) a render later.
  const isComplete = useAfterFirstPaint();
  const cards = isComplete ? shown : shown.slice(0, 1);
  if (listed.length === 0) {
    return (
      <Empty
        description={t(
          onlyOutstanding ? 'results.progress.nothingOutstanding' : 'results.progress.noPanels',
        )}
      />
    );
  }
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {pager}
      {cards.map((panel) => (
        <Card
          key={panel.panel.id}
          size="small"
          data-testid="progress-panel-card"
          data-panel-id={panel.panel.id}
          title={
            <Space>
              {panel.panel.name}
              {panel.counts.outstanding > 0 ? (
                <Tag color="orange">
                  {t('results.progress.outstanding', { count: panel.counts.outstanding })}
                </Tag>
              ) : (
                <Tag color="green">{t('results.progress.complete')}</Tag>
              )}
            </Space>
          }
        >
          <CountsLine counts={panel.counts} />
          <Table<ExpertProgress>
            size="small"
            style={{ marginTop: 12 }}
            rowKey={(row) => row.expert.id}
            pagination={false}
            dataSource={
              onlyOutstanding
                ? panel.experts.filter((e) => e.outstanding.length > 0)
                : panel.experts
            }
            expandable={{
              expandedRowRender: (row) => (
                <ExpertSheets row={row} baseName={baseName} onlyOutstanding={onlyOutstanding} />
              ),
              rowExpandable: (row) => row.sheets.length > 0,
            }}
            columns={[
              {
                title: t('results.progress.expert'),
                key: 'name',
                render: (_, row) => (
                  <Space>
                    {row.expert.name}
                    {panel.panel.chairExpertId === row.expert.id ? (
                      <Tag color="blue">{t('secretariat.chair')}</Tag>
                    ) : null}
                  </Space>
                ),
              },
              {
                title: t('results.progress.institution'),
                key: 'institution',
                render: (_, row) => row.expert.institution,
              },
              {
                title: t('results.progress.phone'),
                key: 'phone',
                render: (_, row) => row.expert.phone ?? '—',
              },
              ...countColumns,
              {
                title: t('results.progress.outstandingBases'),
                key: 'outstanding',
                render: (_, row) =>
                  row.outstanding.length === 0 ? (
                    '—'
                  ) : (
                    <Space size={4} wrap>
                      {row.counts.draft > 0 ? (
                        <StateTag state="draft" suffix={String(row.counts.draft)} />
                      ) : null}
                      {row.counts.missing > 0 ? (
                        <StateTag state="missing" suffix={String(row.counts.missing)} />
                      ) : null}
                    </Space>
                  ),
              },
            ]}
          />
        </Card>
      ))}
      {pager}
    </Space>
  );
};
