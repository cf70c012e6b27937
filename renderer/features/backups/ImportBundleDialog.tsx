// The generic import dialog for .pgb files that arrive from outside a screen: opened from the
// file manager or the command line (Electron), the 打开数据包… menu item, or dropped on the
// window. Files are handled one after another: prepareImport → preview (with a passphrase
// prompt when needed) → a backup of the current state → commitImport. A panel device's first
// key, or a changed signing key, is accepted only when a person ticks that they compared the
// fingerprint and gives their name (KeyConfirmation).
import { Button, Input, Modal, Result, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BUNDLE_KINDS } from '../../../shared/bundle/format';
import type { OpenedFile } from '../../../shared/ipc/contract';
import { newId, systemClock } from '../../app/clock';
import { useFileSha256 } from '../../app/hooks/useFileSha256';
import { commitImport, prepareImport } from '../../db/bundles';
import type { ImportError, PreparedImport } from '../../db/bundles';
import { db } from '../../db/instance';
import { setSetting } from '../../db/repositories/settingsRepository';
import { createBackupNow } from './backupRuntime';
import { IMPORT_ACTOR } from './backupService';
import { useOperatorName } from '../secretariat/results/useOperatorName';
import { importErrorText } from './format';
import { ImportPreviewView } from './ImportPreviewView';
import { isKeyConfirmed, KeyConfirmation } from './KeyConfirmation';

type Phase =
  | { kind: 'preparing' }
  | { kind: 'passphrase'; isRetry: boolean }
  | { kind: 'preview'; prepared: PreparedImport }
  | { kind: 'committing'; prepared: PreparedImport }
  | { kind: 'failed'; error: ImportError | string }
  | { kind: 'done'; message: string };

const NEEDS_PASSPHRASE: ReadonlySet<string> = new Set(['passphraseRequired', 'wrongPassphrase']);

export const ImportBundleDialog = ({
  files,
  onClose,
}: {
  files: readonly OpenedFile[];
  onClose: () => void;
}) => {
  const { t, i18n } = useTranslation();
  const [index, setIndex] = useState(0);
  const [phase, setPhase] = useState<Phase>({ kind: 'preparing' });
  const [passphrase, setPassphrase] = useState<string | undefined>(undefined);
  const [typed, setTyped] = useState('');
  const [acceptKey, setAcceptKey] = useState(false);
  const [remembered, remember] = useOperatorName();
  const [operator, setOperator] = useState(remembered);
  const [isBackedUp, setBackedUp] = useState(false);
  const file = files[index];
  // Of the bytes as opened, for comparing a round bundle with the hand-over sheet.
  const fileHash = useFileSha256(file?.bytes);
  const errorText = (error: ImportError | string) =>
    typeof error === 'string' ? error : importErrorText(error, i18n.language);

  useEffect(() => {
    if (file === undefined) return;
    let isCurrent = true;
    void prepareImport(db, file.bytes, file.name, {
      crypto: globalThis.crypto,
      expectedKinds: BUNDLE_KINDS,
      ...(passphrase === undefined ? {} : { passphrase }),
    }).then((result) => {
      if (!isCurrent) return;
      if (result.ok) setPhase({ kind: 'preview', prepared: result.prepared });
      else if (NEEDS_PASSPHRASE.has(result.error.code)) {
        setPhase({ kind: 'passphrase', isRetry: passphrase !== undefined });
      } else setPhase({ kind: 'failed', error: result.error });
    });
    return () => {
      isCurrent = false;
    };
  }, [file, passphrase]);

  const next = () => {
    if (index + 1 >= files.length) {
      onClose();
      return;
    }
    setIndex(index + 1);
    setPhase({ kind: 'preparing' });
    setPassphrase(undefined);
    setTyped('');
    setAcceptKey(false);
  };

  const commit = async (prepared: PreparedImport) => {
    setPhase({ kind: 'committing', prepared });
    // One backup of the current state before the first file of this dialog is written.
    if (!isBackedUp) {
      const safety = await createBackupNow('import');
      if (safety.status === 'failed') {
        setPhase({
          kind: 'failed',
          error: t('backups.import.backupBeforeFailed', { message: safety.message }),
        });
        return;
      }
      setBackedUp(true);
    }
    const isAccepting = acceptKey && prepared.preview.blocking !== undefined;
    // A key accepted records the name of the person who compared its fingerprint.
    if (isAccepting) remember(operator);
    const result = await commitImport(db, prepared, {
      actor: isAccepting ? operator.trim() : IMPORT_ACTOR,
      clock: systemClock,
      newId,
      acceptNewKey: isAccepting,
    });
    if (!result.ok) {
      setPhase({ kind: 'failed', error: result.error });
      return;
    }
    // Like the scoring screen's opener: a round bundle's round becomes the current one.
    const { roundId } = prepared.preview;
    if (prepared.preview.kind === 'round' && roundId !== undefined) {
      await setSetting(db, 'currentRoundId', roundId);
    }
    setPhase({ kind: 'done', message: result.result.message });
  };

  if (file === undefined) return null;
  const isLast = index + 1 >= files.length;
  const blocked =
    phase.kind === 'preview' && !isKeyConfirmed(phase.prepared.preview, acceptKey, operator);

  const footer = (() => {
    switch (phase.kind) {
      case 'preview':
        return (
          <Space>
            <Button onClick={next}>{t('backups.import.skip')}</Button>
            <Button
              type="primary"
              disabled={blocked}
              onClick={() => void commit(phase.prepared)}
              data-testid="import-commit"
            >
              {t('backups.import.commit')}
            </Button>
          </Space>
        );
      case 'passphrase':
        return (
          <Space>
            <Button onClick={next}>{t('backups.import.skip')}</Button>
            <Button type="primary" disabled={typed === ''} onClick={() => setPassphrase(typed)}>
              {t('backups.import.unlock')}
            </Button>
          </Space>
        );
      case 'failed':
      case 'done':
        return (
          <Button type="primary" onClick={next} data-testid="import-next">
            {isLast ? t('backups.import.close') : t('backups.import.next')}
          </Button>
        );
      default:
        return null;
    }
  })();

  return (
    <Modal
      open
      width={720}
      title={
        files.length > 1
          ? `${t('backups.import.title')} · ${t('backups.import.progress', { current: index + 1, total: files.length })}`
          : t('backups.import.title')
      }
      onCancel={phase.kind === 'committing' ? undefined : onClose}
      closable={phase.kind !== 'committing'}
      maskClosable={false}
      footer={footer}
      data-testid="import-dialog"
    >
      {phase.kind === 'preparing' || phase.kind === 'committing' ? (
        <Spin
          tip={
            phase.kind === 'preparing'
              ? t('backups.import.reading')
              : t('backups.import.committing')
          }
        >
          <div style={{ minHeight: 120 }} />
        </Spin>
      ) : null}
      {phase.kind === 'passphrase' ? (
        <div>
          <Typography.Paragraph>{file.name}</Typography.Paragraph>
          <Typography.Paragraph>{t('backups.import.passphrase')}</Typography.Paragraph>
          <Input.Password
            autoFocus
            status={phase.isRetry ? 'error' : undefined}
            placeholder={t('backups.import.passphrasePlaceholder')}
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            onPressEnter={() => typed !== '' && setPassphrase(typed)}
          />
        </div>
      ) : null}
      {phase.kind === 'preview' ? (
        <>
          <ImportPreviewView preview={phase.prepared.preview} fileHash={fileHash} />
          <KeyConfirmation
            preview={phase.prepared.preview}
            isTicked={acceptKey}
            onTicked={setAcceptKey}
            operator={operator}
            onOperator={setOperator}
          />
        </>
      ) : null}
      {phase.kind === 'failed' ? (
        <Result
          status="error"
          title={t('backups.import.failedTitle')}
          subTitle={errorText(phase.error)}
        />
      ) : null}
      {phase.kind === 'done' ? (
        <Result status="success" title={t('backups.import.done')} subTitle={phase.message} />
      ) : null}
    </Modal>
  );
};
