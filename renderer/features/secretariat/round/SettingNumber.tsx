// One number of a round's settings (year, grade band, trim counts, disagreement range). A
// cleared field is reported as NaN rather than ignored, so the round's validation names the
// missing value instead of silently keeping the previous one.
import { InputNumber } from 'antd';
import type { InputNumberProps } from 'antd';

export type SettingNumberProps = Pick<
  InputNumberProps<number>,
  'disabled' | 'min' | 'max' | 'step' | 'precision' | 'suffix'
> & {
  value: number;
  onChange: (value: number) => void;
  width: number;
  testId: string;
};

export const SettingNumber = ({
  value,
  onChange,
  width,
  testId,
  ...limits
}: SettingNumberProps) => (
  <InputNumber<number>
    {...limits}
    value={value}
    style={{ width }}
    onChange={(n) => onChange(n ?? Number.NaN)}
    data-testid={testId}
  />
);
