// Route /registry/print/flows?from=&to=&type=: 有进有出 on A4 landscape pages, like the chair's
// printed dashboard (dashboard/print.css): the Sankey, the year-over-year chart and the
// per-year, per-type table, one per page, for the years and type chosen on the tab.
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Empty, Space, Spin, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { SavePdfButton } from '../../../app/components/SavePdfButton';
import { useLabels } from '../../../app/hooks/useLabels';
import { registryTabPath } from '../../../app/routes';
import { useRegistryState } from '../../../db/registryHooks';
import { FitToPage } from '../../dashboard/FitToPage';
import { useFlowsData } from '../FlowsTab';
import { CountsTableSection, SankeyCard, YearlyCard } from './FlowsCards';
import { countYears, readFlowsQuery, writeFlowsQuery } from './flowsView';
import '../../dashboard/print.css';

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

export const PrintFlowsPage = () => {
  const { t } = useTranslation();
  const labels = useLabels();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const data = useFlowsData(useRegistryState());
  const years = useMemo(() => (data ? countYears(data.counts) : []), [data]);
  const query = useMemo(() => readFlowsQuery(params, years), [params, years]);
  const back = () =>
    void navigate({
      pathname: registryTabPath('flows'),
      search: query ? `?${writeFlowsQuery(query).toString()}` : '',
    });
  const title = t('registry.flows.printPage.title');
  const subtitle = query
    ? t('registry.flows.printPage.subtitle', {
        from: query.from,
        to: query.to,
        type:
          query.type === undefined
            ? t('registry.flows.allTypes')
            : `${query.type} ${labels.typeName(query.type)}`,
      })
    : '';
  return (
    <div className="dashboard-print" data-testid="flows-print-page">
      <Space className="no-print" style={{ marginBottom: 16 }} wrap>
        <Button icon={<ArrowLeftOutlined />} onClick={back}>
          {t('registry.flows.printPage.back')}
        </Button>
        <Button
          type="primary"
          icon={<PrinterOutlined />}
          onClick={() => window.print()}
          data-testid="flows-print-now"
        >
          {t('registry.flows.printPage.printNow')}
        </Button>
        <SavePdfButton
          suggestedName={`评估通-有进有出-${new Date().toISOString().slice(0, 10)}.pdf`}
        />
        <Typography.Text type="secondary">{t('registry.flows.printPage.hint')}</Typography.Text>
      </Space>
      {data === undefined ? (
        <Spin />
      ) : query === null ? (
        <Empty description={t('registry.flows.empty')} />
      ) : (
        <>
          <Page title={title} subtitle={subtitle}>
            <SankeyCard flows={data.flows} query={query} />
          </Page>
          <Page title={title} subtitle={subtitle}>
            <YearlyCard counts={data.counts} query={query} />
          </Page>
          <Page title={title} subtitle={subtitle}>
            <CountsTableSection counts={data.counts} query={query} isPrint />
          </Page>
        </>
      )}
    </div>
  );
};
