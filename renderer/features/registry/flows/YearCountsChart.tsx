// Year over year: bars for what happened to bases each year (entered, included, converted
// away, rectifying, merged, revoked) and a line for the bases on the list at each year end.
// The legend is drawn in the SVG (SvgLegend), so exported images carry it.
import { useTranslation } from 'react-i18next';
import { Bar, CartesianGrid, ComposedChart, Line, Tooltip, XAxis, YAxis } from 'recharts';
import { SvgLegend } from '../../dashboard/charts/chartParts';
import { CHART_COLORS, TICK_FONT_SIZE } from '../../dashboard/chartTheme';
import { SANKEY_COLORS } from './FlowSankeyChart';
import type { CountKey, YearTotals } from './flowsView';

export const COUNT_COLORS: Readonly<Record<CountKey, string>> = {
  entered: '#52c41a',
  included: SANKEY_COLORS.type,
  converted: SANKEY_COLORS.converted,
  rectifying: '#fa8c16',
  merged: SANKEY_COLORS.merged,
  revoked: SANKEY_COLORS.revoked,
  active: '#262626',
};

const BAR_KEYS = [
  'entered',
  'included',
  'converted',
  'rectifying',
  'merged',
  'revoked',
] as const satisfies readonly CountKey[];

export const YearCountsChart = ({
  totals,
  width,
}: {
  totals: readonly YearTotals[];
  width: number;
}) => {
  const { t } = useTranslation();
  const data = totals.map((row) => ({ ...row, label: String(row.year) }));
  return (
    <ComposedChart
      width={width}
      height={340}
      data={data}
      margin={{ top: 44, right: 24, bottom: 8, left: 0 }}
      accessibilityLayer={false}
    >
      <SvgLegend
        x={12}
        y={14}
        items={[
          ...BAR_KEYS.map((key) => ({
            label: t(`registry.flows.${key}`),
            color: COUNT_COLORS[key],
          })),
          { label: t('registry.flows.active'), color: COUNT_COLORS.active, shape: 'line' },
        ]}
      />
      <CartesianGrid strokeDasharray="3 3" stroke={CHART_COLORS.grid} />
      <XAxis dataKey="label" tick={{ fontSize: TICK_FONT_SIZE }} />
      <YAxis allowDecimals={false} tick={{ fontSize: TICK_FONT_SIZE }} width={48} />
      <Tooltip isAnimationActive={false} />
      {BAR_KEYS.map((key) => (
        <Bar
          key={key}
          dataKey={key}
          name={t(`registry.flows.${key}`)}
          fill={COUNT_COLORS[key]}
          isAnimationActive={false}
        />
      ))}
      <Line
        dataKey="active"
        name={t('registry.flows.active')}
        stroke={COUNT_COLORS.active}
        strokeWidth={2}
        isAnimationActive={false}
      />
    </ComposedChart>
  );
};
