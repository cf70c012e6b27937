// The quota check above the results table: per base type, 优秀 over the ceiling and
// 整改 + 不合格 under the floor. Quotas only warn; grades and decisions stay as they are.
import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { QuotaView } from '../../../../shared/secretariat/resultsView';
import { useLabels } from '../../../app/hooks/useLabels';

export const QuotaWarnings = ({ quota, methodName }: { quota: QuotaView; methodName: string }) => {
  const { t } = useTranslation();
  const labels = useLabels();
  const hasWarnings = quota.warnings.length > 0;
  return (
    <Alert
      type={hasWarnings ? 'warning' : 'success'}
      showIcon
      data-testid="quota-warnings"
      data-count={quota.warnings.length}
      title={
        hasWarnings
          ? t('results.table.quotaTitle', { count: quota.warnings.length, method: methodName })
          : t('results.table.quotaOk', { method: methodName })
      }
      description={
        hasWarnings || quota.ungraded > 0 ? (
          <>
            {hasWarnings ? (
              <ul style={{ margin: 0, paddingLeft: 20 }}>
                {quota.warnings.map((w) => (
                  <li key={`${w.type}:${w.code}`} data-testid="quota-warning">
                    {t(`results.table.quota.${w.code}`, {
                      type: labels.typeName(w.type),
                      count: w.count,
                      total: w.total,
                      share: w.sharePercent,
                      limit: w.limitPercent,
                    })}
                  </li>
                ))}
              </ul>
            ) : null}
            {quota.ungraded > 0 ? (
              <Typography.Text type="secondary">
                {t('results.table.quotaUngraded', { count: quota.ungraded })}
              </Typography.Text>
            ) : null}
          </>
        ) : undefined
      }
    />
  );
};
