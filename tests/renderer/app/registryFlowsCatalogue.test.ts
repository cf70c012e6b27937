// The strings of 有进有出 and 后补助 exist in Chinese and English for every key their screens
// name, including the keys they build (the count columns, the Sankey's end nodes, the kinds
// of support).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { en } from '../../../renderer/app/i18n/en';
import { zhCN } from '../../../renderer/app/i18n/zh-CN';
import { COUNT_KEYS } from '../../../renderer/features/registry/flows/flowsView';

const FILES = [
  'renderer/features/registry/FlowsTab.tsx',
  'renderer/features/registry/flows/FlowsCards.tsx',
  'renderer/features/registry/flows/FlowCountsTable.tsx',
  'renderer/features/registry/flows/YearCountsChart.tsx',
  'renderer/features/registry/flows/PrintFlowsPage.tsx',
  'renderer/features/registry/FundingTab.tsx',
  'renderer/features/registry/funding/FundingRuleEditor.tsx',
  'renderer/features/registry/funding/FundingTableView.tsx',
  'renderer/features/registry/funding/PrintFundingPage.tsx',
  'renderer/features/registry/registryTabs.tsx',
];

const lookup = (catalogue: object, path: string): unknown =>
  path.split('.').reduce<unknown>((node, key) => {
    return typeof node === 'object' && node !== null ? Reflect.get(node, key) : undefined;
  }, catalogue);

describe('有进有出 and 后补助 strings', () => {
  it('exist in Chinese and English for every key the screens name or build', () => {
    const keys = new Set<string>([
      ...COUNT_KEYS.map((key) => `flows.${key}`),
      ...['new', 'merged', 'revoked'].map((end) => `flows.nodes.${end}`),
      ...['subsidy', 'stable', 'none'].map((kind) => `funding.kinds.${kind}`),
    ]);
    for (const file of FILES) {
      for (const match of readFileSync(file, 'utf8').matchAll(
        /'registry\.((?:flows|funding)\.[a-zA-Z.]+)'/g,
      )) {
        if (match[1]) keys.add(match[1]);
      }
    }
    expect(keys.size).toBeGreaterThanOrEqual(60);
    const missing = [...keys].filter(
      (key) =>
        typeof lookup(zhCN.registry, key) !== 'string' ||
        typeof lookup(en.registry, key) !== 'string',
    );
    expect(missing).toEqual([]);
  });
});
