// PIN entry and PIN setting for experts sharing a panel laptop.
import { App, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { db } from '../../db/instance';
import { putExpertPin } from '../../db/repositories/expertPinRepository';
import type { ExpertPinRecord } from '../../db/repositories/expertPinRepository';
import type { Expert } from '../../../shared/domain/types';
import { systemClock } from '../../app/clock';
import { createPinRecord, isValidPin, verifyPin } from './pin';
import { tryPin } from './pinTries';
import type { PinTryDeps } from './pinTries';

/** This window's database, WebCrypto and clock, for tries of a PIN. */
export const PIN_TRY_DEPS: PinTryDeps = { db, crypto: globalThis.crypto, now: systemClock.now };

const pinInputProps = {
  inputMode: 'numeric',
  maxLength: 6,
  autoComplete: 'off',
} as const;

/**
 * The expert's PIN field with its submit button: each try goes through tryPin (paused after
 * too many wrong ones); says why when a try was not right, and calls `onUnlocked` when it was.
 */
export const PinPrompt = ({
  expert,
  record,
  onUnlocked,
  submitLabel,
  label,
  testId,
}: {
  expert: Expert;
  record: ExpertPinRecord | undefined;
  onUnlocked: () => void;
  submitLabel: string;
  label: string;
  testId: string;
}) => {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    if (!isValidPin(pin)) {
      setError(t('scoring.pin.invalid'));
      return;
    }
    const tried = await tryPin(expert.id, pin, record, PIN_TRY_DEPS);
    if (tried.kind === 'right') {
      onUnlocked();
      return;
    }
    setPin('');
    if (tried.kind === 'paused') setError(t('scoring.pin.paused', { seconds: tried.waitSeconds }));
    else if (tried.waitSeconds > 0) {
      setError(t('scoring.pin.wrongPaused', { count: tried.count, seconds: tried.waitSeconds }));
    } else setError(t('scoring.pin.wrong'));
  };
  return (
    <Form layout="vertical" onFinish={() => void submit()}>
      <Form.Item
        label={label}
        validateStatus={error ? 'error' : undefined}
        help={error ?? undefined}
      >
        <Space.Compact>
          <Input.Password
            {...pinInputProps}
            autoFocus
            value={pin}
            onChange={(event) => {
              setPin(event.target.value);
              setError(null);
            }}
            style={{ width: 160 }}
            data-testid={testId}
          />
          <Button type="primary" htmlType="submit">
            {submitLabel}
          </Button>
        </Space.Compact>
      </Form.Item>
    </Form>
  );
};

/** "忘记 PIN？": opens the reset with the chair's confirmation (PinResetDialog.tsx). */
export const ForgotPinLink = ({ onClick }: { onClick: () => void }) => {
  const { t } = useTranslation();
  return (
    <Button type="link" onClick={onClick} style={{ paddingInline: 0 }} data-testid="pin-forgot">
      {t('pinReset.forgot')}
    </Button>
  );
};

/** Asks for an expert's PIN before switching to them. */
export const UnlockModal = ({
  expert,
  record,
  onUnlocked,
  onForgot,
  onCancel,
}: {
  expert: Expert;
  record: ExpertPinRecord | undefined;
  onUnlocked: () => void;
  onForgot: () => void;
  onCancel: () => void;
}) => {
  const { t } = useTranslation();
  return (
    <Modal
      open
      title={t('scoring.pin.enterTitle', { name: expert.name })}
      footer={null}
      onCancel={onCancel}
      destroyOnHidden
    >
      <PinPrompt
        label={t('scoring.pin.pin')}
        submitLabel={t('scoring.pin.unlock')}
        testId="pin-unlock"
        expert={expert}
        record={record}
        onUnlocked={onUnlocked}
      />
      <ForgotPinLink onClick={onForgot} />
    </Modal>
  );
};

/**
 * Sets or changes an expert's PIN. On first use it can be declined ("不设置"), which is
 * remembered so the expert is not asked again; changing an existing PIN needs the old one.
 */
export const SetPinModal = ({
  expert,
  current,
  isFirstUse,
  onClose,
}: {
  expert: Expert;
  current: ExpertPinRecord | undefined;
  isFirstUse: boolean;
  onClose: () => void;
}) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [oldPin, setOldPin] = useState('');
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string | null>(null);
  const needsOld = current?.kind === 'pin';

  const save = async () => {
    if (needsOld && !(await verifyPin(oldPin, current, globalThis.crypto))) {
      setError(t('scoring.pin.wrong'));
      return;
    }
    if (!isValidPin(pin)) return setError(t('scoring.pin.invalid'));
    if (pin !== again) return setError(t('scoring.pin.mismatch'));
    const record = await createPinRecord(pin, { crypto: globalThis.crypto, now: systemClock.now });
    await putExpertPin(db, expert.id, record);
    message.success(t('scoring.pin.saved'));
    onClose();
  };
  const decline = async () => {
    await putExpertPin(db, expert.id, { kind: 'declined', at: systemClock.now() });
    onClose();
  };

  return (
    <Modal
      open
      title={t('scoring.pin.setTitle', { name: expert.name })}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Space>
          {isFirstUse ? (
            <Button onClick={() => void decline()} data-testid="pin-skip">
              {t('scoring.pin.skip')}
            </Button>
          ) : (
            <Button onClick={onClose}>{t('common.cancel')}</Button>
          )}
          <Button type="primary" onClick={() => void save()} data-testid="pin-save">
            {t('scoring.pin.save')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('scoring.pin.setBody')}</Typography.Paragraph>
      <Form layout="vertical" onFinish={() => void save()}>
        {needsOld ? (
          <Form.Item label={t('scoring.pin.currentPin')}>
            <Input.Password
              {...pinInputProps}
              value={oldPin}
              onChange={(e) => setOldPin(e.target.value)}
            />
          </Form.Item>
        ) : null}
        <Form.Item label={t('scoring.pin.pin')}>
          <Input.Password
            {...pinInputProps}
            autoFocus
            value={pin}
            onChange={(e) => {
              setPin(e.target.value);
              setError(null);
            }}
            data-testid="pin-new"
          />
        </Form.Item>
        <Form.Item
          label={t('scoring.pin.confirmPin')}
          validateStatus={error ? 'error' : undefined}
          help={error ?? undefined}
        >
          <Input.Password
            {...pinInputProps}
            value={again}
            onChange={(e) => {
              setAgain(e.target.value);
              setError(null);
            }}
            data-testid="pin-again"
          />
        </Form.Item>
        {/* Enter in a field submits the form */}
        <button type="submit" hidden aria-hidden />
      </Form>
    </Modal>
  );
};
