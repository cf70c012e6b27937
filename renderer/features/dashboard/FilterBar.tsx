// The filters every chart shares (round, panel, category, type, city) and the aggregation
// method the numbers are computed with (the round's rule unless the chair compares).
import { Button, Segmented, Select, Space, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FilterOptions } from '../../../shared/charts/filters';
import { AGGREGATION_METHODS } from '../../../shared/domain/aggregation';
import type {
  BaseTypeCode,
  CategoryCode,
  CityName,
  Panel,
  Round,
} from '../../../shared/domain/types';
import { useLabels } from '../../app/hooks/useLabels';
import type { DashboardState, MethodChoice } from './dashboardState';

export type FilterBarProps = {
  state: DashboardState;
  round: Round;
  rounds: readonly Round[];
  panels: readonly Panel[];
  options: FilterOptions;
  /** The type shown (resolved default). */
  type: BaseTypeCode | undefined;
  onChange: (patch: Partial<DashboardState>) => void;
  onPrint: () => void;
};

const Field = ({ label, children }: { label: string; children: ReactNode }) => (
  <Space size={4}>
    <Typography.Text type="secondary">{label}</Typography.Text>
    {children}
  </Space>
);

export const FilterBar = ({
  state,
  round,
  rounds,
  panels,
  options,
  type,
  onChange,
  onPrint,
}: FilterBarProps) => {
  const { t } = useTranslation();
  const labels = useLabels();
  const all = t('common.all');
  const typeOptions = options.types.filter(
    (code) => state.category === undefined || code.startsWith(state.category),
  );
  return (
    <div className="dashboard-filters no-print" data-testid="dashboard-filters">
      <Space wrap size={[16, 8]} style={{ marginBottom: 8 }}>
        <Field label={t('dashboard.filters.round')}>
          <Select<string>
            size="small"
            style={{ width: 330 }}
            value={round.id}
            data-testid="filter-round"
            onChange={(roundId) => onChange({ roundId, panelId: undefined, baseId: undefined })}
            options={rounds.map((r) => ({ value: r.id, label: r.name }))}
          />
        </Field>
        <Field label={t('dashboard.filters.panel')}>
          <Select<string>
            size="small"
            style={{ width: 130 }}
            value={state.panelId ?? ''}
            data-testid="filter-panel"
            onChange={(panelId) => onChange({ panelId: panelId || undefined })}
            options={[
              { value: '', label: all },
              ...panels
                .filter((panel) => options.panelIds.includes(panel.id))
                .map((panel) => ({ value: panel.id, label: panel.name })),
            ]}
          />
        </Field>
        <Field label={t('dashboard.filters.category')}>
          <Select<string>
            size="small"
            style={{ width: 190 }}
            value={state.category ?? ''}
            data-testid="filter-category"
            onChange={(value) =>
              onChange({
                category: options.categories.find((code): code is CategoryCode => code === value),
                type: undefined,
              })
            }
            options={[
              { value: '', label: all },
              ...options.categories.map((code) => ({
                value: code,
                label: `${code} ${labels.categoryName(code)}`,
              })),
            ]}
          />
        </Field>
        <Field label={t('dashboard.filters.city')}>
          <Select<string>
            size="small"
            style={{ width: 110 }}
            value={state.city ?? ''}
            data-testid="filter-city"
            onChange={(value) =>
              onChange({ city: options.cities.find((city): city is CityName => city === value) })
            }
            options={[
              { value: '', label: all },
              ...options.cities.map((city) => ({ value: city, label: city })),
            ]}
          />
        </Field>
        <Button size="small" icon={<PrinterOutlined />} onClick={onPrint} data-testid="open-print">
          {t('dashboard.print.open')}
        </Button>
      </Space>
      <Space wrap size={[16, 8]} style={{ marginBottom: 16 }}>
        <Field label={t('dashboard.chooseType')}>
          <Segmented<string>
            size="small"
            data-testid="type-switch"
            value={type ?? 'all'}
            onChange={(value) =>
              onChange({
                type: value === 'all' ? 'all' : typeOptions.find((code) => code === value),
              })
            }
            options={[
              { value: 'all', label: all },
              ...typeOptions.map((code) => ({
                value: code,
                label: code,
                title: labels.typeName(code),
              })),
            ]}
          />
        </Field>
        <Field label={t('dashboard.filters.method')}>
          <Segmented<MethodChoice>
            size="small"
            data-testid="method-switch"
            value={state.method}
            onChange={(method) => onChange({ method })}
            options={[
              {
                value: 'rule',
                label: t('dashboard.filters.ruleMethod', {
                  method: t(`dashboard.methods.short.${round.aggregation.method}`),
                }),
              },
              ...AGGREGATION_METHODS.filter((method) => method !== round.aggregation.method).map(
                (method) => ({
                  value: method,
                  label: t(`dashboard.methods.short.${method}`),
                }),
              ),
            ]}
          />
        </Field>
      </Space>
    </div>
  );
};
