// 有进有出 (/registry/flows): per year and type, the bases that entered (批建 or first
// evaluated), were included, converted away, put under rectification, merged or revoked, and
// those on the list at each year end; the Sankey of the integration from the legacy types to
// the nine new types and the year-over-year chart, each exportable as PNG/SVG; a printout on
// A4 (/registry/print/flows). The years and type chosen live in the URL (?from=&to=&type=).
import { PrinterOutlined } from '@ant-design/icons';
import { Button, Empty, Select, Space, Spin, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { BASE_TYPE_CODES, isBaseTypeCode } from '../../../shared/domain/taxonomy';
import { registryFlows, yearTypeCounts } from '../../../shared/registry/flows';
import type { RegistryState } from '../../../shared/registry/types';
import { useLabels } from '../../app/hooks/useLabels';
import { ROUTES } from '../../app/routes';
import { useRegistryState } from '../../db/registryHooks';
import { CountsTableSection, SankeyCard, YearlyCard } from './flows/FlowsCards';
import { countYears, readFlowsQuery, writeFlowsQuery } from './flows/flowsView';
import type { FlowsQuery } from './flows/flowsView';
import '../dashboard/print.css';

/** The flows and counts of a registry, computed once per registry state. */
export function useFlowsData(state: RegistryState | undefined) {
  return useMemo(
    () =>
      state === undefined
        ? undefined
        : { flows: registryFlows(state), counts: yearTypeCounts(state) },
    [state],
  );
}

const ALL = 'all';

export const FlowsControls = ({
  years,
  query,
  onChange,
}: {
  years: readonly number[];
  query: FlowsQuery;
  onChange: (query: FlowsQuery) => void;
}) => {
  const { t } = useTranslation();
  const labels = useLabels();
  const yearOptions = years.map((year) => ({ value: year, label: String(year) }));
  const range = { from: query.from, to: query.to };
  return (
    <Space wrap>
      <Typography.Text>{t('registry.flows.yearFrom')}</Typography.Text>
      <Select
        value={query.from}
        options={yearOptions.filter((option) => option.value <= query.to)}
        onChange={(from: number) => onChange({ ...query, from })}
        style={{ width: 100 }}
        data-testid="flows-year-from"
      />
      <Typography.Text>{t('registry.flows.yearTo')}</Typography.Text>
      <Select
        value={query.to}
        options={yearOptions.filter((option) => option.value >= query.from)}
        onChange={(to: number) => onChange({ ...query, to })}
        style={{ width: 100 }}
        data-testid="flows-year-to"
      />
      <Typography.Text>{t('registry.flows.type')}</Typography.Text>
      <Select
        value={query.type ?? ALL}
        options={[
          { value: ALL, label: t('registry.flows.allTypes') },
          ...BASE_TYPE_CODES.map((code) => ({
            value: code,
            label: `${code} ${labels.typeName(code)}`,
          })),
        ]}
        onChange={(value: string) =>
          onChange(isBaseTypeCode(value) ? { ...range, type: value } : range)
        }
        style={{ width: 260 }}
        data-testid="flows-type"
      />
    </Space>
  );
};

export const FlowsTab = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const data = useFlowsData(useRegistryState());
  const years = useMemo(() => (data ? countYears(data.counts) : []), [data]);
  const query = useMemo(() => readFlowsQuery(params, years), [params, years]);

  if (data === undefined) return <Spin description={t('registry.flows.loading')} />;
  if (query === null) {
    return <Empty description={t('registry.flows.empty')} data-testid="flows-empty" />;
  }
  const search = `?${writeFlowsQuery(query).toString()}`;
  return (
    <div data-testid="registry-flows">
      <Typography.Paragraph type="secondary">{t('registry.flows.hint')}</Typography.Paragraph>
      <Space style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }} wrap>
        <FlowsControls
          years={years}
          query={query}
          onChange={(next) => setParams(writeFlowsQuery(next), { replace: true })}
        />
        <Button
          icon={<PrinterOutlined />}
          onClick={() => void navigate({ pathname: ROUTES.registryPrintFlows, search })}
          data-testid="flows-print"
        >
          {t('registry.flows.print')}
        </Button>
      </Space>
      <SankeyCard flows={data.flows} query={query} />
      <YearlyCard counts={data.counts} query={query} />
      <CountsTableSection counts={data.counts} query={query} />
    </div>
  );
};
