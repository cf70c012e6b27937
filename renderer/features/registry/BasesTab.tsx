// 基地库: every base the department knows, by registry code, as the fold of the approvals
// and the accepted rounds gives it. Filters and search narrow the table and the Excel
// export alike; a click on a row opens the base's history. Paginated, so a registry of
// thousands of bases renders one page of rows.
import { FileExcelOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Input, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CATEGORIES, CITIES } from '../../../shared/domain/taxonomy';
import type { RegistryBase } from '../../../shared/registry/types';
import { useRegistryState } from '../../db/registryHooks';
import { useSaveFile } from '../secretariat/desktopFiles';
import { ApprovalsImport } from './ApprovalsImport';
import { BaseHistoryDrawer } from './BaseHistoryDrawer';
import { basesWorkbookBytes } from './basesWorkbook';
import { approvalYears, filterBases } from './basesFilter';
import type { BasesFilter } from './basesFilter';
import {
  REGISTRY_STATUSES,
  rowTestProps,
  STATUS_COLORS,
  useRegistryLabels,
} from './registryLabels';

const today = (): string => new Date().toISOString().slice(0, 10);

export const BasesTab = () => {
  const { t } = useTranslation();
  const labels = useRegistryLabels();
  const state = useRegistryState();
  const saveFile = useSaveFile();
  const [filter, setFilter] = useState<BasesFilter>({});
  const [openCode, setOpenCode] = useState<string | undefined>(undefined);
  const [isExporting, setIsExporting] = useState(false);
  const bases = useMemo(() => state?.bases ?? [], [state]);
  const byCode = useMemo(() => new Map(bases.map((b) => [b.code, b])), [bases]);
  const shown = useMemo(() => filterBases(bases, filter), [bases, filter]);
  const years = useMemo(() => approvalYears(bases), [bases]);
  const nameOf = (code: string) => byCode.get(code)?.name;
  const set = (patch: Partial<BasesFilter>) => setFilter((current) => ({ ...current, ...patch }));

  const exportExcel = async () => {
    setIsExporting(true);
    try {
      await saveFile(
        {
          suggestedName: `${t('registry.bases.exportFileName')}-${today()}`,
          kind: 'xlsx',
          bytes: basesWorkbookBytes(shown, bases),
        },
        {
          saved: t('registry.bases.exported', { count: shown.length }),
          failed: (message) => t('registry.bases.exportFailed', { message }),
        },
      );
    } finally {
      setIsExporting(false);
    }
  };

  const columns: TableColumnsType<RegistryBase> = [
    { title: t('registry.bases.code'), dataIndex: 'code', width: 120 },
    { title: t('registry.bases.name'), dataIndex: 'name', width: 260 },
    {
      title: t('registry.bases.type'),
      key: 'type',
      width: 210,
      render: (_: unknown, base) => (
        <Space orientation="vertical" size={0}>
          <span data-testid={`registry-type-${base.code}`}>{labels.shownType(base)}</span>
          {base.previousType === undefined ? null : (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('registry.bases.previousType', { type: labels.anyTypeName(base.previousType) })}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('registry.bases.statusColumn'),
      key: 'status',
      width: 230,
      render: (_: unknown, base) => (
        <Tag
          color={STATUS_COLORS[base.status]}
          style={{ whiteSpace: 'normal' }}
          data-testid={`registry-status-${base.code}`}
          data-status={base.status}
        >
          {labels.statusText(base, nameOf)}
        </Tag>
      ),
    },
    {
      title: t('registry.bases.category'),
      dataIndex: 'category',
      width: 110,
      render: (_: unknown, base) => labels.categoryName(base.category),
    },
    { title: t('registry.bases.city'), dataIndex: 'city', width: 70 },
    { title: t('registry.bases.year'), dataIndex: 'yearEstablished', width: 80 },
    { title: t('registry.bases.host'), dataIndex: 'hostInstitution', width: 180 },
  ];

  const open = openCode === undefined ? undefined : byCode.get(openCode);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <ApprovalsImport />
      <Card>
        {state === undefined ? (
          <Spin tip={t('registry.bases.loading')}>
            <div style={{ minHeight: 120 }} />
          </Spin>
        ) : bases.length === 0 ? (
          <Empty description={t('registry.bases.empty')} data-testid="registry-bases-empty" />
        ) : (
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            <Space wrap>
              <Input.Search
                allowClear
                placeholder={t('registry.bases.search')}
                style={{ width: 260 }}
                onChange={(event) => set({ search: event.target.value })}
                data-testid="registry-search"
              />
              <Select
                allowClear
                placeholder={t('registry.bases.allCategories')}
                style={{ width: 190 }}
                value={filter.category}
                onChange={(category) => set({ category })}
                options={CATEGORIES.map((c) => ({
                  value: c.code,
                  label: labels.categoryName(c.code),
                }))}
                data-testid="registry-filter-category"
              />
              <Select
                allowClear
                placeholder={t('registry.bases.allTypes')}
                style={{ width: 230 }}
                value={filter.type}
                onChange={(type) => set({ type })}
                options={labels.typeOptions}
                data-testid="registry-filter-type"
              />
              <Select
                allowClear
                placeholder={t('registry.bases.allCities')}
                style={{ width: 120 }}
                value={filter.city}
                onChange={(city) => set({ city })}
                options={CITIES.map((city) => ({ value: city, label: city }))}
                data-testid="registry-filter-city"
              />
              <Select
                allowClear
                placeholder={t('registry.bases.allStatuses')}
                style={{ width: 130 }}
                value={filter.status}
                onChange={(status) => set({ status })}
                options={REGISTRY_STATUSES.map((status) => ({
                  value: status,
                  label: labels.statusName(status),
                }))}
                data-testid="registry-filter-status"
              />
              <Select
                allowClear
                placeholder={t('registry.bases.allYears')}
                style={{ width: 120 }}
                value={filter.year}
                onChange={(year) => set({ year })}
                options={years.map((year) => ({ value: year, label: String(year) }))}
                data-testid="registry-filter-year"
              />
              <Button
                icon={<FileExcelOutlined />}
                loading={isExporting}
                disabled={shown.length === 0}
                onClick={() => void exportExcel()}
                data-testid="registry-bases-export"
              >
                {t('registry.bases.export')}
              </Button>
            </Space>
            <Typography.Text
              type="secondary"
              data-testid="registry-bases-count"
              data-total={bases.length}
              data-shown={shown.length}
            >
              {t('registry.bases.count', { total: bases.length, shown: shown.length })}
            </Typography.Text>
            <Table<RegistryBase>
              size="small"
              rowKey="code"
              columns={columns}
              dataSource={shown}
              scroll={{ x: 1260 }}
              pagination={{ defaultPageSize: 50, showSizeChanger: true, hideOnSinglePage: true }}
              onRow={(base) =>
                rowTestProps(`registry-base-row-${base.code}`, {
                  onClick: () => setOpenCode(base.code),
                  style: { cursor: 'pointer' },
                })
              }
              data-testid="registry-bases-table"
            />
          </Space>
        )}
      </Card>
      {open === undefined ? null : (
        <BaseHistoryDrawer
          base={open}
          events={state?.events ?? []}
          rounds={state?.rounds ?? []}
          nameOf={nameOf}
          onClose={() => setOpenCode(undefined)}
        />
      )}
    </Space>
  );
};
