// The leniency tab: every expert's mean deviation from co-raters, the normal band (fixed
// points or a multiple of the SD, chosen here) and the experts outside it, by name.
import { Alert, Empty, Select, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_LENIENCY_BAND, leniencyChart } from '../../../shared/charts/leniency';
import type { LeniencyBand } from '../../../shared/charts/leniency';
import type { BaseResult } from '../../../shared/domain/results';
import type { Expert, Panel, Scoresheet } from '../../../shared/domain/types';
import { ChartCard } from './ChartCard';
import { LeniencyChart } from './charts/LeniencyChart';

const BAND_CHOICES: { key: string; band: LeniencyBand }[] = [
  { key: 'fixed-3', band: { kind: 'fixed', points: 3 } },
  { key: 'fixed-5', band: { kind: 'fixed', points: 5 } },
  { key: 'fixed-8', band: { kind: 'fixed', points: 8 } },
  { key: 'sd-1', band: { kind: 'sd', k: 1 } },
  { key: 'sd-1.5', band: { kind: 'sd', k: 1.5 } },
  { key: 'sd-2', band: { kind: 'sd', k: 2 } },
];

const bandKey = (band: LeniencyBand) =>
  band.kind === 'fixed' ? `fixed-${band.points}` : `sd-${band.k}`;

export const LeniencyPanel = ({
  view,
  scoresheets,
  experts,
  panels,
  isPrint,
}: {
  view: readonly BaseResult[];
  scoresheets: readonly Scoresheet[];
  experts: readonly Expert[];
  panels: readonly Panel[];
  isPrint?: boolean;
}) => {
  const { t } = useTranslation();
  const [choice, setChoice] = useState(bandKey(DEFAULT_LENIENCY_BAND));
  const band = BAND_CHOICES.find((option) => option.key === choice)?.band ?? DEFAULT_LENIENCY_BAND;
  const data = useMemo(
    () => leniencyChart({ results: view, scoresheets, experts, band }),
    [view, scoresheets, experts, band],
  );
  const panelName = (panelId: string | undefined) =>
    panels.find((panel) => panel.id === panelId)?.name ?? '—';
  const bandSelect = (
    <Select<string>
      size="small"
      value={choice}
      onChange={setChoice}
      style={{ width: 190 }}
      data-testid="leniency-band"
      options={BAND_CHOICES.map((option) => ({
        value: option.key,
        label:
          option.band.kind === 'fixed'
            ? t('dashboard.leniency.bandFixed', { points: option.band.points })
            : t('dashboard.leniency.bandSd', { k: option.band.k }),
      }))}
    />
  );
  return (
    <>
      <Alert
        style={{ marginBottom: 12 }}
        showIcon
        type={data.outliers.length > 0 ? 'warning' : 'success'}
        data-testid="leniency-outliers"
        message={
          data.outliers.length > 0
            ? t('dashboard.leniency.outliers', { count: data.outliers.length })
            : t('dashboard.leniency.noOutliers')
        }
        description={
          data.outliers.length > 0 ? (
            <Space direction="vertical" size={0}>
              {data.outliers.map((row) => (
                <Typography.Text key={row.expertId}>
                  {t(
                    `dashboard.leniency.outlierLine.${row.direction === 'strict' ? 'strict' : 'lenient'}`,
                    {
                      name: row.expertName,
                      panel: panelName(row.panelId),
                      value: Math.abs(row.leniency).toFixed(1),
                      count: row.basesCompared,
                    },
                  )}
                </Typography.Text>
              ))}
              <Typography.Text type="secondary">{t('dashboard.leniency.zHint')}</Typography.Text>
            </Space>
          ) : undefined
        }
      />
      <ChartCard
        title={t('dashboard.leniency.title')}
        testId="leniency-chart"
        extra={bandSelect}
        footer={t('dashboard.leniency.definition', {
          band:
            band.kind === 'fixed'
              ? t('dashboard.leniency.bandFixed', { points: band.points })
              : t('dashboard.leniency.bandSd', { k: band.k }),
          min: data.minBasesCompared,
        })}
      >
        {(width) =>
          data.rows.length === 0 ? (
            <Empty description={t('dashboard.noScores')} />
          ) : (
            <LeniencyChart
              data={data}
              width={width}
              panelName={panelName}
              {...(isPrint
                ? { rowHeight: Math.max(10, Math.min(24, Math.floor(560 / data.rows.length))) }
                : {})}
            />
          )
        }
      </ChartCard>
    </>
  );
};
