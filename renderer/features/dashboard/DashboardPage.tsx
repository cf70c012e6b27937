// Chair's dashboard: results of one base type under the round's rule, as a ranking chart
// and a table. Numbers come from the pure selector computeRoundResults in shared/domain.
import { Card, Empty, Segmented, Space, Spin, Table, Tag, Tooltip, Typography } from 'antd';
import { WarningOutlined } from '@ant-design/icons';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ReferenceLine,
  Tooltip as ChartTooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useBases, useCurrentRound, useScoresheets } from '../../db/hooks';
import { computeRoundResults, type BaseResult } from '../../../shared/domain/results';
import { BASE_TYPES } from '../../../shared/domain/taxonomy';
import type { BaseTypeCode } from '../../../shared/domain/types';
import { formatScore, GRADE_COLORS, useLabels } from '../../app/hooks/useLabels';

export const DashboardPage = () => {
  const { t } = useTranslation();
  const labels = useLabels();
  const round = useCurrentRound();
  const bases = useBases(round?.id);
  const sheets = useScoresheets(round?.id);
  const [chosenType, setChosenType] = useState<BaseTypeCode | undefined>();

  const results = useMemo(
    () => (round && bases && sheets ? computeRoundResults(round, bases, sheets) : undefined),
    [round, bases, sheets],
  );
  const presentTypes = useMemo(
    () => BASE_TYPES.map((info) => info.code).filter((code) => bases?.some((b) => b.type === code)),
    [bases],
  );

  if (round === undefined) return <Spin />;
  if (round === null) return <Empty description={t('home.noRoundTitle')} />;
  if (!results) return <Spin />;
  const type = chosenType ?? presentTypes[0];
  if (type === undefined) return <Empty description={t('dashboard.noScores')} />;
  const ofType = results
    .filter((row) => row.base.type === type)
    .sort(
      (a, b) =>
        (a.rankInType ?? Infinity) - (b.rankInType ?? Infinity) ||
        a.base.code.localeCompare(b.base.code),
    );
  const scored = ofType.filter((row) => row.aggregate !== null);

  return (
    <div>
      <Typography.Title level={3}>{t('dashboard.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('dashboard.intro')}</Typography.Paragraph>
      <Segmented<BaseTypeCode>
        data-testid="type-switch"
        value={type}
        onChange={setChosenType}
        options={presentTypes.map((code) => ({ value: code, label: code }))}
        style={{ marginBottom: 16 }}
      />
      <Card
        title={t('dashboard.chartTitle', { type: labels.typeName(type) })}
        style={{ marginBottom: 16 }}
      >
        {scored.length === 0 ? (
          <Empty description={t('dashboard.noScores')} />
        ) : (
          <div data-testid="ranking-chart">
            <BarChart
              layout="vertical"
              width={960}
              height={Math.max(160, scored.length * 26 + 40)}
              data={scored.map((row) => ({
                name: row.base.name,
                score: row.aggregate,
                grade: row.grade,
              }))}
              margin={{ left: 16, right: 24, top: 24, bottom: 8 }}
            >
              <CartesianGrid horizontal={false} strokeDasharray="3 3" />
              <XAxis type="number" domain={[0, 100]} />
              <YAxis
                type="category"
                dataKey="name"
                width={300}
                tick={{ fontSize: 12 }}
                interval={0}
              />
              <ChartTooltip
                formatter={(value) =>
                  typeof value === 'number' ? value.toFixed(2) : String(value)
                }
              />
              {round.gradeBands
                .filter((band) => band.minScore > 0)
                .map((band) => (
                  <ReferenceLine
                    key={band.grade}
                    x={band.minScore}
                    stroke={GRADE_COLORS[band.grade]}
                    strokeDasharray="4 4"
                    label={{ value: labels.gradeName(band.grade), position: 'top', fontSize: 11 }}
                  />
                ))}
              <Bar dataKey="score" isAnimationActive={false}>
                {scored.map((row) => (
                  <Cell key={row.base.id} fill={row.grade ? GRADE_COLORS[row.grade] : '#bfbfbf'} />
                ))}
              </Bar>
            </BarChart>
          </div>
        )}
      </Card>
      <Card>
        <Table<BaseResult>
          size="small"
          rowKey={(row) => row.base.id}
          dataSource={ofType}
          pagination={false}
          data-testid="results-table"
          columns={[
            {
              title: t('dashboard.rank'),
              key: 'rank',
              width: 90,
              render: (_, row) => row.rankInType ?? '—',
            },
            { title: t('secretariat.name'), key: 'name', render: (_, row) => row.base.name },
            {
              title: t('secretariat.city'),
              key: 'city',
              width: 80,
              render: (_, row) => row.base.city,
            },
            {
              title: t('dashboard.experts'),
              key: 'n',
              width: 90,
              align: 'right',
              render: (_, row) => row.sheets,
            },
            {
              title: t('dashboard.score'),
              key: 'score',
              align: 'right',
              render: (_, row) => formatScore(row.aggregate),
            },
            {
              title: t('dashboard.grade'),
              key: 'grade',
              render: (_, row) =>
                row.grade ? (
                  <Tag color={GRADE_COLORS[row.grade]}>{labels.gradeName(row.grade)}</Tag>
                ) : (
                  '—'
                ),
            },
            {
              title: t('dashboard.spread'),
              key: 'spread',
              align: 'right',
              render: (_, row) => (
                <Space>
                  {formatScore(row.range, 1)}
                  {row.isDisagreement ? (
                    <Tooltip title={t('dashboard.disagreement')}>
                      <WarningOutlined
                        style={{ color: '#cf1322' }}
                        aria-label={t('dashboard.disagreement')}
                      />
                    </Tooltip>
                  ) : null}
                </Space>
              ),
            },
            {
              title: t('dashboard.rankInCategory'),
              key: 'rankInCategory',
              width: 110,
              render: (_, row) => row.rankInCategory ?? '—',
            },
          ]}
        />
      </Card>
    </div>
  );
};
