// 有进有出 and 后补助 over a registry built by the real fold (shared/registry/fold.ts) from
// approvals and accepted rounds, against numbers worked out by hand (registryFlowScenario).
import { describe, expect, it } from 'vitest';
import { buildRegistry } from '../../../shared/registry/fold';
import { registryFlows, sankeyData, yearTypeCounts } from '../../../shared/registry/flows';
import { computeFunding, DEFAULT_FUNDING_RULE } from '../../../shared/registry/funding';
import {
  SCENARIO_BUDGET,
  scenarioApprovals,
  scenarioFlows,
  scenarioFunding,
  scenarioFundingUnscaled,
  scenarioRounds,
  scenarioYearTypeCounts,
} from '../../helpers/registryFlowScenario';

const state = buildRegistry(scenarioApprovals, [...scenarioRounds].reverse());

const full = (row: (typeof scenarioYearTypeCounts)[number]) => ({
  entered: 0,
  included: 0,
  converted: 0,
  rectifying: 0,
  merged: 0,
  revoked: 0,
  active: 0,
  ...row,
});

describe('有进有出 over the fold', () => {
  it('gives the flows worked out by hand', () => {
    expect(registryFlows(state)).toEqual(scenarioFlows);
  });

  it('gives the per-year, per-type counts worked out by hand', () => {
    expect(yearTypeCounts(state)).toEqual(scenarioYearTypeCounts.map(full));
  });

  it('the year-end counts match the registry’s own statuses at the end', () => {
    const last = yearTypeCounts(state).filter((row) => row.year === 2022);
    const onList = state.bases.filter((b) => b.status === 'active' || b.status === 'rectifying');
    expect(last.reduce((sum, row) => sum + row.active, 0)).toBe(onList.length);
    for (const row of last) {
      expect(row.active).toBe(onList.filter((base) => base.type === row.type).length);
    }
  });

  it('draws the legacy types into the new types in the Sankey', () => {
    const data = sankeyData(registryFlows(state), { from: 2020, to: 2020 });
    expect(data.nodes.map((node) => node.name)).toEqual([
      '重点实验室',
      '工程研究中心',
      '工程实验室',
      '工程技术研究中心',
      '产业专业技术创新平台',
      '省重点实验室',
      '省工程研究中心',
      '省专业技术创新中心',
      '合并',
      '撤销',
    ]);
  });
});

describe('后补助 over an accepted round', () => {
  const round = state.rounds.find((r) => r.roundId === 'R2022');

  it('scales R2022 to the budget by largest remainder, as worked by hand', () => {
    if (!round) throw new Error('R2022 was not applied');
    const table = computeFunding(round, { ...DEFAULT_FUNDING_RULE, budget: SCENARIO_BUDGET });
    expect(Object.fromEntries(table.rows.map((row) => [row.code, row.amount]))).toEqual(
      scenarioFunding,
    );
    expect(table.total).toBe(SCENARIO_BUDGET);
    const unscaled = computeFunding(round, DEFAULT_FUNDING_RULE);
    expect(Object.fromEntries(unscaled.rows.map((row) => [row.code, row.amount]))).toEqual(
      scenarioFundingUnscaled,
    );
    expect(unscaled.total).toBe(550);
  });
});
