// Box plots of expert totals per base, built from Recharts parts (it has no box plot):
// - a floating Bar from Q1 to Q3 (the box) whose shape also draws the median line;
// - an invisible Scatter at the median carrying an ErrorBar from min to max (the whiskers);
// - a Scatter of every expert's total (the dots).
// Bases the results flag as disagreement get a red box and a red "!" before their name.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  ErrorBar,
  Scatter,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { SpreadRow } from '../../../../shared/charts/expertSpread';
import {
  CHART_COLORS,
  NAME_AXIS_WIDTH,
  TICK_FONT_SIZE,
  formatPoints,
  stepTicks,
} from '../chartTheme';
import { SvgLegend, TooltipBox, lineTick, payloadRow } from './chartParts';

const MARGIN = { top: 44, right: 24, bottom: 8, left: 8 };

type BoxDatum = SpreadRow & { box: [number, number]; whisker: [number, number] };
type DotDatum = { baseId: string; total: number; expertName: string };

type BoxShapeProps = {
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  payload?: unknown;
};

export const expertSpreadHeight = (rows: number, rowHeight = 26) =>
  rows * rowHeight + MARGIN.top + MARGIN.bottom + 24;

export const ExpertSpreadChart = ({
  rows,
  width,
  rowHeight = 26,
}: {
  rows: readonly SpreadRow[];
  width: number;
  rowHeight?: number;
}) => {
  const { t } = useTranslation();
  const data: BoxDatum[] = useMemo(
    () =>
      rows.map((row) => ({
        ...row,
        box: [row.q1, row.q3],
        whisker: [row.median - row.min, row.max - row.median],
      })),
    [rows],
  );
  const dots: DotDatum[] = useMemo(
    () =>
      rows.flatMap((row) =>
        row.experts.map((dot) => ({
          baseId: row.baseId,
          total: dot.total,
          expertName: dot.expertName,
        })),
      ),
    [rows],
  );
  const byId = useMemo(() => new Map(data.map((row) => [row.baseId, row])), [data]);
  const low = Math.max(0, Math.floor((Math.min(100, ...rows.map((row) => row.min)) - 5) / 10) * 10);

  const boxShape = (props: BoxShapeProps) => {
    const row = payloadRow([{ payload: props.payload }], byId);
    const { x = 0, y = 0, width: w = 0, height: h = 0 } = props;
    if (!row) return <g />;
    const span = row.q3 - row.q1;
    const medianX = span > 0 ? x + (w * (row.median - row.q1)) / span : x;
    const stroke = row.isDisagreement ? CHART_COLORS.disagreement : CHART_COLORS.base;
    return (
      <g className="spread-box">
        <rect
          x={x}
          y={y}
          width={Math.max(w, 1)}
          height={h}
          fill={row.isDisagreement ? CHART_COLORS.boxDisagreement : CHART_COLORS.box}
          stroke={stroke}
        />
        <line x1={medianX} x2={medianX} y1={y} y2={y + h} stroke={stroke} strokeWidth={2.5} />
      </g>
    );
  };

  const tick = lineTick(
    (id) => {
      const row = typeof id === 'string' ? byId.get(id) : undefined;
      return row ? `${row.isDisagreement ? '! ' : ''}${row.name}` : String(id);
    },
    (id) => {
      const row = typeof id === 'string' ? byId.get(id) : undefined;
      return row?.isDisagreement ? { fill: CHART_COLORS.disagreement, fontWeight: 600 } : {};
    },
  );

  return (
    <ComposedChart
      layout="vertical"
      width={width}
      height={expertSpreadHeight(rows.length, rowHeight)}
      data={data}
      margin={MARGIN}
      barCategoryGap="30%"
      accessibilityLayer={false}
    >
      <SvgLegend
        x={12}
        y={14}
        items={[
          { label: t('dashboard.spread.legendBox'), color: CHART_COLORS.box },
          { label: t('dashboard.spread.legendMedian'), color: CHART_COLORS.base, shape: 'line' },
          { label: t('dashboard.spread.legendWhisker'), color: CHART_COLORS.text, shape: 'line' },
          {
            label: t('dashboard.spread.legendExpert'),
            color: CHART_COLORS.expert,
            shape: 'circle',
          },
          { label: t('dashboard.spread.legendDisagreement'), color: CHART_COLORS.disagreement },
        ]}
      />
      <CartesianGrid horizontal={false} strokeDasharray="3 3" stroke={CHART_COLORS.grid} />
      <XAxis
        type="number"
        orientation="top"
        domain={[low, 100]}
        ticks={stepTicks(low, 100, 5)}
        tick={{ fontSize: TICK_FONT_SIZE }}
        allowDataOverflow
      />
      <YAxis
        type="category"
        dataKey="baseId"
        width={NAME_AXIS_WIDTH}
        interval={0}
        tick={tick}
        allowDuplicatedCategory={false}
      />
      <Tooltip
        isAnimationActive={false}
        cursor={{ fill: 'rgba(22, 89, 199, 0.06)' }}
        content={({ active, payload }) => {
          const row = active ? payloadRow(payload, byId) : undefined;
          if (!row) return null;
          return (
            <TooltipBox
              title={row.name}
              lines={[
                t('dashboard.spread.tooltipFive', {
                  min: formatPoints(row.min, 1),
                  q1: formatPoints(row.q1, 1),
                  median: formatPoints(row.median, 1),
                  q3: formatPoints(row.q3, 1),
                  max: formatPoints(row.max, 1),
                }),
                t('dashboard.spread.tooltipRange', { range: formatPoints(row.range, 1), n: row.n }),
                row.experts
                  .map((dot) => `${dot.expertName} ${formatPoints(dot.total, 1)}`)
                  .join('，'),
                ...(row.isDisagreement ? [t('dashboard.disagreement')] : []),
              ]}
            />
          );
        }}
      />
      <Bar dataKey="box" shape={boxShape} isAnimationActive={false} />
      <Scatter
        dataKey="median"
        className="spread-whiskers"
        isAnimationActive={false}
        shape={() => <g />}
      >
        <ErrorBar
          dataKey="whisker"
          direction="x"
          width={8}
          stroke={CHART_COLORS.text}
          strokeWidth={1.2}
          isAnimationActive={false}
        />
      </Scatter>
      <Scatter
        data={dots}
        dataKey="total"
        className="spread-experts"
        fill={CHART_COLORS.expert}
        fillOpacity={0.85}
        isAnimationActive={false}
        shape="circle"
      />
    </ComposedChart>
  );
};
