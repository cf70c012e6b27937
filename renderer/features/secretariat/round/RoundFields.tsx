// The fields of a round's settings, grouped as the wizard's steps: basics (name, year,
// evaluation type), grades and quotas, aggregation and disagreement. Shared by the new-round
// wizard and the 轮次设置 tab; `testIdPrefix` keeps their data-testids apart.
import { Checkbox, Form, Input, InputNumber, Radio, Space, Typography } from 'antd';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { GRADE_ORDER } from '../../../../shared/domain/grading';
import { AGGREGATION_METHODS } from '../../../../shared/domain/aggregation';
import type { RoundSetupInput, RoundSetupProblem } from '../../../../shared/domain/roundSetup';
import type { GradeCode, QuotaRules } from '../../../../shared/domain/types';
import { useLabels } from '../../../app/hooks/useLabels';
import { SettingNumber } from './SettingNumber';

export type RoundFieldsProps = {
  value: RoundSetupInput;
  onChange: (patch: Partial<RoundSetupInput>) => void;
  /** Problems to show next to their fields. */
  problems: readonly RoundSetupProblem[];
  disabled?: boolean;
  testIdPrefix: string;
};

/** Form.Item props showing the problems of fields starting with `prefix`. */
function feedback(problems: readonly RoundSetupProblem[], prefix: string) {
  const messages = problems.filter((p) => p.field.startsWith(prefix)).map((p) => p.message);
  return messages.length === 0
    ? {}
    : { validateStatus: 'error' as const, help: [...new Set(messages)].join('；') };
}

export const BasicsFields = ({
  value,
  onChange,
  problems,
  disabled,
  testIdPrefix,
}: RoundFieldsProps) => {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item label={t('setup.round.name')} required {...feedback(problems, 'name')}>
        <Input
          value={value.name}
          disabled={disabled}
          maxLength={100}
          onChange={(event) => onChange({ name: event.target.value })}
          data-testid={`${testIdPrefix}-name`}
        />
      </Form.Item>
      <Form.Item label={t('setup.round.year')} required {...feedback(problems, 'year')}>
        <SettingNumber
          value={value.year}
          disabled={disabled}
          precision={0}
          width={140}
          onChange={(year) => onChange({ year })}
          testId={`${testIdPrefix}-year`}
        />
      </Form.Item>
      <Form.Item label={t('setup.round.evaluationType')} required>
        <Radio.Group
          value={value.evaluationType}
          disabled={disabled}
          onChange={(event) => onChange({ evaluationType: event.target.value })}
          optionType="button"
        >
          {(['integration', 'periodic'] as const).map((type) => (
            <Radio.Button key={type} value={type}>
              {/* The testid sits on the label: antd hides the radio input itself. */}
              <span data-testid={`${testIdPrefix}-type-${type}`}>
                {t(`evaluationType.${type}`)}
              </span>
            </Radio.Button>
          ))}
        </Radio.Group>
      </Form.Item>
    </>
  );
};

const toPercent = (share: number | null): number | null =>
  share === null ? null : Math.round(share * 1000) / 10;

const QuotaField = ({
  share,
  onChange,
  disabled,
  testId,
  noLimitLabel,
}: {
  share: number | null;
  onChange: (share: number | null) => void;
  disabled?: boolean;
  testId: string;
  noLimitLabel: string;
}) => (
  <Space>
    <InputNumber
      value={toPercent(share)}
      disabled={disabled || share === null}
      min={0}
      max={100}
      step={1}
      suffix="%"
      style={{ width: 140 }}
      onChange={(percent) => onChange(percent === null ? Number.NaN : percent / 100)}
      data-testid={testId}
    />
    <Checkbox
      checked={share === null}
      disabled={disabled}
      onChange={(event) => onChange(event.target.checked ? null : 0.1)}
    >
      {noLimitLabel}
    </Checkbox>
  </Space>
);

/** The two quota fields: the most 优秀 may be, and the least 限期整改 + 不合格 must be. */
const QUOTA_FIELDS: readonly {
  key: keyof QuotaRules;
  labelKey: string;
  hintKey?: string;
  testId: string;
}[] = [
  {
    key: 'excellentMaxShare',
    labelKey: 'setup.round.excellentMaxShare',
    hintKey: 'setup.round.quotaHint',
    testId: 'excellent',
  },
  {
    key: 'rectifyOrFailMinShare',
    labelKey: 'setup.round.rectifyOrFailMinShare',
    testId: 'rectify',
  },
];

export const GradingFields = ({
  value,
  onChange,
  problems,
  disabled,
  testIdPrefix,
}: RoundFieldsProps) => {
  const { t } = useTranslation();
  const labels = useLabels();
  // The round's own bands, best grade first (a round may leave a grade out).
  const bands = GRADE_ORDER.flatMap((grade) =>
    value.gradeBands.filter((band) => band.grade === grade),
  );
  const lowest = bands[bands.length - 1]?.grade;
  const setMinScore = (grade: GradeCode, minScore: number) =>
    onChange({
      gradeBands: value.gradeBands.map((band) =>
        band.grade === grade ? { ...band, minScore } : band,
      ),
    });
  const setQuota = (key: keyof QuotaRules, share: number | null) =>
    onChange({ quotas: { ...value.quotas, [key]: share } });
  return (
    <>
      <Form.Item label={t('setup.round.gradeBands')} {...feedback(problems, 'gradeBands')}>
        <Space wrap>
          {bands.map(({ grade, minScore }) => (
            <Space key={grade} size={4}>
              <Typography.Text>{labels.gradeName(grade)} ≥</Typography.Text>
              <SettingNumber
                value={minScore}
                disabled={disabled || (grade === lowest && minScore === 0)}
                min={0}
                max={100}
                step={1}
                width={90}
                onChange={(score) => setMinScore(grade, score)}
                testId={`${testIdPrefix}-band-${grade}`}
              />
            </Space>
          ))}
        </Space>
      </Form.Item>
      {QUOTA_FIELDS.map(({ key, labelKey, hintKey, testId }) => (
        <Form.Item
          key={key}
          label={t(labelKey)}
          extra={hintKey === undefined ? undefined : t(hintKey)}
          {...feedback(problems, `quotas.${key}`)}
        >
          <QuotaField
            share={value.quotas[key]}
            onChange={(share) => setQuota(key, share)}
            disabled={disabled}
            testId={`${testIdPrefix}-quota-${testId}`}
            noLimitLabel={t('setup.round.noLimit')}
          />
        </Form.Item>
      ))}
    </>
  );
};

/** The trimmed mean's two numbers: how many extremes to drop, and from how many sheets on. */
const TRIM_FIELDS = [
  { key: 'trimCount', labelKey: 'setup.round.trimCount', min: 0, testId: 'trim-count' },
  { key: 'trimMinSheets', labelKey: 'setup.round.trimMinSheets', min: 1, testId: 'trim-min' },
] as const;

export const AggregationFields = ({
  value,
  onChange,
  problems,
  disabled,
  testIdPrefix,
}: RoundFieldsProps) => {
  const { t } = useTranslation();
  const { aggregation } = value;
  const setAggregation = (patch: Partial<RoundSetupInput['aggregation']>) =>
    onChange({ aggregation: { ...aggregation, ...patch } });
  return (
    <>
      <Form.Item label={t('setup.round.method')} {...feedback(problems, 'aggregation.method')}>
        <Radio.Group
          value={aggregation.method}
          disabled={disabled}
          onChange={(event) => setAggregation({ method: event.target.value })}
        >
          <Space orientation="vertical">
            {AGGREGATION_METHODS.map((method) => (
              <Radio key={method} value={method}>
                <span data-testid={`${testIdPrefix}-method-${method}`}>
                  {t(`aggregation.${method}`)}
                  <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                    {t(`setup.round.methodHint.${method}`)}
                  </Typography.Text>
                </span>
              </Radio>
            ))}
          </Space>
        </Radio.Group>
      </Form.Item>
      {aggregation.method === 'trimmedMean' ? (
        <Form.Item label={t('setup.round.trim')} {...feedback(problems, 'aggregation.trim')}>
          <Space wrap>
            {TRIM_FIELDS.map(({ key, labelKey, min, testId }) => (
              <Fragment key={key}>
                <span>{t(labelKey)}</span>
                <SettingNumber
                  value={aggregation[key]}
                  disabled={disabled}
                  min={min}
                  precision={0}
                  width={80}
                  onChange={(n) => setAggregation({ [key]: n })}
                  testId={`${testIdPrefix}-${testId}`}
                />
              </Fragment>
            ))}
          </Space>
        </Form.Item>
      ) : null}
      <Form.Item
        label={t('setup.round.disagreementRange')}
        extra={t('setup.round.disagreementHint')}
        {...feedback(problems, 'agreement')}
      >
        <SettingNumber
          value={value.agreement.disagreementRange}
          disabled={disabled}
          min={0}
          max={100}
          suffix={t('setup.round.points')}
          width={160}
          onChange={(n) => onChange({ agreement: { disagreementRange: n } })}
          testId={`${testIdPrefix}-disagreement`}
        />
      </Form.Item>
    </>
  );
};
