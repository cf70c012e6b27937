// The 结果与决定 tab: every base's result under the round's rule (or another method, or all
// four side by side), the quota check per type above it, filters, and per base the final
// decision recorded by a person, with warnings for decisions older than their base's last
// score change and for bases scored on mixed template versions. There is deliberately no
// "accept all suggestions". Below,
// Kendall's W per panel: how far each panel's experts agree on their ranking.
import { Alert, Segmented, Space, Spin, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AGGREGATION_METHODS } from '../../../../shared/domain/aggregation';
import { computeRoundResults } from '../../../../shared/domain/results';
import type { AggregationMethod, BaseTypeCode, Round } from '../../../../shared/domain/types';
import {
  buildResultRows,
  filterResultRows,
  quotaView,
} from '../../../../shared/secretariat/resultsView';
import type { ResultFilters } from '../../../../shared/secretariat/resultsView';
import { mixedTemplateBases, staleDecisions } from '../../../../shared/secretariat/resultsChecks';
import { useAfterFirstPaint } from '../../../app/hooks/useAfterFirstPaint';
import { useResultsRecords } from '../../../db/resultsHooks';
import { PanelConcordanceTable } from '../../dashboard/PanelConcordanceTable';
import { formatLocalTime } from '../../scoring/AuditTrail';
import { DecisionDrawer } from './DecisionDrawer';
import { QuotaWarnings } from './QuotaWarnings';
import { ResultsDecisionTable } from './ResultsDecisionTable';
import { ResultsFilterBar } from './ResultsFilterBar';
import { RoundClosingCard } from './RoundClosingCard';
import { VoidedSheetsCard } from './VoidedSheetsCard';

type Mode = 'rule' | AggregationMethod | 'compare';

/** A warning with one line per base to review; nothing when there is none. */
const ReviewAlert = ({
  testId,
  title,
  items,
}: {
  testId: string;
  title: string;
  items: ReadonlyArray<{ key: string; text: string }>;
}) =>
  items.length === 0 ? null : (
    <Alert
      type="warning"
      showIcon
      data-testid={testId}
      title={title}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {items.map((item) => (
            <li key={item.key}>{item.text}</li>
          ))}
        </ul>
      }
    />
  );

export const ResultsTab = ({ round }: { round: Round }) => {
  const { t } = useTranslation();
  const records = useResultsRecords(round.id);
  const [mode, setMode] = useState<Mode>('rule');
  const [filters, setFilters] = useState<ResultFilters>({});
  const [openBaseId, setOpenBaseId] = useState<string | undefined>(undefined);
  const method: AggregationMethod =
    mode === 'rule' || mode === 'compare' ? round.aggregation.method : mode;

  const derived = useMemo(() => {
    if (!records) return undefined;
    const { bases, panels, scoresheets, decisions } = records;
    const results = computeRoundResults(round, bases, scoresheets, { method });
    const rows = buildResultRows(results, panels, decisions);
    const types = [...new Set(bases.map((b) => b.type))] satisfies BaseTypeCode[];
    const stale = staleDecisions(decisions, scoresheets, records.scoreChanges);
    const mixed = mixedTemplateBases(scoresheets);
    return { rows, quota: quotaView(results, decisions, round.quotas), types, stale, mixed };
  }, [records, round, method]);
  const shown = useMemo(
    () => (derived ? filterResultRows(derived.rows, filters) : []),
    [derived, filters],
  );
  const baseNames = useMemo(
    () => new Map((records?.bases ?? []).map((b) => [b.id, b.name])),
    [records],
  );
  // The concordance of the panels (below the table of every base) a render after the rest.
  const isComplete = useAfterFirstPaint(derived !== undefined);
  if (!records || !derived) return <Spin />;

  const methodName = t(`aggregation.${method}`);
  const openRow = derived.rows.find((r) => r.result.base.id === openBaseId);
  const decided = derived.rows.filter((r) => r.decision).length;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      {records.openConflicts > 0 ? (
        <Alert
          type="warning"
          showIcon
          data-testid="results-open-conflicts"
          title={t('results.table.openConflicts', { count: records.openConflicts })}
        />
      ) : null}
      {round.archive ? <Alert type="info" showIcon title={t('results.archived')} /> : null}
      <RoundClosingCard round={round} onOpenDecision={setOpenBaseId} />
      <ReviewAlert
        testId="results-stale-decisions"
        title={t('results.table.staleDecisions', { count: derived.stale.length })}
        items={derived.stale.map((s) => ({
          key: s.baseId,
          text: t('results.table.staleDecisionItem', {
            name: baseNames.get(s.baseId) ?? s.baseId,
            decidedAt: formatLocalTime(s.decidedAt),
            changedAt: formatLocalTime(s.changedAt),
          }),
        }))}
      />
      <ReviewAlert
        testId="results-mixed-templates"
        title={t('results.table.mixedTemplates', { count: derived.mixed.length })}
        items={derived.mixed.map((m) => ({
          key: m.baseId,
          text: t('results.table.mixedTemplateItem', {
            name: baseNames.get(m.baseId) ?? m.baseId,
            templates: m.templateIds.join('、'),
          }),
        }))}
      />
      <QuotaWarnings quota={derived.quota} methodName={methodName} />
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Segmented<Mode>
          value={mode}
          onChange={setMode}
          data-testid="method-compare"
          options={[
            {
              value: 'rule',
              label: t('results.table.ruleMethod', {
                method: t(`results.table.methodShort.${round.aggregation.method}`),
              }),
            },
            ...AGGREGATION_METHODS.map((m) => ({
              value: m,
              label: t(`results.table.methodShort.${m}`),
            })),
            { value: 'compare', label: t('results.table.compare') },
          ]}
        />
        <Typography.Text type="secondary" data-testid="results-summary">
          {t('results.table.summary', {
            shown: shown.length,
            total: derived.rows.length,
            decided,
          })}
        </Typography.Text>
      </Space>
      <ResultsFilterBar
        filters={filters}
        onChange={setFilters}
        panels={records.panels}
        types={derived.types}
      />
      <ResultsDecisionTable
        rows={shown}
        method={method}
        isComparing={mode === 'compare'}
        gradeBands={round.gradeBands}
        baseName={(id) => baseNames.get(id)}
        onDecide={setOpenBaseId}
      />
      <VoidedSheetsCard round={round} />
      {isComplete ? (
        <PanelConcordanceTable
          panels={records.panels}
          bases={records.bases}
          scoresheets={records.scoresheets}
        />
      ) : null}
      {openRow ? (
        <DecisionDrawer
          row={openRow}
          bases={records.bases}
          decisions={records.decisions}
          scoresheets={records.scoresheets}
          isReadOnly={round.archive !== undefined || round.status === 'closed'}
          onClose={() => setOpenBaseId(undefined)}
        />
      ) : null}
    </Space>
  );
};
