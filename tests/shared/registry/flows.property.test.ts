import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BASE_TYPE_CODES, LEGACY_TYPES } from '../../../shared/domain/taxonomy';
import { sankeyData } from '../../../shared/registry/flows';
import type { RegistryFlow } from '../../../shared/registry/types';

const fromArb = fc.constantFrom<RegistryFlow['from']>(
  'new',
  ...LEGACY_TYPES.map((legacy) => legacy.code),
  ...BASE_TYPE_CODES,
);
const toArb = fc.constantFrom<RegistryFlow['to']>(...BASE_TYPE_CODES, 'merged', 'revoked');

const flowsArb = fc.array(
  fc.record({
    year: fc.integer({ min: 2019, max: 2030 }),
    from: fromArb,
    to: toArb,
    count: fc.integer({ min: 1, max: 50 }),
  }),
  { maxLength: 60 },
);

/** True when following links from some node can come back to it. */
function hasCycle(nodeCount: number, links: readonly { source: number; target: number }[]) {
  const state = new Array<0 | 1 | 2>(nodeCount).fill(0);
  const visit = (node: number): boolean => {
    if (state[node] === 1) return true;
    if (state[node] === 2) return false;
    state[node] = 1;
    for (const link of links) if (link.source === node && visit(link.target)) return true;
    state[node] = 2;
    return false;
  };
  return [...Array(nodeCount).keys()].some(visit);
}

describe('sankeyData properties', () => {
  it('never has a cycle, a self-link or a link to a missing node, whatever the flows', () => {
    fc.assert(
      fc.property(flowsArb, (flows) => {
        const data = sankeyData(flows);
        expect(hasCycle(data.nodes.length, data.links)).toBe(false);
        for (const link of data.links) {
          expect(link.source).not.toBe(link.target);
          expect(data.nodes[link.source]).toBeDefined();
          expect(data.nodes[link.target]).toBeDefined();
        }
        expect(new Set(data.nodes.map((node) => node.code)).size).toBe(data.nodes.length);
      }),
    );
  });

  it('the links carry every base of the years chosen, and no other', () => {
    fc.assert(
      fc.property(
        flowsArb,
        fc.integer({ min: 2019, max: 2030 }),
        fc.integer({ min: 0, max: 5 }),
        (flows, from, span) => {
          const to = from + span;
          const data = sankeyData(flows, { from, to });
          const inRange = flows.filter((flow) => flow.year >= from && flow.year <= to);
          const expected = inRange.reduce((sum, flow) => sum + flow.count, 0);
          expect(data.links.reduce((sum, link) => sum + link.value, 0)).toBe(expected);
        },
      ),
    );
  });
});
