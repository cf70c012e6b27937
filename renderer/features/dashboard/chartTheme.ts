// Colours, sizes and number formats shared by the dashboard's charts. Grade colours are the
// app's (useLabels), so a bar, a tag and a table cell of the same grade look the same.
import { GRADE_COLORS } from '../../app/hooks/useLabels';
import type { GradeCode } from '../../../shared/domain/types';

export { GRADE_COLORS };

export const CHART_COLORS = {
  base: '#1659c7',
  typeAverage: '#8c8c8c',
  expert: '#fa8c16',
  box: '#91caff',
  boxDisagreement: '#ffccc7',
  disagreement: '#cf1322',
  quota: '#722ed1',
  band: '#d9f7be',
  lenient: '#cf1322',
  strict: '#1659c7',
  normal: '#bfbfbf',
  unchanged: '#d9d9d9',
  rankChanged: '#69b1ff',
  gradeChanged: '#fa541c',
  grid: '#f0f0f0',
  text: '#262626',
  muted: '#8c8c8c',
} as const;

export const UNSCORED_COLOR = '#bfbfbf';

export function gradeColor(grade: GradeCode | null): string {
  return grade ? GRADE_COLORS[grade] : UNSCORED_COLOR;
}

/** Font size of axis labels: readable on a 1366×768 laptop and a projector. */
export const TICK_FONT_SIZE = 12;

/** Width reserved for full base names on a category axis. */
export const NAME_AXIS_WIDTH = 290;

export const formatPoints = (value: number | null | undefined, digits = 2): string =>
  value === null || value === undefined || !Number.isFinite(value) ? '—' : value.toFixed(digits);

export const formatPercent = (share: number | null | undefined, digits = 0): string =>
  share === null || share === undefined || !Number.isFinite(share)
    ? '—'
    : `${(share * 100).toFixed(digits)}%`;

export const formatSigned = (value: number, digits = 1): string =>
  `${value > 0 ? '+' : value < 0 ? '−' : ''}${Math.abs(value).toFixed(digits)}`;

/** Round tick values from `low` to `high` every `step` (both ends included when on a step). */
export function stepTicks(low: number, high: number, step: number): number[] {
  const ticks: number[] = [];
  for (let value = Math.ceil(low / step) * step; value <= high + 1e-9; value += step)
    ticks.push(value);
  return ticks;
}

/** A mean score mapped to a background colour for the city × type table (red → green). */
export function scoreBackground(score: number | null): string {
  if (score === null) return 'transparent';
  const clamped = Math.min(95, Math.max(55, score));
  const hue = ((clamped - 55) / 40) * 120; // 55 → red (0°), 95 → green (120°)
  return `hsl(${hue.toFixed(0)}, 70%, 88%)`;
}
