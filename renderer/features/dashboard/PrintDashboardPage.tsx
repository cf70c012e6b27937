// "Print dashboard": every chart of the current filters laid out on A4 landscape pages at a
// page width (277 mm), one section per page, for the meeting's papers, and the voided sheets
// (作废评分表) under the same filters when there are any. Opened from the dashboard with the
// same URL parameters.
import { SavePdfButton } from '../../app/components/SavePdfButton';
import { Button, Empty, Space, Spin, Typography } from 'antd';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ROUTES } from '../../app/routes';
import { useLabels } from '../../app/hooks/useLabels';
import { ProfileCards, useBaseProfile } from './BaseProfilePanel';
import { useDashboardState } from './DashboardPage';
import { writeDashboardState } from './dashboardState';
import { ExpertSpreadPanel } from './ExpertSpreadPanel';
import { HistoryCard, useHistoryPoints } from './HistoryPanel';
import { LeniencyPanel } from './LeniencyPanel';
import { MethodComparisonPanel } from './MethodComparisonPanel';
import { OverviewPanel } from './OverviewPanel';
import { RankingPanel } from './RankingPanel';
import { FitToPage } from './FitToPage';
import { useDashboardData } from './useDashboardData';
import { VoidedSheetsList } from './VoidedSheetsList';
import type { DashboardData } from './useDashboardData';
import './print.css';

const Page = ({
  title,
  subtitle,
  children,
}: {
  title: string;
  subtitle: string;
  children: ReactNode;
}) => (
  <section className="dashboard-print-page" data-testid="print-page">
    <FitToPage>
      <h2>{title}</h2>
      <p className="dashboard-print-subtitle">{subtitle}</p>
      {children}
    </FitToPage>
  </section>
);

const PrintPages = ({ data, baseId }: { data: DashboardData; baseId: string | undefined }) => {
  const { t } = useTranslation();
  const labels = useLabels();
  const { records, view, roundResults, scope, filters } = data;
  const profile = useBaseProfile(records, roundResults, baseId);
  const base = roundResults.find((row) => row.base.id === baseId)?.base;
  const history = useHistoryPoints(base?.code);
  const subtitle = [
    records.round.name,
    filters.type
      ? labels.typeName(filters.type)
      : filters.category
        ? labels.categoryName(filters.category)
        : t('common.all'),
    filters.city ?? '',
    records.panels.find((panel) => panel.id === filters.panelId)?.name ?? '',
  ]
    .filter((part) => part !== '')
    .join(' · ');
  return (
    <>
      <Page title={t('dashboard.tabs.ranking')} subtitle={subtitle}>
        <RankingPanel
          round={records.round}
          view={view}
          roundResults={roundResults}
          decisions={records.decisions}
          scope={scope}
          isPrint
        />
      </Page>
      <Page title={t('dashboard.tabs.methods')} subtitle={subtitle}>
        <MethodComparisonPanel byMethod={data.byMethod} view={view} scope={scope} isPrint />
      </Page>
      <Page title={t('dashboard.tabs.spread')} subtitle={subtitle}>
        <ExpertSpreadPanel
          round={records.round}
          view={view}
          scoresheets={records.scoresheets}
          experts={records.experts}
          isPrint
        />
      </Page>
      <Page title={t('dashboard.tabs.leniency')} subtitle={subtitle}>
        <LeniencyPanel
          view={view}
          scoresheets={records.scoresheets}
          experts={records.experts}
          panels={records.panels}
          isPrint
        />
      </Page>
      <Page title={t('dashboard.tabs.overview')} subtitle={subtitle}>
        <OverviewPanel
          view={view}
          scoresheets={records.scoresheets}
          decisions={records.decisions}
          part="counts"
        />
      </Page>
      <Page title={t('dashboard.tabs.overview')} subtitle={subtitle}>
        <OverviewPanel
          view={view}
          scoresheets={records.scoresheets}
          decisions={records.decisions}
          part="tables"
        />
      </Page>
      {data.voided.rows.length > 0 ? (
        <Page title={t('dashboard.voided.title')} subtitle={subtitle}>
          <VoidedSheetsList voided={data.voided} isPrint />
        </Page>
      ) : null}
      {profile ? (
        <>
          <Page title={t('dashboard.tabs.profile')} subtitle={profile.name}>
            <ProfileCards profile={profile} part="radar" />
          </Page>
          <Page title={t('dashboard.tabs.profile')} subtitle={profile.name}>
            <ProfileCards profile={profile} part="bars" />
          </Page>
        </>
      ) : null}
      {base && history && history.length > 0 ? (
        <Page title={t('dashboard.tabs.history')} subtitle={base.name}>
          <HistoryCard name={base.name} points={history} />
        </Page>
      ) : null}
    </>
  );
};

export const PrintDashboardPage = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [state] = useDashboardState();
  const load = useDashboardData(state);
  const back = () =>
    navigate({ pathname: ROUTES.dashboard, search: `?${writeDashboardState(state).toString()}` });
  return (
    <div className="dashboard-print" data-testid="dashboard-print">
      <Space className="no-print" style={{ marginBottom: 16 }} wrap>
        <Button icon={<ArrowLeftOutlined />} onClick={back}>
          {t('dashboard.print.back')}
        </Button>
        <Button
          type="primary"
          icon={<PrinterOutlined />}
          onClick={() => window.print()}
          data-testid="print-dashboard-now"
        >
          {t('dashboard.print.print')}
        </Button>
        <SavePdfButton
          suggestedName={`评估通-组长看板-${new Date().toISOString().slice(0, 10)}.pdf`}
        />
        <Typography.Text type="secondary">{t('dashboard.print.hint')}</Typography.Text>
      </Space>
      {load.status === 'loading' ? (
        <Spin />
      ) : load.status === 'noRound' ? (
        <Empty description={t('home.noRoundTitle')} />
      ) : (
        <PrintPages data={load.data} baseId={state.baseId} />
      )}
    </div>
  );
};
