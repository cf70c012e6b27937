// The overview's charts: a count bar chart (by category, type, grade or city) and the
// experts' recommended dispositions beside the secretariat's decisions.
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Cell, LabelList, Tooltip, XAxis, YAxis } from 'recharts';
import type { DispositionShare } from '../../../../shared/charts/overview';
import { CHART_COLORS, TICK_FONT_SIZE, formatPercent } from '../chartTheme';
import { SvgLegend } from './chartParts';

export type CountDatum = {
  key: string;
  label: string;
  count: number;
  share: number;
  color?: string;
};

export const CountBarChart = ({
  data,
  width,
  height = 260,
}: {
  data: readonly CountDatum[];
  width: number;
  height?: number;
}) => {
  const { t } = useTranslation();
  const rotate = data.length > 6;
  return (
    <BarChart
      width={width}
      height={height}
      data={[...data]}
      margin={{ top: 24, right: 16, bottom: rotate ? 40 : 8, left: 0 }}
      accessibilityLayer={false}
    >
      <CartesianGrid vertical={false} strokeDasharray="3 3" stroke={CHART_COLORS.grid} />
      <XAxis
        dataKey="label"
        interval={0}
        tick={{ fontSize: TICK_FONT_SIZE }}
        {...(rotate ? { angle: -35, textAnchor: 'end', height: 56 } : {})}
      />
      <YAxis allowDecimals={false} tick={{ fontSize: TICK_FONT_SIZE }} width={36} />
      <Tooltip
        isAnimationActive={false}
        formatter={(value, _name, item) => {
          const share: unknown = item.payload?.share;
          return [
            `${String(value)}（${typeof share === 'number' ? formatPercent(share) : ''}）`,
            t('dashboard.overview.count'),
          ];
        }}
      />
      <Bar dataKey="count" isAnimationActive={false} fill={CHART_COLORS.base}>
        {data.map((datum) => (
          <Cell key={datum.key} fill={datum.color ?? CHART_COLORS.base} />
        ))}
        <LabelList dataKey="count" position="top" fontSize={11} />
      </Bar>
    </BarChart>
  );
};

export type DispositionDatum = DispositionShare & { label: string };

export const DispositionChart = ({
  data,
  width,
}: {
  data: readonly DispositionDatum[];
  width: number;
}) => {
  const { t } = useTranslation();
  const rows = data.map((row) => ({
    ...row,
    recommendedPercent: row.recommendedShare * 100,
    decidedPercent: row.decidedShare * 100,
  }));
  return (
    <BarChart
      width={width}
      height={300}
      data={rows}
      margin={{ top: 44, right: 16, bottom: 8, left: 0 }}
      accessibilityLayer={false}
    >
      <SvgLegend
        x={12}
        y={14}
        items={[
          { label: t('dashboard.overview.recommended'), color: CHART_COLORS.expert },
          { label: t('dashboard.overview.decided'), color: CHART_COLORS.base },
        ]}
      />
      <CartesianGrid vertical={false} strokeDasharray="3 3" stroke={CHART_COLORS.grid} />
      <XAxis dataKey="label" interval={0} tick={{ fontSize: TICK_FONT_SIZE }} />
      <YAxis unit="%" domain={[0, 100]} tick={{ fontSize: TICK_FONT_SIZE }} width={48} />
      <Tooltip
        isAnimationActive={false}
        formatter={(value, name) => [
          typeof value === 'number' ? `${value.toFixed(1)}%` : String(value),
          name,
        ]}
      />
      <Bar
        dataKey="recommendedPercent"
        name={t('dashboard.overview.recommended')}
        fill={CHART_COLORS.expert}
        isAnimationActive={false}
      >
        <LabelList
          dataKey="recommendedPercent"
          position="top"
          fontSize={11}
          formatter={(value) =>
            typeof value === 'number' && value > 0 ? `${value.toFixed(0)}%` : ''
          }
        />
      </Bar>
      <Bar
        dataKey="decidedPercent"
        name={t('dashboard.overview.decided')}
        fill={CHART_COLORS.base}
        isAnimationActive={false}
      >
        <LabelList
          dataKey="decidedPercent"
          position="top"
          fontSize={11}
          formatter={(value) =>
            typeof value === 'number' && value > 0 ? `${value.toFixed(0)}%` : ''
          }
        />
      </Bar>
    </BarChart>
  );
};
