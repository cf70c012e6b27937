// 轮次变更 on the assignment tab, once the round bundles went out: the changes made since
// (kind, what, reason, who, when, undone or in effect), the four actions that record one
// (替换专家, 撤出基地, 调整专家组, 声明回避) and 撤销 per change, each in a dialog asking for a
// reason. The affected panels need a new round bundle: the existing issue flow re-issues it.
import { Alert, Button, Card, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoundChange } from '../../../../shared/domain/types';
import { useRoundChanges } from '../../../db/roundChangeHooks';
import { formatLocalTime } from '../../scoring/AuditTrail';
import { RoundChangeDialog } from './RoundChangeDialog';
import type { ChangeKind } from './RoundChangeDialog';
import type { AssignmentData } from './useAssignmentData';
import { useChangeText } from './useChangeText';
import { UndoChangeDialog } from './UndoChangeDialog';

const KINDS: readonly ChangeKind[] = [
  'replaceExpert',
  'withdrawBase',
  'moveBase',
  'declareConflict',
];

// A variable (and one real attribute) so the data-* attributes pass onRow's type.
const rowProps = (change: RoundChange) => {
  const props = {
    className: 'round-change-row',
    'data-testid': 'round-change-row',
    'data-kind': change.kind,
    'data-undone': change.undone === undefined ? 'false' : 'true',
  };
  return props;
};

export const RoundChangesCard = ({
  data,
  expertsPerBase,
}: {
  data: AssignmentData;
  expertsPerBase: number | null;
}) => {
  const { t } = useTranslation();
  const text = useChangeText(data);
  const changes = useRoundChanges(data.round.id);
  const [adding, setAdding] = useState<ChangeKind | null>(null);
  const [undoing, setUndoing] = useState<RoundChange | null>(null);
  const { round } = data;
  if (round.status === 'setup' || !changes) return null;
  const readOnly = round.archive
    ? t('changes.readOnlyArchived')
    : round.status === 'closed'
      ? t('changes.readOnlyClosed')
      : null;

  const columns: TableColumnsType<RoundChange> = [
    { key: 'at', title: t('changes.columns.at'), render: (_, c) => formatLocalTime(c.at) },
    { key: 'kind', title: t('changes.columns.kind'), render: (_, c) => text.kind(c) },
    {
      key: 'subject',
      title: t('changes.columns.subject'),
      render: (_, c) => <span data-testid="round-change-subject">{text.subject(c)}</span>,
    },
    { key: 'reason', title: t('changes.columns.reason'), dataIndex: 'reason' },
    { key: 'actor', title: t('changes.columns.actor'), dataIndex: 'actor' },
    {
      key: 'voids',
      title: t('changes.columns.voids'),
      render: (_, c) => t('changes.pairs', { count: c.voids.length }),
    },
    {
      key: 'state',
      title: t('changes.columns.state'),
      render: (_, c) =>
        c.undone ? (
          <Space orientation="vertical" size={0}>
            <Tag>{t('changes.undone')}</Tag>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('changes.undoneDetail', {
                actor: c.undone.actor,
                at: formatLocalTime(c.undone.at),
                reason: c.undone.reason,
              })}
            </Typography.Text>
          </Space>
        ) : (
          <Tag color="blue">{t('changes.standing')}</Tag>
        ),
    },
    {
      key: 'undo',
      title: '',
      render: (_, c) =>
        c.undone || readOnly ? null : (
          <Button size="small" onClick={() => setUndoing(c)} data-testid={`change-undo-${c.id}`}>
            {t('changes.actions.undo')}
          </Button>
        ),
    },
  ];

  return (
    <Card
      size="small"
      title={t('changes.title')}
      data-testid="round-changes"
      extra={
        readOnly ? null : (
          <Space wrap>
            {KINDS.map((kind) => (
              <Button key={kind} onClick={() => setAdding(kind)} data-testid={`change-${kind}`}>
                {t(`changes.actions.${kind}`)}
              </Button>
            ))}
          </Space>
        )
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('changes.intro')}</Typography.Text>
        {readOnly ? (
          <Alert type="info" showIcon title={readOnly} />
        ) : (
          <Alert type="warning" showIcon title={t('changes.reissueNotice')} />
        )}
        <Table<RoundChange>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={changes}
          onRow={rowProps}
          locale={{ emptyText: t('changes.empty') }}
          pagination={changes.length > 10 ? { pageSize: 10 } : false}
        />
      </Space>
      {adding ? (
        <RoundChangeDialog
          data={data}
          kind={adding}
          changes={changes}
          expertsPerBase={expertsPerBase}
          onClose={() => setAdding(null)}
        />
      ) : null}
      {undoing ? (
        <UndoChangeDialog data={data} change={undoing} onClose={() => setUndoing(null)} />
      ) : null}
    </Card>
  );
};
