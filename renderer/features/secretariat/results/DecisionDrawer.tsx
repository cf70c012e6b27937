// One base's decision: its result, the experts' recommendations, the current decision with
// who recorded it and when, the form to record (or change) it, and the audit history.
import { Descriptions, Drawer, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { recommendationTally } from '../../../../shared/secretariat/decisions';
import type { ResultRow } from '../../../../shared/secretariat/resultsView';
import type { Base, FinalDecision, Scoresheet } from '../../../../shared/domain/types';
import { GRADE_COLORS, formatScore, useLabels } from '../../../app/hooks/useLabels';
import { formatLocalTime } from '../../scoring/AuditTrail';
import { DecisionAudit } from './DecisionAudit';
import { DecisionForm } from './DecisionForm';
import { useDispositionText } from './useDispositionText';

export const DecisionDrawer = ({
  row,
  bases,
  decisions,
  scoresheets,
  isReadOnly,
  onClose,
}: {
  row: ResultRow;
  bases: readonly Base[];
  decisions: readonly FinalDecision[];
  scoresheets: readonly Scoresheet[];
  isReadOnly: boolean;
  onClose: () => void;
}) => {
  const { t } = useTranslation();
  const labels = useLabels();
  const disposition = useDispositionText();
  const { result, decision } = row;
  const { base } = result;
  const names = new Map(bases.map((b) => [b.id, b.name]));
  const baseName = (id: string) => names.get(id);
  const tally = recommendationTally(scoresheets, base.id);
  return (
    <Drawer
      open
      size={560}
      onClose={onClose}
      title={base.name}
      destroyOnHidden
      data-testid="decision-drawer"
    >
      <Space orientation="vertical" style={{ width: '100%' }} size="middle">
        <Descriptions size="small" column={2} bordered>
          <Descriptions.Item label={t('results.table.type')}>
            {labels.typeName(base.type)}
          </Descriptions.Item>
          <Descriptions.Item label={t('results.table.panel')}>
            {row.panelName || '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('results.table.aggregate')}>
            {formatScore(result.aggregate)}
          </Descriptions.Item>
          <Descriptions.Item label={t('results.table.grade')}>
            {result.grade ? (
              <Tag color={GRADE_COLORS[result.grade]}>{labels.gradeName(result.grade)}</Tag>
            ) : (
              '—'
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('results.table.rankInType')}>
            {result.rankInType === null ? '—' : `${result.rankInType} / ${result.typeCount}`}
          </Descriptions.Item>
          <Descriptions.Item label={t('results.table.sheets')}>{result.sheets}</Descriptions.Item>
          <Descriptions.Item label={t('results.decision.recommendations')} span={2}>
            {tally.length === 0
              ? t('common.none')
              : tally.map((entry) => (
                  <Tag key={entry.code}>
                    {t('results.decision.tallyItem', {
                      name: disposition.codeName(entry.code),
                      count: entry.count,
                    })}
                  </Tag>
                ))}
          </Descriptions.Item>
        </Descriptions>
        <div data-testid="decision-current">
          {decision ? (
            <Typography.Paragraph style={{ marginBottom: 0 }}>
              {t('results.decision.current', {
                text: disposition.text(decision.disposition, baseName),
                actor: decision.decidedBy,
                time: formatLocalTime(decision.decidedAt),
              })}
              <br />
              <Typography.Text type="secondary">
                {t('results.decision.currentReason', {
                  reason: decision.reason || t('common.none'),
                })}
              </Typography.Text>
              {decision.basis ? (
                <Typography.Text type="secondary" data-testid="decision-basis">
                  <br />
                  {t('closing.basis', {
                    aggregate: formatScore(decision.basis.aggregate),
                    method: t(`results.table.methodShort.${decision.basis.method}`),
                    grade: labels.gradeName(decision.basis.grade),
                    sheets: decision.basis.sheets,
                  })}
                </Typography.Text>
              ) : null}
            </Typography.Paragraph>
          ) : (
            <Typography.Text type="secondary">{t('results.decision.none')}</Typography.Text>
          )}
        </div>
        <DecisionForm
          key={`${base.id}:${decision?.decidedAt ?? ''}`}
          base={base}
          bases={bases}
          decisions={decisions}
          current={decision}
          suggestion={row.suggestion}
          isReadOnly={isReadOnly}
        />
        <DecisionAudit baseId={base.id} baseName={baseName} />
      </Space>
    </Drawer>
  );
};
