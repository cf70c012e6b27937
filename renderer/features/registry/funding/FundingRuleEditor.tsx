// The 后补助 rule as a table of the nine types: each is 后补助 (with an amount per grade, in
// 万元) or 稳定支持 (no amount), plus the optional total budget. Edits go to the caller's
// draft; checking happens in shared/registry/funding.ts (fundingRuleProblems).
import { InputNumber, Select, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { GRADE_ORDER } from '../../../../shared/domain/grading';
import { BASE_TYPE_CODES } from '../../../../shared/domain/taxonomy';
import type { BaseTypeCode, GradeCode } from '../../../../shared/domain/types';
import { DEFAULT_FUNDING_RULE } from '../../../../shared/registry/funding';
import type { FundingRule } from '../../../../shared/registry/types';
import { useLabels } from '../../../app/hooks/useLabels';
import { rowTestProps } from '../registryLabels';

type Mode = 'subsidy' | 'stable';

/** Amounts a type gets when switched to 后补助: the default rule's ladder. */
const LADDER: Readonly<Record<GradeCode, number>> = {
  excellent: 200,
  good: 100,
  pass: 50,
  fail: 0,
};

function withMode(rule: FundingRule, type: BaseTypeCode, mode: Mode): FundingRule {
  const { [type]: current, ...others } = rule.amounts;
  if (mode === 'stable') return { ...rule, amounts: others };
  const start = current ?? DEFAULT_FUNDING_RULE.amounts[type] ?? LADDER;
  return { ...rule, amounts: { ...others, [type]: { ...start } } };
}

function withAmount(
  rule: FundingRule,
  type: BaseTypeCode,
  grade: GradeCode,
  amount: number | null,
): FundingRule {
  const perGrade = { ...rule.amounts[type] };
  if (amount === null) delete perGrade[grade];
  else perGrade[grade] = amount;
  return { ...rule, amounts: { ...rule.amounts, [type]: perGrade } };
}

export function withBudget(rule: FundingRule, budget: number | null): FundingRule {
  return budget === null ? { amounts: rule.amounts } : { amounts: rule.amounts, budget };
}

export const FundingRuleEditor = ({
  rule,
  onChange,
}: {
  rule: FundingRule;
  onChange: (rule: FundingRule) => void;
}) => {
  const { t } = useTranslation();
  const labels = useLabels();
  const columns: TableColumnsType<{ type: BaseTypeCode }> = [
    {
      title: t('registry.funding.type'),
      dataIndex: 'type',
      render: (type: BaseTypeCode) => `${type} ${labels.typeName(type)}`,
    },
    {
      title: t('registry.funding.mode'),
      key: 'mode',
      width: 130,
      render: (_: unknown, { type }) => (
        <Select<Mode>
          size="small"
          value={rule.amounts[type] === undefined ? 'stable' : 'subsidy'}
          options={[
            { value: 'subsidy', label: t('registry.funding.modes.subsidy') },
            { value: 'stable', label: t('registry.funding.modes.stable') },
          ]}
          onChange={(mode) => onChange(withMode(rule, type, mode))}
          style={{ width: 116 }}
          data-testid={`funding-mode-${type}`}
        />
      ),
    },
    ...GRADE_ORDER.map((grade) => ({
      title: labels.gradeName(grade),
      key: grade,
      width: 110,
      render: (_: unknown, { type }: { type: BaseTypeCode }) => {
        const perGrade = rule.amounts[type];
        return perGrade === undefined ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          <InputNumber<number>
            size="small"
            min={0}
            step={10}
            value={perGrade[grade] ?? null}
            onChange={(value) => onChange(withAmount(rule, type, grade, value))}
            style={{ width: 96 }}
            data-testid={`funding-amount-${type}-${grade}`}
          />
        );
      },
    })),
  ];
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text strong>{t('registry.funding.amountsUnit')}</Typography.Text>
      <Table<{ type: BaseTypeCode }>
        size="small"
        rowKey="type"
        columns={columns}
        dataSource={BASE_TYPE_CODES.map((type) => ({ type }))}
        pagination={false}
        onRow={({ type }) => rowTestProps(`funding-rule-${type}`)}
      />
      <Space>
        <Typography.Text>{t('registry.funding.budget')}</Typography.Text>
        <InputNumber<number>
          min={0}
          step={100}
          value={rule.budget ?? null}
          placeholder={t('registry.funding.budgetPlaceholder')}
          onChange={(value) => onChange(withBudget(rule, value))}
          style={{ width: 200 }}
          data-testid="funding-budget"
        />
      </Space>
    </Space>
  );
};
