// Secretariat area: the round's roster of bases and its panels and experts. Round setup,
// roster import, assignment and bundle exchange are added here by the secretariat work.
import { Card, Empty, Input, Select, Space, Spin, Table, Tabs, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAssignments, useBases, useCurrentRound, useExperts, usePanels } from '../../db/hooks';
import { BASE_TYPES, CITIES } from '../../../shared/domain/taxonomy';
import type {
  Assignment,
  Base,
  BaseTypeCode,
  CityName,
  Expert,
  Panel,
} from '../../../shared/domain/types';
import { useLabels } from '../../app/hooks/useLabels';

export const SecretariatPage = () => {
  const { t } = useTranslation();
  const round = useCurrentRound();
  const bases = useBases(round?.id);
  const panels = usePanels(round?.id);
  const experts = useExperts(round?.id);
  const assignments = useAssignments(round?.id);
  if (round === undefined) return <Spin />;
  if (round === null) return <Empty description={t('home.noRoundTitle')} />;
  if (!bases || !panels || !experts || !assignments) return <Spin />;
  return (
    <div>
      <Typography.Title level={3}>{t('secretariat.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('secretariat.intro')}</Typography.Paragraph>
      <Tabs
        items={[
          {
            key: 'bases',
            label: `${t('secretariat.basesTab')} (${bases.length})`,
            children: <BasesTable bases={bases} panels={panels} />,
          },
          {
            key: 'panels',
            label: `${t('secretariat.panelsTab')} (${panels.length})`,
            children: <PanelsView panels={panels} experts={experts} assignments={assignments} />,
          },
        ]}
      />
    </div>
  );
};

const BasesTable = ({ bases, panels }: { bases: Base[]; panels: Panel[] }) => {
  const { t } = useTranslation();
  const labels = useLabels();
  const [type, setType] = useState<BaseTypeCode | undefined>();
  const [city, setCity] = useState<CityName | undefined>();
  const [search, setSearch] = useState('');
  const panelName = useMemo(() => new Map(panels.map((p) => [p.id, p.name])), [panels]);
  const visible = bases.filter(
    (base) =>
      (type === undefined || base.type === type) &&
      (city === undefined || base.city === city) &&
      (search.trim() === '' ||
        base.name.includes(search.trim()) ||
        base.hostInstitution.includes(search.trim())),
  );
  return (
    <Card>
      <Space style={{ marginBottom: 12 }} wrap>
        <Select<BaseTypeCode>
          allowClear
          placeholder={t('secretariat.filterType')}
          style={{ width: 220 }}
          value={type}
          onChange={setType}
          options={BASE_TYPES.map((info) => ({
            value: info.code,
            label: `${info.code} ${labels.typeName(info.code)}`,
          }))}
        />
        <Select<CityName>
          allowClear
          placeholder={t('secretariat.filterCity')}
          style={{ width: 140 }}
          value={city}
          onChange={setCity}
          options={CITIES.map((name) => ({ value: name, label: name }))}
        />
        <Input.Search
          allowClear
          placeholder={t('secretariat.search')}
          style={{ width: 260 }}
          onChange={(event) => setSearch(event.target.value)}
        />
      </Space>
      <Table<Base>
        size="small"
        rowKey="id"
        dataSource={visible}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        data-testid="bases-table"
        columns={[
          { title: t('secretariat.name'), dataIndex: 'name', width: 280 },
          {
            title: t('secretariat.type'),
            dataIndex: 'type',
            render: (code: BaseTypeCode) => <Tag>{`${code} ${labels.typeName(code)}`}</Tag>,
          },
          {
            title: t('secretariat.legacyType'),
            dataIndex: 'legacyType',
            render: (_: unknown, base: Base) => labels.legacyTypeName(base.legacyType),
          },
          { title: t('secretariat.host'), dataIndex: 'hostInstitution' },
          { title: t('secretariat.city'), dataIndex: 'city', width: 80 },
          { title: t('secretariat.director'), dataIndex: 'director', width: 90 },
          { title: t('secretariat.year'), dataIndex: 'yearEstablished', width: 90 },
          {
            title: t('secretariat.panel'),
            dataIndex: 'panelId',
            render: (id: string | undefined) => (id ? (panelName.get(id) ?? '') : '—'),
          },
        ]}
      />
    </Card>
  );
};

const PanelsView = ({
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
