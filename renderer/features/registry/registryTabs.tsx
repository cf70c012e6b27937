// The department's registry areas: the bases (基地库), accepting a closed round's result,
// 有进有出, 后补助, and the roster bundle for the next round. Each area owns its files in
// features/registry and adds one entry here.
import type { ReactNode } from 'react';

export type RegistryTab = {
  /** The URL segment: /registry/<key>. */
  key: string;
  /** i18n key of the tab's label. */
  labelKey: string;
  render: () => ReactNode;
};

export const REGISTRY_TABS: readonly RegistryTab[] = [];
