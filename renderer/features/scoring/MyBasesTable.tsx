// "My bases": the chosen expert's assigned bases, filterable by state and type. A row opens
// its scoresheet on click or Enter (rows are in the Tab order).
import { Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BaseTypeCode } from '../../../shared/domain/types';
import { useLabels } from '../../app/hooks/useLabels';
import { filterWorkRows, typesOf, workProgress } from './workRows';
import type { WorkFilter, WorkRow } from './workRows';
import { SHEET_STATES, STATE_TAG_COLORS } from './stateStyle';

export const MyBasesTable = ({
  rows,
  onOpen,
}: {
  rows: readonly WorkRow[];
  onOpen: (baseId: string) => void;
}) => {
  const { t } = useTranslation();
  const labels = useLabels();
  const [filter, setFilter] = useState<WorkFilter>({ state: 'all', type: 'all' });
  const shown = filterWorkRows(rows, filter);
  const progress = workProgress(rows);

  return (
    <div data-testid="my-bases">
      <Space style={{ marginBottom: 12 }} wrap>
        <Select<WorkFilter['state']>
          style={{ width: 160 }}
          aria-label={t('scoring.state')}
          value={filter.state}
          onChange={(state) => setFilter((f) => ({ ...f, state }))}
          options={[
            { value: 'all', label: t('scoring.filterAllStates') },
            ...SHEET_STATES.map((state) => ({
              value: state,
              label: `${t(`scoring.states.${state}`)}（${progress[state]}）`,
            })),
            ...(progress.voided > 0
              ? [
                  {
                    value: 'voided' as const,
                    label: t('voided.filter', { count: progress.voided }),
                  },
                ]
              : []),
          ]}
          data-testid="filter-state"
        />
        <Select<BaseTypeCode | 'all'>
          style={{ width: 240 }}
          aria-label={t('secretariat.type')}
          value={filter.type}
          onChange={(type) => setFilter((f) => ({ ...f, type }))}
          options={[
            { value: 'all', label: t('scoring.filterAllTypes') },
            ...typesOf(rows).map((type) => ({
              value: type,
              label: `${type} ${labels.typeName(type)}`,
            })),
          ]}
          data-testid="filter-type"
        />
        <Typography.Text type="secondary">{t('scoring.openHint')}</Typography.Text>
      </Space>
      <Table<WorkRow>
        size="small"
        rowKey={(row) => row.base.id}
        dataSource={shown}
        locale={{ emptyText: t('scoring.noBases') }}
        pagination={false}
        onRow={(row) => ({
          tabIndex: 0,
          style: { cursor: 'pointer' },
          onClick: () => onOpen(row.base.id),
          onKeyDown: (event) => {
            if (event.key === 'Enter') onOpen(row.base.id);
          },
        })}
        columns={[
          {
            title: t('scoring.base'),
            key: 'name',
            render: (_, row) => <Typography.Text strong>{row.base.name}</Typography.Text>,
          },
          {
            title: t('secretariat.type'),
            key: 'type',
            render: (_, row) => `${row.base.type} ${labels.typeName(row.base.type)}`,
          },
          {
            title: t('secretariat.host'),
            key: 'host',
            render: (_, row) => row.base.hostInstitution,
          },
          { title: t('secretariat.city'), key: 'city', render: (_, row) => row.base.city },
          {
            title: t('scoring.state'),
            key: 'state',
            render: (_, row) =>
              row.voided ? (
                <>
                  <Tag data-testid="row-state" data-voided="true">
                    {t('voided.tag')}
                  </Tag>
                  <Typography.Text type="secondary" data-testid="row-voided-reason">
                    {t('voided.rowReason', { reason: row.voided.reason })}
                  </Typography.Text>
                </>
              ) : (
                <Tag color={STATE_TAG_COLORS[row.state]} data-testid="row-state">
                  {t(`scoring.states.${row.state}`)}
                </Tag>
              ),
          },
          {
            title: t('scoring.total'),
            key: 'total',
            align: 'right',
            render: (_, row) => (row.total === null ? '—' : row.total.toFixed(1)),
          },
          {
            title: t('scoring.recusalReason'),
            key: 'reason',
            render: (_, row) => (row.voided ? '' : (row.recusal?.reason ?? '')),
          },
        ]}
      />
    </div>
  );
};
