// Who is scoring on this laptop: the expert list of the round (by panel), PIN protection,
// and the expert's progress line.
import { Button, Select, Space, Typography } from 'antd';
import { LockOutlined, TableOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { db } from '../../db/instance';
import { setSetting } from '../../db/repositories/settingsRepository';
import type { ExpertPins } from '../../db/repositories/expertPinRepository';
import type { Expert, Panel } from '../../../shared/domain/types';
import { ROUTES } from '../../app/routes';
import { getUnlockedExpertId, setUnlockedExpertId } from './expertSession';
import { hasPin } from './pin';
import { SetPinModal, UnlockModal } from './PinDialogs';
import { PinResetFlow } from './PinResetDialog';
import type { CurrentExpert } from './useScoringData';
import type { WorkProgress } from './workRows';

type PinDialog =
  | { kind: 'unlock'; expert: Expert }
  | { kind: 'set'; expert: Expert; isFirstUse: boolean }
  | { kind: 'reset'; expert: Expert };

async function chooseExpert(expertId: string): Promise<void> {
  setUnlockedExpertId(expertId);
  await setSetting(db, 'currentExpertId', expertId);
}

export const ExpertBar = ({
  experts,
  panels,
  pins,
  current,
  progress,
}: {
  experts: readonly Expert[];
  panels: readonly Panel[];
  pins: ExpertPins;
  current: CurrentExpert;
  progress: WorkProgress | undefined;
}) => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<PinDialog | null>(null);
  const chosen = current.kind === 'ready' || current.kind === 'locked' ? current.expert : undefined;

  const onSelect = async (expertId: string) => {
    const expert = experts.find((e) => e.id === expertId);
    if (!expert) return;
    const record = pins[expertId];
    if (hasPin(record) && getUnlockedExpertId() !== expertId) {
      setDialog({ kind: 'unlock', expert });
      return;
    }
    await chooseExpert(expertId);
    if (record === undefined) setDialog({ kind: 'set', expert, isFirstUse: true });
  };

  const options = panels.map((panel) => ({
    label: panel.name,
    title: panel.name,
    options: experts
      .filter((e) => e.panelId === panel.id)
      .map((e) => ({
        value: e.id,
        label: `${e.name} · ${e.institution}${
          e.id === panel.chairExpertId ? `（${t('scoring.chairTag')}）` : ''
        }`,
      })),
  }));

  return (
    <Space wrap style={{ marginBottom: 12 }} size="middle">
      <Select
        showSearch={{ optionFilterProp: 'label' }}
        style={{ width: 360 }}
        placeholder={t('scoring.chooseExpert')}
        aria-label={t('scoring.chooseExpert')}
        value={chosen?.id}
        onChange={(id: string) => void onSelect(id)}
        options={options}
        data-testid="expert-select"
      />
      {current.kind === 'ready' ? (
        <Button
          icon={<LockOutlined />}
          onClick={() => setDialog({ kind: 'set', expert: current.expert, isFirstUse: false })}
          data-testid="pin-button"
        >
          {hasPin(pins[current.expert.id]) ? t('scoring.pin.change') : t('scoring.pin.set')}
        </Button>
      ) : null}
      <Button icon={<TableOutlined />} onClick={() => void navigate(ROUTES.scoringPanel)}>
        {t('scoring.panelOverview')}
      </Button>
      <Typography.Text data-testid="expert-progress" strong={progress !== undefined}>
        {progress
          ? t('scoring.progress', { submitted: progress.submitted, total: progress.assigned })
          : t('scoring.chooseFirst')}
      </Typography.Text>
      {progress ? (
        <Typography.Text type="secondary">
          {t('scoring.progressDetail', {
            draft: progress.draft,
            notStarted: progress.notStarted,
            recused: progress.recused,
          })}
        </Typography.Text>
      ) : null}
      {progress && progress.voided > 0 ? (
        <Typography.Text type="secondary" data-testid="expert-voided">
          {t('voided.progress', { count: progress.voided })}
        </Typography.Text>
      ) : null}
      {dialog?.kind === 'unlock' ? (
        <UnlockModal
          expert={dialog.expert}
          record={pins[dialog.expert.id]}
          onCancel={() => setDialog(null)}
          onUnlocked={() => {
            setDialog(null);
            void chooseExpert(dialog.expert.id);
          }}
          onForgot={() => setDialog({ kind: 'reset', expert: dialog.expert })}
        />
      ) : null}
      {dialog?.kind === 'reset' ? (
        <PinResetFlow
          expert={dialog.expert}
          panels={panels}
          experts={experts}
          pins={pins}
          onReset={() => void chooseExpert(dialog.expert.id)}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog?.kind === 'set' ? (
        <SetPinModal
          expert={dialog.expert}
          current={pins[dialog.expert.id]}
          isFirstUse={dialog.isFirstUse}
          onClose={() => setDialog(null)}
        />
      ) : null}
    </Space>
  );
};
