// Horizontal bars of a type's (or category's) bases, best first, coloured by grade, with a
// dashed line per grade threshold, quota marks (◆) and disagreement marks (!) after the
// score. Clicking a bar opens the base's profile. Drawn at a fixed width so the bench and
// the print view can mount it without measuring.
//
// Recharts draws the frame (score axis, grid, threshold lines, tooltip, hover band) over a
// hidden category axis and a hidden Bar series that feed the tooltip; the visible bars,
// their names and scores are plain SVG drawn by RankingMarks from the chart's plot area. Recharts' own Bar and axis ticks cost
// about half a millisecond per base (event adapters, animation wrappers, tick layers), too
// slow for the 1,000-base ranking the bench requires under 300 ms; plain rects do not.
import { memo, useMemo } from 'react';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Bar,
  BarChart,
  CartesianGrid,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
  DefaultZIndexes,
  ZIndexLayer,
  usePlotArea,
  useXAxisScale,
} from 'recharts';
import type { RankingBar, RankingChartData } from '../../../../shared/charts/ranking';
import { GRADE_ORDER } from '../../../../shared/domain/grading';
import { useLabels } from '../../../app/hooks/useLabels';
import {
  CHART_COLORS,
  GRADE_COLORS,
  NAME_AXIS_WIDTH,
  TICK_FONT_SIZE,
  formatPoints,
} from '../chartTheme';
import { SvgLegend, TooltipBox, payloadRow } from './chartParts';
import type { TickProps } from './chartParts';

export type RankingChartProps = {
  data: RankingChartData;
  width: number;
  /** Pixels per bar row (24 on screen, less in print). */
  rowHeight?: number;
  onSelectBase?: (baseId: string) => void;
};

// The names are drawn by RankingMarks in the left margin (the category axis itself is hidden).
const MARGIN = { top: 44, right: 72, bottom: 8, left: 8 + NAME_AXIS_WIDTH };
const TICKS = [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
/** Share of a row the bar fills (the rest is the gap between bars). */
const BAR_FILL = 0.64;

const NO_POINTS: number[] = [];

/**
 * Score-axis labels as plain text: Recharts' default tick text makes the axis read its
 * computed style on mount, a forced style pass over the whole (1,000-row) chart.
 */
const scoreTick = (props: TickProps) => (
  <text
    x={Number(props.x)}
    y={Number(props.y)}
    dy={-4}
    textAnchor="middle"
    fontSize={TICK_FONT_SIZE}
    fill={CHART_COLORS.muted}
  >
    {String(props.payload?.value ?? '')}
  </text>
);

export const rankingChartHeight = (bars: number, rowHeight = 24) =>
  Math.max(140, bars * rowHeight + MARGIN.top + MARGIN.bottom + 30);

type MarksProps = {
  bars: readonly RankingBar[];
  onSelectBase: ((baseId: string) => void) | undefined;
};

/** Bars, names and scores in one pass over the rows (see the module comment). */
const RankingMarks = memo(function RankingMarks({ bars, onSelectBase }: MarksProps) {
  const plot = usePlotArea();
  const xScale = useXAxisScale();
  if (!plot || !xScale || bars.length === 0) return null;
  const band = plot.height / bars.length;
  const thickness = Math.max(1, band * BAR_FILL);
  const zero = Number(xScale(0));
  const full = Number(xScale(100));
  // Until Recharts has resolved the axis the scale yields NaN: draw nothing rather than
  // thousands of invalid attributes (each of which Chromium reports as a console error).
  if (!Number.isFinite(zero) || !Number.isFinite(full)) return null;
  const fontSize = Math.min(TICK_FONT_SIZE, Math.max(8, band - 6));
  const onClick = (event: MouseEvent<SVGGElement>) => {
    const target = event.target instanceof Element ? event.target.closest('[data-base-id]') : null;
    const baseId = target?.getAttribute('data-base-id');
    if (onSelectBase && baseId) onSelectBase(baseId);
  };
  const rows = bars.map((bar, i) => ({
    bar,
    centre: plot.y + (i + 0.5) * band,
    end: Number(xScale(bar.score)),
  }));
  const clickable = onSelectBase ? { onClick, style: { cursor: 'pointer' } } : {};
  // Bars sit in Recharts' bar layer (under the threshold lines), names and scores in its
  // label layer (over them), so a dashed line never crosses a number.
  return (
    <>
      <ZIndexLayer zIndex={DefaultZIndexes.bar}>
        <g className="ranking-marks" {...clickable}>
          <line
            x1={plot.x}
            x2={plot.x}
            y1={plot.y}
            y2={plot.y + plot.height}
            stroke={CHART_COLORS.muted}
          />
          {rows.map(({ bar, centre, end }) => (
            <rect
              key={bar.baseId}
              className="ranking-bar"
              data-base-id={bar.baseId}
              x={zero}
              y={centre - thickness / 2}
              width={Math.max(0, end - zero)}
              height={thickness}
              fill={GRADE_COLORS[bar.grade]}
            />
          ))}
        </g>
      </ZIndexLayer>
      <ZIndexLayer zIndex={DefaultZIndexes.label}>
        <g className="ranking-labels" {...clickable}>
          {rows.flatMap(({ bar, centre, end }) => [
            <text
              key={`name-${bar.baseId}`}
              data-base-id={bar.baseId}
              x={plot.x - 6}
              y={centre}
              dy="0.35em"
              textAnchor="end"
              fontSize={fontSize}
              fill={CHART_COLORS.text}
            >
              {`${bar.rank}. ${bar.name}`}
            </text>,
            <text
              key={`score-${bar.baseId}`}
              data-base-id={bar.baseId}
              x={end + 4}
              y={centre}
              dy="0.35em"
              fontSize={Math.min(11, fontSize)}
              fill={CHART_COLORS.text}
              stroke="#fff"
              strokeWidth={3}
              paintOrder="stroke"
            >
              {bar.score.toFixed(1)}
              {bar.quotaMarks.length > 0 ? <tspan fill={CHART_COLORS.quota}> ◆</tspan> : null}
              {bar.isDisagreement ? <tspan fill={CHART_COLORS.disagreement}> !</tspan> : null}
            </text>,
          ])}
        </g>
      </ZIndexLayer>
    </>
  );
});

export const RankingChart = ({ data, width, rowHeight = 24, onSelectBase }: RankingChartProps) => {
  const { t } = useTranslation();
  const labels = useLabels();
  const { bars } = data;
  const byId = useMemo(() => new Map(bars.map((bar) => [bar.baseId, bar])), [bars]);
  const height = rankingChartHeight(bars.length, rowHeight);
  const legend = [
    ...GRADE_ORDER.map((grade) => ({ label: labels.gradeName(grade), color: GRADE_COLORS[grade] })),
    { label: t('dashboard.ranking.legendQuota'), color: CHART_COLORS.quota },
    { label: t('dashboard.ranking.legendDisagreement'), color: CHART_COLORS.disagreement },
  ];

  return (
    <BarChart
      layout="vertical"
      width={width}
      height={height}
      data={bars}
      margin={MARGIN}
      accessibilityLayer={false}
    >
      <SvgLegend items={legend} x={MARGIN.left + 4} y={14} />
      <CartesianGrid
        horizontal={false}
        horizontalPoints={NO_POINTS}
        strokeDasharray="3 3"
        stroke={CHART_COLORS.grid}
      />
      <XAxis
        type="number"
        orientation="top"
        domain={[0, 100]}
        allowDataOverflow
        ticks={TICKS}
        interval={0}
        tick={scoreTick}
      />
      <YAxis type="category" dataKey="baseId" hide />
      <Tooltip
        cursor={{ fill: 'rgba(22, 89, 199, 0.06)' }}
        isAnimationActive={false}
        includeHidden
        content={({ active, payload }) => {
          const bar = active ? payloadRow<RankingBar>(payload, byId) : undefined;
          if (!bar) return null;
          return (
            <TooltipBox
              title={bar.name}
              lines={[
                `${bar.hostInstitution} · ${bar.city}`,
                t('dashboard.ranking.tooltipScore', {
                  score: formatPoints(bar.score),
                  grade: labels.gradeName(bar.grade),
                }),
                t('dashboard.ranking.tooltipRank', { rank: bar.rank, of: bar.of }),
                t('dashboard.ranking.tooltipSheets', {
                  count: bar.sheets,
                  method: t(`aggregation.${bar.method}`),
                }),
                ...bar.quotaMarks.map((mark) => t(`dashboard.ranking.quotaMark.${mark}`)),
                ...(bar.isDisagreement ? [t('dashboard.disagreement')] : []),
              ]}
            />
          );
        }}
      />
      {data.thresholds.map((band) => (
        <ReferenceLine
          key={band.grade}
          x={band.minScore}
          stroke={GRADE_COLORS[band.grade]}
          strokeDasharray="5 4"
          strokeWidth={1.5}
        />
      ))}
      {/* Hidden: feeds the tooltip its row; RankingMarks draws what is seen. */}
      <Bar dataKey="score" hide isAnimationActive={false} />
      <RankingMarks bars={bars} onSelectBase={onSelectBase} />
    </BarChart>
  );
};
