// The method comparison tab: the slope chart of ranks by method, the bases whose grade
// depends on the method (what the meeting should discuss), and a table of every base that
// moves.
import { Alert, Empty, Table, Tag } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { methodComparison } from '../../../shared/charts/methodComparison';
import type { MethodRow, ResultsByMethod } from '../../../shared/charts/methodComparison';
import type { RankingScope } from '../../../shared/charts/scope';
import type { BaseResult } from '../../../shared/domain/results';
import { GRADE_COLORS, useLabels } from '../../app/hooks/useLabels';
import { ChartCard } from './ChartCard';
import { formatPoints } from './chartTheme';
import { MethodSlopeChart } from './charts/MethodSlopeChart';
import { useScopeTitle } from './RankingPanel';

export const MethodComparisonPanel = ({
  byMethod,
  view,
  scope,
  isPrint,
}: {
  byMethod: ResultsByMethod;
  view: readonly BaseResult[];
  scope: RankingScope | undefined;
  isPrint?: boolean;
}) => {
  const { t } = useTranslation();
  const labels = useLabels();
  const scopeTitle = useScopeTitle(scope);
  const data = useMemo(
    () =>
      scope
        ? methodComparison({
            byMethod,
            scope,
            visibleBaseIds: new Set(view.map((row) => row.base.id)),
          })
        : undefined,
    [byMethod, scope, view],
  );
  if (!scope || !data) return <Empty description={t('dashboard.chooseScope')} />;
  const movers = data.rows.filter((row) => row.rankShift > 0 || row.changesGrade);
  const gradeText = (row: MethodRow) =>
    data.methods
      .map(
        (method) =>
          `${t(`dashboard.methods.short.${method}`)} ${labels.gradeName(row.grades[method])}`,
      )
      .join(' → ');
  return (
    <>
      <Alert
        style={{ marginBottom: 12 }}
        type={data.gradeChanges.length > 0 ? 'warning' : 'info'}
        showIcon
        data-testid="method-summary"
        message={
          data.gradeChanges.length > 0
            ? t('dashboard.methods.summaryChanges', {
                count: data.gradeChanges.length,
                moved: data.rankChanges,
                total: data.rows.length,
              })
            : t('dashboard.methods.summaryNone', {
                moved: data.rankChanges,
                total: data.rows.length,
              })
        }
        description={
          data.gradeChanges.length > 0
            ? data.gradeChanges.map((row) => `${row.name}：${gradeText(row)}`).join('；')
            : undefined
        }
      />
      <ChartCard
        title={t('dashboard.methods.title', { scope: scopeTitle })}
        testId="method-chart"
        footer={t('dashboard.methods.definition')}
      >
        {(width) =>
          data.rows.length === 0 ? (
            <Empty description={t('dashboard.noScores')} />
          ) : (
            <MethodSlopeChart
              data={data}
              width={width}
              {...(isPrint
                ? { rowHeight: Math.max(10, Math.min(22, Math.floor(560 / Math.max(1, data.of)))) }
                : {})}
            />
          )
        }
      </ChartCard>
      {isPrint ? null : (
        <Table<MethodRow>
          size="small"
          rowKey="baseId"
          pagination={false}
          dataSource={movers}
          data-testid="method-table"
          columns={[
            { title: t('secretariat.name'), key: 'name', render: (_, row) => row.name },
            ...data.methods.map((method) => ({
              title: t(`dashboard.methods.short.${method}`),
              key: method,
              render: (_: unknown, row: MethodRow) => (
                <span>
                  {row.ranks[method]}（{formatPoints(row.scores[method])}）
                  <Tag color={GRADE_COLORS[row.grades[method]]} style={{ marginLeft: 6 }}>
                    {labels.gradeName(row.grades[method])}
                  </Tag>
                </span>
              ),
            })),
            {
              title: t('dashboard.methods.shift'),
              key: 'shift',
              align: 'right' as const,
              render: (_: unknown, row: MethodRow) => row.rankShift,
            },
          ]}
        />
      )}
    </>
  );
};
