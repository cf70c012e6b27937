// The 冲突 tab: every scoresheet conflict of the round (open ones first) and, for the one
// chosen, the side-by-side view with keep / take / agree-by-hand.
import { Alert, Space, Spin, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Round } from '../../../../shared/domain/types';
import { conflictList } from '../../../../shared/secretariat/conflictView';
import { useConflictRecords } from '../../../db/resultsHooks';
import { ConflictList } from './ConflictList';
import { ConflictSideBySide } from './ConflictSideBySide';

export const ConflictsTab = ({ round }: { round: Round }) => {
  const { t } = useTranslation();
  const records = useConflictRecords(round.id);
  const rows = useMemo(() => (records ? conflictList(records) : undefined), [records]);
  const [chosenId, setChosenId] = useState<string | undefined>(undefined);
  const baseNames = useMemo(
    () => new Map((records?.bases ?? []).map((b) => [b.id, b.name])),
    [records],
  );
  if (!rows) return <Spin />;
  const open = rows.filter((r) => r.isOpen).length;
  // Until one is chosen, the oldest open conflict is shown.
  const selected = rows.find((r) => r.id === chosenId) ?? rows.find((r) => r.isOpen);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t('results.conflicts.intro')}
      </Typography.Paragraph>
      {open > 0 ? (
        <Alert type="warning" showIcon title={t('results.conflicts.openCount', { count: open })} />
      ) : null}
      {round.archive ? <Alert type="info" showIcon title={t('results.archived')} /> : null}
      {round.status === 'closed' ? (
        <Alert type="info" showIcon title={t('closing.readOnly.conflicts')} />
      ) : null}
      <ConflictList rows={rows} selectedId={selected?.id} onSelect={setChosenId} />
      {selected ? (
        <ConflictSideBySide
          key={selected.id}
          row={selected}
          baseName={(id) => baseNames.get(id)}
          onResolved={setChosenId}
        />
      ) : null}
    </Space>
  );
};
