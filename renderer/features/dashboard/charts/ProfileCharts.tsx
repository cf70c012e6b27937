// The three pictures of one base: a radar of its secondary indicators (% of maximum) against
// the type average, grouped bars of every primary and secondary indicator, and the experts'
// totals as dots beside the aggregate and the type's mean.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Bar,
  BarChart,
  CartesianGrid,
  PolarAngleAxis,
  PolarGrid,
  PolarRadiusAxis,
  Radar,
  RadarChart,
  ReferenceLine,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { BaseProfileData, IndicatorProfileRow } from '../../../../shared/charts/baseProfile';
import { CHART_COLORS, TICK_FONT_SIZE, formatPoints, stepTicks } from '../chartTheme';
import { SvgLegend, TooltipBox, payloadRow } from './chartParts';

const percentText = (value: number | null) => (value === null ? '—' : `${value.toFixed(0)}%`);

export const ProfileRadar = ({ profile, width }: { profile: BaseProfileData; width: number }) => {
  const { t } = useTranslation();
  const data = profile.secondaries.map((row) => ({
    id: row.indicatorId,
    name: row.name,
    base: row.basePercent ?? 0,
    type: row.typePercent ?? 0,
  }));
  const height = Math.max(360, Math.min(480, width * 0.8));
  return (
    <RadarChart
      width={width}
      height={height}
      data={data}
      outerRadius={Math.min(width, height) / 2 - 90}
      margin={{ top: 36, right: 16, bottom: 8, left: 16 }}
    >
      <SvgLegend
        x={16}
        y={14}
        items={[
          { label: t('dashboard.profile.thisBase'), color: CHART_COLORS.base },
          {
            label: t('dashboard.profile.typeAverage'),
            color: CHART_COLORS.typeAverage,
            shape: 'dashed',
          },
        ]}
      />
      <PolarGrid />
      <PolarAngleAxis dataKey="name" tick={{ fontSize: 11, fill: CHART_COLORS.text }} />
      <PolarRadiusAxis domain={[0, 100]} tickCount={6} angle={90} tick={{ fontSize: 10 }} />
      <Radar
        name={t('dashboard.profile.typeAverage')}
        dataKey="type"
        stroke={CHART_COLORS.typeAverage}
        strokeDasharray="5 4"
        fill={CHART_COLORS.typeAverage}
        fillOpacity={0.08}
        isAnimationActive={false}
      />
      <Radar
        name={t('dashboard.profile.thisBase')}
        dataKey="base"
        stroke={CHART_COLORS.base}
        fill={CHART_COLORS.base}
        fillOpacity={0.25}
        isAnimationActive={false}
      />
      <Tooltip formatter={(value) => (typeof value === 'number' ? `${value.toFixed(1)}%` : '')} />
    </RadarChart>
  );
};

type IndicatorBarRow = IndicatorProfileRow & {
  label: string;
  base: number | null;
  type: number | null;
};

export const ProfileBars = ({ profile, width }: { profile: BaseProfileData; width: number }) => {
  const { t } = useTranslation();
  const rows: IndicatorBarRow[] = useMemo(
    () =>
      profile.primaries
        .flatMap((primary) => [
          primary,
          ...profile.secondaries.filter((row) => row.primaryId === primary.indicatorId),
        ])
        .map((row) => ({
          ...row,
          label: row.level === 'primary' ? `【${row.name}】` : `· ${row.name}`,
          base: row.basePercent,
          type: row.typePercent,
        })),
    [profile],
  );
  const byId = new Map(rows.map((row) => [row.indicatorId, row]));
  const height = rows.length * 34 + 70;
  return (
    <BarChart
      layout="vertical"
      width={width}
      height={height}
      data={rows}
      margin={{ top: 40, right: 48, bottom: 8, left: 8 }}
      barGap={1}
      barCategoryGap="20%"
      accessibilityLayer={false}
    >
      <SvgLegend
        x={12}
        y={14}
        items={[
          { label: t('dashboard.profile.thisBase'), color: CHART_COLORS.base },
          { label: t('dashboard.profile.typeAverage'), color: CHART_COLORS.typeAverage },
        ]}
      />
      <CartesianGrid horizontal={false} strokeDasharray="3 3" stroke={CHART_COLORS.grid} />
      <XAxis
        type="number"
        orientation="top"
        domain={[0, 100]}
        unit="%"
        tick={{ fontSize: TICK_FONT_SIZE }}
      />
      <YAxis
        type="category"
        dataKey="indicatorId"
        width={230}
        interval={0}
        tick={{ fontSize: TICK_FONT_SIZE, fill: CHART_COLORS.text }}
        tickFormatter={(id: unknown) => (typeof id === 'string' ? (byId.get(id)?.label ?? id) : '')}
      />
      <Tooltip
        isAnimationActive={false}
        content={({ active, payload }) => {
          const row = active ? payloadRow(payload, byId, 'indicatorId') : undefined;
          if (!row) return null;
          return (
            <TooltipBox
              title={row.name}
              lines={[
                t('dashboard.profile.tooltipBase', {
                  points: formatPoints(row.basePoints, 2),
                  max: row.maxPoints,
                  percent: percentText(row.basePercent),
                }),
                t('dashboard.profile.tooltipType', {
                  percent: percentText(row.typePercent),
                  count: row.typeBases,
                }),
              ]}
            />
          );
        }}
      />
      <Bar
        dataKey="base"
        name={t('dashboard.profile.thisBase')}
        fill={CHART_COLORS.base}
        isAnimationActive={false}
      />
      <Bar
        dataKey="type"
        name={t('dashboard.profile.typeAverage')}
        fill={CHART_COLORS.typeAverage}
        isAnimationActive={false}
      />
    </BarChart>
  );
};

export const ExpertDots = ({ profile, width }: { profile: BaseProfileData; width: number }) => {
  const { t } = useTranslation();
  const dots = profile.expertTotals.map((dot) => ({ ...dot, row: dot.expertId }));
  const byId = new Map(dots.map((dot) => [dot.expertId, dot]));
  const values = [...dots.map((dot) => dot.total), profile.typeMeanAggregate ?? 100];
  const low = Math.max(0, Math.floor((Math.min(...values) - 5) / 10) * 10);
  const height = Math.max(200, dots.length * 32 + 90);
  return (
    <ScatterChart
      width={width}
      height={height}
      margin={{ top: 40, right: 24, bottom: 8, left: 8 }}
      accessibilityLayer={false}
    >
      <SvgLegend
        x={12}
        y={14}
        items={[
          {
            label: t('dashboard.profile.expertTotal'),
            color: CHART_COLORS.expert,
            shape: 'circle',
          },
          { label: t('dashboard.profile.aggregate'), color: CHART_COLORS.base, shape: 'line' },
          {
            label: t('dashboard.profile.typeMean'),
            color: CHART_COLORS.typeAverage,
            shape: 'dashed',
          },
        ]}
      />
      <CartesianGrid strokeDasharray="3 3" stroke={CHART_COLORS.grid} />
      <XAxis
        type="number"
        dataKey="total"
        orientation="top"
        domain={[low, 100]}
        ticks={stepTicks(low, 100, 5)}
        tick={{ fontSize: TICK_FONT_SIZE }}
      />
      <YAxis
        type="category"
        dataKey="row"
        width={90}
        interval={0}
        tick={{ fontSize: TICK_FONT_SIZE, fill: CHART_COLORS.text }}
        tickFormatter={(id: unknown) =>
          typeof id === 'string' ? (byId.get(id)?.expertName ?? id) : ''
        }
      />
      {profile.aggregate === null ? null : (
        <ReferenceLine x={profile.aggregate} stroke={CHART_COLORS.base} strokeWidth={2} />
      )}
      {profile.typeMeanAggregate === null ? null : (
        <ReferenceLine
          x={profile.typeMeanAggregate}
          stroke={CHART_COLORS.typeAverage}
          strokeDasharray="5 4"
        />
      )}
      <Tooltip
        isAnimationActive={false}
        cursor={false}
        content={({ active, payload }) => {
          const dot = active ? payloadRow(payload, byId, 'expertId') : undefined;
          return dot ? (
            <TooltipBox
              title={dot.expertName}
              lines={[t('dashboard.profile.tooltipExpert', { total: formatPoints(dot.total, 1) })]}
            />
          ) : null;
        }}
      />
      <Scatter
        data={dots}
        fill={CHART_COLORS.expert}
        isAnimationActive={false}
        className="profile-expert-dots"
      />
    </ScatterChart>
  );
};
