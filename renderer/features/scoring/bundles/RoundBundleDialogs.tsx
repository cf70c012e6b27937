// The dialogs of opening a round bundle: reading, passphrase, preview (with the signer's
// fingerprint to compare), refusal, and done.
import {
  Alert,
  Button,
  Checkbox,
  Descriptions,
  Form,
  Input,
  Modal,
  Result,
  Spin,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PreparedImport, RecordCounts } from '../../../db/bundles';
import { WithdrawnAlert } from '../../../app/components/WithdrawnAlert';
import { RoundChangesList } from '../../../app/components/RoundChangesList';
import { OpenedFileHash } from '../../../app/components/OpenedFileHash';
import { useFileSha256 } from '../../../app/hooks/useFileSha256';
import { useLabels } from '../../../app/hooks/useLabels';
import { formatLocalTime } from '../AuditTrail';
import type { BundleFile, ImportStep } from './useRoundBundleImport';

const PassphraseModal = ({
  file,
  isRetry,
  onSubmit,
  onCancel,
}: {
  file: BundleFile;
  isRetry: boolean;
  onSubmit: (passphrase: string) => void;
  onCancel: () => void;
}) => {
  const { t } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  return (
    <Modal
      open
      title={t('scoring.bundle.passphraseTitle')}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: passphrase === '' }}
      onOk={() => onSubmit(passphrase)}
      onCancel={onCancel}
    >
      <Typography.Paragraph>
        {t('scoring.bundle.passphraseBody', { file: file.name })}
      </Typography.Paragraph>
      <Form layout="vertical" onFinish={() => passphrase !== '' && onSubmit(passphrase)}>
        <Form.Item
          label={t('scoring.bundle.passphrase')}
          validateStatus={isRetry ? 'error' : undefined}
          help={isRetry ? t('scoring.bundle.wrongPassphrase') : undefined}
        >
          <Input.Password
            autoFocus
            value={passphrase}
            onChange={(event) => setPassphrase(event.target.value)}
            data-testid="bundle-passphrase"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
};

const PreviewModal = ({
  prepared,
  bytes,
  onCommit,
  onCancel,
}: {
  prepared: PreparedImport;
  /** The opened file, whose SHA-256 the expert compares with the hand-over sheet. */
  bytes: Uint8Array;
  onCommit: (acceptNewKey: boolean) => void;
  onCancel: () => void;
}) => {
  const { t } = useTranslation();
  const labels = useLabels();
  const [acceptNewKey, setAcceptNewKey] = useState(false);
  const fileHash = useFileSha256(bytes);
  const { preview } = prepared;
  const counts = (c: RecordCounts | undefined) =>
    c
      ? t('scoring.bundle.counts', { added: c.added, changed: c.changed, unchanged: c.unchanged })
      : '—';
  const isBlocked = preview.blocking !== undefined && !acceptNewKey;
  return (
    <Modal
      open
      width={640}
      title={t('scoring.bundle.previewTitle')}
      okText={t('scoring.bundle.import')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: isBlocked }}
      onOk={() => onCommit(acceptNewKey)}
      onCancel={onCancel}
    >
      <Descriptions size="small" column={1} bordered data-testid="bundle-preview">
        <Descriptions.Item label={t('fileHash.label')}>
          <OpenedFileHash state={fileHash} isRoundBundle />
        </Descriptions.Item>
        <Descriptions.Item label={t('scoring.bundle.round')}>
          {preview.roundName ?? preview.roundId}
        </Descriptions.Item>
        <Descriptions.Item label={t('scoring.bundle.panel')}>
          {preview.panelName ?? preview.panelId}
        </Descriptions.Item>
        <Descriptions.Item label={t('scoring.bundle.createdAt')}>
          {formatLocalTime(preview.createdAt)}
        </Descriptions.Item>
        <Descriptions.Item label={t('scoring.bundle.encrypted')}>
          {preview.encrypted ? t('common.yes') : t('common.no')}
        </Descriptions.Item>
        <Descriptions.Item label={t('scoring.bundle.fingerprint')}>
          <Typography.Text code>{preview.key.fingerprint}</Typography.Text>
          <br />
          <Typography.Text type="secondary">{preview.key.note}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('home.bases')}>
          {counts(preview.roster?.bases)}
        </Descriptions.Item>
        <Descriptions.Item label={t('home.experts')}>
          {counts(preview.roster?.experts)}
          {preview.roster && preview.roster.addedExperts.length > 0 ? (
            <div>{preview.roster.addedExperts.join('、')}</div>
          ) : null}
        </Descriptions.Item>
        <Descriptions.Item label={t('scoring.bundle.assignments')}>
          {counts(preview.roster?.assignments)}
        </Descriptions.Item>
      </Descriptions>
      {preview.roster ? (
        <WithdrawnAlert withdrawn={preview.roster.withdrawn} style={{ marginTop: 12 }} />
      ) : null}
      {preview.roster ? (
        <RoundChangesList changes={preview.roster.changes} style={{ marginTop: 12 }} />
      ) : null}
      {preview.unchanged ? (
        <Alert
          style={{ marginTop: 12 }}
          type="info"
          showIcon
          title={t('scoring.bundle.unchanged')}
        />
      ) : null}
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
            >
              {t('scoring.bundle.acceptKey')}
            </Checkbox>
          }
        />
      ) : null}
    </Modal>
  );
};

export const RoundBundleDialogs = ({
  state,
  onPassphrase,
  onCommit,
  onClose,
}: {
  state: ImportStep;
  onPassphrase: (file: BundleFile, passphrase: string) => void;
  onCommit: (prepared: PreparedImport, acceptNewKey: boolean) => void;
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
          title={t('scoring.bundle.reading', { file: state.fileName })}
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
          bytes={state.file.bytes}
          onCommit={(accept) => onCommit(state.prepared, accept)}
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
            title={t('scoring.bundle.failedTitle')}
            subTitle={labels.isEnglish ? state.error.messageEn : state.error.message}
          />
        </Modal>
      );
    case 'done':
      return (
        <Modal
          open
          onCancel={onClose}
          footer={
            <Button type="primary" onClick={onClose} data-testid="bundle-done">
              {t('scoring.bundle.startScoring')}
            </Button>
          }
        >
          <Result
            status="success"
            title={t('scoring.bundle.doneTitle')}
            subTitle={state.summary.message}
          />
        </Modal>
      );
  }
};
