// The 冲突 tab's label with the number of open conflicts, kept live.
import { Badge, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useOpenConflictCount } from '../../../db/resultsHooks';

export const ConflictsTabLabel = ({ roundId }: { roundId: string }) => {
  const { t } = useTranslation();
  const open = useOpenConflictCount(roundId) ?? 0;
  return (
    <Space size={6} data-testid="conflicts-tab-label" data-open={open}>
      {t('results.tabs.conflicts')}
      {open > 0 ? (
        <Badge count={open} aria-label={t('results.conflicts.openCount', { count: open })} />
      ) : null}
    </Space>
  );
};
