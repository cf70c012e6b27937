// The overview tab: how many bases by category, type, grade and city; the city × type table
// of mean scores, coloured from red (low) to green (high); and the experts' recommended
// dispositions against the secretariat's decisions.
import { Card, Col, Row, Statistic, Table } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { overview } from '../../../shared/charts/overview';
import type { CityTypeCell, OverviewData } from '../../../shared/charts/overview';
import type { BaseResult } from '../../../shared/domain/results';
import { DISPOSITIONS } from '../../../shared/domain/taxonomy';
import type {
  BaseTypeCode,
  CityName,
  FinalDecision,
  Scoresheet,
} from '../../../shared/domain/types';
import { useLabels } from '../../app/hooks/useLabels';
import { ChartCard } from './ChartCard';
import {
  GRADE_COLORS,
  UNSCORED_COLOR,
  formatPercent,
  formatPoints,
  scoreBackground,
} from './chartTheme';
import { CountBarChart, DispositionChart } from './charts/OverviewCharts';

type CityRow = {
  city: CityName;
  total: number;
  mean: number | null;
  cells: Map<BaseTypeCode, CityTypeCell>;
};

const CityTypeTable = ({ data }: { data: OverviewData }) => {
  const { t } = useTranslation();
  const { cityType } = data;
  const rows: CityRow[] = cityType.cities.map((city) => ({
    city,
    total: data.byCity.find((row) => row.key === city)?.count ?? 0,
    mean: cityType.cityMeans[city] ?? null,
    cells: new Map(
      cityType.cells.filter((cell) => cell.city === city).map((cell) => [cell.type, cell]),
    ),
  }));
  const cellView = (cell: CityTypeCell | undefined) =>
    cell ? (
      <div
        style={{ background: scoreBackground(cell.meanScore), padding: '2px 6px', borderRadius: 4 }}
      >
        <strong>{formatPoints(cell.meanScore, 1)}</strong>
        <span style={{ color: '#8c8c8c', marginLeft: 4 }}>({cell.count})</span>
      </div>
    ) : null;
  return (
    <Table<CityRow>
      size="small"
      rowKey="city"
      pagination={false}
      dataSource={rows}
      data-testid="city-type-table"
      scroll={{ x: true }}
      columns={[
        { title: t('secretariat.city'), key: 'city', fixed: 'left', render: (_, row) => row.city },
        ...cityType.types.map((type) => ({
          title: type,
          key: type,
          align: 'center' as const,
          render: (_: unknown, row: CityRow) => cellView(row.cells.get(type)),
        })),
        {
          title: t('dashboard.overview.cityMean'),
          key: 'mean',
          align: 'center' as const,
          render: (_: unknown, row: CityRow) => (
            <div
              style={{ background: scoreBackground(row.mean), padding: '2px 6px', borderRadius: 4 }}
            >
              {formatPoints(row.mean, 1)}
            </div>
          ),
        },
        {
          title: t('dashboard.overview.bases'),
          key: 'total',
          align: 'right' as const,
          render: (_: unknown, row: CityRow) =>
            `${row.total}（${formatPercent(row.total / Math.max(1, data.total))}）`,
        },
      ]}
    />
  );
};

export const OverviewPanel = ({
  view,
  scoresheets,
  decisions,
  part = 'all',
}: {
  view: readonly BaseResult[];
  scoresheets: readonly Scoresheet[];
  decisions: readonly FinalDecision[];
  /** The print view puts the counts and the tables on separate pages. */
  part?: 'all' | 'counts' | 'tables';
}) => {
  const { t } = useTranslation();
  const labels = useLabels();
  const data = useMemo(
    () => overview({ results: view, scoresheets, decisions }),
    [view, scoresheets, decisions],
  );
  const topTwo = data.byCity.slice(0, 2);
  const counts = {
    category: data.byCategory.map((row) => ({ ...row, label: labels.categoryName(row.key) })),
    type: data.byType.map((row) => ({ ...row, label: row.key })),
    grade: data.byGrade.map((row) => ({
      ...row,
      label: row.key === 'unscored' ? t('dashboard.overview.unscored') : labels.gradeName(row.key),
      color: row.key === 'unscored' ? UNSCORED_COLOR : GRADE_COLORS[row.key],
    })),
    city: data.byCity.map((row) => ({ ...row, label: row.key })),
  };
  const dispositions = data.dispositions.map((row) => ({
    ...row,
    label: labels.isEnglish
      ? (DISPOSITIONS.find((d) => d.code === row.code)?.nameEn ?? row.code)
      : (DISPOSITIONS.find((d) => d.code === row.code)?.nameZh ?? row.code),
  }));
  const showCounts = part !== 'tables';
  const showTables = part !== 'counts';
  return (
    <>
      {showCounts ? (
        <>
          <Row gutter={16} style={{ marginBottom: 16 }}>
            <Col span={6}>
              <Card size="small">
                <Statistic title={t('dashboard.overview.bases')} value={data.total} />
              </Card>
            </Col>
            <Col span={6}>
              <Card size="small">
                <Statistic title={t('dashboard.overview.scored')} value={data.scored} />
              </Card>
            </Col>
            <Col span={12}>
              <Card size="small">
                <Statistic
                  title={t('dashboard.overview.topCities', {
                    cities: topTwo.map((row) => row.key).join('、'),
                  })}
                  value={formatPercent(topTwo.reduce((acc, row) => acc + row.share, 0))}
                />
              </Card>
            </Col>
          </Row>
          <Row gutter={16}>
            {(['category', 'type', 'grade', 'city'] as const).map((key) => (
              <Col span={12} key={key}>
                <ChartCard title={t(`dashboard.overview.by.${key}`)} testId={`overview-${key}`}>
                  {(width) => <CountBarChart data={counts[key]} width={width} />}
                </ChartCard>
              </Col>
            ))}
          </Row>
        </>
      ) : null}
      {showTables ? (
        <>
          <Card title={t('dashboard.overview.cityTypeTitle')} style={{ marginBottom: 16 }}>
            <CityTypeTable data={data} />
          </Card>
          <ChartCard
            title={t('dashboard.overview.dispositionTitle')}
            testId="overview-dispositions"
            footer={t('dashboard.overview.dispositionNote', {
              recommendations: data.recommendations,
              decisions: data.decisions,
            })}
          >
            {(width) => <DispositionChart data={dispositions} width={width} />}
          </ChartCard>
        </>
      ) : null}
    </>
  );
};
