// Slope chart of ranks under mean → trimmed mean → z-score: one line per base, rank 1 at the
// top, each dot coloured by the grade the base gets under that method. Lines of bases whose
// grade depends on the method are thick and orange; bases that only move rank are blue.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Line, LineChart, XAxis, YAxis } from 'recharts';
import type { MethodComparisonData, MethodRow } from '../../../../shared/charts/methodComparison';
import { CHART_COLORS, GRADE_COLORS, TICK_FONT_SIZE } from '../chartTheme';
import { SvgLegend } from './chartParts';

const SIDE = 270;
const MARGIN = { top: 60, right: SIDE, bottom: 16, left: SIDE };

const lineColor = (row: MethodRow): string =>
  row.changesGrade
    ? CHART_COLORS.gradeChanged
    : row.rankShift > 0
      ? CHART_COLORS.rankChanged
      : CHART_COLORS.unchanged;

type PointProps = { cx?: number; cy?: number; index?: number };
type LabelProps = { index?: number; x?: number | string; y?: number | string };

/** Names longer than the side margin are shortened with an ellipsis (full name in the table). */
const fit = (text: string, max = 19) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export const MethodSlopeChart = ({
  data,
  width,
  rowHeight = 22,
}: {
  data: MethodComparisonData;
  width: number;
  rowHeight?: number;
}) => {
  const { t } = useTranslation();
  const { rows, methods } = data;
  const points = useMemo(
    () =>
      methods.map((method) => ({
        method,
        label: t(`dashboard.methods.short.${method}`),
        ...Object.fromEntries(rows.map((row) => [row.baseId, row.ranks[method]])),
      })),
    [methods, rows, t],
  );
  // Tied bases share a rank (and a dot); their labels step down into the ranks the tie
  // skipped (competition ranking: 10, 10, 12), so no two labels overlap.
  const tieOffsets = useMemo(() => {
    const offsets = new Map<string, number>();
    for (const method of methods) {
      const seen = new Map<number, number>();
      const ordered = [...rows].sort(
        (a, b) =>
          a.ranks[method] - b.ranks[method] || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
      );
      for (const row of ordered) {
        const before = seen.get(row.ranks[method]) ?? 0;
        seen.set(row.ranks[method], before + 1);
        offsets.set(`${row.baseId}|${method}`, before);
      }
    }
    return offsets;
  }, [methods, rows]);
  const of = Math.max(1, data.of);
  // The top X axis takes 30 px (Recharts default), so each rank gets exactly rowHeight.
  const height = of * rowHeight + MARGIN.top + MARGIN.bottom + 30;
  const last = methods.length - 1;

  return (
    <LineChart
      width={width}
      height={height}
      data={points}
      margin={MARGIN}
      accessibilityLayer={false}
    >
      <SvgLegend
        x={12}
        y={14}
        items={[
          {
            label: t('dashboard.methods.legendGrade'),
            color: CHART_COLORS.gradeChanged,
            shape: 'line',
          },
          {
            label: t('dashboard.methods.legendRank'),
            color: CHART_COLORS.rankChanged,
            shape: 'line',
          },
          {
            label: t('dashboard.methods.legendSame'),
            color: CHART_COLORS.unchanged,
            shape: 'line',
          },
        ]}
      />
      <CartesianGrid vertical={false} horizontal={false} />
      <XAxis
        dataKey="label"
        orientation="top"
        interval={0}
        tick={{ fontSize: 13, fontWeight: 600, fill: CHART_COLORS.text }}
        tickLine={false}
        padding={{ left: 12, right: 12 }}
      />
      <YAxis type="number" domain={[0.5, of + 0.5]} reversed hide />
      {rows.map((row) => {
        const stroke = lineColor(row);
        const dot = (props: PointProps) => {
          const method = props.index === undefined ? undefined : methods[props.index];
          if (method === undefined || props.cx === undefined || props.cy === undefined) {
            return <g key={`${row.baseId}-none`} />;
          }
          return (
            <circle
              key={`${row.baseId}-${method}`}
              cx={props.cx}
              cy={props.cy}
              r={4}
              fill={GRADE_COLORS[row.grades[method]]}
              stroke="#fff"
            />
          );
        };
        const label = (props: LabelProps) => {
          const index = props.index;
          if (index !== 0 && index !== last) return null;
          const method = methods[index];
          if (method === undefined) return null;
          const isLeft = index === 0;
          return (
            <text
              x={Number(props.x) + (isLeft ? -10 : 10)}
              y={Number(props.y) + 4 + (tieOffsets.get(`${row.baseId}|${method}`) ?? 0) * rowHeight}
              textAnchor={isLeft ? 'end' : 'start'}
              fontSize={TICK_FONT_SIZE}
              fill={row.changesGrade ? CHART_COLORS.gradeChanged : CHART_COLORS.text}
              fontWeight={row.changesGrade ? 600 : 400}
            >
              {`${row.ranks[method]}. ${fit(row.name)}`}
            </text>
          );
        };
        return (
          <Line
            key={row.baseId}
            dataKey={row.baseId}
            name={row.name}
            stroke={stroke}
            strokeWidth={row.changesGrade ? 2.5 : row.rankShift > 0 ? 1.6 : 1}
            dot={dot}
            activeDot={false}
            label={label}
            isAnimationActive={false}
          />
        );
      })}
    </LineChart>
  );
};
