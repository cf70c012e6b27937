// The expert scoring area with its printouts, loaded on first visit (renderer/app/lazyPages.ts).
export { ScoringPage } from '../../features/scoring/ScoringPage';
export { ScoresheetPage } from '../../features/scoring/ScoresheetPage';
export { PanelOverviewPage } from '../../features/scoring/PanelOverviewPage';
export { PrintSheetPage } from '../../features/scoring/print/PrintSheetPage';
export { PrintPanelPage } from '../../features/scoring/print/PrintPanelPage';
