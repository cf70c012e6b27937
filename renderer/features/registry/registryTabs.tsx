// The department's registry areas: the bases (基地库), accepting a closed round's result,
// 有进有出, 后补助, and the roster bundle for the next round. Each area owns its files in
// features/registry and adds one entry here.
import type { ReactNode } from 'react';
import { AcceptTab } from './AcceptTab';
import { BasesTab } from './BasesTab';
import { FlowsTab } from './FlowsTab';
import { FundingTab } from './FundingTab';
import { OutgoingTab } from './OutgoingTab';

export type RegistryTab = {
  /** The URL segment: /registry/<key>. */
  key: string;
  /** i18n key of the tab's label. */
  labelKey: string;
  render: () => ReactNode;
};

export const REGISTRY_TABS: readonly RegistryTab[] = [
  { key: 'bases', labelKey: 'registry.bases.label', render: () => <BasesTab /> },
  { key: 'accept', labelKey: 'registry.accept.label', render: () => <AcceptTab /> },
  { key: 'flows', labelKey: 'registry.flows.label', render: () => <FlowsTab /> },
  { key: 'funding', labelKey: 'registry.funding.label', render: () => <FundingTab /> },
  { key: 'outgoing', labelKey: 'registry.outgoing.label', render: () => <OutgoingTab /> },
];
