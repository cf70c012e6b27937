// One panel: its experts with their load, the chair (组长) choice, and the panel's and each
// expert's actions. A panel whose round bundle was issued says that changes need a new bundle.
import { DeleteOutlined, EditOutlined, UserAddOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Assignment, Expert, Panel } from '../../../../shared/domain/types';
import type { IssuedBundle } from '../../../db/repositories/issueRepository';

export type PanelCardActions = {
  onRename: (panel: Panel) => void;
  onDelete: (panel: Panel) => void;
  onChooseChair: (panel: Panel, expertId: string | null) => void;
  onAddExpert: (panel: Panel) => void;
  onEditExpert: (expert: Expert) => void;
  onRemoveExpert: (expert: Expert) => void;
};

export const PanelCard = ({
  panel,
  experts,
  loadByExpert,
  issued,
  isLocked,
  actions,
}: {
  panel: Panel;
  experts: readonly Expert[];
  loadByExpert: ReadonlyMap<string, number>;
  issued: IssuedBundle | undefined;
  /** Archived or closed round: show, never change. */
  isLocked: boolean;
  actions: PanelCardActions;
}) => {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      data-testid="panel-card"
      data-panel-name={panel.name}
      title={
        <Space wrap>
          <span>{panel.name}</span>
          <Tag>{t('setup.panels.expertCount', { count: experts.length })}</Tag>
          {issued ? <Tag color="green">{t('setup.panels.issued')}</Tag> : null}
        </Space>
      }
      extra={
        isLocked ? null : (
          <Space wrap>
            <Typography.Text type="secondary">{t('setup.panels.chair')}</Typography.Text>
            <Select<string>
              allowClear
              value={panel.chairExpertId}
              placeholder={t('setup.panels.chooseChair')}
              style={{ width: 160 }}
              onChange={(id) => actions.onChooseChair(panel, id ?? null)}
              options={experts.map((e) => ({ value: e.id, label: e.name }))}
              data-testid="chair-select"
            />
            <Button
              icon={<UserAddOutlined />}
              onClick={() => actions.onAddExpert(panel)}
              data-testid="add-expert"
            >
              {t('setup.panels.addExpert')}
            </Button>
            <Button
              icon={<EditOutlined />}
              onClick={() => actions.onRename(panel)}
              data-testid="rename-panel"
            >
              {t('setup.panels.rename')}
            </Button>
            <Button
              danger
              icon={<DeleteOutlined />}
              onClick={() => actions.onDelete(panel)}
              data-testid="delete-panel"
            >
              {t('setup.panels.delete')}
            </Button>
          </Space>
        )
      }
    >
      {issued && !isLocked ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          title={t('setup.panels.issuedNote', { file: issued.fileName })}
        />
      ) : null}
      <Table<Expert>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={[...experts]}
        locale={{ emptyText: t('setup.panels.noExperts') }}
        columns={[
          {
            title: t('secretariat.expertName'),
            dataIndex: 'name',
            render: (name: string, expert: Expert) => (
              <Space>
                {name}
                {panel.chairExpertId === expert.id ? (
                  <Tag color="blue" data-testid="chair-tag">
                    {t('secretariat.chair')}
                  </Tag>
                ) : null}
              </Space>
            ),
          },
          { title: t('secretariat.institution'), dataIndex: 'institution' },
          { title: t('secretariat.expertTitle'), dataIndex: 'title' },
          { title: t('secretariat.field'), dataIndex: 'field' },
          { title: t('setup.experts.phone'), dataIndex: 'phone' },
          {
            title: t('secretariat.assignedBases'),
            key: 'load',
            align: 'right',
            render: (_: unknown, expert: Expert) => loadByExpert.get(expert.id) ?? 0,
          },
          ...(isLocked
            ? []
            : [
                {
                  title: t('setup.panels.actions'),
                  key: 'actions',
                  width: 150,
                  render: (_: unknown, expert: Expert) => (
                    <Space size={0}>
                      <Button
                        type="link"
                        size="small"
                        onClick={() => actions.onEditExpert(expert)}
                        data-testid="edit-expert"
                      >
                        {t('setup.experts.edit')}
                      </Button>
                      <Popconfirm
                        title={t('setup.experts.removeConfirm', {
                          name: expert.name,
                          count: loadByExpert.get(expert.id) ?? 0,
                        })}
                        okText={t('common.confirm')}
                        cancelText={t('common.cancel')}
                        onConfirm={() => actions.onRemoveExpert(expert)}
                      >
                        <Button type="link" size="small" danger data-testid="remove-expert">
                          {t('setup.experts.remove')}
                        </Button>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]),
        ]}
      />
    </Card>
  );
};

export function loadOf(assignments: readonly Assignment[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const a of assignments) counts.set(a.expertId, (counts.get(a.expertId) ?? 0) + 1);
  return counts;
}
