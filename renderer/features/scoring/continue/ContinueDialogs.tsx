// The dialogs of 在本机继续: reading, passphrase, the preview with who and why (and the key to
// accept when the pins ask for a person), the refusal in one sentence, and done.
import { Alert, Button, Checkbox, Form, Input, Modal, Result, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PreparedContinue } from '../../../db/bundles/continueHere';
import { useLabels } from '../../../app/hooks/useLabels';
import { ContinuePreviewView } from './ContinuePreviewView';
import type { Confirmation, ContinueFile, ContinueStep, ShownError } from './useContinueHere';

const PassphraseModal = ({
  file,
  isRetry,
  onSubmit,
  onCancel,
}: {
  file: ContinueFile;
  isRetry: boolean;
  onSubmit: (passphrase: string) => void;
  onCancel: () => void;
}) => {
  const { t } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  const submit = () => passphrase !== '' && onSubmit(passphrase);
  return (
    <Modal
      open
      title={t('continue.passphraseTitle')}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: passphrase === '' }}
      onOk={submit}
      onCancel={onCancel}
    >
      <p>{t('continue.passphraseBody', { file: file.name })}</p>
      <Form layout="vertical" onFinish={submit}>
        <Form.Item
          label={t('continue.passphrase')}
          validateStatus={isRetry ? 'error' : undefined}
          help={isRetry ? t('continue.wrongPassphrase') : undefined}
        >
          <Input.Password
            autoFocus
            value={passphrase}
            onChange={(event) => setPassphrase(event.target.value)}
            data-testid="continue-passphrase"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
};

const PreviewModal = ({
  prepared,
  actor: suggestedActor,
  formError,
  onConfirm,
  onCancel,
}: {
  prepared: PreparedContinue;
  actor: string;
  formError: ShownError | undefined;
  onConfirm: (form: Confirmation) => void;
  onCancel: () => void;
}) => {
  const { t } = useTranslation();
  const labels = useLabels();
  const [actor, setActor] = useState(suggestedActor);
  const [reason, setReason] = useState('');
  const [acceptNewKey, setAcceptNewKey] = useState(false);
  const { preview } = prepared;
  const isBlocked = preview.blocking !== undefined && !acceptNewKey;
  const isComplete = actor.trim() !== '' && reason.trim() !== '';
  return (
    <Modal
      open
      width={820}
      title={t('continue.previewTitle')}
      onCancel={onCancel}
      footer={[
        <Button key="cancel" onClick={onCancel}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="confirm"
          type="primary"
          disabled={isBlocked || !isComplete}
          onClick={() => onConfirm({ actor, reason, acceptNewKey })}
          data-testid="continue-confirm"
        >
          {t('continue.confirm')}
        </Button>,
      ]}
    >
      <ContinuePreviewView preview={preview} />
      {preview.blocking ? (
        <Alert
          style={{ marginTop: 12 }}
          type="error"
          showIcon
          title={labels.isEnglish ? preview.blocking.messageEn : preview.blocking.message}
          description={
            <Checkbox
              checked={acceptNewKey}
              onChange={(event) => setAcceptNewKey(event.target.checked)}
              data-testid="continue-accept-key"
            >
              {t('continue.acceptKey')}
            </Checkbox>
          }
        />
      ) : null}
      <Form layout="vertical" style={{ marginTop: 12 }}>
        <Form.Item label={t('continue.actor')} required>
          <Input
            value={actor}
            maxLength={200}
            placeholder={t('continue.actorPlaceholder')}
            onChange={(event) => setActor(event.target.value)}
            data-testid="continue-actor"
          />
        </Form.Item>
        <Form.Item label={t('continue.reason')} required>
          <Input.TextArea
            value={reason}
            maxLength={2000}
            autoSize={{ minRows: 2, maxRows: 5 }}
            placeholder={t('continue.reasonPlaceholder')}
            onChange={(event) => setReason(event.target.value)}
            data-testid="continue-reason"
          />
        </Form.Item>
      </Form>
      {formError ? (
        <Alert
          type="error"
          showIcon
          title={labels.isEnglish ? formError.messageEn : formError.message}
        />
      ) : null}
    </Modal>
  );
};

export const ContinueDialogs = ({
  state,
  actor,
  onPassphrase,
  onConfirm,
  onClose,
}: {
  state: ContinueStep;
  /** Proposed as the person doing it: the expert chosen on this laptop, if any. */
  actor: string;
  onPassphrase: (file: ContinueFile, passphrase: string) => void;
  onConfirm: (file: ContinueFile, prepared: PreparedContinue, form: Confirmation) => void;
  onClose: () => void;
}) => {
  const { t } = useTranslation();
  const labels = useLabels();
  switch (state.step) {
    case 'idle':
      return null;
    case 'working':
      return (
        <Modal
          open
          footer={null}
          closable={false}
          title={t('continue.reading', { file: state.fileName })}
        >
          <Spin />
        </Modal>
      );
    case 'passphrase':
      return (
        <PassphraseModal
          file={state.file}
          isRetry={state.isRetry}
          onSubmit={(passphrase) => onPassphrase(state.file, passphrase)}
          onCancel={onClose}
        />
      );
    case 'preview':
      return (
        <PreviewModal
          prepared={state.prepared}
          actor={actor}
          formError={state.formError}
          onConfirm={(form) => onConfirm(state.file, state.prepared, form)}
          onCancel={onClose}
        />
      );
    case 'failed':
      return (
        <Modal
          open
          onCancel={onClose}
          footer={<Button onClick={onClose}>{t('common.confirm')}</Button>}
        >
          <Result
            status="error"
            title={t('continue.failedTitle')}
            subTitle={
              <span data-testid="continue-refusal">
                {labels.isEnglish ? state.error.messageEn : state.error.message}
              </span>
            }
          />
        </Modal>
      );
    case 'done':
      return (
        <Modal
          open
          onCancel={onClose}
          footer={
            <Button type="primary" onClick={onClose} data-testid="continue-done">
              {t('common.confirm')}
            </Button>
          }
        >
          <Result
            status="success"
            title={t('continue.doneTitle')}
            subTitle={t('continue.done', {
              count: state.summary.counts.continued + state.summary.counts.alreadyHere,
            })}
          />
        </Modal>
      );
  }
};
