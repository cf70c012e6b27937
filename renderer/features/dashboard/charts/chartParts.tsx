// Small pieces the dashboard's charts share: the tooltip box, an in-SVG legend (so exported
// images carry their key), and the lookup from a tooltip payload back to the chart's row.
import type { ReactNode } from 'react';
import { CHART_COLORS, TICK_FONT_SIZE } from '../chartTheme';

/** The row a tooltip is about: its entries' `payload` is the data object that was drawn. */
export function payloadRow<T>(
  payload: readonly { payload?: unknown }[] | undefined,
  byId: ReadonlyMap<string, T>,
  idKey = 'baseId',
): T | undefined {
  for (const entry of payload ?? []) {
    const data = entry.payload;
    if (typeof data === 'object' && data !== null && idKey in data) {
      const id: unknown = Reflect.get(data, idKey);
      const row = typeof id === 'string' ? byId.get(id) : undefined;
      if (row) return row;
    }
  }
  return undefined;
}

export const TooltipBox = ({ title, lines }: { title: string; lines: ReactNode[] }) => (
  <div
    style={{
      background: '#fff',
      border: '1px solid #d9d9d9',
      borderRadius: 6,
      padding: '8px 12px',
      boxShadow: '0 2px 8px rgba(0,0,0,0.12)',
      maxWidth: 380,
      fontSize: 13,
      lineHeight: 1.6,
    }}
  >
    <div style={{ fontWeight: 600, marginBottom: 4 }}>{title}</div>
    {lines.map((line, i) => (
      <div key={i}>{line}</div>
    ))}
  </div>
);

export type LegendItem = {
  label: string;
  color: string;
  shape?: 'square' | 'circle' | 'line' | 'dashed';
};

/** Approximate text width at 12px: CJK characters are square, others about half. */
function textWidth(text: string): number {
  let width = 0;
  for (const char of text) width += char.charCodeAt(0) > 0x2e80 ? 12 : 7;
  return width;
}

/** A one-line legend drawn inside the chart's SVG at (x, y). */
export const SvgLegend = ({ items, x, y }: { items: LegendItem[]; x: number; y: number }) => {
  const offsets = items.reduce<number[]>(
    (acc, item, i) => [
      ...acc,
      (acc[i - 1] ?? 0) + (i === 0 ? 0 : textWidth(items[i - 1]?.label ?? '') + 34),
    ],
    [],
  );
  return (
    <g transform={`translate(${x}, ${y})`} className="chart-legend">
      {items.map((item, i) => {
        const at = offsets[i] ?? 0;
        const marker =
          item.shape === 'circle' ? (
            <circle cx={6} cy={0} r={5} fill={item.color} />
          ) : item.shape === 'line' || item.shape === 'dashed' ? (
            <line
              x1={0}
              x2={14}
              y1={0}
              y2={0}
              stroke={item.color}
              strokeWidth={2}
              strokeDasharray={item.shape === 'dashed' ? '4 3' : undefined}
            />
          ) : (
            <rect x={0} y={-6} width={12} height={12} fill={item.color} />
          );
        return (
          <g key={item.label} transform={`translate(${at}, 0)`}>
            {marker}
            <text x={20} y={4} fontSize={12} fill={CHART_COLORS.text}>
              {item.label}
            </text>
          </g>
        );
      })}
    </g>
  );
};

export type TickProps = { x?: number | string; y?: number | string; payload?: { value?: unknown } };

/**
 * A category-axis label on one line (Recharts' default tick wraps at the axis width, which
 * splits long Chinese names over two rows): `text(value)` gives the label, `style` its
 * colour and weight. Returns a render function (Recharts calls it; no component identity).
 */
export function lineTick(
  text: (value: unknown) => string,
  style: (value: unknown) => { fill?: string; fontWeight?: number } = () => ({}),
) {
  return (props: TickProps) => {
    const value = props.payload?.value;
    const { fill = CHART_COLORS.text, fontWeight = 400 } = style(value);
    return (
      <text
        x={Number(props.x)}
        y={Number(props.y)}
        dy={4}
        textAnchor="end"
        fontSize={TICK_FONT_SIZE}
        fill={fill}
        fontWeight={fontWeight}
      >
        {text(value)}
      </text>
    );
  };
}
