// The scoresheet's audit log (newest first): who created, changed, submitted, reopened or
// recused it, and when.
import { Button, Card, Table } from 'antd';
import { useState, memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditAction, AuditEntry } from '../../../shared/domain/types';
import { useSheetAudit } from './useScoringData';

const SHOWN = 10;

const ACTION_KEYS: Partial<Record<AuditAction, string>> = {
  'scoresheet.create': 'create',
  'scoresheet.update': 'update',
  'scoresheet.submit': 'submit',
  'scoresheet.reopen': 'reopen',
  'scoresheet.recuse': 'recuse',
  'scoresheet.import': 'import',
  'scoresheet.resolveConflict': 'resolveConflict',
};

export const formatLocalTime = (iso: string): string => {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(
    date.getHours(),
  )}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
};

const AuditTrailView = ({ sheetId }: { sheetId: string | undefined }) => {
  const { t } = useTranslation();
  const entries = useSheetAudit(sheetId);
  const [showAll, setShowAll] = useState(false);
  const newestFirst = [...(entries ?? [])].reverse();
  const shown = showAll ? newestFirst : newestFirst.slice(0, SHOWN);
  return (
    <Card
      size="small"
      title={t('scoring.audit.title')}
      className="no-print"
      data-testid="audit-trail"
    >
      <Table<AuditEntry>
        size="small"
        rowKey={(entry) => String(entry.seq ?? entry.at)}
        dataSource={shown}
        pagination={false}
        loading={entries === undefined}
        locale={{ emptyText: t('scoring.audit.empty') }}
        columns={[
          {
            title: t('scoring.audit.time'),
            key: 'at',
            width: 170,
            render: (_, entry) => formatLocalTime(entry.at),
          },
          {
            title: t('scoring.audit.action'),
            key: 'action',
            width: 100,
            render: (_, entry) =>
              t(`scoring.audit.actions.${ACTION_KEYS[entry.action] ?? 'other'}`),
          },
          { title: t('scoring.audit.actor'), key: 'actor', width: 120, render: (_, e) => e.actor },
          { title: t('scoring.audit.detail'), key: 'detail', render: (_, e) => e.detail ?? '' },
        ]}
      />
      {!showAll && newestFirst.length > SHOWN ? (
        <Button type="link" onClick={() => setShowAll(true)}>
          {t('scoring.audit.showAll', { count: newestFirst.length })}
        </Button>
      ) : null}
    </Card>
  );
};

/** Memoised: the sheet re-renders on every save state change, this part need not. */
export const AuditTrail = memo(AuditTrailView);
