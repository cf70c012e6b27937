// A sheet state as a coloured tag, in the colours the scoring screens use; a waived sheet
// (缺评) with its reason after the state.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ExpectedState } from '../../../../shared/secretariat/completeness';

export const EXPECTED_STATE_COLORS: Record<ExpectedState, string> = {
  missing: 'default',
  draft: 'gold',
  submitted: 'green',
  recused: 'purple',
  waived: 'cyan',
};

export const StateTag = ({ state, suffix }: { state: ExpectedState; suffix?: string }) => {
  const { t } = useTranslation();
  return (
    <Tag color={EXPECTED_STATE_COLORS[state]} data-state={state}>
      {t(`results.states.${state}`)}
      {suffix ? ` · ${suffix}` : ''}
    </Tag>
  );
};
