// The integration flow as a Recharts Sankey (data from shared/registry/flows.ts sankeyData):
// legacy types and new approvals on the left, the nine new types in the middle, the types
// converted into, merges and revocations on the right. Node labels sit inside the SVG, so
// an exported PNG/SVG carries them; each node is a <g data-testid="sankey-node-<code>">.
import { Sankey, Tooltip } from 'recharts';
import type { SankeyLinkProps, SankeyNodeProps } from 'recharts';
import type { SankeyChartData } from '../../../../shared/registry/flows';
import { fullestColumn, layOutColumns, sankeyColumn } from './sankeyColumns';

export const SANKEY_COLORS = {
  source: '#8c8c8c',
  type: '#1659c7',
  converted: '#13a8a8',
  merged: '#722ed1',
  revoked: '#cf1322',
} as const;

/** The colour of a node by its code: its column, and what the right column means. */
export function sankeyNodeColor(code: string): string {
  if (code === 'merged') return SANKEY_COLORS.merged;
  if (code === 'revoked') return SANKEY_COLORS.revoked;
  if (code.startsWith('to:')) return SANKEY_COLORS.converted;
  return sankeyColumn(code) === 1 ? SANKEY_COLORS.type : SANKEY_COLORS.source;
}

const LINK_OPACITY = 0.3;

export const sankeyHeight = (data: SankeyChartData): number =>
  Math.max(320, fullestColumn(data) * 46 + 40);

export const FlowSankeyChart = ({
  data,
  width,
  labelOf,
}: {
  data: SankeyChartData;
  width: number;
  /** The label of a node code in the UI language. */
  labelOf: (code: string) => string;
}) => {
  const laidOut = layOutColumns(data);
  // Node names are the UI language's (the tooltip shows them); a 'via' node is named after
  // where its band ends, so the tooltip of a band reads "重点实验室 - 撤销".
  const shown = {
    nodes: laidOut.nodes.map((node) => ({
      ...node,
      name:
        node.role === 'node'
          ? labelOf(node.code)
          : node.role === 'via'
            ? labelOf(node.code.slice(node.code.indexOf('>') + 1))
            : '',
    })),
    links: laidOut.links.map(({ source, target, value }) => ({ source, target, value })),
  };
  const renderNode = (props: SankeyNodeProps) => {
    const { x, y, width: nodeWidth, height, index, payload } = props;
    const node = laidOut.nodes[index];
    if (node === undefined || node.role === 'pad') return <g />;
    if (node.role === 'via') {
      const tone = node.code.slice(node.code.indexOf('>') + 1);
      return (
        <rect
          x={x}
          y={y}
          width={nodeWidth}
          height={height}
          fill={sankeyNodeColor(tone)}
          fillOpacity={LINK_OPACITY}
        />
      );
    }
    const labelRight = sankeyColumn(node.code) < 2;
    const value = typeof payload.value === 'number' ? payload.value : 0;
    return (
      <g data-testid={`sankey-node-${node.code}`} className="registry-sankey-node">
        <rect x={x} y={y} width={nodeWidth} height={height} fill={sankeyNodeColor(node.code)} />
        <text
          x={labelRight ? x + nodeWidth + 6 : x - 6}
          y={y + height / 2}
          textAnchor={labelRight ? 'start' : 'end'}
          dominantBaseline="middle"
          fontSize={12}
          fill="#262626"
          stroke="#ffffff"
          strokeWidth={3}
          paintOrder="stroke"
        >
          {`${labelOf(node.code)} ${String(value)}`}
        </text>
      </g>
    );
  };
  const renderLink = (props: SankeyLinkProps) => {
    const { sourceX, sourceY, targetX, targetY, sourceControlX, targetControlX, linkWidth } = props;
    const link = laidOut.links[props.index];
    return (
      <path
        className="registry-sankey-link"
        d={`M${sourceX},${sourceY}C${sourceControlX},${sourceY} ${targetControlX},${targetY} ${targetX},${targetY}`}
        fill="none"
        stroke={sankeyNodeColor(link?.tone ?? '')}
        strokeOpacity={link?.hidden === true ? 0 : LINK_OPACITY}
        strokeWidth={Math.max(1, linkWidth)}
        pointerEvents={link?.hidden === true ? 'none' : undefined}
      />
    );
  };
  return (
    <Sankey
      width={width}
      height={sankeyHeight(data)}
      data={shown}
      nameKey="name"
      align="left"
      nodeWidth={12}
      nodePadding={20}
      margin={{ top: 12, right: 8, bottom: 12, left: 8 }}
      node={renderNode}
      link={renderLink}
      accessibilityLayer={false}
    >
      <Tooltip isAnimationActive={false} />
    </Sankey>
  );
};
