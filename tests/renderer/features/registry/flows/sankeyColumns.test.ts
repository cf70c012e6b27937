import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  layOutColumns,
  sankeyColumn,
} from '../../../../../renderer/features/registry/flows/sankeyColumns';
import type { LaidOutSankey } from '../../../../../renderer/features/registry/flows/sankeyColumns';
import { BASE_TYPE_CODES, LEGACY_TYPES } from '../../../../../shared/domain/taxonomy';
import { sankeyData } from '../../../../../shared/registry/flows';
import type { RegistryFlow } from '../../../../../shared/registry/types';

/** Recharts' column of each node with align 'left': the longest path from a source. */
function depths({ nodes, links }: LaidOutSankey): number[] {
  const depth = nodes.map(() => 0);
  for (let pass = 0; pass < nodes.length; pass += 1) {
    for (const link of links) {
      depth[link.target] = Math.max(depth[link.target] ?? 0, (depth[link.source] ?? 0) + 1);
    }
  }
  return depth;
}

const flow = (from: RegistryFlow['from'], to: RegistryFlow['to'], count = 1): RegistryFlow => ({
  year: 2020,
  from,
  to,
  count,
});

describe('layOutColumns', () => {
  it('routes a legacy base revoked before inclusion through the middle column', () => {
    const laidOut = layOutColumns(
      sankeyData([flow('keyLaboratory', 'A1'), flow('keyLaboratory', 'revoked', 2)]),
    );
    const codes = laidOut.nodes.map((node) => node.code);
    expect(codes).toEqual(['keyLaboratory', 'A1', 'revoked', 'via:keyLaboratory>revoked']);
    expect(depths(laidOut)).toEqual([0, 1, 2, 1]);
    expect(laidOut.links.filter((link) => link.tone === 'revoked').map((l) => l.value)).toEqual([
      2, 2,
    ]);
  });

  it('keeps a new type without inflow in the middle with an invisible pad', () => {
    const laidOut = layOutColumns(sankeyData([flow('B4', 'revoked', 3)]));
    expect(laidOut.nodes.map((node) => [node.code, node.role])).toEqual([
      ['B4', 'node'],
      ['revoked', 'node'],
      ['pad:B4', 'pad'],
    ]);
    expect(depths(laidOut)).toEqual([1, 2, 0]);
    expect(laidOut.links.find((link) => link.hidden)).toMatchObject({ value: 3, target: 0 });
  });

  it('puts every real node in its column, whatever the flows', () => {
    const fromArb = fc.constantFrom<RegistryFlow['from']>(
      'new',
      ...LEGACY_TYPES.map((legacy) => legacy.code),
      ...BASE_TYPE_CODES,
    );
    const toArb = fc.constantFrom<RegistryFlow['to']>(...BASE_TYPE_CODES, 'merged', 'revoked');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fromArb, toArb, fc.integer({ min: 1, max: 9 })), { maxLength: 40 }),
        (raw) => {
          const laidOut = layOutColumns(sankeyData(raw.map(([f, t, n]) => flow(f, t, n))));
          const depth = depths(laidOut);
          laidOut.nodes.forEach((node, index) => {
            if (node.role === 'node') expect(depth[index], node.code).toBe(sankeyColumn(node.code));
          });
        },
      ),
    );
  });
});
