// Keeps the Sankey in its three columns. Recharts places a node at the length of the longest
// path to it (align 'left'), so a link that skips the middle column (a legacy base revoked or
// merged before its 纳入) would pull 撤销 into the middle, and a new type without inflow in the
// years shown (a base first seen in a periodic round, then revoked) would sit on the left.
// The classic remedy of layered Sankey layouts: virtual nodes. A skipping link passes through
// a 'via' node in the middle column (drawn as part of the band), and a middle node without
// inflow gets an invisible 'pad' node on the left. Real nodes keep their indices first.
import type { SankeyChartData } from '../../../../shared/registry/flows';

export type SankeyColumn = 0 | 1 | 2;

export type LaidOutNode = { name: string; code: string; role: 'node' | 'via' | 'pad' };

export type LaidOutLink = {
  source: number;
  target: number;
  value: number;
  /** The code whose colour the band takes: where the flow ends. */
  tone: string;
  /** Drawn invisibly (the link from a pad node). */
  hidden: boolean;
};

export type LaidOutSankey = { nodes: LaidOutNode[]; links: LaidOutLink[] };

export function sankeyColumn(code: string): SankeyColumn {
  if (code.startsWith('to:') || code === 'merged' || code === 'revoked') return 2;
  return /^[ABC][1-5]$/u.test(code) ? 1 : 0;
}

export function layOutColumns(data: SankeyChartData): LaidOutSankey {
  const nodes: LaidOutNode[] = data.nodes.map((node) => ({ ...node, role: 'node' }));
  const links: LaidOutLink[] = [];
  const codeOf = (index: number): string => data.nodes[index]?.code ?? '';
  const add = (node: LaidOutNode): number => nodes.push(node) - 1;
  for (const link of data.links) {
    const from = codeOf(link.source);
    const to = codeOf(link.target);
    if (sankeyColumn(from) === 0 && sankeyColumn(to) === 2) {
      const via = add({ name: '', code: `via:${from}>${to}`, role: 'via' });
      links.push({ source: link.source, target: via, value: link.value, tone: to, hidden: false });
      links.push({ source: via, target: link.target, value: link.value, tone: to, hidden: false });
    } else {
      links.push({ ...link, tone: to, hidden: false });
    }
  }
  data.nodes.forEach((node, index) => {
    if (sankeyColumn(node.code) !== 1) return;
    if (data.links.some((link) => link.target === index)) return;
    const out = data.links
      .filter((link) => link.source === index)
      .reduce((sum, link) => sum + link.value, 0);
    const pad = add({ name: '', code: `pad:${node.code}`, role: 'pad' });
    links.push({ source: pad, target: index, value: out, tone: node.code, hidden: true });
  });
  return { nodes, links };
}

/** Real nodes in the fullest column: the chart grows taller with them. */
export function fullestColumn(data: SankeyChartData): number {
  const counts = [0, 0, 0];
  for (const node of data.nodes) {
    const column = sankeyColumn(node.code);
    counts[column] = (counts[column] ?? 0) + 1;
  }
  return Math.max(...counts);
}
