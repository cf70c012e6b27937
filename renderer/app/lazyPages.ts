// Every screen but the home page, loaded when first shown, so a cold start parses only the
// app frame and the home page (charts, xlsx and bundle code stay out of the entry chunk).
// One import per area (renderer/app/areas/), so an area's pages and stylesheets share a chunk.
import { lazyNamed } from './lazyNamed';

const secretariat = () => import('./areas/secretariat');
const scoring = () => import('./areas/scoring');
const dashboard = () => import('./areas/dashboard');
const registry = () => import('./areas/registry');

export const SecretariatPage = lazyNamed(secretariat, 'SecretariatPage');
export const PrintReportPage = lazyNamed(secretariat, 'PrintReportPage');
export const PrintHandoverPage = lazyNamed(secretariat, 'PrintHandoverPage');
export const PrintTrustPage = lazyNamed(secretariat, 'PrintTrustPage');
export const ScoringPage = lazyNamed(scoring, 'ScoringPage');
export const ScoresheetPage = lazyNamed(scoring, 'ScoresheetPage');
export const PanelOverviewPage = lazyNamed(scoring, 'PanelOverviewPage');
export const PrintSheetPage = lazyNamed(scoring, 'PrintSheetPage');
export const PrintPanelPage = lazyNamed(scoring, 'PrintPanelPage');
export const DashboardPage = lazyNamed(dashboard, 'DashboardPage');
export const RegistryPage = lazyNamed(registry, 'RegistryPage');
export const PrintFlowsPage = lazyNamed(registry, 'PrintFlowsPage');
export const PrintFundingPage = lazyNamed(registry, 'PrintFundingPage');
export const PrintDashboardPage = lazyNamed(dashboard, 'PrintDashboardPage');
export const AboutPage = lazyNamed(() => import('../features/about/AboutPage'), 'AboutPage');
export const BackupsPage = lazyNamed(
  () => import('../features/backups/BackupsPage'),
  'BackupsPage',
);
