// The ranking tab: the ranking chart of the scope (type or category), the quota check of
// each type in it, and the results table. A click on a bar or a row opens the base.
import { Alert, Empty, Space } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { rankingChart } from '../../../shared/charts/ranking';
import type { RankingScope } from '../../../shared/charts/scope';
import { compareByRank, isInScope, rankInScope } from '../../../shared/charts/scope';
import type { BaseResult } from '../../../shared/domain/results';
import { shareAgainstLimit } from '../../../shared/domain/shareText';
import type { FinalDecision, Round } from '../../../shared/domain/types';
import { useLabels } from '../../app/hooks/useLabels';
import { ChartCard } from './ChartCard';
import { RankingChart } from './charts/RankingChart';
import { ResultsTable } from './ResultsTable';

export type RankingPanelProps = {
  round: Round;
  view: readonly BaseResult[];
  roundResults: readonly BaseResult[];
  decisions: readonly FinalDecision[];
  scope: RankingScope | undefined;
  onSelectBase?: (baseId: string) => void;
  /** Print view: fixed width, compact rows, no table. */
  isPrint?: boolean;
};

export function useScopeTitle(scope: RankingScope | undefined): string {
  const labels = useLabels();
  if (!scope) return '';
  return scope.kind === 'type' ? labels.typeName(scope.type) : labels.categoryName(scope.category);
}

export const RankingPanel = (props: RankingPanelProps) => {
  const { round, view, roundResults, decisions, scope, onSelectBase, isPrint } = props;
  const { t } = useTranslation();
  const labels = useLabels();
  const scopeTitle = useScopeTitle(scope);
  const data = useMemo(
    () =>
      scope ? rankingChart({ results: view, roundResults, round, scope, decisions }) : undefined,
    [scope, view, roundResults, round, decisions],
  );
  if (!scope || !data) return <Empty description={t('dashboard.chooseScope')} />;
  const warnings = data.quota.flatMap((report) =>
    report.warnings.map((warning) => ({ type: report.type, warning })),
  );
  const rowHeight = isPrint
    ? Math.max(10, Math.min(20, Math.floor(560 / Math.max(1, data.bars.length))))
    : 24;
  return (
    <>
      {warnings.length > 0 ? (
        <Space
          direction="vertical"
          style={{ width: '100%', marginBottom: 12 }}
          data-testid="quota-warnings"
        >
          {warnings.map(({ type, warning }) => (
            <Alert
              key={`${type}-${warning.code}`}
              type="warning"
              showIcon
              message={t(`dashboard.ranking.quotaWarning.${warning.code}`, {
                type: labels.typeName(type),
                count: warning.count,
                total: warning.total,
                ...shareAgainstLimit(warning.share, warning.limit),
              })}
            />
          ))}
        </Space>
      ) : null}
      <ChartCard
        title={t('dashboard.chartTitle', { type: scopeTitle })}
        testId="ranking-chart"
        footer={
          data.unscored.length > 0
            ? t('dashboard.ranking.unscored', {
                count: data.unscored.length,
                names: data.unscored.map((base) => base.name).join('、'),
              })
            : undefined
        }
      >
        {(width) =>
          data.bars.length === 0 ? (
            <Empty description={t('dashboard.noScores')} />
          ) : (
            <RankingChart
              data={data}
              width={width}
              rowHeight={rowHeight}
              {...(onSelectBase ? { onSelectBase } : {})}
            />
          )
        }
      </ChartCard>
      {isPrint ? null : (
        <ResultsTable
          rows={view
            .filter((row) => isInScope(row.base, scope))
            .map((row) => ({ row, rank: rankInScope(row, scope).rank, code: row.base.code }))
            .sort(compareByRank)
            .map(({ row }) => row)}
          {...(onSelectBase ? { onSelectBase } : {})}
        />
      )}
    </>
  );
};
