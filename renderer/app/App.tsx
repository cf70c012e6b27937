// The app frame: locale-aware Ant Design provider, hash routes (they work under app://
// in Electron and on 127.0.0.1 in a browser alike) and the three roles' areas.
import { App as AntApp, ConfigProvider } from 'antd';
import zhCNLocale from 'antd/locale/zh_CN';
import enUSLocale from 'antd/locale/en_US';
import { HashRouter, Navigate, Route, Routes } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AppLayout } from './AppLayout';
import { HomePage } from '../features/home/HomePage';
import { SecretariatPage } from '../features/secretariat/SecretariatPage';
import { PrintReportPage } from '../features/secretariat/report/PrintReportPage';
import { ScoringPage } from '../features/scoring/ScoringPage';
import { ScoresheetPage } from '../features/scoring/ScoresheetPage';
import { PanelOverviewPage } from '../features/scoring/PanelOverviewPage';
import { PrintSheetPage } from '../features/scoring/print/PrintSheetPage';
import { PrintPanelPage } from '../features/scoring/print/PrintPanelPage';
import { PrintHandoverPage } from '../features/secretariat/exchange/PrintHandoverPage';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { PrintDashboardPage } from '../features/dashboard/PrintDashboardPage';
import { AboutPage } from '../features/about/AboutPage';
import { BackupsPage } from '../features/backups/BackupsPage';
import { DesktopShell } from '../features/backups/DesktopShell';
import { ROUTES } from './routes';

export const App = () => {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider
      locale={i18n.language === 'en' ? enUSLocale : zhCNLocale}
      theme={{ token: { colorPrimary: '#1659c7', borderRadius: 6 } }}
    >
      <AntApp>
        <HashRouter>
          <DesktopShell />
          <Routes>
            <Route element={<AppLayout />}>
              <Route path={ROUTES.home} element={<HomePage />} />
              <Route path={ROUTES.secretariat} element={<SecretariatPage />} />
              <Route path={ROUTES.secretariatTab} element={<SecretariatPage />} />
              <Route path={ROUTES.secretariatPrintReport} element={<PrintReportPage />} />
              <Route path={ROUTES.secretariatPrintHandover} element={<PrintHandoverPage />} />
              <Route path={ROUTES.scoring} element={<ScoringPage />} />
              <Route path={ROUTES.scoringSheet} element={<ScoresheetPage />} />
              <Route path={ROUTES.scoringPanel} element={<PanelOverviewPage />} />
              <Route path={ROUTES.scoringPrintSheet} element={<PrintSheetPage />} />
              <Route path={ROUTES.scoringPrintPanel} element={<PrintPanelPage />} />
              <Route path={ROUTES.dashboard} element={<DashboardPage />} />
              <Route path={ROUTES.dashboardPrint} element={<PrintDashboardPage />} />
              <Route path={ROUTES.about} element={<AboutPage />} />
              <Route path={ROUTES.backups} element={<BackupsPage />} />
              <Route path="*" element={<Navigate to={ROUTES.home} replace />} />
            </Route>
          </Routes>
        </HashRouter>
      </AntApp>
    </ConfigProvider>
  );
};
