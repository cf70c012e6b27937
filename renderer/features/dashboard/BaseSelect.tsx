// Chooses the base the profile and history tabs show, among the bases in view.
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BaseResult } from '../../../shared/domain/results';

export const BaseSelect = ({
  rows,
  value,
  onChange,
  testId,
}: {
  rows: readonly BaseResult[];
  value: string | undefined;
  onChange: (baseId: string) => void;
  testId: string;
}) => {
  const { t } = useTranslation();
  return (
    <Select<string>
      showSearch={{ optionFilterProp: 'label' }}
      style={{ width: 420, maxWidth: '100%' }}
      placeholder={t('dashboard.chooseBase')}
      value={value}
      onChange={onChange}
      data-testid={testId}
      options={rows.map((row) => ({
        value: row.base.id,
        label: `${row.base.name}（${row.base.city}，${row.base.code}）`,
      }))}
    />
  );
};
