// Exporting the panel's score bundle: a warning when sheets are not submitted, an optional
// passphrase, then where the file went and what it holds.
import { Alert, Button, Form, Input, Modal, Result, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Panel, Round } from '../../../../shared/domain/types';
import { getDesktopApi } from '../../../platform/desktopApi';
import { useLabels } from '../../../app/hooks/useLabels';
import type { MatrixCounts } from '../panelMatrix';
import { exportScoreBundle } from './exportScoreBundle';
import type { ExportOutcome } from './exportScoreBundle';

export const ExportScoresDialog = ({
  round,
  panel,
  counts,
  onClose,
}: {
  round: Round;
  panel: Panel;
  counts: MatrixCounts;
  onClose: () => void;
}) => {
  const { t } = useTranslation();
  const labels = useLabels();
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [isBusy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ExportOutcome | null>(null);
  const mismatch = passphrase !== again;

  const run = async () => {
    setBusy(true);
    setOutcome(await exportScoreBundle(round, panel, passphrase === '' ? undefined : passphrase));
    setBusy(false);
  };

  if (outcome?.kind === 'saved') {
    const { counts: c, path } = outcome;
    return (
      <Modal
        open
        onCancel={onClose}
        footer={
          <>
            {path ? (
              <Button onClick={() => void getDesktopApi().file.reveal({ path })}>
                {t('scoring.export.reveal')}
              </Button>
            ) : null}
            <Button type="primary" onClick={onClose}>
              {t('common.confirm')}
            </Button>
          </>
        }
      >
        <Result
          status="success"
          title={t('scoring.export.doneTitle')}
          subTitle={
            <div data-testid="export-result">
              <div>
                {path
                  ? t('scoring.export.where', { path })
                  : t('scoring.export.whereBrowser', { file: outcome.fileName })}
              </div>
              <div>
                {t('scoring.export.counts', {
                  total: c.total,
                  submitted: c.submitted,
                  draft: c.draft,
                  recused: c.recused,
                })}
              </div>
              <div>{t('scoring.export.signedBy', { fingerprint: outcome.fingerprint })}</div>
            </div>
          }
        />
      </Modal>
    );
  }

  return (
    <Modal
      open
      title={t('scoring.export.title', { panel: panel.name })}
      okText={t('scoring.export.export')}
      cancelText={t('common.cancel')}
      confirmLoading={isBusy}
      okButtonProps={{ disabled: mismatch }}
      onOk={() => void run()}
      onCancel={onClose}
    >
      {counts.missing > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="export-warning"
          title={t('scoring.export.missing', {
            count: counts.missing,
            draft: counts.draft,
            notStarted: counts.notStarted,
          })}
        />
      ) : null}
      {outcome?.kind === 'failed' ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('scoring.export.failed', {
            message: labels.isEnglish ? outcome.messageEn : outcome.message,
          })}
        />
      ) : null}
      <Typography.Paragraph type="secondary">{t('scoring.export.body')}</Typography.Paragraph>
      <Form layout="vertical" component="div">
        <Form.Item label={t('scoring.export.passphrase')}>
          <Input.Password value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
        </Form.Item>
        {passphrase !== '' ? (
          <Form.Item
            label={t('scoring.export.passphraseAgain')}
            validateStatus={mismatch && again !== '' ? 'error' : undefined}
            help={mismatch && again !== '' ? t('scoring.export.mismatch') : undefined}
          >
            <Input.Password value={again} onChange={(e) => setAgain(e.target.value)} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
};
