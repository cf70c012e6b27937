// The secretariat's work areas, in the order a round runs: set up, roster, templates,
// panels, assignment, exchange of bundles, progress, results, report. Each area owns its
// folder under features/secretariat and adds one entry here.
import type { ReactNode } from 'react';
import type { Round } from '../../../shared/domain/types';
import { BasesTab } from './roster/BasesTab';
import { PanelsTab } from './panels/PanelsTab';
import { AssignmentTab } from './assignment/AssignmentTab';
import { RoundSettingsTab } from './round/RoundSettingsTab';
import { TemplatesTab } from './templates/TemplatesTab';
import { ExchangeTab } from './exchange/ExchangeTab';
import { ReportTab } from './report/ReportTab';
import { ProgressTab } from './progress/ProgressTab';
import { ConflictsTab } from './conflicts/ConflictsTab';
import { ConflictsTabLabel } from './conflicts/ConflictsTabLabel';
import { ResultsTab } from './results/ResultsTab';

export type SecretariatTab = {
  /** The URL segment: /secretariat/<key>. */
  key: string;
  /** i18n key of the tab's label. */
  labelKey: string;
  /** A live label (e.g. with a count) instead of the plain labelKey text. */
  renderLabel?: (round: Round) => ReactNode;
  render: (round: Round) => ReactNode;
};

export const SECRETARIAT_TABS: readonly SecretariatTab[] = [
  {
    key: 'round',
    labelKey: 'setup.tabs.settings',
    render: (round) => <RoundSettingsTab round={round} />,
  },
  { key: 'bases', labelKey: 'secretariat.basesTab', render: (round) => <BasesTab round={round} /> },
  {
    key: 'templates',
    labelKey: 'setup.tabs.templates',
    render: (round) => <TemplatesTab round={round} />,
  },
  {
    key: 'panels',
    labelKey: 'secretariat.panelsTab',
    render: (round) => <PanelsTab round={round} />,
  },
  {
    key: 'assignment',
    labelKey: 'assignment.tab',
    render: (round) => <AssignmentTab round={round} />,
  },
  {
    key: 'exchange',
    labelKey: 'exchange.tab',
    render: (round) => <ExchangeTab round={round} />,
  },
  {
    key: 'progress',
    labelKey: 'results.tabs.progress',
    render: (round) => <ProgressTab round={round} />,
  },
  {
    key: 'conflicts',
    labelKey: 'results.tabs.conflicts',
    renderLabel: (round) => <ConflictsTabLabel roundId={round.id} />,
    render: (round) => <ConflictsTab round={round} />,
  },
  {
    key: 'results',
    labelKey: 'results.tabs.results',
    render: (round) => <ResultsTab round={round} />,
  },
  { key: 'report', labelKey: 'report.tab', render: (round) => <ReportTab round={round} /> },
];
