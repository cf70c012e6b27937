// Panels with their experts and each expert's load.
import { Card, Space, Table, Tag } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Assignment, Expert, Panel } from '../../../../shared/domain/types';

export const PanelsView = ({
  panels,
  experts,
  assignments,
}: {
  panels: Panel[];
  experts: Expert[];
  assignments: Assignment[];
}) => {
  const { t } = useTranslation();
  const loadByExpert = useMemo(() => {
    const counts = new Map<string, number>();
    for (const a of assignments) counts.set(a.expertId, (counts.get(a.expertId) ?? 0) + 1);
    return counts;
  }, [assignments]);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {panels.map((panel) => (
        <Card key={panel.id} title={panel.name} size="small" data-testid="panel-card">
          <Table<Expert>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={experts.filter((expert) => expert.panelId === panel.id)}
            columns={[
              {
                title: t('secretariat.expertName'),
                dataIndex: 'name',
                render: (name: string, expert: Expert) => (
                  <Space>
                    {name}
                    {panel.chairExpertId === expert.id ? (
                      <Tag color="blue">{t('secretariat.chair')}</Tag>
                    ) : null}
                  </Space>
                ),
              },
              { title: t('secretariat.institution'), dataIndex: 'institution' },
              { title: t('secretariat.expertTitle'), dataIndex: 'title' },
              { title: t('secretariat.field'), dataIndex: 'field' },
              {
                title: t('secretariat.assignedBases'),
                key: 'load',
                align: 'right',
                render: (_: unknown, expert: Expert) => loadByExpert.get(expert.id) ?? 0,
              },
            ]}
          />
        </Card>
      ))}
    </Space>
  );
};
