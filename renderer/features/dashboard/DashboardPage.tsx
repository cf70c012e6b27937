// Chair's dashboard: every chart of a round under its rule (or a method chosen to compare),
// behind one filter bar. Filters live in the URL, so the print view and a reload show the
// same picture. Numbers come from computeRoundResults and the pure selectors in
// shared/charts. Sheets voided by changes after issue count in no chart; they are listed
// under the tabs (作废评分表) with their reasons.
import { Empty, Space, Spin, Tabs, Typography } from 'antd';
import { useCallback, useLayoutEffect, useMemo, useRef } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ROUTES } from '../../app/routes';
import { BaseProfilePanel } from './BaseProfilePanel';
import { DASHBOARD_TABS, readDashboardState, writeDashboardState } from './dashboardState';
import type { DashboardState, DashboardTab } from './dashboardState';
import { ExpertSpreadPanel } from './ExpertSpreadPanel';
import { FilterBar } from './FilterBar';
import { HistoryPanel } from './HistoryPanel';
import { LeniencyPanel } from './LeniencyPanel';
import { MethodComparisonPanel } from './MethodComparisonPanel';
import { OverviewPanel } from './OverviewPanel';
import { PanelConcordanceTable } from './PanelConcordanceTable';
import { RankingPanel } from './RankingPanel';
import { useDashboardData } from './useDashboardData';
import { VoidedSheetsList } from './VoidedSheetsList';

export function useDashboardState(): [DashboardState, (patch: Partial<DashboardState>) => void] {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => readDashboardState(params), [params]);
  // The latest parameters written, so two quick clicks (a filter, then a tab) each build on
  // the other even before React has re-rendered with the first one.
  const latest = useRef(params);
  useLayoutEffect(() => {
    latest.current = params;
  }, [params]);
  const update = useCallback(
    (patch: Partial<DashboardState>) => {
      const next = writeDashboardState({ ...readDashboardState(latest.current), ...patch });
      latest.current = next;
      setParams(next, { replace: true });
    },
    [setParams],
  );
  return [state, update];
}

export const DashboardPage = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [state, update] = useDashboardState();
  const load = useDashboardData(state);

  if (load.status === 'loading') return <Spin />;
  if (load.status === 'noRound') return <Empty description={t('home.noRoundTitle')} />;
  const { data, rounds } = load;
  const { records, view, roundResults, scope } = data;
  const selectBase = (baseId: string, tab?: DashboardTab) =>
    update({ baseId, ...(tab ? { tab } : {}) });
  const openProfile = (baseId: string) => selectBase(baseId, 'profile');
  const baseId =
    state.baseId && roundResults.some((row) => row.base.id === state.baseId)
      ? state.baseId
      : undefined;

  const panels: Record<DashboardTab, ReactNode> = {
    ranking: (
      <RankingPanel
        round={records.round}
        view={view}
        roundResults={roundResults}
        decisions={records.decisions}
        scope={scope}
        onSelectBase={openProfile}
      />
    ),
    profile: (
      <BaseProfilePanel
        records={records}
        roundResults={roundResults}
        view={view}
        baseId={baseId}
        onSelectBase={(id) => selectBase(id)}
      />
    ),
    spread: (
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <ExpertSpreadPanel
          round={records.round}
          view={view}
          scoresheets={records.scoresheets}
          experts={records.experts}
        />
        <PanelConcordanceTable
          panels={records.panels.filter((p) => !state.panelId || p.id === state.panelId)}
          bases={records.bases}
          scoresheets={records.scoresheets}
        />
      </Space>
    ),
    leniency: (
      <LeniencyPanel
        view={view}
        scoresheets={records.scoresheets}
        experts={records.experts}
        panels={records.panels}
      />
    ),
    methods: <MethodComparisonPanel byMethod={data.byMethod} view={view} scope={scope} />,
    overview: (
      <OverviewPanel view={view} scoresheets={records.scoresheets} decisions={records.decisions} />
    ),
    history: (
      <HistoryPanel
        view={view}
        roundResults={roundResults}
        baseId={baseId}
        onSelectBase={(id) => selectBase(id)}
      />
    ),
  };

  return (
    <div className="dashboard-page">
      <Typography.Title level={3}>{t('dashboard.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('dashboard.intro')}</Typography.Paragraph>
      <FilterBar
        state={state}
        round={records.round}
        rounds={rounds}
        panels={records.panels}
        options={data.options}
        type={data.type}
        onChange={update}
        onPrint={() =>
          navigate({
            pathname: ROUTES.dashboardPrint,
            search: `?${writeDashboardState({ ...state, roundId: records.round.id }).toString()}`,
          })
        }
      />
      <Tabs
        activeKey={state.tab}
        onChange={(key) => update({ tab: DASHBOARD_TABS.find((tab) => tab === key) ?? 'ranking' })}
        data-testid="dashboard-tabs"
        items={DASHBOARD_TABS.map((tab) => ({
          key: tab,
          label: t(`dashboard.tabs.${tab}`),
          children: panels[tab],
        }))}
      />
      <VoidedSheetsList voided={data.voided} />
    </div>
  );
};
