import { describe, expect, it } from 'vitest';
import { registryFlows, sankeyData, yearTypeCounts } from '../../../shared/registry/flows';
import type { RegistryEvent } from '../../../shared/registry/types';
import { registryBase, registryState } from '../../helpers/fundingBuilders';

// Three years of a department's registry, worked by hand:
// 2020  批建 N1 (B4) and N2 (B2). Integration round R1 sees four legacy bases:
//       L1 重点实验室 → 纳入 A1; L2 工程实验室 → 纳入 B1; L3 工程研究中心 → 撤销;
//       L4 临床医学研究中心 (plan: B5) → 限期整改, still legacy.
// 2021  R2: L2 转 B1 → B4; N1 合并 (into L2); L4 纳入 B5; N2 限期整改.
// 2022  R3: L2 转 B4 → B1 (back: the Sankey must still have no cycle); N2 撤销.
// Some events leave `from` out: the position comes from the events before them.
const events: RegistryEvent[] = [
  { year: 2020, code: 'N1', kind: 'entered', to: 'B4' },
  { year: 2020, code: 'N2', kind: 'entered', to: 'B2' },
  { year: 2020, code: 'L1', kind: 'entered', roundId: 'R1', from: 'keyLaboratory', to: 'A1' },
  {
    year: 2020,
    code: 'L2',
    kind: 'entered',
    roundId: 'R1',
    from: 'engineeringLaboratory',
    to: 'B1',
  },
  {
    year: 2020,
    code: 'L3',
    kind: 'entered',
    roundId: 'R1',
    from: 'engineeringResearchCenter',
    to: 'B1',
  },
  {
    year: 2020,
    code: 'L4',
    kind: 'entered',
    roundId: 'R1',
    from: 'clinicalResearchCenter',
    to: 'B5',
  },
  { year: 2020, code: 'L1', kind: 'included', roundId: 'R1', from: 'keyLaboratory', to: 'A1' },
  { year: 2020, code: 'L2', kind: 'included', roundId: 'R1', to: 'B1' },
  { year: 2020, code: 'L3', kind: 'revoked', roundId: 'R1' },
  { year: 2020, code: 'L4', kind: 'rectifying', roundId: 'R1' },
  { year: 2021, code: 'L2', kind: 'converted', roundId: 'R2', from: 'B1', to: 'B4' },
  { year: 2021, code: 'N1', kind: 'merged', roundId: 'R2' },
  { year: 2021, code: 'L4', kind: 'included', roundId: 'R2', to: 'B5' },
  { year: 2021, code: 'N2', kind: 'rectifying', roundId: 'R2' },
  { year: 2022, code: 'L2', kind: 'converted', roundId: 'R3', from: 'B4', to: 'B1' },
  { year: 2022, code: 'N2', kind: 'revoked', roundId: 'R3' },
];

const state = registryState(
  [
    registryBase('L1', 'A1', { previousType: 'keyLaboratory' }),
    registryBase('L2', 'B1', { previousType: 'B4' }),
    registryBase('L3', 'B1', { legacyType: 'engineeringResearchCenter', status: 'revoked' }),
    registryBase('L4', 'B5', { previousType: 'clinicalResearchCenter' }),
    registryBase('N1', 'B4', { status: 'merged', mergedInto: 'L2' }),
    registryBase('N2', 'B2', { status: 'revoked' }),
  ],
  events,
);

describe('registryFlows', () => {
  it('counts approvals from "new", 纳入 from the legacy type, 转 between types, exits to revoked/merged', () => {
    expect(registryFlows(state)).toEqual([
      { year: 2020, from: 'new', to: 'B2', count: 1 },
      { year: 2020, from: 'new', to: 'B4', count: 1 },
      { year: 2020, from: 'keyLaboratory', to: 'A1', count: 1 },
      { year: 2020, from: 'engineeringResearchCenter', to: 'revoked', count: 1 },
      { year: 2020, from: 'engineeringLaboratory', to: 'B1', count: 1 },
      { year: 2021, from: 'clinicalResearchCenter', to: 'B5', count: 1 },
      { year: 2021, from: 'B1', to: 'B4', count: 1 },
      { year: 2021, from: 'B4', to: 'merged', count: 1 },
      { year: 2022, from: 'B2', to: 'revoked', count: 1 },
      { year: 2022, from: 'B4', to: 'B1', count: 1 },
    ]);
  });

  it('adds up bases that move the same way in the same year', () => {
    const twoLabs = registryState(
      [registryBase('X1', 'A1'), registryBase('X2', 'A1')],
      ['X1', 'X2'].flatMap((code): RegistryEvent[] => [
        { year: 2020, code, kind: 'entered', roundId: 'R', from: 'keyLaboratory', to: 'A1' },
        { year: 2020, code, kind: 'included', roundId: 'R', from: 'keyLaboratory', to: 'A1' },
      ]),
    );
    expect(registryFlows(twoLabs)).toEqual([
      { year: 2020, from: 'keyLaboratory', to: 'A1', count: 2 },
    ]);
  });

  it('has no flows for an empty registry', () => {
    expect(registryFlows(registryState([], []))).toEqual([]);
    expect(yearTypeCounts(registryState([], []))).toEqual([]);
  });
});

describe('yearTypeCounts', () => {
  const row = (year: number, type: string, counts: Record<string, number>) => ({
    year,
    type,
    entered: 0,
    included: 0,
    converted: 0,
    rectifying: 0,
    merged: 0,
    revoked: 0,
    active: 0,
    ...counts,
  });

  it('counts each event under its type and the bases on the list at each year end', () => {
    expect(yearTypeCounts(state)).toEqual([
      // 2020: six entered (L3 as its plan type B1); L3 revoked as a B1-bound legacy base;
      // on the list at year end: N1 B4, N2 B2, L1 A1, L2 B1, L4 B5.
      row(2020, 'A1', { entered: 1, included: 1, active: 1 }),
      row(2020, 'B1', { entered: 2, included: 1, revoked: 1, active: 1 }),
      row(2020, 'B2', { entered: 1, active: 1 }),
      row(2020, 'B4', { entered: 1, active: 1 }),
      row(2020, 'B5', { entered: 1, rectifying: 1, active: 1 }),
      // 2021: L2 leaves B1 for B4 (转出 counted under B1), N1 merged out of B4.
      row(2021, 'A1', { active: 1 }),
      row(2021, 'B1', { converted: 1 }),
      row(2021, 'B2', { rectifying: 1, active: 1 }),
      row(2021, 'B4', { merged: 1, active: 1 }),
      row(2021, 'B5', { included: 1, active: 1 }),
      // 2022: L2 back from B4 to B1; N2 revoked. Left: L1, L2, L4.
      row(2022, 'A1', { active: 1 }),
      row(2022, 'B1', { active: 1 }),
      row(2022, 'B2', { revoked: 1 }),
      row(2022, 'B4', { converted: 1 }),
      row(2022, 'B5', { active: 1 }),
    ]);
  });

  it('carries the year-end list through a year without events', () => {
    const gap = registryState(
      [registryBase('N1', 'B3')],
      [
        { year: 2020, code: 'N1', kind: 'entered', to: 'B3' },
        { year: 2022, code: 'N1', kind: 'rectifying', roundId: 'R' },
      ],
    );
    expect(yearTypeCounts(gap)).toEqual([
      row(2020, 'B3', { entered: 1, active: 1 }),
      row(2021, 'B3', { active: 1 }),
      row(2022, 'B3', { rectifying: 1, active: 1 }),
    ]);
  });
});

describe('sankeyData', () => {
  const flows = registryFlows(state);
  const named = (data: ReturnType<typeof sankeyData>) =>
    data.links.map(({ source, target, value }) => [
      data.nodes[source]?.code,
      data.nodes[target]?.code,
      value,
    ]);

  it('puts the legacy types left, the new types in the middle and exits right', () => {
    const data = sankeyData(flows);
    expect(data.nodes.map((node) => node.code)).toEqual([
      'new',
      'keyLaboratory',
      'engineeringResearchCenter',
      'engineeringLaboratory',
      'clinicalResearchCenter',
      'A1',
      'B1',
      'B2',
      'B4',
      'B5',
      'to:B1',
      'to:B4',
      'merged',
      'revoked',
    ]);
    expect(data.nodes.find((node) => node.code === 'B5')?.name).toBe('省临床医学研究中心');
    expect(data.nodes.find((node) => node.code === 'to:B4')?.name).toBe('省专业技术创新中心');
    expect(data.nodes.find((node) => node.code === 'keyLaboratory')?.name).toBe('重点实验室');
    expect(named(data)).toEqual([
      ['new', 'B2', 1],
      ['new', 'B4', 1],
      ['keyLaboratory', 'A1', 1],
      ['engineeringResearchCenter', 'revoked', 1],
      ['engineeringLaboratory', 'B1', 1],
      ['clinicalResearchCenter', 'B5', 1],
      ['B1', 'to:B4', 1],
      ['B2', 'revoked', 1],
      ['B4', 'to:B1', 1],
      ['B4', 'merged', 1],
    ]);
  });

  it('keeps only the flows of the chosen years', () => {
    expect(named(sankeyData(flows, { from: 2021, to: 2021 }))).toEqual([
      ['clinicalResearchCenter', 'B5', 1],
      ['B1', 'to:B4', 1],
      ['B4', 'merged', 1],
    ]);
    expect(sankeyData(flows, { from: 2030 })).toEqual({ nodes: [], links: [] });
  });
});
