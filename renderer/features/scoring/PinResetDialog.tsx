// Resetting a forgotten PIN on the panel laptop: the "忘记 PIN？" link, the confirmation
// dialog (the chair's PIN, or for the chair's own PIN another member's, plus a reason; a
// confirmer without a PIN on this laptop sets one here, which then confirms; wrong PINs are
// paused as at unlock; rules in shared/domain/pinReset.ts) and then the first-use PIN dialog.
import { Alert, App, Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { db } from '../../db/instance';
import { isPinResetRefused, resetExpertPin } from '../../db/repositories/expertPinRepository';
import type { ExpertPins, PinResetRefused } from '../../db/repositories/expertPinRepository';
import { pinResetConfirmers } from '../../../shared/domain/pinReset';
import type { PinResetProof, PinResetRefusal } from '../../../shared/domain/pinReset';
import type { Expert, Panel } from '../../../shared/domain/types';
import { systemClock } from '../../app/clock';
import { newPinProblem } from './chairConfirmation';
import { ConfirmerPinField, EMPTY_PIN_ENTRY } from './ConfirmerPinField';
import type { PinEntryText } from './ConfirmerPinField';
import { createPinRecord, hashPin, isValidPin } from './pin';
import { SetPinModal } from './PinDialogs';

/** Refusals about the typed PIN: shown under it, and the typed PIN is cleared. */
const PROOF_REFUSALS: readonly PinResetRefusal[] = [
  'wrongPin',
  'wrongPinPaused',
  'paused',
  'pinRequired',
  'pinNotSet',
  'badNewPin',
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
  const [entry, setEntry] = useState<PinEntryText>(EMPTY_PIN_ENTRY);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ResetError | null>(null);
  const [isBusy, setBusy] = useState(false);
  const confirmer = candidates.find((e) => e.id === confirmerId);
  const confirmerPin = confirmer ? pins[confirmer.id] : undefined;
  const usesPin = confirmerPin?.kind === 'pin';
  const isChair = allowed.kind === 'chair';

  const showRefusal = ({ refusal, count, seconds }: PinResetRefused) => {
    const field = PROOF_REFUSALS.includes(refusal)
      ? 'proof'
      : refusal === 'noReason'
        ? 'reason'
        : 'general';
    setError({ field, text: t(`pinReset.refusals.${refusal}`, { count, seconds }) });
    if (field === 'proof') setEntry(EMPTY_PIN_ENTRY);
  };
  const proofError = (text: string): null => {
    setError({ field: 'proof', text });
    return null;
  };

  /** The proof of the typed PIN, or null (and the reason shown) when it cannot be one. */
  const proofOf = async (who: Expert): Promise<PinResetProof | null> => {
    const record = pins[who.id];
    if (record?.kind === 'pin') {
      if (!isValidPin(entry.pin)) return proofError(t('pinReset.invalidPin'));
      return { method: 'pin', pinHash: await hashPin(entry.pin, record.salt, globalThis.crypto) };
    }
    const problem = newPinProblem(entry.pin, entry.again);
    if (problem === 'invalid') return proofError(t('pinReset.invalidPin'));
    if (problem === 'mismatch') return proofError(t('pinReset.mismatch'));
    const created = await createPinRecord(entry.pin, {
      crypto: globalThis.crypto,
      now: systemClock.now,
    });
    return { method: 'newPin', salt: created.salt, pinHash: created.hash };
  };

  const confirm = async () => {
    if (!confirmer) return setError({ field: 'general', text: t('pinReset.confirmerPlaceholder') });
    if (reason.trim() === '') {
      return showRefusal({ refusal: 'noReason', count: 0, seconds: 0 });
    }
    setBusy(true);
    try {
      const proof = await proofOf(confirmer);
      if (proof === null) return;
      const result = await resetExpertPin(
        db,
        { expertId: expert.id, confirmerId: confirmer.id, proof, reason },
        systemClock,
      );
      if (result.ok) return onReset();
      const { cause, message } = result.error;
      if (isPinResetRefused(cause)) showRefusal(cause);
      else setError({ field: 'general', text: t('pinReset.failed', { message }) });
    } catch (thrown) {
      const message = thrown instanceof Error ? thrown.message : String(thrown);
      setError({ field: 'general', text: t('pinReset.failed', { message }) });
    } finally {
      setBusy(false);
    }
  };

  const pinLabels = (who: Expert) => ({
    pin: t(isChair ? 'pinReset.chairPin' : 'pinReset.memberPin', { name: who.name }),
    hint: t(isChair ? 'pinReset.chairNewPinHint' : 'pinReset.memberNewPinHint', {
      name: who.name,
    }),
    newPin: t('pinReset.newPin', { name: who.name }),
    again: t('pinReset.newPinAgain'),
  });
  const onEntryChange = (value: PinEntryText) => {
    setEntry(value);
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
            {t(isChair ? 'pinReset.body' : 'pinReset.bodyChair', { name: expert.name })}
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
                  onEntryChange(EMPTY_PIN_ENTRY);
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
            <ConfirmerPinField
              hasPin={usesPin}
              labels={pinLabels(confirmer)}
              value={entry}
              onChange={onEntryChange}
              error={error?.field === 'proof' ? error.text : null}
              testId="pin-reset-proof"
            />
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
