// The audit history of one base's decision, newest first: who recorded what, when and why.
import { Card, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { parseDecisionDetail } from '../../../../shared/secretariat/decisions';
import { isBaseTypeCode } from '../../../../shared/domain/taxonomy';
import type { AuditEntry } from '../../../../shared/domain/types';
import { useLabels } from '../../../app/hooks/useLabels';
import { useBaseAudit } from '../../../db/resultsHooks';
import { formatLocalTime } from '../../scoring/AuditTrail';
import { useDispositionText } from './useDispositionText';

export const DecisionAudit = ({
  baseId,
  baseName,
}: {
  baseId: string;
  baseName: (id: string) => string | undefined;
}) => {
  const { t } = useTranslation();
  const labels = useLabels();
  const disposition = useDispositionText();
  const entries = useBaseAudit(baseId);
  const detail = (entry: AuditEntry): string => {
    const parsed =
      entry.action === 'decision.record' ? parseDecisionDetail(entry.detail) : undefined;
    if (!parsed) return entry.detail ?? '';
    const target =
      parsed.target === undefined
        ? ''
        : ` → ${isBaseTypeCode(parsed.target) ? labels.typeName(parsed.target) : (baseName(parsed.target) ?? parsed.target)}`;
    const head = `${disposition.codeName(parsed.code)}${target}`;
    return parsed.reason === '' ? head : `${head}：${parsed.reason}`;
  };
  return (
    <Card size="small" title={t('results.decision.history')} data-testid="decision-audit">
      <Table<AuditEntry>
        size="small"
        rowKey={(entry) => String(entry.seq ?? entry.at)}
        dataSource={[...(entries ?? [])].reverse()}
        loading={entries === undefined}
        pagination={false}
        locale={{ emptyText: t('results.decision.noHistory') }}
        columns={[
          {
            title: t('results.decision.time'),
            key: 'at',
            width: 160,
            render: (_, entry) => formatLocalTime(entry.at),
          },
          {
            title: t('results.operator.label'),
            key: 'actor',
            width: 100,
            render: (_, entry) => entry.actor,
          },
          {
            title: t('results.decision.detail'),
            key: 'detail',
            render: (_, entry) => detail(entry),
          },
        ]}
      />
    </Card>
  );
};
