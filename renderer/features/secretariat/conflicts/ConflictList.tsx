// Open and settled conflicts: base, expert, when and from which file each was found, and
// for settled ones who chose what and when.
import { Button, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ConflictListRow } from '../../../../shared/secretariat/conflictView';
import { formatLocalTime } from '../../scoring/AuditTrail';

export const ConflictList = ({
  rows,
  selectedId,
  onSelect,
}: {
  rows: readonly ConflictListRow[];
  selectedId: string | undefined;
  onSelect: (id: string) => void;
}) => {
  const { t } = useTranslation();
  return (
    <Table<ConflictListRow>
      size="small"
      data-testid="conflict-list"
      rowKey="id"
      dataSource={[...rows]}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
      locale={{ emptyText: t('results.conflicts.none') }}
      rowClassName={(row) => (row.id === selectedId ? 'ant-table-row-selected' : '')}
      onRow={(row) => ({ onClick: () => onSelect(row.id) })}
      columns={[
        {
          title: t('results.conflicts.status'),
          key: 'status',
          width: 90,
          render: (_, row) =>
            row.isOpen ? (
              <Tag color="red">{t('results.conflicts.open')}</Tag>
            ) : (
              <Tag color="green">{t('results.conflicts.resolved')}</Tag>
            ),
        },
        { title: t('results.conflicts.base'), key: 'base', render: (_, row) => row.baseName },
        { title: t('results.conflicts.expert'), key: 'expert', render: (_, row) => row.expertName },
        {
          title: t('results.conflicts.detectedAt'),
          key: 'detectedAt',
          render: (_, row) => formatLocalTime(row.detectedAt),
        },
        { title: t('results.conflicts.source'), key: 'source', render: (_, row) => row.sourceFile },
        {
          title: t('results.conflicts.outcome'),
          key: 'outcome',
          render: (_, row) =>
            row.isOpen
              ? '—'
              : t('results.conflicts.outcomeText', {
                  choice: t(`results.conflicts.choices.${row.resolution ?? 'local'}`),
                  actor: row.resolvedBy ?? t('results.conflicts.unknownActor'),
                  time: row.resolvedAt ? formatLocalTime(row.resolvedAt) : '',
                }),
        },
        {
          title: '',
          key: 'open',
          width: 90,
          render: (_, row) => (
            <Button
              size="small"
              type={row.isOpen ? 'primary' : 'default'}
              onClick={(event) => {
                event.stopPropagation();
                onSelect(row.id);
              }}
              data-testid={`conflict-open-${row.id}`}
            >
              {row.isOpen ? t('results.conflicts.resolve') : t('results.conflicts.view')}
            </Button>
          ),
        },
      ]}
    />
  );
};
