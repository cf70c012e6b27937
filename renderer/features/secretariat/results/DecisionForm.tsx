// Recording the final decision for one base: disposition, its target (a type for 纳入 and 转,
// a base of this round for 合并, chosen from a searchable list), a rationale and the person
// recording it. Checked before anything is written; recordDecision audits it.
import { Alert, App, Button, Form, Input, Select, Space } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DISPOSITIONS } from '../../../../shared/domain/dispositions';
import { BASE_TYPE_CODES } from '../../../../shared/domain/taxonomy';
import type {
  Base,
  BaseTypeCode,
  Disposition,
  DispositionCode,
  FinalDecision,
} from '../../../../shared/domain/types';
import {
  checkDecisionForm,
  formFromDisposition,
  mergeTargetOptions,
} from '../../../../shared/secretariat/decisions';
import type {
  DecisionField,
  DecisionForm as FormValues,
} from '../../../../shared/secretariat/decisions';
import { newId, systemClock } from '../../../app/clock';
import { useLabels } from '../../../app/hooks/useLabels';
import { db } from '../../../db/instance';
import { recordDecision } from '../../../db/repositories/decisionRepository';
import { useDispositionText } from './useDispositionText';
import { useOperatorName } from './useOperatorName';

export const DecisionForm = ({
  base,
  bases,
  decisions,
  current,
  suggestion,
  isReadOnly,
}: {
  base: Base;
  bases: readonly Base[];
  decisions: readonly FinalDecision[];
  current: FinalDecision | undefined;
  suggestion: Disposition | null;
  isReadOnly: boolean;
}) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useLabels();
  const disposition = useDispositionText();
  const [operator, rememberOperator] = useOperatorName();
  const [form, setForm] = useState<FormValues>(() =>
    formFromDisposition(current?.disposition, current?.reason ?? '', operator),
  );
  const [showProblems, setShowProblems] = useState(false);
  const [isSaving, setSaving] = useState(false);

  const targets = useMemo(
    () => mergeTargetOptions(base, bases, decisions),
    [base, bases, decisions],
  );
  const roundBaseIds = useMemo(() => new Set(bases.map((b) => b.id)), [bases]);
  const check = checkDecisionForm(form, { base, roundBaseIds });
  const problemOf = (field: DecisionField) =>
    showProblems && !check.ok ? check.problems.find((p) => p.field === field)?.message : undefined;
  const item = (field: DecisionField) => {
    const help = problemOf(field);
    return help ? { validateStatus: 'error' as const, help } : {};
  };
  const caution = targets.find((o) => o.base.id === form.targetBaseId)?.caution;
  const set = (patch: Partial<FormValues>) => setForm((f) => ({ ...f, ...patch }));

  const save = async () => {
    setShowProblems(true);
    if (!check.ok) return;
    setSaving(true);
    const result = await recordDecision(
      db,
      { roundId: base.roundId, baseId: base.id, decision: check.decision },
      check.actor,
      { now: systemClock.now, newId },
    );
    setSaving(false);
    if (!result.ok) {
      message.error(result.error.message);
      return;
    }
    rememberOperator(check.actor);
    setShowProblems(false);
    message.success(t('results.decision.saved'));
  };

  const needsType = form.code === 'include' || form.code === 'convert';
  return (
    <Form layout="vertical" data-testid="decision-form" disabled={isReadOnly || isSaving}>
      {suggestion ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('results.decision.suggestion', {
            text: disposition.text(suggestion, () => undefined),
          })}
          action={
            <Button
              size="small"
              onClick={() =>
                setForm((f) => ({
                  ...formFromDisposition(suggestion, f.reason, f.actor),
                }))
              }
              data-testid="decision-use-suggestion"
            >
              {t('results.decision.useSuggestion')}
            </Button>
          }
        />
      ) : null}
      <Form.Item label={t('results.decision.disposition')} required {...item('code')}>
        <Select<DispositionCode>
          value={form.code}
          placeholder={t('results.decision.choose')}
          onChange={(code) => set({ code, targetType: undefined, targetBaseId: undefined })}
          data-testid="decision-disposition"
          options={DISPOSITIONS.map((d) => ({
            value: d.code,
            label: disposition.codeName(d.code),
          }))}
        />
      </Form.Item>
      {needsType ? (
        <Form.Item label={t('results.decision.targetType')} required {...item('target')}>
          <Select<BaseTypeCode>
            value={form.targetType}
            placeholder={t('results.decision.chooseType')}
            onChange={(targetType) => set({ targetType })}
            data-testid="decision-target"
            options={BASE_TYPE_CODES.map((code) => ({
              value: code,
              label: `${code} ${labels.typeName(code)}`,
              disabled: form.code === 'convert' && code === base.type,
            }))}
          />
        </Form.Item>
      ) : null}
      {form.code === 'merge' ? (
        <Form.Item
          label={t('results.decision.targetBase')}
          required
          {...item('target')}
          {...(caution && !problemOf('target')
            ? { validateStatus: 'warning' as const, help: t(`results.decision.caution.${caution}`) }
            : {})}
        >
          <Select<string>
            showSearch={{
              filterOption: (input, option) =>
                (option?.search ?? '').includes(input.trim().toLowerCase()),
            }}
            value={form.targetBaseId}
            placeholder={t('results.decision.searchBase')}
            onChange={(targetBaseId) => set({ targetBaseId })}
            data-testid="decision-target"
            options={targets.map((o) => ({
              value: o.base.id,
              label: `${o.base.name}（${labels.typeName(o.base.type)} · ${o.base.city}）`,
              search: `${o.searchText} ${labels.typeName(o.base.type).toLowerCase()}`,
            }))}
          />
        </Form.Item>
      ) : null}
      <Form.Item label={t('results.decision.reason')} required {...item('reason')}>
        <Input.TextArea
          rows={3}
          value={form.reason}
          onChange={(event) => set({ reason: event.target.value })}
          placeholder={t('results.decision.reasonPlaceholder')}
          data-testid="decision-reason"
        />
      </Form.Item>
      <Form.Item label={t('results.operator.label')} required {...item('actor')}>
        <Input
          value={form.actor}
          onChange={(event) => set({ actor: event.target.value })}
          placeholder={t('results.operator.placeholder')}
          data-testid="decision-actor"
        />
      </Form.Item>
      <Space>
        <Button
          type="primary"
          loading={isSaving}
          onClick={() => void save()}
          data-testid="decision-save"
        >
          {current ? t('results.decision.update') : t('results.decision.save')}
        </Button>
      </Space>
    </Form>
  );
};
