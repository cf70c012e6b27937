// The secretariat's work areas, in the order a round runs: set up, roster, templates,
// panels, assignment, exchange of bundles, progress, results, report. Each area owns its
// folder under features/secretariat and adds one entry here.
import type { ReactNode } from 'react';
import type { Round } from '../../../shared/domain/types';
import { BasesTab } from './roster/BasesTab';
import { PanelsTab } from './panels/PanelsTab';

export type SecretariatTab = {
  /** The URL segment: /secretariat/<key>. */
  key: string;
  /** i18n key of the tab's label. */
  labelKey: string;
  render: (round: Round) => ReactNode;
};

export const SECRETARIAT_TABS: readonly SecretariatTab[] = [
  { key: 'bases', labelKey: 'secretariat.basesTab', render: (round) => <BasesTab round={round} /> },
  {
    key: 'panels',
    labelKey: 'secretariat.panelsTab',
    render: (round) => <PanelsTab round={round} />,
  },
];
