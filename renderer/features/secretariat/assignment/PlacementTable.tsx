// Every base with its panel, and a select to move it by hand to another panel (its experts
// are then re-assigned from the new panel). Filter by panel (or bases in none) and search.
// Paginated, so a round of 1,000 bases renders 20 rows at a time.
import { Card, Input, Select, Space, Table, Tooltip } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Base } from '../../../../shared/domain/types';
import { db } from '../../../db/instance';
import { moveBaseToPanel } from '../../../db/repositories/assignmentRepository';
import { useBaseTypeColumn } from '../roster/baseTypeColumns';
import { SETUP_ACTOR, setupDeps } from '../setupDeps';
import type { AssignmentData } from './useAssignmentData';
import { useAssignmentFeedback } from './useAssignmentFeedback';

const UNPLACED = '__none__';

export const PlacementTable = ({
  data,
  expertsPerBase,
  isReadOnly,
}: {
  data: AssignmentData;
  expertsPerBase: number | null;
  isReadOnly: boolean;
}) => {
  const { t } = useTranslation();
  const typeColumn = useBaseTypeColumn<Base>();
  const feedback = useAssignmentFeedback(data.panelById);
  const [panelFilter, setPanelFilter] = useState<string | undefined>();
  const [search, setSearch] = useState('');
  const { bases, panels, assignments } = data.records;

  const reviewers = useMemo(() => {
    const counts = new Map<string, number>();
    for (const a of assignments) {
      if (!a.recusal) counts.set(a.baseId, (counts.get(a.baseId) ?? 0) + 1);
    }
    return counts;
  }, [assignments]);

  const text = search.trim();
  const visible = bases.filter((b) => {
    const inPanel =
      panelFilter === undefined ||
      (panelFilter === UNPLACED
        ? b.panelId === undefined || !data.panelById.has(b.panelId)
        : b.panelId === panelFilter);
    return inPanel && (text === '' || b.name.includes(text) || b.hostInstitution.includes(text));
  });

  const move = async (base: Base, panelId: string) => {
    const result = await moveBaseToPanel(
      db,
      {
        roundId: data.round.id,
        baseId: base.id,
        panelId,
        ...(expertsPerBase === null ? {} : { expertsPerBase }),
      },
      SETUP_ACTOR,
      setupDeps,
    );
    feedback(result, t('assignment.placement.moved'));
  };

  const panelOptions = panels.map((p) => ({ value: p.id, label: p.name }));
  return (
    <Card size="small">
      <Space style={{ marginBottom: 12 }} wrap>
        <Select<string>
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('assignment.placement.filterPanel')}
          style={{ width: 200 }}
          value={panelFilter}
          onChange={setPanelFilter}
          data-testid="placement-panel-filter"
          options={[
            { value: UNPLACED, label: t('assignment.placement.unplaced') },
            ...panelOptions,
          ]}
        />
        <Input.Search
          allowClear
          placeholder={t('assignment.placement.search')}
          style={{ width: 260 }}
          onChange={(event) => setSearch(event.target.value)}
        />
      </Space>
      <Table<Base>
        size="small"
        rowKey="id"
        dataSource={visible}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        data-testid="placement-table"
        columns={[
          { title: t('assignment.placement.name'), dataIndex: 'name', width: 280 },
          typeColumn,
          { title: t('assignment.placement.host'), dataIndex: 'hostInstitution' },
          { title: t('assignment.placement.city'), dataIndex: 'city', width: 80 },
          {
            title: t('assignment.placement.panel'),
            key: 'panel',
            width: 190,
            render: (_, base) => {
              const isLocked = data.startedBaseIds.has(base.id);
              const select = (
                <Select<string>
                  size="small"
                  style={{ width: 170 }}
                  data-testid="placement-select"
                  placeholder={t('assignment.placement.unplaced')}
                  value={
                    base.panelId !== undefined && data.panelById.has(base.panelId)
                      ? base.panelId
                      : undefined
                  }
                  disabled={isReadOnly || isLocked}
                  options={panelOptions}
                  onChange={(panelId) => void move(base, panelId)}
                />
              );
              return isLocked ? (
                <Tooltip title={t('assignment.placement.lockedHint')}>{select}</Tooltip>
              ) : (
                select
              );
            },
          },
          {
            title: t('assignment.placement.experts'),
            key: 'experts',
            align: 'right',
            width: 90,
            render: (_, base) => reviewers.get(base.id) ?? 0,
          },
        ]}
      />
    </Card>
  );
};
