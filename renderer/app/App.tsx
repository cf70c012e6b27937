// The app frame: locale-aware Ant Design provider, hash routes (they work under app://
// in Electron and on 127.0.0.1 in a browser alike) and the three roles' areas. Only the home
// page is in the entry chunk; the other screens load on first visit (lazyPages.ts), inside
// RouteBoundary's spinner and error screen. Animations follow the system's reduce-motion
// setting, read at start (usePrefersReducedMotion).
import { App as AntApp, ConfigProvider } from 'antd';
import zhCNLocale from 'antd/locale/zh_CN';
import enUSLocale from 'antd/locale/en_US';
import { useEffect } from 'react';
import { HashRouter, Navigate, Route, Routes } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AppLayout } from './AppLayout';
import { HomePage } from '../features/home/HomePage';
import {
  AboutPage,
  BackupsPage,
  DashboardPage,
  RegistryPage,
  PanelOverviewPage,
  PrintDashboardPage,
  PrintFlowsPage,
  PrintFundingPage,
  PrintHandoverPage,
  PrintTrustPage,
  PrintPanelPage,
  PrintReportPage,
  PrintSheetPage,
  ScoresheetPage,
  ScoringPage,
  SecretariatPage,
} from './lazyPages';
import { RouteBoundary } from './RouteBoundary';
import { DeferredDesktopShell } from './DeferredDesktopShell';
import { ROUTES } from './routes';
import { usePrefersReducedMotion } from './hooks/usePrefersReducedMotion';

export const App = () => {
  const { i18n } = useTranslation();
  const isMotionReduced = usePrefersReducedMotion();
  useEffect(() => {
    // Says on the page which motion the app renders with (for our own CSS, and for tests).
    document.documentElement.dataset['motion'] = isMotionReduced ? 'reduced' : 'full';
  }, [isMotionReduced]);
  return (
    <ConfigProvider
      locale={i18n.language === 'en' ? enUSLocale : zhCNLocale}
      theme={{ token: { colorPrimary: '#1659c7', borderRadius: 6, motion: !isMotionReduced } }}
    >
      <AntApp>
        <HashRouter>
          <DeferredDesktopShell />
          <Routes>
            <Route element={<AppLayout />}>
              <Route element={<RouteBoundary />}>
                <Route path={ROUTES.home} element={<HomePage />} />
                <Route path={ROUTES.secretariat} element={<SecretariatPage />} />
                <Route path={ROUTES.secretariatTab} element={<SecretariatPage />} />
                <Route path={ROUTES.secretariatPrintReport} element={<PrintReportPage />} />
                <Route path={ROUTES.secretariatPrintHandover} element={<PrintHandoverPage />} />
                <Route path={ROUTES.secretariatPrintTrust} element={<PrintTrustPage />} />
                <Route path={ROUTES.scoring} element={<ScoringPage />} />
                <Route path={ROUTES.scoringSheet} element={<ScoresheetPage />} />
                <Route path={ROUTES.scoringPanel} element={<PanelOverviewPage />} />
                <Route path={ROUTES.scoringPrintSheet} element={<PrintSheetPage />} />
                <Route path={ROUTES.scoringPrintPanel} element={<PrintPanelPage />} />
                <Route path={ROUTES.registry} element={<RegistryPage />} />
                <Route path={ROUTES.registryTab} element={<RegistryPage />} />
                <Route path={ROUTES.registryPrintFlows} element={<PrintFlowsPage />} />
                <Route path={ROUTES.registryPrintFunding} element={<PrintFundingPage />} />
                <Route path={ROUTES.dashboard} element={<DashboardPage />} />
                <Route path={ROUTES.dashboardPrint} element={<PrintDashboardPage />} />
                <Route path={ROUTES.about} element={<AboutPage />} />
                <Route path={ROUTES.backups} element={<BackupsPage />} />
              </Route>
              <Route path="*" element={<Navigate to={ROUTES.home} replace />} />
            </Route>
          </Routes>
        </HashRouter>
      </AntApp>
    </ConfigProvider>
  );
};
