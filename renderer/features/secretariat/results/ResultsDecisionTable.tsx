// Every base's result and decision: aggregate under the method in view (or every method side
// by side), grade, ranks, spread with the disagreement flag, and the recorded decision.
import { Button, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { WarningOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { AGGREGATION_METHODS } from '../../../../shared/domain/aggregation';
import { categoryOfType } from '../../../../shared/domain/taxonomy';
import type { AggregationMethod, GradeBand, GradeCode } from '../../../../shared/domain/types';
import { methodCells } from '../../../../shared/secretariat/resultsView';
import type { ResultRow } from '../../../../shared/secretariat/resultsView';
import { GRADE_COLORS, formatScore, useLabels } from '../../../app/hooks/useLabels';
import { useDispositionText } from './useDispositionText';

const GradeTag = ({ grade }: { grade: GradeCode | null }) => {
  const labels = useLabels();
  return grade ? <Tag color={GRADE_COLORS[grade]}>{labels.gradeName(grade)}</Tag> : <>—</>;
};

export const ResultsDecisionTable = ({
  rows,
  method,
  isComparing,
  gradeBands,
  baseName,
  onDecide,
}: {
  rows: readonly ResultRow[];
  /** The method the aggregate column shows (ignored while comparing). */
  method: AggregationMethod;
  isComparing: boolean;
  gradeBands: readonly GradeBand[];
  baseName: (id: string) => string | undefined;
  onDecide: (baseId: string) => void;
}) => {
  const { t } = useTranslation();
  const labels = useLabels();
  const disposition = useDispositionText();

  const methodColumns: ColumnsType<ResultRow> = isComparing
    ? AGGREGATION_METHODS.map((method) => ({
        title: t(`results.table.methodShort.${method}`),
        key: `method-${method}`,
        align: 'right' as const,
        width: 100,
        render: (_: unknown, row: ResultRow) => {
          const cell = methodCells(row.result, gradeBands).find((c) => c.method === method);
          if (!cell || cell.value === null) return '—';
          return (
            <Space size={2} data-method={method}>
              <span style={{ color: cell.grade ? GRADE_COLORS[cell.grade] : undefined }}>
                {formatScore(cell.value)}
              </span>
              {cell.isFallback ? (
                <Tooltip
                  title={t('results.table.fallback', {
                    method: t(`aggregation.${cell.usedMethod}`),
                  })}
                >
                  <Typography.Text type="secondary">*</Typography.Text>
                </Tooltip>
              ) : null}
            </Space>
          );
        },
      }))
    : [
        {
          title: t('results.table.aggregate'),
          key: 'aggregate',
          align: 'right' as const,
          width: 100,
          render: (_: unknown, row: ResultRow) => (
            <Space size={2}>
              <Typography.Text strong>{formatScore(row.result.aggregate)}</Typography.Text>
              {row.result.aggregate !== null && row.result.method !== method ? (
                <Tooltip
                  title={t('results.table.fallback', {
                    method: t(`aggregation.${row.result.method}`),
                  })}
                >
                  <Typography.Text type="secondary">*</Typography.Text>
                </Tooltip>
              ) : null}
            </Space>
          ),
        },
      ];

  const columns: ColumnsType<ResultRow> = [
    {
      title: t('results.table.base'),
      key: 'name',
      fixed: 'left',
      width: 240,
      render: (_, row) => (
        <Space orientation="vertical" size={0}>
          <span>{row.result.base.name}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.result.base.code}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('results.table.type'),
      key: 'type',
      width: 150,
      render: (_, row) => labels.typeName(row.result.base.type),
    },
    {
      title: t('results.table.category'),
      key: 'category',
      width: 90,
      render: (_, row) => categoryOfType(row.result.base.type),
    },
    {
      title: t('results.table.panel'),
      key: 'panel',
      width: 110,
      render: (_, row) => row.panelName,
    },
    {
      title: t('results.table.sheets'),
      key: 'sheets',
      width: 80,
      align: 'right',
      render: (_, row) => row.result.sheets,
    },
    ...methodColumns,
    {
      title: t('results.table.grade'),
      key: 'grade',
      width: 80,
      render: (_, row) => <GradeTag grade={row.result.grade} />,
    },
    {
      title: t('results.table.rankInType'),
      key: 'rankInType',
      width: 90,
      align: 'right',
      render: (_, row) =>
        row.result.rankInType === null ? '—' : `${row.result.rankInType} / ${row.result.typeCount}`,
    },
    {
      title: t('results.table.rankInCategory'),
      key: 'rankInCategory',
      width: 90,
      align: 'right',
      render: (_, row) =>
        row.result.rankInCategory === null
          ? '—'
          : `${row.result.rankInCategory} / ${row.result.categoryCount}`,
    },
    {
      title: t('results.table.spread'),
      key: 'spread',
      width: 190,
      render: (_, row) => {
        const r = row.result;
        if (r.min === null || r.max === null) return '—';
        return (
          <Space size={4} data-disagreement={r.isDisagreement}>
            <span>
              {formatScore(r.min, 1)}–{formatScore(r.max, 1)}
            </span>
            <Typography.Text type="secondary">
              {t('results.table.spreadDetail', {
                range: formatScore(r.range, 1),
                sd: formatScore(r.sd, 1),
              })}
            </Typography.Text>
            {r.isDisagreement ? (
              <Tooltip title={t('results.table.flags.disagreement')}>
                <WarningOutlined
                  style={{ color: '#cf1322' }}
                  aria-label={t('results.table.flags.disagreement')}
                />
              </Tooltip>
            ) : null}
          </Space>
        );
      },
    },
    {
      title: t('results.table.decision'),
      key: 'decision',
      width: 220,
      render: (_, row) =>
        row.decision ? (
          <Tag color="blue" data-testid="row-decision">
            {disposition.text(row.decision.disposition, baseName)}
          </Tag>
        ) : (
          <Typography.Text type="secondary">{t('results.table.undecided')}</Typography.Text>
        ),
    },
    {
      title: '',
      key: 'action',
      fixed: 'right',
      width: 90,
      render: (_, row) => (
        <Button
          size="small"
          type={row.decision ? 'default' : 'primary'}
          onClick={(event) => {
            event.stopPropagation();
            onDecide(row.result.base.id);
          }}
          data-testid={`decide-${row.result.base.id}`}
        >
          {row.decision ? t('results.table.change') : t('results.table.decide')}
        </Button>
      ),
    },
  ];

  return (
    <Table<ResultRow>
      size="small"
      data-testid="results-table"
      rowKey={(row) => row.result.base.id}
      dataSource={[...rows]}
      columns={columns}
      scroll={{ x: 'max-content' }}
      pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
      onRow={(row) => ({ onClick: () => onDecide(row.result.base.id) })}
    />
  );
};
