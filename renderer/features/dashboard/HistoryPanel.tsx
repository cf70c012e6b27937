// The history tab: the chosen base in every round that evaluated it (by registry code): the
// rounds on this computer, and the earlier rounds a registry bundle brought.
import { Empty, Spin, Table, Tag } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { baseHistory } from '../../../shared/charts/history';
import type { HistoryPoint } from '../../../shared/charts/history';
import { mergeRegistryHistory } from '../../../shared/charts/registryHistory';
import type { BaseResult } from '../../../shared/domain/results';
import { DISPOSITIONS } from '../../../shared/domain/taxonomy';
import { useBaseHistoryInputs, useRegistryHistoryLines } from '../../db/dashboardHooks';
import { GRADE_COLORS, useLabels } from '../../app/hooks/useLabels';
import { BaseSelect } from './BaseSelect';
import { ChartCard } from './ChartCard';
import { formatPoints } from './chartTheme';
import { HistoryChart } from './charts/HistoryChart';

export function useHistoryPoints(code: string | undefined): HistoryPoint[] | undefined {
  const inputs = useBaseHistoryInputs(code);
  const lines = useRegistryHistoryLines(code);
  return useMemo(
    () =>
      code === undefined || inputs === undefined || lines === undefined
        ? undefined
        : mergeRegistryHistory(code, baseHistory(code, inputs), lines),
    [code, inputs, lines],
  );
}

export const HistoryCard = ({
  name,
  points,
}: {
  name: string;
  points: readonly HistoryPoint[];
}) => {
  const { t } = useTranslation();
  return (
    <ChartCard
      title={t('dashboard.history.title', { name })}
      testId="history-chart"
      footer={t('dashboard.history.definition')}
    >
      {(width) => <HistoryChart points={points} width={width} />}
    </ChartCard>
  );
};

export const HistoryPanel = ({
  view,
  roundResults,
  baseId,
  onSelectBase,
}: {
  view: readonly BaseResult[];
  roundResults: readonly BaseResult[];
  baseId: string | undefined;
  onSelectBase: (baseId: string) => void;
}) => {
  const { t } = useTranslation();
  const labels = useLabels();
  const base = roundResults.find((row) => row.base.id === baseId)?.base;
  const points = useHistoryPoints(base?.code);
  const decisionName = (code: HistoryPoint['decision']) => {
    const info = DISPOSITIONS.find((d) => d.code === code);
    return info ? (labels.isEnglish ? info.nameEn : info.nameZh) : '—';
  };
  return (
    <>
      <div style={{ marginBottom: 16 }}>
        <BaseSelect rows={view} value={baseId} onChange={onSelectBase} testId="history-base" />
      </div>
      {!base ? (
        <Empty description={t('dashboard.chooseBase')} />
      ) : points === undefined ? (
        <Spin />
      ) : (
        <>
          <HistoryCard name={base.name} points={points} />
          <Table<HistoryPoint>
            size="small"
            rowKey="roundId"
            pagination={false}
            dataSource={points}
            data-testid="history-table"
            columns={[
              { title: t('home.year'), key: 'year', width: 70, render: (_, p) => p.year },
              {
                title: t('home.round'),
                key: 'round',
                render: (_, p) =>
                  p.isFromRegistry ? (
                    <>
                      {p.roundName}{' '}
                      <Tag data-testid="history-from-registry">
                        {t('cycle.history.fromRegistry')}
                      </Tag>
                    </>
                  ) : (
                    p.roundName
                  ),
              },
              { title: t('dashboard.history.nameThen'), key: 'name', render: (_, p) => p.name },
              {
                title: t('home.rule'),
                key: 'rule',
                render: (_, p) => t(`aggregation.${p.method}`),
              },
              {
                title: t('dashboard.score'),
                key: 'score',
                align: 'right',
                render: (_, p) => formatPoints(p.aggregate),
              },
              {
                title: t('dashboard.grade'),
                key: 'grade',
                render: (_, p) =>
                  p.grade ? (
                    <Tag color={GRADE_COLORS[p.grade]}>{labels.gradeName(p.grade)}</Tag>
                  ) : (
                    '—'
                  ),
              },
              {
                title: t('dashboard.rank'),
                key: 'rank',
                render: (_, p) =>
                  p.rankInType === null ? '—' : `${p.rankInType} / ${p.typeCount}`,
              },
              {
                title: t('dashboard.history.decisionColumn'),
                key: 'decision',
                render: (_, p) => decisionName(p.decision),
              },
            ]}
          />
        </>
      )}
    </>
  );
};
