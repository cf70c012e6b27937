// The new-round wizard (新建评估轮次): name, year and type; grades and quotas; aggregation
// and disagreement; the indicator system per base type. Each step refuses "next" while its
// fields have problems; "finish" creates the round and makes it the current one.
// It can start from the department's registry bundle (从省厅名单包开始, RegistrySourceStep):
// the bundle presets year, type and name, and "finish" then also writes the roster with its
// registry codes and the bases' earlier rounds, in the same transaction.
import { App, Alert, Button, Card, Form, Radio, Space, Steps } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ROUND_SETUP_STEPS,
  defaultRoundSetup,
  problemsOfStep,
  suggestRoundName,
  validateRoundSetup,
} from '../../../../shared/domain/roundSetup';
import type { RoundSetupInput, RoundSetupStep } from '../../../../shared/domain/roundSetup';
import { BUILTIN_TEMPLATES } from '../../../../shared/domain/templates';
import type { Round } from '../../../../shared/domain/types';
import { useRounds } from '../../../db/hooks';
import { db } from '../../../db/instance';
import { createRoundFromSetup } from '../../../db/repositories/roundSetupRepository';
import { createRoundFromRegistry } from '../../../db/repositories/roundFromRegistryRepository';
import { useStoredTemplates } from '../../../db/setupHooks';
import { SETUP_ACTOR, setupDeps } from '../setupDeps';
import { AggregationFields, BasicsFields, GradingFields } from './RoundFields';
import { TemplateChoiceFields } from './TemplateChoiceFields';
import { RegistrySourceStep } from './RegistrySourceStep';
import type { AcceptedSource } from './RegistrySourceStep';

const PREFIX = 'wizard';

export const NewRoundWizard = ({
  onCreated,
  onCancel,
}: {
  onCreated?: (round: Round) => void;
  onCancel?: () => void;
}) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const rounds = useRounds();
  const stored = useStoredTemplates();
  const [setup, setSetup] = useState<RoundSetupInput>(() => {
    const initial = defaultRoundSetup(new Date().getFullYear());
    return { ...initial, name: suggestRoundName(initial.year, initial.evaluationType) };
  });
  // The proposed name follows year and type until the clerk types one.
  const [isNameTyped, setIsNameTyped] = useState(false);
  const [stepIndex, setStepIndex] = useState(0);
  const [touched, setTouched] = useState<ReadonlySet<RoundSetupStep>>(new Set());
  const [isSaving, setIsSaving] = useState(false);
  const [start, setStart] = useState<'blank' | 'registry'>('blank');
  const [source, setSource] = useState<AcceptedSource | null>(null);

  const templates = useMemo(() => [...(stored ?? []), ...BUILTIN_TEMPLATES], [stored]);
  const problems = useMemo(
    () => validateRoundSetup(setup, { templates, existingRounds: rounds ?? [] }),
    [setup, templates, rounds],
  );
  const step = ROUND_SETUP_STEPS[stepIndex] ?? 'basics';
  const stepProblems = problemsOfStep(problems, step);
  const shown = touched.has(step) ? stepProblems : [];
  const touch = () => setTouched((before) => new Set(before).add(step));

  const change = (patch: Partial<RoundSetupInput>) => {
    touch();
    if (patch.name !== undefined) setIsNameTyped(true);
    setSetup((before) => {
      const next = { ...before, ...patch };
      const follows = !isNameTyped && patch.name === undefined;
      return follows ? { ...next, name: suggestRoundName(next.year, next.evaluationType) } : next;
    });
  };

  const next = () => {
    touch();
    if (stepProblems.length === 0)
      setStepIndex((i) => Math.min(i + 1, ROUND_SETUP_STEPS.length - 1));
  };

  const finish = async () => {
    setTouched(new Set(ROUND_SETUP_STEPS));
    const firstBad = ROUND_SETUP_STEPS.findIndex((s) => problemsOfStep(problems, s).length > 0);
    if (firstBad >= 0) {
      setStepIndex(firstBad);
      return;
    }
    setIsSaving(true);
    try {
      if (source !== null) {
        await finishFromRegistry(source);
        return;
      }
      const result = await createRoundFromSetup(db, setup, SETUP_ACTOR, setupDeps);
      if (result.ok) {
        message.success(t('setup.wizard.created', { name: result.value.name }));
        onCreated?.(result.value);
      } else {
        message.error(result.error.message);
      }
    } finally {
      setIsSaving(false);
    }
  };

  const finishFromRegistry = async ({ source: from, comparedBy }: AcceptedSource) => {
    const input = {
      setup,
      registry: from.registry,
      fileName: from.fileName,
      sha256: from.sha256,
      fingerprint: from.fingerprint,
      comparedBy,
    };
    const result = await createRoundFromRegistry(db, input, SETUP_ACTOR, setupDeps);
    if (result.ok) {
      const { round, bases } = result.value;
      message.success(t('cycle.fromRegistry.created', { name: round.name, count: bases.length }));
      onCreated?.(round);
    } else {
      message.error(result.error.message);
    }
  };

  // The bundle's year, type and name; the clerk may still change them in the steps.
  const takeSource = (accepted: AcceptedSource) => {
    const { preset } = accepted.source;
    setSource(accepted);
    setIsNameTyped(true);
    setSetup((before) => ({ ...before, ...preset }));
    setStepIndex(0);
  };

  const chooseStart = (value: 'blank' | 'registry') => {
    setStart(value);
    if (value === 'blank') setSource(null);
  };

  const fieldProps = { value: setup, onChange: change, problems: shown, testIdPrefix: PREFIX };
  const isLast = stepIndex === ROUND_SETUP_STEPS.length - 1;
  const steps = (
    <>
      {source !== null ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('cycle.fromRegistry.fromBundle', {
            title: source.source.summary.title,
            count: source.source.summary.total,
          })}
          data-testid="wizard-registry-source"
        />
      ) : null}
      <Steps
        current={stepIndex}
        size="small"
        style={{ marginBottom: 24 }}
        items={ROUND_SETUP_STEPS.map((s) => ({ title: t(`setup.wizard.steps.${s}`) }))}
      />
      <Form layout="vertical" style={{ maxWidth: step === 'templates' ? undefined : 720 }}>
        {step === 'basics' ? <BasicsFields {...fieldProps} /> : null}
        {step === 'grading' ? <GradingFields {...fieldProps} /> : null}
        {step === 'aggregation' ? <AggregationFields {...fieldProps} /> : null}
        {step === 'templates' ? (
          <TemplateChoiceFields {...fieldProps} templates={templates} />
        ) : null}
      </Form>
      {shown.length > 0 ? (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 16 }}
          title={t('setup.wizard.fixFirst')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {shown.map((p) => (
                <li key={`${p.field}-${p.code}`}>{p.message}</li>
              ))}
            </ul>
          }
          data-testid="wizard-problems"
        />
      ) : null}
      <Space style={{ marginTop: 24 }}>
        {onCancel ? <Button onClick={onCancel}>{t('common.cancel')}</Button> : null}
        <Button
          disabled={stepIndex === 0}
          onClick={() => setStepIndex((i) => Math.max(0, i - 1))}
          data-testid="wizard-back"
        >
          {t('setup.wizard.back')}
        </Button>
        {isLast ? (
          <Button
            type="primary"
            loading={isSaving}
            onClick={() => void finish()}
            data-testid="wizard-finish"
          >
            {t('setup.wizard.finish')}
          </Button>
        ) : (
          <Button type="primary" onClick={next} data-testid="wizard-next">
            {t('setup.wizard.next')}
          </Button>
        )}
      </Space>
    </>
  );
  return (
    <Card title={t('setup.wizard.title')} data-testid="round-wizard">
      <Space wrap style={{ marginBottom: 16 }}>
        {t('cycle.fromRegistry.choiceTitle')}
        <Radio.Group
          optionType="button"
          value={start}
          onChange={(event) =>
            chooseStart(event.target.value === 'registry' ? 'registry' : 'blank')
          }
          options={[
            {
              value: 'blank',
              label: <span data-testid="wizard-start-blank">{t('cycle.fromRegistry.blank')}</span>,
            },
            {
              value: 'registry',
              label: (
                <span data-testid="wizard-start-registry">{t('cycle.fromRegistry.registry')}</span>
              ),
            },
          ]}
        />
      </Space>
      {start === 'registry' && source === null ? (
        <RegistrySourceStep onAccepted={takeSource} onBack={() => chooseStart('blank')} />
      ) : (
        steps
      )}
    </Card>
  );
};
