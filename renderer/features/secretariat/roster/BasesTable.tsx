// The round's bases, filterable by type, city and name; each can be deleted (with
// confirmation) while the round is being set up.
import { App, Button, Card, Input, Popconfirm, Select, Space, Table } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BASE_TYPES, CITIES } from '../../../../shared/domain/taxonomy';
import type { Base, BaseTypeCode, CityName, Panel } from '../../../../shared/domain/types';
import { useLabels } from '../../../app/hooks/useLabels';
import { db } from '../../../db/instance';
import { deleteBase } from '../../../db/repositories/rosterRepository';
import { SETUP_ACTOR, setupDeps } from '../setupDeps';
import { useBaseTypeColumns } from './baseTypeColumns';

export const BasesTable = ({
  bases,
  panels,
  canDelete = false,
}: {
  bases: Base[];
  panels: Panel[];
  canDelete?: boolean;
}) => {
  const { t } = useTranslation();
  const labels = useLabels();
  const typeColumns = useBaseTypeColumns<Base>();
  const { message } = App.useApp();
  const remove = async (base: Base) => {
    const result = await deleteBase(db, base.id, SETUP_ACTOR, setupDeps);
    if (result.ok) message.success(t('roster.deleted', { name: base.name }));
    else message.error(result.error.message);
  };
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
          ...typeColumns,
          { title: t('secretariat.host'), dataIndex: 'hostInstitution' },
          { title: t('secretariat.city'), dataIndex: 'city', width: 80 },
          { title: t('secretariat.director'), dataIndex: 'director', width: 90 },
          { title: t('secretariat.year'), dataIndex: 'yearEstablished', width: 90 },
          {
            title: t('secretariat.panel'),
            dataIndex: 'panelId',
            render: (id: string | undefined) => (id ? (panelName.get(id) ?? '') : '—'),
          },
          ...(canDelete
            ? [
                {
                  title: t('roster.actions'),
                  key: 'actions',
                  width: 80,
                  render: (_: unknown, base: Base) => (
                    <Popconfirm
                      title={t('roster.deleteConfirm', { name: base.name })}
                      okText={t('common.confirm')}
                      okButtonProps={{ danger: true }}
                      cancelText={t('common.cancel')}
                      onConfirm={() => remove(base)}
                    >
                      <Button
                        size="small"
                        danger
                        type="link"
                        data-testid={`base-delete-${base.id}`}
                      >
                        {t('roster.delete')}
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
};
