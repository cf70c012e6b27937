// A base's aggregate in each round it was evaluated in (each under that round's own rule),
// with the default grade lines, each point coloured by the grade of that round and
// labelled with the score and the secretariat's decision.
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { HistoryPoint } from '../../../../shared/charts/history';
import { DEFAULT_GRADE_BANDS } from '../../../../shared/domain/grading';
import { DISPOSITIONS } from '../../../../shared/domain/taxonomy';
import { useLabels } from '../../../app/hooks/useLabels';
import {
  CHART_COLORS,
  GRADE_COLORS,
  TICK_FONT_SIZE,
  formatPoints,
  gradeColor,
  stepTicks,
} from '../chartTheme';
import { SvgLegend, TooltipBox, payloadRow } from './chartParts';

type DotProps = { cx?: number; cy?: number; index?: number };

export const HistoryChart = ({
  points,
  width,
}: {
  points: readonly HistoryPoint[];
  width: number;
}) => {
  const { t } = useTranslation();
  const labels = useLabels();
  const data = points.map((point) => ({ ...point, label: `${point.year}` }));
  const byId = new Map(data.map((point) => [point.roundId, point]));
  const decisionName = (point: HistoryPoint) => {
    const info = DISPOSITIONS.find((d) => d.code === point.decision);
    return info ? (labels.isEnglish ? info.nameEn : info.nameZh) : '';
  };
  const scores = points.map((point) => point.aggregate ?? 100);
  const low = Math.max(0, Math.floor((Math.min(60, ...scores) - 10) / 10) * 10);
  return (
    <LineChart
      width={width}
      height={340}
      data={data}
      margin={{ top: 48, right: 60, bottom: 8, left: 8 }}
      accessibilityLayer={false}
    >
      <SvgLegend
        x={12}
        y={14}
        items={[
          { label: t('dashboard.history.legendScore'), color: CHART_COLORS.base, shape: 'line' },
          {
            label: t('dashboard.history.legendGrades'),
            color: CHART_COLORS.muted,
            shape: 'dashed',
          },
        ]}
      />
      <CartesianGrid strokeDasharray="3 3" stroke={CHART_COLORS.grid} />
      <XAxis
        dataKey="label"
        tick={{ fontSize: TICK_FONT_SIZE }}
        padding={{ left: 60, right: 60 }}
      />
      <YAxis
        domain={[low, 100]}
        ticks={stepTicks(low, 100, 10)}
        tick={{ fontSize: TICK_FONT_SIZE }}
        width={40}
      />
      {DEFAULT_GRADE_BANDS.filter((band) => band.minScore > 0).map((band) => (
        <ReferenceLine
          key={band.grade}
          y={band.minScore}
          stroke={GRADE_COLORS[band.grade]}
          strokeDasharray="5 4"
          label={{
            value: `${labels.gradeName(band.grade)} ${band.minScore}`,
            position: 'right',
            fontSize: 11,
            fill: GRADE_COLORS[band.grade],
          }}
        />
      ))}
      <Tooltip
        isAnimationActive={false}
        content={({ active, payload }) => {
          const point = active ? payloadRow(payload, byId, 'roundId') : undefined;
          if (!point) return null;
          return (
            <TooltipBox
              title={point.roundName}
              lines={[
                point.name,
                t('dashboard.history.tooltipScore', {
                  score: formatPoints(point.aggregate),
                  grade: labels.gradeName(point.grade),
                  method: t(`aggregation.${point.method}`),
                }),
                point.rankInType === null
                  ? ''
                  : t('dashboard.ranking.tooltipRank', {
                      rank: point.rankInType,
                      of: point.typeCount,
                    }),
                point.decision
                  ? t('dashboard.history.decision', { decision: decisionName(point) })
                  : '',
              ].filter((line) => line !== '')}
            />
          );
        }}
      />
      <Line
        dataKey="aggregate"
        stroke={CHART_COLORS.base}
        strokeWidth={2}
        isAnimationActive={false}
        connectNulls
        dot={(props: DotProps) => {
          const point = props.index === undefined ? undefined : data[props.index];
          if (!point || props.cx === undefined || props.cy === undefined) {
            return <g key={`dot-${props.index ?? 'none'}`} />;
          }
          return (
            <g key={point.roundId} className="history-point">
              <circle
                cx={props.cx}
                cy={props.cy}
                r={6}
                fill={gradeColor(point.grade)}
                stroke="#fff"
                strokeWidth={2}
              />
              <text
                x={props.cx}
                y={props.cy - 12}
                textAnchor="middle"
                fontSize={12}
                fill={CHART_COLORS.text}
              >
                {`${formatPoints(point.aggregate, 1)} ${labels.gradeName(point.grade)}`}
              </text>
              {point.decision ? (
                <text
                  x={props.cx}
                  y={props.cy + 22}
                  textAnchor="middle"
                  fontSize={11}
                  fill={CHART_COLORS.muted}
                >
                  {decisionName(point)}
                </text>
              ) : null}
            </g>
          );
        }}
      />
    </LineChart>
  );
};
