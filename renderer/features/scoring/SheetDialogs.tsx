// The scoresheet's confirmation dialogs: what is missing before submit, submit itself,
// declaring a recusal (reason required) and the chair's confirmation of a reopen (the
// chair's PIN, paused after wrong ones, or set now by a chair without one: chairConfirmation.ts).
import { Alert, Button, Form, Input, List, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExpertPinRecord } from '../../db/repositories/expertPinRepository';
import type { BaseTypeCode, DispositionCode, Expert } from '../../../shared/domain/types';
import { confirmByChairPin, reopenNote } from './chairConfirmation';
import type { ChairConfirmation } from './chairConfirmation';
import { ConfirmerPinField, EMPTY_PIN_ENTRY } from './ConfirmerPinField';
import type { PinEntryText } from './ConfirmerPinField';
import { hasPin } from './pin';
import { PIN_TRY_DEPS } from './PinDialogs';
import { useProblemText } from './RecommendationCard';
import type { MissingItem } from './submitCheck';

// Built outside JSX so the data-testid attribute passes antd's ButtonProps type.
const buttonProps = (testId: string, isDisabled: boolean, isDanger = false) => {
  const props = { 'data-testid': testId, disabled: isDisabled, danger: isDanger };
  return props;
};
const SUBMIT_OK = { 'data-testid': 'submit-confirm', autoFocus: true };

export const MissingItemsModal = ({
  items,
  dispositionCode,
  baseType,
  onGo,
  onClose,
}: {
  items: readonly MissingItem[];
  dispositionCode: DispositionCode | null;
  baseType: BaseTypeCode;
  onGo: (indicatorId: string | null) => void;
  onClose: () => void;
}) => {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const textOf = (item: MissingItem): string => {
    switch (item.kind) {
      case 'score':
        return t('scoring.submitDialog.score', { primary: item.primaryName, name: item.name });
      case 'invalidInput':
        return t('scoring.submitDialog.invalid', { primary: item.primaryName, name: item.name });
      case 'recommendation':
        return t('scoring.submitDialog.recommendation');
      case 'problem':
        return problemText(item, dispositionCode, baseType);
    }
  };
  return (
    <Modal
      open
      title={t('scoring.submitDialog.missingTitle')}
      onCancel={onClose}
      footer={<Button onClick={onClose}>{t('common.confirm')}</Button>}
    >
      <Typography.Paragraph>{t('scoring.submitDialog.missingIntro')}</Typography.Paragraph>
      <List
        size="small"
        data-testid="missing-items"
        dataSource={[...items]}
        renderItem={(item) => (
          <List.Item
            actions={[
              <Button
                key="go"
                size="small"
                type="link"
                onClick={() =>
                  onGo(
                    item.kind === 'score' || item.kind === 'invalidInput' ? item.indicatorId : null,
                  )
                }
              >
                {t('scoring.submitDialog.goTo')}
              </Button>,
            ]}
          >
            {textOf(item)}
          </List.Item>
        )}
      />
    </Modal>
  );
};

export const SubmitConfirmModal = ({
  total,
  onConfirm,
  onCancel,
}: {
  total: string;
  onConfirm: () => Promise<void>;
  onCancel: () => void;
}) => {
  const { t } = useTranslation();
  const [isBusy, setBusy] = useState(false);
  return (
    <Modal
      open
      title={t('scoring.submitDialog.confirmTitle')}
      okText={t('scoring.sheet.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={isBusy}
      okButtonProps={SUBMIT_OK}
      onOk={async () => {
        setBusy(true);
        await onConfirm();
        setBusy(false);
      }}
      onCancel={onCancel}
    >
      {t('scoring.submitDialog.confirmBody', { total })}
    </Modal>
  );
};

export const RecusalModal = ({
  onConfirm,
  onCancel,
}: {
  onConfirm: (reason: string) => Promise<void>;
  onCancel: () => void;
}) => {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [isBusy, setBusy] = useState(false);
  return (
    <Modal
      open
      title={t('scoring.recusal.title')}
      okText={t('scoring.recusal.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={buttonProps('recusal-confirm', reason.trim() === '', true)}
      confirmLoading={isBusy}
      onOk={async () => {
        setBusy(true);
        await onConfirm(reason.trim());
        setBusy(false);
      }}
      onCancel={onCancel}
    >
      <Alert
        type="warning"
        showIcon
        title={t('scoring.recusal.body')}
        style={{ marginBottom: 12 }}
      />
      <Form layout="vertical" component="div">
        <Form.Item label={t('scoring.recusal.reason')} required>
          <Input.TextArea
            autoFocus
            value={reason}
            placeholder={t('scoring.recusal.placeholder')}
            autoSize={{ minRows: 2, maxRows: 5 }}
            onChange={(event) => setReason(event.target.value)}
            data-testid="recusal-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
};

export const ReopenModal = ({
  chair,
  chairPin,
  onConfirm,
  onCancel,
}: {
  chair: Expert | undefined;
  chairPin: ExpertPinRecord | undefined;
  onConfirm: (note: string) => Promise<void>;
  onCancel: () => void;
}) => {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [entry, setEntry] = useState<PinEntryText>(EMPTY_PIN_ENTRY);
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const usesPin = hasPin(chairPin);

  const refusalText = (outcome: Exclude<ChairConfirmation, { kind: 'confirmed' }>): string => {
    switch (outcome.kind) {
      case 'invalid':
        return t('scoring.reopen.invalidPin');
      case 'mismatch':
        return t('scoring.reopen.mismatch');
      case 'wrong':
        return outcome.waitSeconds > 0
          ? t('scoring.reopen.wrongPinPaused', {
              count: outcome.count,
              seconds: outcome.waitSeconds,
            })
          : t('scoring.reopen.wrongPin');
      case 'paused':
        return t('scoring.reopen.paused', { seconds: outcome.waitSeconds });
      case 'changed':
        return t('scoring.reopen.pinChanged');
    }
  };

  const confirm = async () => {
    if (!chair) return;
    setBusy(true);
    try {
      const outcome = await confirmByChairPin(
        chair.id,
        usesPin ? { kind: 'pin', pin: entry.pin } : { kind: 'newPin', ...entry },
        PIN_TRY_DEPS,
      );
      if (outcome.kind === 'confirmed') {
        await onConfirm(reopenNote(chair.name, outcome.method, reason));
        return;
      }
      if (outcome.kind !== 'mismatch') setEntry(EMPTY_PIN_ENTRY);
      setError(refusalText(outcome));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('scoring.reopen.title')}
      okText={t('scoring.reopen.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={buttonProps(
        'reopen-confirm',
        !chair || reason.trim() === '' || entry.pin === '',
      )}
      confirmLoading={isBusy}
      onOk={() => void confirm()}
      onCancel={onCancel}
    >
      {chair ? (
        <Form layout="vertical" component="div">
          <Typography.Paragraph>
            {t('scoring.reopen.body', { chair: chair.name })}
          </Typography.Paragraph>
          <Form.Item label={t('scoring.reopen.reason')} required>
            <Input.TextArea
              autoFocus
              value={reason}
              autoSize={{ minRows: 2, maxRows: 4 }}
              onChange={(event) => setReason(event.target.value)}
              data-testid="reopen-reason"
            />
          </Form.Item>
          <ConfirmerPinField
            hasPin={usesPin}
            labels={{
              pin: t('scoring.reopen.chairPin', { chair: chair.name }),
              hint: t('scoring.reopen.newPinHint', { chair: chair.name }),
              newPin: t('scoring.reopen.newPin', { chair: chair.name }),
              again: t('scoring.reopen.newPinAgain'),
            }}
            value={entry}
            onChange={(value) => {
              setEntry(value);
              setError(null);
            }}
            error={error}
            testId="reopen-proof"
          />
        </Form>
      ) : (
        <Alert type="error" showIcon title={t('scoring.reopen.noChair')} />
      )}
    </Modal>
  );
};
