// 轮次设置: the current round's settings, editable while the round is in setup (locked once
// its bundles are issued, and in an archive), the rounds on this computer to switch between,
// and the way to start another round with the wizard.
import { App, Alert, Button, Card, Form, Modal, Select, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roundSetupOf, validateRoundSetup } from '../../../../shared/domain/roundSetup';
import type { RoundSetupInput } from '../../../../shared/domain/roundSetup';
import type { Round } from '../../../../shared/domain/types';
import { useRounds } from '../../../db/hooks';
import { db } from '../../../db/instance';
import { setCurrentRound } from '../../../db/repositories/roundRepository';
import { updateRoundSettings } from '../../../db/repositories/roundSetupRepository';
import { SETUP_ACTOR, setupDeps } from '../setupDeps';
import { AggregationFields, BasicsFields, GradingFields } from './RoundFields';
import { NewRoundWizard } from './NewRoundWizard';

const PREFIX = 'settings';

export const RoundStatusTag = ({ round }: { round: Round }) => {
  const { t } = useTranslation();
  if (round.archive) return <Tag color="default">{t('setup.status.archived')}</Tag>;
  const color = round.status === 'setup' ? 'blue' : round.status === 'issued' ? 'green' : 'default';
  return <Tag color={color}>{t(`setup.status.${round.status}`)}</Tag>;
};

export const RoundSettingsTab = ({ round }: { round: Round }) => (
  <Space orientation="vertical" size={16} style={{ width: '100%' }}>
    <RoundSwitcher round={round} />
    <RoundSettingsForm key={round.id} round={round} />
  </Space>
);

const RoundSwitcher = ({ round }: { round: Round }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const rounds = useRounds();
  const [isWizardOpen, setIsWizardOpen] = useState(false);
  const switchTo = async (roundId: string) => {
    const result = await setCurrentRound(db, roundId);
    if (!result.ok) message.error(result.error.message);
  };
  return (
    <Card size="small" title={t('setup.settings.rounds')}>
      <Space wrap>
        <Typography.Text>{t('setup.settings.currentRound')}</Typography.Text>
        <Select<string>
          value={round.id}
          style={{ width: 420 }}
          onChange={(id) => void switchTo(id)}
          options={(rounds ?? [round]).map((r) => ({
            value: r.id,
            label: `${r.year} · ${r.name}${r.isDemo ? `（${t('app.demoBadge')}）` : ''}`,
          }))}
          data-testid="round-switch"
        />
        <Button onClick={() => setIsWizardOpen(true)} data-testid="new-round">
          {t('setup.settings.newRound')}
        </Button>
      </Space>
      <Modal
        open={isWizardOpen}
        footer={null}
        width={1000}
        destroyOnHidden
        closable
        onCancel={() => setIsWizardOpen(false)}
      >
        <NewRoundWizard
          onCreated={() => setIsWizardOpen(false)}
          onCancel={() => setIsWizardOpen(false)}
        />
      </Modal>
    </Card>
  );
};

const RoundSettingsForm = ({ round }: { round: Round }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const rounds = useRounds();
  const [draft, setDraft] = useState<RoundSetupInput>(() => roundSetupOf(round));
  const [isSaving, setIsSaving] = useState(false);
  const isEditable = round.status === 'setup' && round.archive === undefined;
  const problems = useMemo(
    () =>
      validateRoundSetup(draft, {
        existingRounds: (rounds ?? []).filter((r) => r.id !== round.id),
      }).filter((p) => p.step !== 'templates'),
    [draft, rounds, round.id],
  );
  const isDirty = JSON.stringify(draft) !== JSON.stringify(roundSetupOf(round));
  const change = (patch: Partial<RoundSetupInput>) =>
    setDraft((before) => ({ ...before, ...patch }));
  const save = async () => {
    setIsSaving(true);
    try {
      const result = await updateRoundSettings(db, round.id, draft, SETUP_ACTOR, setupDeps);
      if (result.ok) {
        setDraft(roundSetupOf(result.value));
        message.success(t('setup.settings.saved'));
      } else {
        message.error(result.error.message);
      }
    } finally {
      setIsSaving(false);
    }
  };
  const fieldProps = {
    value: draft,
    onChange: change,
    problems,
    disabled: !isEditable,
    testIdPrefix: PREFIX,
  };
  return (
    <Card
      size="small"
      title={
        <Space>
          {t('setup.settings.title')}
          <RoundStatusTag round={round} />
        </Space>
      }
      data-testid="round-settings"
    >
      {!isEditable ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={
            round.archive
              ? t('setup.settings.archivedNote')
              : round.status === 'closed'
                ? t('closing.readOnly.settings')
                : t('setup.settings.lockedNote')
          }
        />
      ) : null}
      <Form layout="vertical" style={{ maxWidth: 760 }}>
        <BasicsFields {...fieldProps} />
        <GradingFields {...fieldProps} />
        <AggregationFields {...fieldProps} />
        <Typography.Paragraph type="secondary">
          {t('setup.settings.templatesHint')}
        </Typography.Paragraph>
      </Form>
      {isEditable ? (
        <Space>
          <Button
            type="primary"
            disabled={!isDirty || problems.length > 0}
            loading={isSaving}
            onClick={() => void save()}
            data-testid="settings-save"
          >
            {t('setup.settings.save')}
          </Button>
          <Button disabled={!isDirty} onClick={() => setDraft(roundSetupOf(round))}>
            {t('setup.settings.reset')}
          </Button>
        </Space>
      ) : null}
    </Card>
  );
};
