// Each expert's mean deviation from co-raters as a bar diverging from 0, the "normal" band
// shaded, experts outside it coloured (red lenient, blue strict) and named in the tooltip
// and under the chart. Experts compared on too few bases are drawn pale.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  LabelList,
  ReferenceArea,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { LeniencyChartData, LeniencyRow } from '../../../../shared/charts/leniency';
import { CHART_COLORS, TICK_FONT_SIZE, formatSigned, stepTicks } from '../chartTheme';
import { SvgLegend, TooltipBox, payloadRow } from './chartParts';

const MARGIN = { top: 44, right: 56, bottom: 8, left: 8 };

const colorOf = (row: LeniencyRow): string =>
  row.direction === 'lenient'
    ? CHART_COLORS.lenient
    : row.direction === 'strict'
      ? CHART_COLORS.strict
      : CHART_COLORS.normal;

type LabelProps = {
  x?: number | string;
  y?: number | string;
  width?: number | string;
  height?: number | string;
  index?: number;
};

export const LeniencyChart = ({
  data,
  width,
  panelName,
  rowHeight = 24,
}: {
  data: LeniencyChartData;
  width: number;
  panelName: (panelId: string | undefined) => string;
  rowHeight?: number;
}) => {
  const { t } = useTranslation();
  const { rows, band } = data;
  const byId = useMemo(() => new Map(rows.map((row) => [row.expertId, row])), [rows]);
  const widest = Math.max(band.halfWidth + 2, ...rows.map((row) => Math.abs(row.leniency) + 1));
  const extent = Math.ceil(widest / 5) * 5;
  const height = rows.length * rowHeight + MARGIN.top + MARGIN.bottom + 24;

  const renderLabel = (props: LabelProps) => {
    const row = props.index === undefined ? undefined : rows[props.index];
    if (!row) return null;
    const x = Number(props.x);
    const w = Number(props.width);
    const end = w >= 0 ? x + w + 4 : x + w - 4;
    return (
      <text
        x={end}
        y={Number(props.y) + Number(props.height) / 2 + 4}
        fontSize={11}
        textAnchor={w >= 0 ? 'start' : 'end'}
        fill={CHART_COLORS.text}
      >
        {formatSigned(row.leniency)}
      </text>
    );
  };

  return (
    <BarChart
      layout="vertical"
      width={width}
      height={height}
      data={rows}
      margin={MARGIN}
      barCategoryGap="20%"
      accessibilityLayer={false}
    >
      <SvgLegend
        x={12}
        y={14}
        items={[
          {
            label: t('dashboard.leniency.legendBand', { width: band.halfWidth.toFixed(1) }),
            color: CHART_COLORS.band,
          },
          { label: t('dashboard.leniency.legendLenient'), color: CHART_COLORS.lenient },
          { label: t('dashboard.leniency.legendStrict'), color: CHART_COLORS.strict },
          { label: t('dashboard.leniency.legendNormal'), color: CHART_COLORS.normal },
        ]}
      />
      <CartesianGrid horizontal={false} strokeDasharray="3 3" stroke={CHART_COLORS.grid} />
      <ReferenceArea
        x1={band.low}
        x2={band.high}
        fill={CHART_COLORS.band}
        fillOpacity={0.6}
        ifOverflow="extendDomain"
      />
      <XAxis
        type="number"
        orientation="top"
        domain={[-extent, extent]}
        ticks={stepTicks(-extent, extent, extent >= 10 ? 5 : 1)}
        tick={{ fontSize: TICK_FONT_SIZE }}
        tickFormatter={(value: number) => formatSigned(value, 0)}
      />
      <YAxis
        type="category"
        dataKey="expertId"
        width={170}
        interval={0}
        tick={{ fontSize: TICK_FONT_SIZE, fill: CHART_COLORS.text }}
        tickFormatter={(id: unknown) => {
          const row = typeof id === 'string' ? byId.get(id) : undefined;
          return row ? `${row.expertName}（${panelName(row.panelId)}）` : String(id);
        }}
      />
      <ReferenceLine x={0} stroke={CHART_COLORS.text} />
      <Tooltip
        isAnimationActive={false}
        cursor={{ fill: 'rgba(22, 89, 199, 0.06)' }}
        content={({ active, payload }) => {
          const row = active ? payloadRow(payload, byId, 'expertId') : undefined;
          if (!row) return null;
          return (
            <TooltipBox
              title={`${row.expertName}（${panelName(row.panelId)}）`}
              lines={[
                t('dashboard.leniency.tooltip', {
                  value: formatSigned(row.leniency),
                  count: row.basesCompared,
                }),
                t(`dashboard.leniency.direction.${row.direction}`),
                ...(row.isTooFewBases
                  ? [t('dashboard.leniency.tooFew', { min: data.minBasesCompared })]
                  : []),
              ]}
            />
          );
        }}
      />
      <Bar dataKey="leniency" isAnimationActive={false}>
        {rows.map((row) => (
          <Cell key={row.expertId} fill={colorOf(row)} fillOpacity={row.isTooFewBases ? 0.35 : 1} />
        ))}
        <LabelList dataKey="leniency" content={renderLabel} />
      </Bar>
    </BarChart>
  );
};
