// Resetting a forgotten PIN on the panel laptop: the "忘记 PIN？" link, the confirmation
// dialog (the chair's PIN or name, or for the chair's own PIN another member's, plus a
// reason; rules in shared/domain/pinReset.ts) and then the first-use PIN dialog again.
import { Alert, App, Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { db } from '../../db/instance';
import { resetExpertPin } from '../../db/repositories/expertPinRepository';
import type { ExpertPins } from '../../db/repositories/expertPinRepository';
import { isPinResetRefusal, pinResetConfirmers } from '../../../shared/domain/pinReset';
import type { PinResetProof, PinResetRefusal } from '../../../shared/domain/pinReset';
import type { Expert, Panel } from '../../../shared/domain/types';
import { systemClock } from '../../app/clock';
import { hashPin, isValidPin } from './pin';
import { SetPinModal } from './PinDialogs';

const PROOF_REFUSALS: readonly PinResetRefusal[] = [
  'wrongPin',
  'wrongName',
  'pinRequired',
  'nameRequired',
];

type ResetError = { field: 'proof' | 'reason' | 'general'; text: string };

// Built outside JSX so the data-testid attribute passes antd's ButtonProps type.
const okProps = (isDisabled: boolean) => {
  const props = { 'data-testid': 'pin-reset-confirm', disabled: isDisabled, danger: true };
  return props;
};

type ResetInput = {
  expert: Expert;
  panels: readonly Panel[];
  experts: readonly Expert[];
  pins: ExpertPins;
};

/** The confirmation dialog; `onReset` runs once the PIN record and its audit entry are stored. */
export const PinResetModal = ({
  expert,
  panels,
  experts,
  pins,
  onReset,
  onCancel,
}: ResetInput & { onReset: () => void; onCancel: () => void }) => {
  const { t } = useTranslation();
  const allowed = pinResetConfirmers(
    expert,
    panels.find((p) => p.id === expert.panelId),
    experts,
  );
  const candidates =
    allowed.kind === 'chair'
      ? [allowed.chair]
      : allowed.kind === 'panelMember'
        ? allowed.members
        : [];
  const [confirmerId, setConfirmerId] = useState<string | undefined>(
    allowed.kind === 'chair' ? allowed.chair.id : undefined,
  );
  const [proofText, setProofText] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ResetError | null>(null);
  const [isBusy, setBusy] = useState(false);
  const confirmer = candidates.find((e) => e.id === confirmerId);
  const confirmerPin = confirmer ? pins[confirmer.id] : undefined;
  const usesPin = confirmerPin?.kind === 'pin';

  const showRefusal = (refusal: PinResetRefusal) => {
    const field = PROOF_REFUSALS.includes(refusal)
      ? 'proof'
      : refusal === 'noReason'
        ? 'reason'
        : 'general';
    setError({ field, text: t(`pinReset.refusals.${refusal}`) });
    if (refusal === 'wrongPin') setProofText('');
  };

  const confirm = async () => {
    if (!confirmer) return setError({ field: 'general', text: t('pinReset.confirmerPlaceholder') });
    if (reason.trim() === '') return showRefusal('noReason');
    let proof: PinResetProof;
    if (confirmerPin?.kind === 'pin') {
      if (!isValidPin(proofText)) {
        return setError({ field: 'proof', text: t('pinReset.invalidPin') });
      }
      const pinHash = await hashPin(proofText, confirmerPin.salt, globalThis.crypto);
      proof = { method: 'pin', pinHash };
    } else {
      proof = { method: 'name', typedName: proofText };
    }
    setBusy(true);
    try {
      const result = await resetExpertPin(
        db,
        { expertId: expert.id, confirmerId: confirmer.id, proof, reason },
        systemClock,
      );
      if (result.ok) return onReset();
      const { cause, message } = result.error;
      if (isPinResetRefusal(cause)) showRefusal(cause);
      else setError({ field: 'general', text: t('pinReset.failed', { message }) });
    } catch (thrown) {
      const message = thrown instanceof Error ? thrown.message : String(thrown);
      setError({ field: 'general', text: t('pinReset.failed', { message }) });
    } finally {
      setBusy(false);
    }
  };

  const proofLabel = (who: Expert) => {
    const isChair = allowed.kind === 'chair';
    if (usesPin) return t(isChair ? 'pinReset.chairPin' : 'pinReset.memberPin', { name: who.name });
    return t(isChair ? 'pinReset.chairName' : 'pinReset.memberName', { name: who.name });
  };
  const onProofChange = (value: string) => {
    setProofText(value);
    setError(null);
  };
  const errorOf = (field: ResetError['field']) =>
    error?.field === field ? { validateStatus: 'error' as const, help: error.text } : {};

  return (
    <Modal
      open
      title={t('pinReset.title', { name: expert.name })}
      okText={t('pinReset.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={okProps(allowed.kind === 'unavailable')}
      confirmLoading={isBusy}
      onOk={() => void confirm()}
      onCancel={onCancel}
      destroyOnHidden
    >
      {allowed.kind === 'unavailable' ? (
        <Alert
          type="error"
          showIcon
          title={t(`pinReset.refusals.${allowed.reason}`)}
          data-testid="pin-reset-unavailable"
        />
      ) : (
        <Form layout="vertical" component="div">
          <Typography.Paragraph data-testid="pin-reset-body">
            {t(allowed.kind === 'chair' ? 'pinReset.body' : 'pinReset.bodyChair', {
              name: expert.name,
            })}
          </Typography.Paragraph>
          {error?.field === 'general' ? (
            <Alert type="error" showIcon title={error.text} style={{ marginBottom: 12 }} />
          ) : null}
          {allowed.kind === 'panelMember' ? (
            <Form.Item label={t('pinReset.confirmer')} required>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                value={confirmerId}
                placeholder={t('pinReset.confirmerPlaceholder')}
                options={allowed.members.map((m) => ({ value: m.id, label: m.name }))}
                onChange={(id: string) => {
                  setConfirmerId(id);
                  onProofChange('');
                }}
                data-testid="pin-reset-confirmer"
              />
            </Form.Item>
          ) : null}
          <Form.Item label={t('pinReset.reason')} required {...errorOf('reason')}>
            <Input.TextArea
              autoFocus
              value={reason}
              placeholder={t('pinReset.reasonPlaceholder')}
              autoSize={{ minRows: 2, maxRows: 4 }}
              onChange={(event) => {
                setReason(event.target.value);
                setError(null);
              }}
              data-testid="pin-reset-reason"
            />
          </Form.Item>
          {confirmer ? (
            <Form.Item label={proofLabel(confirmer)} required {...errorOf('proof')}>
              {usesPin ? (
                <Input.Password
                  inputMode="numeric"
                  maxLength={6}
                  autoComplete="off"
                  value={proofText}
                  onChange={(event) => onProofChange(event.target.value)}
                  data-testid="pin-reset-proof"
                />
              ) : (
                <Input
                  value={proofText}
                  onChange={(event) => onProofChange(event.target.value)}
                  data-testid="pin-reset-proof"
                />
              )}
            </Form.Item>
          ) : null}
        </Form>
      )}
    </Modal>
  );
};

/**
 * The whole reset: confirmation, then the first-use PIN dialog (set a new PIN or decline).
 * `onReset` lets the owner make the expert the current one; `onClose` ends the flow.
 */
export const PinResetFlow = ({
  onReset,
  onClose,
  ...input
}: ResetInput & { onReset: () => void; onClose: () => void }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [step, setStep] = useState<'confirm' | 'setNew'>('confirm');
  if (step === 'setNew') {
    return <SetPinModal expert={input.expert} current={undefined} isFirstUse onClose={onClose} />;
  }
  return (
    <PinResetModal
      {...input}
      onCancel={onClose}
      onReset={() => {
        message.success(t('pinReset.done', { name: input.expert.name }));
        onReset();
        setStep('setNew');
      }}
    />
  );
};
