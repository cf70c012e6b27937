// Filters over the results table: type, category, panel, flags, undecided only, search.
import { Checkbox, Input, Select, Space, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { BASE_TYPE_CODES, CATEGORIES } from '../../../../shared/domain/taxonomy';
import type { BaseTypeCode, CategoryCode, Panel } from '../../../../shared/domain/types';
import { RESULT_FLAGS } from '../../../../shared/secretariat/resultsView';
import type { ResultFilters, ResultFlag } from '../../../../shared/secretariat/resultsView';
import { useLabels } from '../../../app/hooks/useLabels';

export const ResultsFilterBar = ({
  filters,
  onChange,
  panels,
  types,
}: {
  filters: ResultFilters;
  onChange: (filters: ResultFilters) => void;
  panels: readonly Panel[];
  /** Types present in the round. */
  types: readonly BaseTypeCode[];
}) => {
  const { t } = useTranslation();
  const labels = useLabels();
  const set = (patch: Partial<ResultFilters>) => onChange({ ...filters, ...patch });
  return (
    <Space wrap data-testid="results-filters">
      <Select<BaseTypeCode | 'all'>
        style={{ width: 200 }}
        value={filters.type ?? 'all'}
        onChange={(value) => set({ type: value === 'all' ? undefined : value })}
        aria-label={t('results.table.type')}
        data-testid="filter-type"
        options={[
          { value: 'all', label: t('results.table.allTypes') },
          ...BASE_TYPE_CODES.filter((code) => types.includes(code)).map((code) => ({
            value: code,
            label: `${code} ${labels.typeName(code)}`,
          })),
        ]}
      />
      <Select<CategoryCode | 'all'>
        style={{ width: 200 }}
        value={filters.category ?? 'all'}
        onChange={(value) => set({ category: value === 'all' ? undefined : value })}
        aria-label={t('results.table.category')}
        options={[
          { value: 'all', label: t('results.table.allCategories') },
          ...CATEGORIES.map((c) => ({ value: c.code, label: labels.categoryName(c.code) })),
        ]}
      />
      <Select<string>
        style={{ width: 160 }}
        value={filters.panelId ?? 'all'}
        onChange={(value) => set({ panelId: value === 'all' ? undefined : value })}
        aria-label={t('results.table.panel')}
        options={[
          { value: 'all', label: t('results.table.allPanels') },
          ...panels.map((p) => ({ value: p.id, label: p.name })),
        ]}
      />
      <Checkbox.Group<ResultFlag>
        value={[...(filters.flags ?? [])]}
        onChange={(flags) => set({ flags })}
        options={RESULT_FLAGS.map((flag) => ({
          value: flag,
          label: t(`results.table.flags.${flag}`),
        }))}
        data-testid="filter-flags"
      />
      <Space size={4}>
        <Switch
          checked={filters.undecidedOnly ?? false}
          onChange={(undecidedOnly) => set({ undecidedOnly })}
          aria-label={t('results.table.undecidedOnly')}
          data-testid="filter-undecided"
        />
        <Typography.Text>{t('results.table.undecidedOnly')}</Typography.Text>
      </Space>
      <Input.Search
        allowClear
        style={{ width: 220 }}
        placeholder={t('results.table.search')}
        value={filters.search ?? ''}
        onChange={(event) => set({ search: event.target.value })}
        data-testid="filter-search"
      />
    </Space>
  );
};
