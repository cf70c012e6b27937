// The three parts of 有进有出, shown on the tab and on its A4 printout alike: the Sankey of the
// integration, the year-over-year chart and the per-year, per-type table, each in a ChartCard
// (PNG/SVG export) for the years and type chosen.
import { Empty, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { isBaseTypeCode, LEGACY_TYPES } from '../../../../shared/domain/taxonomy';
import { sankeyData } from '../../../../shared/registry/flows';
import type { YearTypeCount } from '../../../../shared/registry/flows';
import type { RegistryFlow } from '../../../../shared/registry/types';
import { useLabels } from '../../../app/hooks/useLabels';
import { ChartCard } from '../../dashboard/ChartCard';
import { FlowCountsTable } from './FlowCountsTable';
import { FlowSankeyChart } from './FlowSankeyChart';
import { countsTableRows, yearTotals } from './flowsView';
import type { FlowsQuery } from './flowsView';
import { YearCountsChart } from './YearCountsChart';

/** The label of a Sankey node code ('new', a legacy type, 'B4', 'to:B4', 'merged', 'revoked'). */
export function useFlowNodeLabel(): (code: string) => string {
  const { t } = useTranslation();
  const labels = useLabels();
  const typeLabel = (type: string): string => {
    if (isBaseTypeCode(type)) return `${type} ${labels.typeName(type)}`;
    const legacy = LEGACY_TYPES.find((candidate) => candidate.code === type);
    return legacy ? labels.legacyTypeName(legacy.code) : type;
  };
  return (code: string): string => {
    if (code === 'new' || code === 'merged' || code === 'revoked') {
      return t(`registry.flows.nodes.${code}`);
    }
    if (code.startsWith('to:')) {
      return t('registry.flows.nodes.convertedInto', { name: typeLabel(code.slice('to:'.length)) });
    }
    return typeLabel(code);
  };
}

const rangeText = (query: FlowsQuery) => ({ from: query.from, to: query.to });

/** The flows of the type chosen: those that come from it or go to it. */
function flowsOfType(flows: readonly RegistryFlow[], query: FlowsQuery): RegistryFlow[] {
  const { type } = query;
  return type === undefined ? [...flows] : flows.filter((f) => f.from === type || f.to === type);
}

export const SankeyCard = ({
  flows,
  query,
}: {
  flows: readonly RegistryFlow[];
  query: FlowsQuery;
}) => {
  const { t } = useTranslation();
  const labelOf = useFlowNodeLabel();
  const data = useMemo(
    () => sankeyData(flowsOfType(flows, query), { from: query.from, to: query.to }),
    [flows, query],
  );
  const title = t('registry.flows.sankeyTitle', rangeText(query));
  return (
    <ChartCard
      title={title}
      testId="registry-flows-sankey"
      footer={t('registry.flows.sankeyFooter')}
    >
      {(width) =>
        data.links.length === 0 ? (
          <Empty description={t('registry.flows.sankeyEmpty')} />
        ) : (
          <FlowSankeyChart data={data} width={width} labelOf={labelOf} />
        )
      }
    </ChartCard>
  );
};

export const YearlyCard = ({
  counts,
  query,
}: {
  counts: readonly YearTypeCount[];
  query: FlowsQuery;
}) => {
  const { t } = useTranslation();
  const totals = useMemo(() => yearTotals(counts, query), [counts, query]);
  return (
    <ChartCard
      title={t('registry.flows.yearlyTitle', rangeText(query))}
      testId="registry-flows-yearly"
      footer={t('registry.flows.yearlyFooter')}
    >
      {(width) => <YearCountsChart totals={totals} width={width} />}
    </ChartCard>
  );
};

export const CountsTableSection = ({
  counts,
  query,
  isPrint = false,
}: {
  counts: readonly YearTypeCount[];
  query: FlowsQuery;
  isPrint?: boolean;
}) => {
  const { t } = useTranslation();
  const rows = useMemo(() => countsTableRows(counts, query), [counts, query]);
  return (
    <>
      <Typography.Title level={5}>
        {t('registry.flows.tableTitle', rangeText(query))}
      </Typography.Title>
      <FlowCountsTable rows={rows} isPrint={isPrint} />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>
        {t('registry.flows.definitions')}
      </Typography.Paragraph>
    </>
  );
};
