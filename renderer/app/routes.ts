// Route paths of the three roles' areas; later features add sub-routes under them.
export const ROUTES = {
  home: '/',
  secretariat: '/secretariat',
  secretariatTab: '/secretariat/:tab',
  secretariatPrintReport: '/secretariat/print/report',
  secretariatPrintHandover: '/secretariat/print/handover',
  secretariatPrintTrust: '/secretariat/print/trust',
  scoring: '/scoring',
  scoringSheet: '/scoring/sheet/:baseId',
  scoringPanel: '/scoring/panel',
  scoringPrintSheet: '/scoring/print/sheet/:baseId',
  scoringPrintPanel: '/scoring/print/panel/:panelId',
  registry: '/registry',
  registryTab: '/registry/:tab',
  registryPrintFlows: '/registry/print/flows',
  registryPrintFunding: '/registry/print/funding',
  dashboard: '/dashboard',
  dashboardPrint: '/dashboard/print',
  about: '/about',
  backups: '/backups',
} as const;

export const secretariatTabPath = (tab: string): string =>
  `/secretariat/${encodeURIComponent(tab)}`;

export const registryTabPath = (tab: string): string => `/registry/${encodeURIComponent(tab)}`;

export const scoringSheetPath = (baseId: string): string =>
  `/scoring/sheet/${encodeURIComponent(baseId)}`;

export const scoringPrintSheetPath = (baseId: string): string =>
  `/scoring/print/sheet/${encodeURIComponent(baseId)}`;

export const scoringPrintPanelPath = (panelId: string): string =>
  `/scoring/print/panel/${encodeURIComponent(panelId)}`;

/** The sidebar entry a path belongs to: its first segment ("/scoring/sheet/x" → "/scoring"). */
export const sectionOf = (pathname: string): string => {
  const first = pathname.split('/').filter(Boolean)[0];
  return first === undefined ? ROUTES.home : `/${first}`;
};
