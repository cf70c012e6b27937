// Every conflict of interest of the round, automatic (same institution) and declared, with
// where it stands: 已回避 (recorded), 已安排评审！ (a conflicted expert still assigned),
// pending (in the same panel, recorded at the next assignment) or in another panel. Filter
// by panel, by "same panel only", and search; 声明回避 adds a declaration.
import { Button, Card, Input, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pairKey } from '../../../../shared/secretariat/conflicts';
import type { ConflictOfInterest } from '../../../../shared/secretariat/conflicts';
import type { AssignmentData } from './useAssignmentData';

type Status = 'recused' | 'violation' | 'pending' | 'otherPanel';

const STATUS_COLORS: Record<Status, string> = {
  recused: 'purple',
  violation: 'red',
  pending: 'orange',
  otherPanel: 'default',
};

const STATUS_KEYS: Record<Status, string> = {
  recused: 'statusRecused',
  violation: 'statusViolation',
  pending: 'statusPending',
  otherPanel: 'statusOtherPanel',
};

type Row = ConflictOfInterest & {
  key: string;
  status: Status;
  expertPanelId: string | undefined;
  basePanelId: string | undefined;
};

export const ConflictList = ({
  data,
  isReadOnly,
  onDeclare,
}: {
  data: AssignmentData;
  isReadOnly: boolean;
  onDeclare: () => void;
}) => {
  const { t } = useTranslation();
  const [panelFilter, setPanelFilter] = useState<string | undefined>();
  const [samePanelOnly, setSamePanelOnly] = useState(true);
  const [search, setSearch] = useState('');
  const { assignments, scoresheets } = data.records;

  const rows = useMemo(() => {
    const byPair = new Map(assignments.map((a) => [pairKey(a.expertId, a.baseId), a]));
    // An expert's own 回避 arrives on the sheet; it recuses the pair like one on the record.
    const recusedOnSheet = new Set(
      scoresheets.filter((s) => s.recusal).map((s) => pairKey(s.expertId, s.baseId)),
    );
    return data.conflicts.map((c): Row => {
      const expertPanelId = data.expertById.get(c.expertId)?.panelId;
      const basePanelId = data.baseById.get(c.baseId)?.panelId;
      const record = byPair.get(pairKey(c.expertId, c.baseId));
      const status: Status =
        expertPanelId !== basePanelId
          ? 'otherPanel'
          : record === undefined
            ? 'pending'
            : record.recusal || recusedOnSheet.has(pairKey(c.expertId, c.baseId))
              ? 'recused'
              : 'violation';
      return {
        ...c,
        key: `${pairKey(c.expertId, c.baseId)}|${c.kind}`,
        status,
        expertPanelId,
        basePanelId,
      };
    });
  }, [data, assignments, scoresheets]);

  const text = search.trim();
  const visible = rows.filter((r) => {
    if (samePanelOnly && r.status === 'otherPanel') return false;
    if (
      panelFilter !== undefined &&
      r.expertPanelId !== panelFilter &&
      r.basePanelId !== panelFilter
    ) {
      return false;
    }
    if (text === '') return true;
    const expert = data.expertById.get(r.expertId);
    const base = data.baseById.get(r.baseId);
    return [expert?.name, expert?.institution, base?.name, base?.hostInstitution].some((s) =>
      s?.includes(text),
    );
  });
  const panelName = (id: string | undefined) =>
    id === undefined ? t('assignment.placement.unplaced') : (data.panelById.get(id)?.name ?? id);
  const rowProps = (row: Row) => {
    // A variable (and one real attribute) so the data-* attributes pass onRow's type.
    const props = {
      className: `conflict-row conflict-${row.status}`,
      'data-testid': 'conflict-row',
      'data-expert-id': row.expertId,
      'data-base-id': row.baseId,
      'data-kind': row.kind,
      'data-status': row.status,
    };
    return props;
  };

  return (
    <Card size="small" data-testid="conflict-list">
      <Space style={{ marginBottom: 12 }} wrap>
        <Button
          danger
          disabled={isReadOnly}
          onClick={onDeclare}
          data-testid="declare-conflict-button"
        >
          {t('assignment.conflicts.declare')}
        </Button>
        <Select<string>
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('assignment.conflicts.filterPanel')}
          style={{ width: 200 }}
          value={panelFilter}
          onChange={setPanelFilter}
          data-testid="conflict-panel-filter"
          options={data.records.panels.map((p) => ({ value: p.id, label: p.name }))}
        />
        <Space>
          <Switch
            checked={samePanelOnly}
            onChange={setSamePanelOnly}
            data-testid="conflict-same-panel"
          />
          {t('assignment.conflicts.samePanelOnly')}
        </Space>
        <Input.Search
          allowClear
          style={{ width: 220 }}
          onChange={(e) => setSearch(e.target.value)}
        />
        <Typography.Text type="secondary" data-testid="conflict-count">
          {visible.length === 0
            ? t('assignment.conflicts.none')
            : t('assignment.conflicts.count', { count: visible.length })}
        </Typography.Text>
      </Space>
      <Table<Row>
        size="small"
        rowKey="key"
        dataSource={visible}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        onRow={rowProps}
        columns={[
          {
            title: t('assignment.conflicts.expert'),
            key: 'expert',
            render: (_, r) => {
              const expert = data.expertById.get(r.expertId);
              return (
                <Space direction="vertical" size={0}>
                  <span data-testid="conflict-expert">{expert?.name ?? r.expertId}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {expert?.institution}
                  </Typography.Text>
                </Space>
              );
            },
          },
          {
            title: t('assignment.conflicts.base'),
            key: 'base',
            render: (_, r) => {
              const base = data.baseById.get(r.baseId);
              return (
                <Space direction="vertical" size={0}>
                  <span data-testid="conflict-base">{base?.name ?? r.baseId}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {base?.hostInstitution}
                  </Typography.Text>
                </Space>
              );
            },
          },
          {
            title: t('assignment.conflicts.panels'),
            key: 'panels',
            render: (_, r) =>
              r.expertPanelId === r.basePanelId
                ? panelName(r.basePanelId)
                : `${panelName(r.expertPanelId)} / ${panelName(r.basePanelId)}`,
          },
          {
            title: t('assignment.conflicts.kind'),
            key: 'kind',
            render: (_, r) => (
              <Tag color={r.kind === 'institution' ? 'red' : 'volcano'}>
                {t(`assignment.conflicts.sources.${r.source}`)}
              </Tag>
            ),
          },
          { title: t('assignment.conflicts.reason'), dataIndex: 'reason' },
          {
            title: t('assignment.conflicts.status'),
            key: 'status',
            render: (_, r) => (
              <Tag color={STATUS_COLORS[r.status]} data-testid="conflict-status">
                {t(`assignment.conflicts.${STATUS_KEYS[r.status]}`)}
              </Tag>
            ),
          },
        ]}
      />
    </Card>
  );
};
